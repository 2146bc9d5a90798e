/** What supplies' screens share: who may do what, amounts, city dates, a lot's state and form pieces. */
import { useMayIn } from '@renxing/ui/actions';
import { cityFormat } from '@renxing/ui/city-time';
import { ACCESS } from '../access.js';
import type { Lot } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

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

export { type Action, useAction } from '@renxing/ui/actions';
