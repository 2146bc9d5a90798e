/**
 * The health-code state machine: the transition table of shared/contracts/health-code.md, one
 * event at a time. `applyEvent` first applies what the event itself does (a companion, a case, a
 * designation, a positive result, an override), then, when that changed no colour, the rules that
 * depend on evidence and time (two negatives, end of isolation, end of monitoring) against the
 * state's clock. At most one transition per event (a rule that becomes true by an event that
 * already changed the colour fires on the next event or tick).
 *
 * Instants: an event with its own instant (companion, confirmation, designation, override)
 * changes the code at that instant; a PCR result and the time rules change it at the state's
 * clock, the latest instant any applied event proved (a tick's now, an event's at, a test's
 * takenAt or reportedAt), so results arriving late or out of order are handled.
 *
 * The person's PCR history lives in the state (`tests`), so a test taken earlier is re-evaluated
 * on any later event, a `tick` included.
 *
 * Pooled screening (pooled.ts): a positive pooled tube turns a green yellow at the event's `at`
 * and awaits a single-tube re-test; the first single-tube result taken after the tube ends the
 * wait, and a negative one turns that yellow green at once (at the clock). A pooled negative is a
 * negative like any other for the other rules, but never ends the wait.
 */
import { RenxingError } from '@renxing/contracts';
import '../errors.js';
import { companionAlreadyApplied, rememberCompanion } from './idempotency.js';
import { overrideRefusal } from './overrides.js';
import { addTest, clearingNegatives, isolationRelease } from './pcr.js';
import { pendingAnsweredBy, pooledPositiveIgnored } from './pooled.js';
import { DEFAULT_PRESET, type HealthCodePreset, negativeWindowEnd } from './presets.js';
import type {
  Colour,
  EpochSeconds,
  Evidence,
  HealthCodeEvent,
  HealthCodeState,
  PcrResult,
  PcrTest,
  PersonReason,
  PooledPositive,
  Transition,
} from './types.js';

export interface ApplyResult {
  state: HealthCodeState;
  transition: Transition | null;
}

/** Everyone starts green. */
export function initialState(personId: string): HealthCodeState {
  return {
    personId,
    colour: 'green',
    since: null,
    reason: { kind: 'initial' },
    redBasis: null,
    yellowSince: null,
    isolationStart: null,
    dischargedAt: null,
    dischargedBy: null,
    tests: [],
    pooledPending: null,
    companionKeys: [],
    clock: null,
  };
}

/** The latest instant an event proves has been reached. */
function instantOf(event: HealthCodeEvent): EpochSeconds {
  switch (event.kind) {
    case 'tick':
      return event.now;
    case 'pcr_result':
      return Math.max(event.takenAt, event.reportedAt ?? event.takenAt);
    default:
      return event.at;
  }
}

type Change = Pick<HealthCodeState, 'redBasis' | 'yellowSince' | 'isolationStart'>;

/** A change of colour (or of the red's basis) by a rule; fields of the old colour are cleared. */
function change(
  state: HealthCodeState,
  preset: HealthCodePreset,
  to: Colour,
  at: EpochSeconds,
  evidence: Evidence,
  actors: string[],
  reason: PersonReason,
  set: Partial<Change> = {},
): ApplyResult {
  const next: HealthCodeState = {
    ...state,
    colour: to,
    since: at,
    reason,
    redBasis: null,
    yellowSince: null,
    isolationStart: null,
    dischargedAt: null,
    dischargedBy: null,
    ...set,
  };
  const transition: Transition = {
    personId: state.personId,
    from: state.colour,
    to,
    at,
    rule: evidence.rule,
    preset: preset.id,
    evidence,
    actors,
    reason,
  };
  return { state: next, transition };
}

const none = (state: HealthCodeState): ApplyResult => ({ state, transition: null });

/**
 * Applies one event under a preset. Returns the new state and the transition it caused, or null.
 * Never mutates `state`. Throws RX_OVERRIDE_REFUSED for an override that is not a valid
 * two-person override.
 */
export function applyEvent(
  state: HealthCodeState,
  event: HealthCodeEvent,
  preset: HealthCodePreset = DEFAULT_PRESET,
): ApplyResult {
  if (event.kind === 'companion_found' && companionAlreadyApplied(state, event)) return none(state);
  if (event.kind === 'pooled_positive' && pooledPositiveIgnored(state, event)) return none(state);
  if (event.kind === 'override_approved') {
    const refusal = overrideRefusal(event);
    if (refusal) throw new RenxingError('RX_OVERRIDE_REFUSED', { refusal });
  }
  const t = instantOf(event);
  const clocked = { ...state, clock: state.clock === null ? t : Math.max(state.clock, t) };
  const direct = applyDirect(clocked, event, preset);
  return direct.transition ? direct : settle(direct.state, preset);
}

/** What the event itself does. */
function applyDirect(s: HealthCodeState, event: HealthCodeEvent, preset: HealthCodePreset): ApplyResult {
  switch (event.kind) {
    case 'companion_found': {
      const next = rememberCompanion(s, event);
      // Yellow from green: it never overrides red, and a second case keeps the first yellow. A
      // yellow of a pooled positive is re-based on the case (yellow → yellow): a single re-test
      // no longer clears it, the negatives counted from the companion do.
      const rebase = next.colour === 'yellow' && next.reason.kind === 'pooled_positive';
      if (next.colour !== 'green' && !rebase) return none(next);
      const { caseId, caseLabel, cell, overlapStart, overlapEnd, at } = event;
      return change(
        next,
        preset,
        'yellow',
        at,
        { rule: 'companion_yellow', caseId, caseLabel, cell, overlapStart, overlapEnd, foundAt: at },
        [],
        { kind: 'companion', at, caseLabel, cell, overlapStart, overlapEnd },
        { yellowSince: at },
      );
    }
    case 'confirmed_case':
      // Already a confirmed case (and not discharged since): nothing new.
      if (s.colour === 'red' && s.redBasis === 'case' && s.dischargedAt === null) return none(s);
      return change(
        s,
        preset,
        'red',
        event.at,
        { rule: 'confirmed_red', confirmedAt: event.at },
        [],
        { kind: 'confirmed_case', at: event.at },
        { redBasis: 'case' },
      );
    case 'close_contact':
      // From green or yellow only.
      if (s.colour === 'red') return none(s);
      return change(
        s,
        preset,
        'red',
        event.at,
        {
          rule: 'close_contact_red',
          designatedAt: event.at,
          officerUnit: event.officerUnit,
          officerId: event.officerId,
        },
        [event.officerId],
        { kind: 'close_contact', at: event.at, officerUnit: event.officerUnit },
        { redBasis: 'close_contact' },
      );
    case 'pcr_result':
      return applyPcr(s, event, preset);
    case 'pooled_positive':
      return applyPooledPositive(s, event, preset);
    case 'isolation_started':
      if (s.colour !== 'red' || s.redBasis !== 'close_contact' || s.isolationStart !== null) return none(s);
      return none({ ...s, isolationStart: event.at });
    case 'discharged':
      if (s.colour !== 'red' || s.redBasis !== 'case' || s.dischargedAt !== null) return none(s);
      return none({ ...s, dischargedAt: event.at, dischargedBy: event.officerId });
    case 'override_approved': {
      if (event.to === s.colour) return none(s);
      const { requestedBy, approvedBy, reasons, requestedAt, at } = event;
      return change(
        s,
        preset,
        event.to,
        at,
        { rule: 'override', requestedBy, approvedBy, reasons: { ...reasons }, requestedAt, approvedAt: at },
        [requestedBy, approvedBy],
        { kind: 'override', at },
        event.to === 'red' ? { redBasis: 'override' } : event.to === 'yellow' ? { yellowSince: at } : {},
      );
    }
    case 'tick':
      return none(s);
  }
}

/**
 * A positive pooled tube (not already answered or awaited: see `pooledPositiveIgnored`) is
 * awaited; from green it turns yellow at the event's `at`, from yellow or red the colour stays.
 */
function applyPooledPositive(
  s: HealthCodeState,
  event: PooledPositive,
  preset: HealthCodePreset,
): ApplyResult {
  const { tube, sampledAt, at } = event;
  const next: HealthCodeState = { ...s, pooledPending: { tube, sampledAt } };
  if (next.colour !== 'green') return none(next);
  return change(
    next,
    preset,
    'yellow',
    at,
    { rule: 'pooled_positive', tube, sampledAt, at },
    [],
    { kind: 'pooled_positive', tube, sampledAt, at },
    { yellowSince: at },
  );
}

/**
 * A PCR result joins the history (a testId already known is ignored: first result wins). A
 * positive makes red from any colour; for a confirmed case it only matters when taken at or after
 * the discharge (it cancels the discharge), and a red that is already "positive" stays as it is.
 * A single-tube result taken after an awaited pooled tube ends the wait; a negative one turns the
 * yellow of that pooled positive green.
 */
function applyPcr(s: HealthCodeState, event: PcrResult, preset: HealthCodePreset): ApplyResult {
  const test: PcrTest = { testId: event.testId, takenAt: event.takenAt, result: event.result };
  if (event.pooled) test.pooled = true;
  const tests = addTest(s.tests, test);
  if (tests === s.tests) return none(s);
  const answered = pendingAnsweredBy(s, test);
  const next: HealthCodeState = answered ? { ...s, tests, pooledPending: null } : { ...s, tests };
  if (test.result !== 'positive') {
    if (!answered || next.colour !== 'yellow' || next.reason.kind !== 'pooled_positive') return none(next);
    const { tube, sampledAt } = answered;
    return change(
      next,
      preset,
      'green',
      next.clock!,
      { rule: 'retest_negative_green', tube, sampledAt, test },
      [],
      { kind: 'retest_negative', tube, test },
    );
  }
  if (next.colour === 'red') {
    if (next.redBasis === 'positive') return none(next);
    if (next.redBasis === 'case' && (next.dischargedAt === null || test.takenAt < next.dischargedAt)) {
      return none(next);
    }
  }
  const basis = next.redBasis === 'case' ? 'case' : 'positive';
  return change(
    next,
    preset,
    'red',
    next.clock!,
    { rule: 'positive_red', test },
    [],
    { kind: 'positive_test', test },
    { redBasis: basis },
  );
}

/** The rules that fire on evidence and time, at the state's clock. */
function settle(s: HealthCodeState, preset: HealthCodePreset): ApplyResult {
  const now = s.clock;
  if (now === null) return none(s);
  if (s.colour === 'yellow' && s.yellowSince !== null) {
    const tests = clearingNegatives(s.tests, s.yellowSince, preset);
    if (!tests) return none(s);
    const windowEnd = negativeWindowEnd(preset, s.yellowSince);
    return change(
      s,
      preset,
      'green',
      now,
      { rule: 'two_negatives_green', yellowSince: s.yellowSince, windowEnd, tests },
      [],
      { kind: 'negative_tests', tests },
    );
  }
  if (s.colour === 'red' && s.redBasis === 'close_contact' && s.isolationStart !== null) {
    const release = isolationRelease(s.tests, s.isolationStart, now, preset);
    if (!release) return none(s);
    const { isolationEnd, test } = release;
    const isolationStart = s.isolationStart;
    return change(
      s,
      preset,
      'green',
      now,
      { rule: 'isolation_complete_green', isolationStart, isolationEnd, test },
      [],
      { kind: 'isolation_complete', isolationStart, isolationEnd, test },
    );
  }
  if (s.colour === 'red' && s.redBasis === 'case' && s.dischargedAt !== null) {
    const monitoringEnd = s.dischargedAt + preset.monitoringPeriod;
    if (now < monitoringEnd) return none(s);
    const dischargedAt = s.dischargedAt;
    return change(
      s,
      preset,
      'green',
      now,
      { rule: 'discharge_monitoring_green', dischargedAt, monitoringEnd, officerId: s.dischargedBy ?? '' },
      [],
      { kind: 'discharge_monitoring', dischargedAt, monitoringEnd },
    );
  }
  return none(s);
}

/** Applies events in order: the final state and every transition, oldest first. */
export function replay(
  state: HealthCodeState,
  events: Iterable<HealthCodeEvent>,
  preset: HealthCodePreset = DEFAULT_PRESET,
): { state: HealthCodeState; transitions: Transition[] } {
  const transitions: Transition[] = [];
  for (const event of events) {
    const r = applyEvent(state, event, preset);
    state = r.state;
    if (r.transition) transitions.push(r.transition);
  }
  return { state, transitions };
}
