/** What participation's screens share: who may do what, a form's action, live loads, SLAs, categories and states, figures. */
import type { Role } from '@renxing/ui/api-types';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { useUser } from '@renxing/ui/session';
import { type Loaded, useApi } from '@renxing/ui/use-api';
import { type DependencyList, type FormEvent, useEffect, useState } from 'react';
import { ACCESS } from '../access.js';
import type { Category, ReportState } from './api.js';
import { useWords } from './dictionary.js';

type Operation = keyof typeof ACCESS;

/** Whether the signed-in user may call `operation` (the access table the API enforces). */
export function useMay(): (operation: Operation) => boolean {
  const user = useUser();
  return (operation) => (ACCESS[operation] as readonly Role[]).includes(user.role);
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

/** How often the live screens ask again, ms. */
export const LIVE_MS = 5_000;

/** useApi, asked again every `ms` while the page is visible (reports move as staff handle them). */
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
