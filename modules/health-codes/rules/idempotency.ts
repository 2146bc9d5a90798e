/**
 * Re-running detection never creates a second yellow or a second task for the same
 * (person, case). The key is `companionKey(personId, caseId)`: the state keeps the keys of every
 * companion_found it has applied (`HealthCodeState.companionKeys`), and `applyEvent` ignores a
 * companion_found whose key is already there, whatever the colour is by then (so a person cleared
 * by tests is not turned yellow again by the same case). A task store uses the same key as its
 * unique key.
 */
import type { CompanionFound, HealthCodeState } from './types.js';

/**
 * The stable key of a (person, case) pair: `companion:<personId>:<caseId>`, each part
 * percent-encoded so that no two pairs share a key.
 */
export function companionKey(personId: string, caseId: string): string {
  return `companion:${encodeURIComponent(personId)}:${encodeURIComponent(caseId)}`;
}

/** Whether this companion_found (same person, same case) was already applied to the state. */
export function companionAlreadyApplied(state: HealthCodeState, event: CompanionFound): boolean {
  return state.companionKeys.includes(companionKey(state.personId, event.caseId));
}

/** The state with the event's key remembered (unchanged when it already is). */
export function rememberCompanion(state: HealthCodeState, event: CompanionFound): HealthCodeState {
  if (companionAlreadyApplied(state, event)) return state;
  return { ...state, companionKeys: [...state.companionKeys, companionKey(state.personId, event.caseId)] };
}
