/** What participation's screens share: who may do what, a form's action, live loads, SLAs, categories and states, figures. */
import { useLive as useLiveEvery, useMayIn } from '@renxing/ui/actions';
import type { DependencyList } from 'react';
import { ACCESS } from '../access.js';
import type { Category, ReportState } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export { type Action, useAction } from '@renxing/ui/actions';

/** How often the live screens ask again, ms. */
export const LIVE_MS = 5_000;

/** useApi, asked again every `ms` while the page is visible (reports move as staff handle them). */
export const useLive = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, ms = LIVE_MS) =>
  useLiveEvery(load, deps, ms);

export function CategoryBadge({ category }: { category: Category }) {
  const { t } = useWords();
  return (
    <span className={`badge category-${category}`} data-category={category}>
      {t(`category.${category}`)}
    </span>
  );
}

export function StateBadge({ state }: { state: ReportState }) {
  const { t } = useWords();
  return (
    <span className={`badge report-${state}`} data-state={state}>
      {t(`state.${state}`)}
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
