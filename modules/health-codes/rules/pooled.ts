/**
 * Pooled screening (shared/contracts/screening.md): a positive pooled tube gives its members no
 * individual result but a wait for a single-tube re-test (`HealthCodeState.pooledPending`), which
 * the person's next single-tube result taken after the pooled tube ends. The questions rules.ts
 * asks of that wait; the colour changes themselves are in rules.ts.
 */
import type { HealthCodeState, PcrTest, PooledPending, PooledPositive } from './types.js';

/** The wait of a state (states stored before pooled screening lack the field: none). */
export function pooledPendingOf(state: HealthCodeState): PooledPending | null {
  return state.pooledPending ?? null;
}

/** Whether `test` answers a positive pooled tube sampled at `sampledAt`: a single tube taken strictly after it. */
export function answersPooled(sampledAt: number, test: Pick<PcrTest, 'takenAt' | 'pooled'>): boolean {
  return test.pooled !== true && test.takenAt > sampledAt;
}

/**
 * Whether a pooled positive changes nothing: the history already holds a single-tube result
 * taken after the tube (already answered), or the state already awaits this tube or one sampled
 * no earlier (the same tube applied twice, or one a later re-test answers as well).
 */
export function pooledPositiveIgnored(state: HealthCodeState, event: PooledPositive): boolean {
  if (state.tests.some((t) => answersPooled(event.sampledAt, t))) return true;
  const pending = pooledPendingOf(state);
  return pending !== null && (pending.tube === event.tube || pending.sampledAt >= event.sampledAt);
}

/** The wait `test` ends (it answers the pending tube), or null. */
export function pendingAnsweredBy(state: HealthCodeState, test: PcrTest): PooledPending | null {
  const pending = pooledPendingOf(state);
  return pending !== null && answersPooled(pending.sampledAt, test) ? pending : null;
}
