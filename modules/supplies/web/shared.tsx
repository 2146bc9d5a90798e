/** What supplies' screens share: who may do what, amounts, city dates, a lot's state and form pieces. */
import type { Role } from '@renxing/ui/api-types';
import { cityFormat } from '@renxing/ui/city-time';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { useUser } from '@renxing/ui/session';
import { type FormEvent, useState } from 'react';
import { ACCESS } from '../access.js';
import type { Lot } from './api.js';
import { useWords } from './dictionary.js';

type Operation = keyof typeof ACCESS;

/** Whether the signed-in user may call `operation` (the access table the API enforces). */
export function useMay(): (operation: Operation) => boolean {
  const user = useUser();
  return (operation) => (ACCESS[operation] as readonly Role[]).includes(user.role);
}

/** A quantity as people read it: grouped, up to two decimals. */
export const amount = (x: number, lang: string) =>
  x.toLocaleString(lang, { maximumFractionDigits: 2, minimumFractionDigits: 0 });

const DAY = 86_400_000;
const dateParts = cityFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant's date in the city (YYYY-MM-DD). */
export const cityDate = (iso: string | Date): string => dateParts.format(new Date(iso));

/** Today in the city, or `days` from it (YYYY-MM-DD). */
export const cityToday = (days = 0): string => cityDate(new Date(Date.now() + days * DAY));

/** A lot's expiry date as chosen (YYYY-MM-DD): expired from that day's start in the city. */
export const expiryInstant = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

export type LotState = 'expired' | 'expiring' | 'ok' | 'never';

/** A lot's state now: past its expiry, within 30 days of it, further off, or never expiring. */
export function lotState(expiresAt: string | null, now = Date.now()): LotState {
  if (expiresAt === null) return 'never';
  const t = Date.parse(expiresAt);
  if (t <= now) return 'expired';
  return t <= now + 30 * DAY ? 'expiring' : 'ok';
}

export function LotBadge({ lot }: { lot: Pick<Lot, 'expiresAt'> }) {
  const { t } = useWords();
  const state = lotState(lot.expiresAt);
  return (
    <span className={`badge lot-${state}`} data-state={state}>
      {t(`status.${state}`)}
    </span>
  );
}

export interface Action {
  busy: boolean;
  error: ApiError | null;
  /** A form's submit handler running `work`, busy meanwhile; its failure becomes `error`. */
  submit: (work: () => Promise<void>) => (e: FormEvent) => void;
}

/** What a form's button does: one call at a time, its refusal kept to show. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (work: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    work().then(
      () => setBusy(false),
      (err: unknown) => {
        setError(asApiError(err));
        setBusy(false);
      },
    );
  };
  return { busy, error, submit };
}
