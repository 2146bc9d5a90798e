/**
 * Stock in lots (shared/contracts/preparedness.md, Supplies): what is usable at an instant, the
 * order issues take lots in (first expiring, first out), and what a movement takes from each lot —
 * or that it is refused whole. Pure: instants are epoch milliseconds, passed in.
 */

export const MOVEMENT_KINDS = ['receive', 'issue', 'transfer', 'adjust', 'expire'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** A lot expiring within this many days raises an alert. */
export const EXPIRY_ALERT_DAYS = 30;
const DAY = 86_400_000;

export interface LotLike {
  id: string;
  quantity: number;
  /** Epoch ms at which the lot is expired; null: it does not expire. */
  expiresAt: number | null;
  /** Epoch ms of its first receipt. */
  receivedAt: number;
}

/** A lot is expired from its expiry instant on. */
export const expiredAt = (lot: Pick<LotLike, 'expiresAt'>, t: number): boolean =>
  lot.expiresAt !== null && lot.expiresAt <= t;

/** Usable at `t`: not expired then. */
export const usableAt = (lot: Pick<LotLike, 'expiresAt'>, t: number): boolean => !expiredAt(lot, t);

/** Whether a lot holding stock expires within EXPIRY_ALERT_DAYS of `now` (or has expired). */
export const expiringSoon = (lot: Pick<LotLike, 'expiresAt' | 'quantity'>, now: number): boolean =>
  lot.quantity > 0 && lot.expiresAt !== null && lot.expiresAt <= now + EXPIRY_ALERT_DAYS * DAY;

/** First expiring, first out: by expiry (never-expiring last), then the oldest receipt, then id. */
export function fefo(a: LotLike, b: LotLike): number {
  const ea = a.expiresAt ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.receivedAt !== b.receivedAt) return a.receivedAt - b.receivedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Take {
  lotId: string;
  quantity: number;
}

/**
 * What an issue (or a transfer out) of `quantity` takes at `now`: the usable lots first expiring,
 * first out, until it is met — or, when the usable stock is less, a refusal stating what is
 * available (nothing is taken: a movement is refused whole). Expired lots are never issued; they
 * leave by an `expire` movement.
 */
export function takeFefo(
  lots: readonly LotLike[],
  quantity: number,
  now: number,
): { ok: true; takes: Take[] } | { ok: false; available: number } {
  const usable = lots.filter((l) => l.quantity > 0 && usableAt(l, now)).sort(fefo);
  const available = usable.reduce((n, l) => n + l.quantity, 0);
  if (available < quantity) return { ok: false, available };
  const takes: Take[] = [];
  let left = quantity;
  for (const lot of usable) {
    if (left === 0) break;
    const q = Math.min(left, lot.quantity);
    takes.push({ lotId: lot.id, quantity: q });
    left -= q;
  }
  return { ok: true, takes };
}

/** The lots an `expire` movement writes off at `now`: those past their expiry still holding stock. */
export function expiredLots<L extends LotLike>(lots: readonly L[], now: number): L[] {
  return lots.filter((l) => l.quantity > 0 && expiredAt(l, now)).sort(fefo);
}

/** Whether a quantity is a whole count a movement may move (1 … max). */
export const validQuantity = (q: number, max: number): boolean =>
  Number.isSafeInteger(q) && q >= 1 && q <= max;
