/** What mutual aid's screens share: who may do what, a form's action, live loads, needs, states, distances and windows. */
import { useLive as useLiveEvery, useMayIn } from '@renxing/ui/actions';
import { cityFormat } from '@renxing/ui/city-time';
import type { DependencyList } from 'react';
import { ACCESS } from '../access.js';
import { type AidEventState, NEEDS, type Need, type Urgency } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export { type Action, useAction } from '@renxing/ui/actions';

/** How often the live screens ask again, ms. */
export const LIVE_MS = 5_000;

/** useApi, asked again every `ms` while the page is visible (requests move as volunteers answer). */
export const useLive = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, ms = LIVE_MS) =>
  useLiveEvery(load, deps, ms);

const isNeed = (s: string): s is Need => (NEEDS as readonly string[]).includes(s);

/** A need's name in the console's language (one the console does not know, as written). */
export function useNeedName(): (need: string) => string {
  const { t } = useWords();
  return (need) => (isNeed(need) ? t(`need.${need}`) : need);
}

export function StateBadge({ state }: { state: AidEventState }) {
  const { t } = useWords();
  return (
    <span className={`badge aid-${state}`} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useWords();
  return (
    <span className={`badge urgency-${urgency}`} data-urgency={urgency}>
      {t(`urgency.${urgency}`)}
    </span>
  );
}

/** A distance in metres as people read it. */
export function useDistance(): (m: number) => string {
  const { t } = useWords();
  return (m) => (m < 1000 ? t('metres', { m: Math.round(m) }) : t('km', { km: (m / 1000).toFixed(1) }));
}

/** A window `from – to` in the city's time, the day said once when both ends share it. */
export function useWindow(): (from: string, to: string) => string {
  const { t, lang } = useWords();
  const full = cityFormat(lang, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const day = cityFormat(lang, { year: 'numeric', month: 'numeric', day: 'numeric' });
  const clock = cityFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false });
  return (from, to) => {
    const a = new Date(from);
    const b = new Date(to);
    const sameDay = day.format(a) === day.format(b);
    return t('window', { from: full.format(a), to: sameDay ? clock.format(b) : full.format(b) });
  };
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
