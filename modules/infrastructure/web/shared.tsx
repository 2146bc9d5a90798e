/** What infrastructure's screens share: who may do what, live loads, a form's action, kinds' names and badges, figures. */
import { useLive as useLiveEvery, useMayIn } from '@renxing/ui/actions';
import type { DependencyList } from 'react';
import { ACCESS } from '../access.js';
import type { AlarmState, AssetType } from './api.js';
import { useWords } from './dictionary.js';
import { isKnownKind, kindColour } from './kinds.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

/** How often the network map and the alarms board ask again, ms. */
export const LIVE_MS = 10_000;
/** How often the alarms board asks again, ms. */
export const ALARMS_MS = 5_000;

/** useApi, asked again every `ms` while the page is visible (alarms and readings are live). */
export const useLive = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, ms = LIVE_MS) =>
  useLiveEvery(load, deps, ms);

export { type Action, useAction } from '@renxing/ui/actions';

/** A kind's name in the console's language (a kind the console does not know, as written). */
export function useKindName(): (kind: string) => string {
  const { t } = useWords();
  return (kind) => (isKnownKind(kind) ? t(`kind.${kind}`) : kind);
}

export function KindBadge({ kind }: { kind: string }) {
  const name = useKindName();
  return (
    <span className="badge infra-kind" data-kind={kind}>
      <span className="swatch" style={{ background: kindColour(kind) }} aria-hidden="true" />
      {name(kind)}
    </span>
  );
}

export function TypeName({ type }: { type: AssetType }) {
  const { t } = useWords();
  return <>{t(`type.${type}`)}</>;
}

export function AlarmStateBadge({ state }: { state: AlarmState }) {
  const { t } = useWords();
  return (
    <span className={`badge alarm-${state}`} data-state={state}>
      {t(`alarmState.${state}`)}
    </span>
  );
}

/** Whether an asset works, is offline or has alarms open, as one badge each. */
export function AssetState({ asset }: { asset: { working: boolean; offline: boolean; openAlarms: number } }) {
  const { t } = useWords();
  return (
    <span className="asset-state">
      <span className={`badge ${asset.working ? 'asset-working' : 'asset-down'}`}>
        {t(asset.working ? 'asset.working' : 'asset.down')}
      </span>
      {asset.offline ? <span className="badge asset-offline">{t('asset.offline')}</span> : null}
      {asset.openAlarms > 0 ? (
        <span className="badge alarm-open">{t('asset.alarms', { n: asset.openAlarms })}</span>
      ) : null}
    </span>
  );
}

/** Figures as the dashboard shows them: a label over a number. */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: number | undefined; tone?: string }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div
          key={f.key}
          className={`figure ${f.tone ? `figure-${f.tone}` : ''}`}
          data-figure={f.key}
          data-value={f.value}
        >
          <dt>{f.label}</dt>
          <dd>{f.value === undefined ? '…' : f.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
