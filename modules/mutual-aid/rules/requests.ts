/**
 * Mutual-aid requests (shared/contracts/social.md): the state machine and the duplicate rule.
 *
 * States `open → matched → accepted → done`; a volunteer's decline puts a matched request back to
 * `open`; `cancelled` (by the requester or staff, before it is done) and `expired` (its window
 * passed while still unmatched — open, or matched but not accepted) end it.
 *
 * A request with the same requester, the same need and a window overlapping (positive length)
 * that of one still in progress (open, matched or accepted) is that request: no duplicate is made.
 */
import { overlaps, type TimeWindow } from './match-types.js';

export const AID_STATES = ['open', 'matched', 'accepted', 'done', 'cancelled', 'expired'] as const;
export type AidStateName = (typeof AID_STATES)[number];
export const AID_EVENTS = ['match', 'accept', 'decline', 'complete', 'cancel', 'expire'] as const;
export type AidEventName = (typeof AID_EVENTS)[number];

/** The states still in progress. */
export const ACTIVE_AID_STATES: readonly AidStateName[] = ['open', 'matched', 'accepted'];

const MOVES: Record<AidEventName, { from: readonly AidStateName[]; to: AidStateName }> = {
  match: { from: ['open'], to: 'matched' },
  accept: { from: ['matched'], to: 'accepted' },
  decline: { from: ['matched'], to: 'open' },
  complete: { from: ['accepted'], to: 'done' },
  cancel: { from: ['open', 'matched', 'accepted'], to: 'cancelled' },
  expire: { from: ['open', 'matched'], to: 'expired' },
};

/** The state an event leads to, or null when the event is not allowed in `state`. */
export function nextAidState(state: AidStateName, event: AidEventName): AidStateName | null {
  const m = MOVES[event];
  return m.from.includes(state) ? m.to : null;
}

/** Whether a request not yet taken has outlived its window at `now` (epoch seconds). */
export const hasExpired = (r: { state: AidStateName; to: number }, now: number): boolean =>
  (r.state === 'open' || r.state === 'matched') && now >= r.to;

export interface AidRequestKey extends TimeWindow {
  id: string;
  requester: string;
  need: string;
  state: AidStateName;
}

/** The request (in progress) that `candidate` repeats — the first such in `existing` — or null. */
export function findDuplicateRequest(
  candidate: Omit<AidRequestKey, 'id' | 'state'>,
  existing: readonly AidRequestKey[],
): AidRequestKey | null {
  return (
    existing.find(
      (e) =>
        ACTIVE_AID_STATES.includes(e.state) &&
        e.requester === candidate.requester &&
        e.need === candidate.need &&
        overlaps(e, candidate),
    ) ?? null
  );
}
