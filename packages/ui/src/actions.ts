/** Hooks the modules' screens share: who may do what, a form's action, a live load. */
import { type DependencyList, type FormEvent, useEffect, useState } from 'react';
import type { Role } from './api-types.js';
import { type ApiError, asApiError } from './client.js';
import { useUser } from './session.js';
import { type Loaded, useApi } from './use-api.js';

/** A module's access table as the console reads it: each operation's roles, or 'public' (anyone). */
export type AccessTable<Operation extends string = string> = Readonly<
  Record<Operation, readonly Role[] | 'public'>
>;

/** Whether the signed-in user may call an operation of `access` (the table the API enforces). */
export function useMayIn<Operation extends string>(
  access: AccessTable<Operation>,
): (operation: Operation) => boolean {
  const user = useUser();
  return (operation) => {
    const who = access[operation];
    return who === 'public' || who.includes(user.role);
  };
}

export interface Action {
  busy: boolean;
  error: ApiError | null;
  setError: (error: ApiError | null) => void;
  /** Runs `work`, busy meanwhile; its failure becomes `error` (cleared as it starts), or goes to `onRefused`. */
  run: (work: () => Promise<void>) => Promise<void>;
  /** A form's submit handler that runs `work`. */
  submit: (work: () => Promise<void>) => (e: FormEvent) => void;
}

/**
 * What a form's button does: one call to the API at a time, its refusal kept to show (or handed
 * to `onRefused`, which then shows it its own way).
 */
export function useAction(onRefused?: (error: ApiError) => void): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      if (onRefused) onRefused(asApiError(err));
      else setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  const submit = (work: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    void run(work);
  };
  return { busy, error, setError, run, submit };
}

/** useApi, asked again every `ms` while the page is visible (for what is live). */
export function useLive<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  ms: number,
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
