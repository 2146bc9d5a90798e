import type { Case, DetectionState } from '@renxing/ui/api-types';
import { useT } from '@renxing/ui/i18n';

export function DetectionBadge({ state }: { state: DetectionState }) {
  const t = useT();
  return <span className={`badge detection-${state}`}>{t(`cases.detectionState.${state}`)}</span>;
}

/** The detection's progress: a labelled progress bar while it runs, the result when done. */
export function DetectionProgress({ detection }: { detection: Case['detection'] }) {
  const t = useT();
  const p = detection.progress;
  const total = p?.total ?? 0;
  const percent =
    detection.state === 'done'
      ? 100
      : total > 0
        ? Math.min(100, Math.round((100 * (p?.done ?? 0)) / total))
        : detection.state === 'running'
          ? 5
          : 0;
  const label = t('cases.progress', { percent });
  return (
    <div className="stack" data-testid="detection" data-state={detection.state}>
      <div className="row">
        <DetectionBadge state={detection.state} />
        <span role="status">{label}</span>
        {p?.phase && detection.state === 'running' ? (
          <span className="muted">{t(`cases.phase.${p.phase}`)}</span>
        ) : null}
      </div>
      <progress className="progress" max={100} value={percent} aria-label={label} />
      {detection.error ? (
        <p className="error" role="alert">
          {detection.error}
        </p>
      ) : null}
    </div>
  );
}
