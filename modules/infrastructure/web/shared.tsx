/** What infrastructure's screens share: who may do what, live loads, a form's action, kinds' names and badges, figures. */
import type { Role } from '@renxing/ui/api-types';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { useUser } from '@renxing/ui/session';
import { type Loaded, useApi } from '@renxing/ui/use-api';
import { type DependencyList, type FormEvent, useEffect, useState } from 'react';
import { ACCESS } from '../access.js';
import type { AlarmState, AssetType } from './api.js';
import { useWords } from './dictionary.js';
import { isKnownKind, kindColour } from './kinds.js';

type Operation = keyof typeof ACCESS;

/** Whether the signed-in user may call `operation` (the access table the API enforces). */
export function useMay(): (operation: Operation) => boolean {
  const user = useUser();
  return (operation) => (ACCESS[operation] as readonly Role[]).includes(user.role);
}

/** How often the network map and the alarms board ask again, ms. */
export const LIVE_MS = 10_000;
/** How often the alarms board asks again, ms. */
export const ALARMS_MS = 5_000;

/** useApi, asked again every `ms` while the page is visible (alarms and readings are live). */
export function useLive<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  ms: number = LIVE_MS,
): Loaded<T> {
  const loaded = useApi(load, deps);
  const { reload } = loaded;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, ms);
    return () => clearInterval(timer);
  }, [reload, ms]);
  return loaded;
}

export interface Action {
  busy: boolean;
  error: ApiError | null;
  run: (work: () => Promise<void>) => Promise<void>;
  submit: (work: () => Promise<void>) => (e: FormEvent) => void;
}

/** One call to the API at a time, its refusal kept to show. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  const submit = (work: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    void run(work);
  };
  return { busy, error, run, submit };
}

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
