/**
 * The learning loop's figures over corrective actions: open and overdue, the share closed by a
 * revision, and the median days from the review that recorded an action to the revision that
 * closed it. Instants are epoch milliseconds. Pure.
 */

const DAY = 86_400_000;

export interface ActionFacts {
  due: number;
  reviewedAt: number;
  /** When a published version closed it; null while open. */
  closedAt: number | null;
}

export interface LoopMetrics {
  actions: number;
  open: number;
  /** Open past their due date. */
  overdue: number;
  closed: number;
  /** closed / actions; null without actions. */
  closedShare: number | null;
  /** Median days from review to revision over the closed actions; null when none is closed. */
  medianDaysToRevision: number | null;
}

/** The median of `xs` (the mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function loopMetrics(actions: readonly ActionFacts[], now: number): LoopMetrics {
  const open = actions.filter((a) => a.closedAt === null);
  const closed = actions.filter((a) => a.closedAt !== null);
  const days = median(closed.map((a) => ((a.closedAt as number) - a.reviewedAt) / DAY));
  return {
    actions: actions.length,
    open: open.length,
    overdue: open.filter((a) => a.due < now).length,
    closed: closed.length,
    closedShare: actions.length === 0 ? null : closed.length / actions.length,
    medianDaysToRevision: days === null ? null : Math.round(days * 10) / 10,
  };
}
