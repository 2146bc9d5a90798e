/** Loads one thing from the API for a component: each widget loads on its own. */
import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from './client.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(
          e instanceof ApiError ? e : new ApiError(0, 'RX_CLIENT', String((e as Error)?.message ?? e)),
        );
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, tick]);

  return { data, error, loading, reload };
}
