/**
 * What a health officer does to a code, by the contract's rules (never by hand): designate a
 * close contact (green or yellow → red, rule close_contact_red, naming the officer's unit),
 * start a close contact's isolation (14 days, then a negative test in its last 24 h → green),
 * and discharge a confirmed case (14 days of monitoring → green). The greens come later, by rule,
 * when time passes (`settleHealthCode`, applied on every read).
 *
 * Each action is one transaction: lock the person, apply the time rules due by `now`, check the
 * code is in the state the action applies to, apply the events, and append the audit row with the
 * officer's written reason. Repeating an action with the same facts changes nothing (and is
 * audited as such); the same action with other facts is refused. The dates an officer gives pass
 * the rules' admission (rules/admission.ts) against `now` and the code: nothing in the future,
 * no isolation before the designation, no discharge before the confirmation, an isolation start
 * at most 72 h back and a discharge dated when it is recorded — so no officer alone can shorten
 * the isolation or the monitoring. Whether the officer may act for the person (role, scope) is
 * the caller's decision.
 */

import { invalid, RenxingError } from '@renxing/contracts';
import '../errors.js';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import type { HealthCodeEvent, HealthCodeState, RedBasis, Transition } from '../rules/types.js';
import { healthCodeOf, lockHealthCode } from '../store/health-codes.js';
import { applyHealthCodeEvent, firstHealthCodeState, settleHealthCode } from './apply.js';

interface OfficerAction {
  personId: string;
  /** The acting user's id. */
  officerId: string;
  /** The written reason (audited). */
  reason: string;
  /** The city's preset. */
  preset: string;
  /** The clock, epoch seconds: time rules due by then are applied first. */
  now: number;
}

export interface CloseContactInput extends OfficerAction {
  /** The officer's unit, shown to the person. */
  officerUnit: string;
  /** Epoch seconds: also start the isolation then. */
  isolationStart?: number | null;
}

export interface IsolationInput extends OfficerAction {
  /** Epoch seconds. */
  startedAt: number;
}

export interface DischargeInput extends OfficerAction {
  /** Epoch seconds. */
  dischargedAt: number;
}

export interface OfficerActionResult {
  /** The changes of colour the action caused, oldest first. */
  transitions: Transition[];
  /** The code after the action. */
  state: HealthCodeState;
  /** False when the action repeated what was already recorded (nothing stored but the audit row). */
  changed: boolean;
}

const iso = (s: number): string => new Date(s * 1000).toISOString();

const basisOf = (s: HealthCodeState): RedBasis | 'none' => s.redBasis ?? 'none';

/** The request field each event's date came from: those events pass the rules' admission. */
type DateFields = Partial<Record<HealthCodeEvent['kind'], string>>;

async function act(
  db: Db,
  input: OfficerAction,
  action: string,
  plan: (state: HealthCodeState) => HealthCodeEvent[],
  detail: Record<string, unknown>,
  fields: DateFields = {},
): Promise<OfficerActionResult> {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('body.reason', { en: 'write a reason', 'zh-CN': '请填写理由' });
  return db.transaction(async (tx) => {
    const { exists } = await lockHealthCode(tx, input.personId);
    if (!exists) throw new RenxingError('RX_NOT_FOUND');
    // An isolation or monitoring that ended by now ends first: the action sees the code as it is.
    await settleHealthCode(tx, input.personId, input.now, { preset: input.preset });
    const stored = await healthCodeOf(tx, input.personId);
    const before = stored
      ? (stored.state as HealthCodeState)
      : await firstHealthCodeState(tx, input.personId);
    const events = plan(before);
    const transitions: Transition[] = [];
    let state = before;
    for (const event of events) {
      const field = fields[event.kind];
      const applied = await applyHealthCodeEvent(tx, input.personId, event, {
        preset: input.preset,
        ...(field ? { admit: { now: input.now, field } } : {}),
      });
      state = applied.state;
      if (applied.transition) transitions.push(applied.transition);
    }
    const changed = JSON.stringify(state) !== JSON.stringify(before);
    await appendAudit(tx, {
      actor: input.officerId,
      action,
      subjectType: 'person',
      subjectId: input.personId,
      reason,
      detail: {
        ...detail,
        from: before.colour,
        to: state.colour,
        changed,
        rules: transitions.map((t) => t.rule),
      },
    });
    return { transitions, state, changed };
  });
}

/** The isolation_started event for `at`, unless the same start is recorded (refused if another is). */
function isolationEvents(state: HealthCodeState, at: number): HealthCodeEvent[] {
  if (state.isolationStart === at) return [];
  if (state.isolationStart !== null) {
    throw new RenxingError('RX_ISOLATION_STARTED', { at: iso(state.isolationStart) });
  }
  return [{ kind: 'isolation_started', at }];
}

/**
 * Designates the person a close contact at `now` (green or yellow → red; audited as
 * `health_code.close_contact`), and starts the isolation at `isolationStart` when given (not
 * before the designation: for a new designation, `now` at the earliest). A red close contact
 * designated again changes nothing; any other red is refused (`already_red`).
 */
export function designateCloseContact(db: Db, input: CloseContactInput): Promise<OfficerActionResult> {
  const isolationStart = input.isolationStart ?? null;
  return act(
    db,
    input,
    'health_code.close_contact',
    (state) => {
      const events: HealthCodeEvent[] = [];
      if (state.colour === 'red' && state.redBasis !== 'close_contact') {
        throw new RenxingError('RX_ALREADY_RED', { basis: basisOf(state) });
      }
      if (state.colour !== 'red') {
        events.push({
          kind: 'close_contact',
          at: input.now,
          officerUnit: input.officerUnit,
          officerId: input.officerId,
        });
      }
      // Not red yet: no isolation is recorded, so this only checks a red close contact's.
      if (isolationStart !== null) events.push(...isolationEvents(state, isolationStart));
      return events;
    },
    {
      officerUnit: input.officerUnit,
      ...(isolationStart !== null ? { isolationStart: iso(isolationStart) } : {}),
    },
    { isolation_started: 'body.isolationStart' },
  );
}

/**
 * Starts a designated close contact's isolation at `startedAt` (audited as
 * `health_code.isolation_start`). Refused unless the code is red as a close contact
 * (`not_close_contact`), when another start is recorded (`isolation_started`), and by the rules'
 * admission for a start before the designation, in the future or more than 72 h back.
 */
export function startIsolation(db: Db, input: IsolationInput): Promise<OfficerActionResult> {
  return act(
    db,
    input,
    'health_code.isolation_start',
    (state) => {
      if (state.colour !== 'red' || state.redBasis !== 'close_contact') {
        throw new RenxingError('RX_NOT_CLOSE_CONTACT', { colour: state.colour, basis: basisOf(state) });
      }
      return isolationEvents(state, input.startedAt);
    },
    { isolationStart: iso(input.startedAt) },
    { isolation_started: 'body.startedAt' },
  );
}

/**
 * Records a confirmed case's discharge at `dischargedAt` (audited as `health_code.discharge`):
 * the monitoring begins, and the code turns green by rule when it ends. Refused unless the code is
 * red as a case (`not_a_case`), when another discharge is recorded (`already_discharged`), and by
 * the rules' admission for a discharge before the confirmation, in the future, or dated earlier
 * than its recording (beyond the clock skew): the whole monitoring lies after the record.
 */
export function dischargeCase(db: Db, input: DischargeInput): Promise<OfficerActionResult> {
  return act(
    db,
    input,
    'health_code.discharge',
    (state) => {
      if (state.colour !== 'red' || state.redBasis !== 'case') {
        throw new RenxingError('RX_NOT_A_CASE', { colour: state.colour, basis: basisOf(state) });
      }
      if (state.dischargedAt === input.dischargedAt) return [];
      if (state.dischargedAt !== null) {
        throw new RenxingError('RX_ALREADY_DISCHARGED', { at: iso(state.dischargedAt) });
      }
      return [{ kind: 'discharged', at: input.dischargedAt, officerId: input.officerId }];
    },
    { dischargedAt: iso(input.dischargedAt) },
    { discharged: 'body.dischargedAt' },
  );
}
