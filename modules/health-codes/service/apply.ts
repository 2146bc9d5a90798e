/**
 * Applying health-code events to stored codes: one transaction that locks the person, loads the
 * code (no row: the domain's initial green with the PCR results already stored for the person),
 * runs the domain's `applyEvent`, saves the new state and stores the transition it caused. The
 * rules are all in @renxing/domain; this is only I/O.
 */
import { RenxingError } from '@renxing/contracts';
import '../errors.js';
import type { Db } from '@renxing/db';
import { type Admission, admitEvent } from '../rules/admission.js';
import { byTakenAt } from '../rules/pcr.js';
import { type HealthCodePreset, healthCodePreset } from '../rules/presets.js';
import { applyEvent, initialState } from '../rules/rules.js';
import type { HealthCodeEvent, HealthCodeState, PcrTest, Transition } from '../rules/types.js';
import {
  healthCodeHistory,
  healthCodeOf,
  insertHealthCodeTransition,
  lockHealthCode,
  type StoredHealthCodeTransition,
  saveHealthCode,
} from '../store/health-codes.js';
import { pcrHistoryOf } from '../store/test-results.js';

/** Why a health-code service call was refused (stable codes, mapped to RX_ codes by the API). */
/** The preset with this id; throws RX_UNKNOWN_PRESET otherwise. */
export function presetOf(id: string): HealthCodePreset {
  const preset = healthCodePreset(id);
  if (!preset) throw new RenxingError('RX_UNKNOWN_PRESET', { preset: id });
  return preset;
}

/**
 * Applies one event to a person's stored code in one transaction (a savepoint when `db` is
 * already a transaction): lock, load, `applyEvent`, save the state, store the transition with
 * `case_id` (companion_yellow: `options.caseId`, else the event's caseId; confirmed_red:
 * `options.caseId`) or `override_request_id` (override: required). Nothing is written when the
 * event changes nothing, so re-applying the same companion event for the same (person, case) is a
 * no-op. With `options.admit` (an event a person records now: an officer's, a laboratory's, a
 * case registration's), the rules' admission (rules/admission.ts) first checks its date against
 * the clock and the stored code. Throws RX_NOT_FOUND for an unknown person, RX_UNKNOWN_PRESET for
 * an unknown preset, RX_OVERRIDE_REFUSED for an override that is not a valid two-person override,
 * and RX_EVENT_IN_FUTURE, RX_EVENT_BEFORE_STATE or RX_EVENT_TOO_OLD (naming `admit.field`) for a
 * date the rules refuse.
 */
export async function applyHealthCodeEvent(
  db: Db,
  personId: string,
  event: HealthCodeEvent,
  options: { preset: string; caseId?: string; overrideRequestId?: string; admit?: Admission },
): Promise<{ transition: Transition | null; state: HealthCodeState }> {
  const preset = presetOf(options.preset);
  if (event.kind === 'override_approved' && !options.overrideRequestId) {
    // A programming error, not a user's: overrides arrive only through decideHealthCodeOverride.
    throw new Error('an override is applied only for a stored, approved override request');
  }
  return db.transaction(async (tx) => {
    const { exists, code } = await lockHealthCode(tx, personId);
    if (!exists) throw new RenxingError('RX_NOT_FOUND');
    const before = code
      ? (code.state as HealthCodeState)
      : await firstHealthCodeState(tx, personId, event.kind === 'pcr_result' ? event.testId : undefined);
    if (options.admit) admitEvent(before, event, options.admit);
    const { state, transition } = applyEvent(before, event, preset);
    if (!transition && JSON.stringify(state) === JSON.stringify(before)) return { transition: null, state };
    await saveHealthCode(tx, state, state, preset.id, code?.version ?? null);
    if (transition) {
      const caseId =
        transition.rule === 'companion_yellow'
          ? (options.caseId ?? (event.kind === 'companion_found' ? event.caseId : undefined))
          : transition.rule === 'confirmed_red'
            ? options.caseId
            : undefined;
      await insertHealthCodeTransition(tx, {
        ...transition,
        caseId: caseId ?? null,
        overrideRequestId: transition.rule === 'override' ? options.overrideRequestId : null,
      });
    }
    return { transition, state };
  });
}

/**
 * The code of a person without a stored one: the initial green with their stored PCR results as
 * its history (screening stores negatives in bulk without a code for people who stay green, and
 * a later rule must still count them), less the row `exceptTestId` (the one an event carries).
 */
export async function firstHealthCodeState(
  db: Db,
  personId: string,
  exceptTestId?: string,
): Promise<HealthCodeState> {
  const rows = await pcrHistoryOf(db, personId, exceptTestId);
  const tests = rows
    .map((r): PcrTest => {
      const test: PcrTest = { testId: r.id, takenAt: r.sampledAt, result: r.result };
      if (r.pooled) test.pooled = true;
      return test;
    })
    .sort(byTakenAt);
  return { ...initialState(personId), tests };
}

/** A stored transition as the domain's Transition. */
export function toTransition(t: StoredHealthCodeTransition): Transition {
  return {
    personId: t.personId,
    from: t.from,
    to: t.to,
    at: t.at,
    rule: t.rule as Transition['rule'],
    preset: t.preset,
    evidence: t.evidence as Transition['evidence'],
    actors: [...t.actors],
    reason: t.reason as Transition['reason'],
  };
}

export interface LoadedHealthCode {
  state: HealthCodeState;
  /** The preset the code was last changed under (the given default when it never changed). */
  preset: string;
  history: StoredHealthCodeTransition[];
}

/** A person's code (their initial green when none is stored) and its history, oldest first. No lock. */
export async function loadHealthCode(
  db: Db,
  personId: string,
  defaultPreset: string,
): Promise<LoadedHealthCode> {
  const [code, history] = await Promise.all([healthCodeOf(db, personId), healthCodeHistory(db, personId)]);
  return {
    state: code ? (code.state as HealthCodeState) : initialState(personId),
    preset: code?.preset ?? defaultPreset,
    history,
  };
}

/**
 * Lets the time rules fire (end of isolation, end of monitoring) at `now`: a tick is stored only
 * when it changes the colour, so reading a code does not write unless the code really changed.
 */
export async function settleHealthCode(
  db: Db,
  personId: string,
  now: number,
  options: { preset: string },
): Promise<Transition | null> {
  const code = await healthCodeOf(db, personId);
  if (!code) return null;
  const preview = applyEvent(code.state as HealthCodeState, { kind: 'tick', now }, presetOf(options.preset));
  if (!preview.transition) return null;
  return (await applyHealthCodeEvent(db, personId, { kind: 'tick', now }, options)).transition;
}
