/**
 * Which dated events the platform admits: the rules' answer to "could an honest record contain
 * this?". `applyEvent` (rules.ts) is the contract's state machine and replays any history; this
 * is the gate in front of it for what a person records now (an officer, a laboratory, a case
 * registration), with the clock passed in. Refused, each with a stable code naming the field:
 *
 * - `RX_EVENT_IN_FUTURE`: dated after `now + CLOCK_SKEW`.
 * - `RX_EVENT_BEFORE_STATE`: dated before the state it would change began — an isolation before
 *   the designation it belongs to, a discharge before the confirmation, a designation or a
 *   confirmation before the code's current colour began, a negative sample before the yellow or
 *   red it would clear or before the isolation it would end (the contract counts the clearing
 *   negatives "after the yellow began" and the isolation's negative "in its last 24 h").
 * - `RX_EVENT_TOO_OLD`: an officer's date further back than `backdatingLimit` allows.
 *
 * The bounds are chosen so that no single person can shorten the contract's durations (the
 * contract: "No single person can change a code by hand"). A designation is dated by the system
 * (the moment the officer records it), and an isolation may not start before it, so a close
 * contact is red for at least the full isolation period after an officer first recorded them.
 * A discharge is the officer's own act ("discharged by a health officer"): it is dated when it is
 * recorded (give or take the clock skew), so the 14 days of monitoring all lie after the record.
 * An isolation start or a confirmation may be recorded up to `BACKDATING_WINDOW` (72 h) late —
 * the facts precede the paperwork (a person moved to the isolation hotel on Saturday, the lab
 * confirmed overnight) — and neither can bring a green closer: the isolation is bounded by the
 * designation, and the monitoring by the discharge. A positive result is never refused for its
 * date in the past (any positive turns red); a negative before the state began would change
 * nothing, and is refused so that nobody is told it counted. A single-tube negative answering the
 * pooled tube that made a code yellow (pooled.ts) counts whenever after the tube it was taken, so
 * it is admitted even when taken before the yellow began (the pooled result came later).
 */
import { type ErrorParams, FieldError, type Text } from '@renxing/contracts';
import '../errors.js';
import { formatDuration } from './format.js';
import { answersPooled, pooledPendingOf } from './pooled.js';
import type { EpochSeconds, HealthCodeEvent, HealthCodeState } from './types.js';

const HOUR = 3600;

/** Clock skew allowed between the recording device and the server (seconds). */
export const CLOCK_SKEW = 5 * 60;

/** How far back an isolation start or a confirmation may be dated when it is recorded (seconds). */
export const BACKDATING_WINDOW = 72 * HOUR;

/** The kinds of event that carry a date given by a person (the rest are dated by the system). */
export type DatedEventKind =
  | 'close_contact'
  | 'confirmed_case'
  | 'isolation_started'
  | 'discharged'
  | 'pcr_result';

/**
 * How far before `now` an event of this kind may be dated (seconds), or null for no bound: a
 * designation and a discharge only by the clock skew (officers' acts, dated when recorded), an
 * isolation start and a confirmation by BACKDATING_WINDOW, a sample without bound (its date
 * before the state is checked instead, and a positive counts whenever it was taken).
 */
export function backdatingLimit(kind: DatedEventKind): number | null {
  switch (kind) {
    case 'close_contact':
    case 'discharged':
      return CLOCK_SKEW;
    case 'confirmed_case':
    case 'isolation_started':
      return BACKDATING_WINDOW;
    case 'pcr_result':
      return null;
  }
}

export type AdmissionCode = 'RX_EVENT_IN_FUTURE' | 'RX_EVENT_BEFORE_STATE' | 'RX_EVENT_TOO_OLD';

/** Why an event is refused: a catalogue code and its parameters (the field is the caller's). */
export interface Refusal {
  code: AdmissionCode;
  params: ErrorParams;
}

const iso = (s: EpochSeconds): string => new Date(s * 1000).toISOString();
/** A bound as people read it: "72 h", "5 minutes". */
function duration(s: number): Text {
  if (s % 3600 !== 0 && s % 60 === 0) return { en: `${s / 60} minutes`, 'zh-CN': `${s / 60} 分钟` };
  return { en: formatDuration(s, 'en'), 'zh-CN': formatDuration(s, 'zh-CN') };
}

const EVENT_NAMES: Record<DatedEventKind, Text> = {
  close_contact: { en: 'close-contact designation', 'zh-CN': '密接判定' },
  confirmed_case: { en: 'confirmation', 'zh-CN': '确诊时间' },
  isolation_started: { en: 'isolation start', 'zh-CN': '隔离开始时间' },
  discharged: { en: 'discharge', 'zh-CN': '出院时间' },
  pcr_result: { en: 'sample', 'zh-CN': '采样时间' },
};

/** The instant a person gave the event, or null for an event dated by the system. */
function datedInstant(event: HealthCodeEvent): { kind: DatedEventKind; at: EpochSeconds } | null {
  switch (event.kind) {
    case 'close_contact':
    case 'confirmed_case':
    case 'isolation_started':
    case 'discharged':
      return { kind: event.kind, at: event.at };
    case 'pcr_result':
      return { kind: 'pcr_result', at: event.takenAt };
    default:
      return null;
  }
}

/** Future or too far back for its kind, whatever the code: the clock's part of the rules. */
export function timeRefusal(kind: DatedEventKind, at: EpochSeconds, now: EpochSeconds): Refusal | null {
  if (at > now + CLOCK_SKEW) {
    return { code: 'RX_EVENT_IN_FUTURE', params: { at: iso(at), now: iso(now), skew: duration(CLOCK_SKEW) } };
  }
  const limit = backdatingLimit(kind);
  if (limit !== null && at < now - limit) {
    return {
      code: 'RX_EVENT_TOO_OLD',
      params: { at: iso(at), earliest: iso(now - limit), event: EVENT_NAMES[kind], window: duration(limit) },
    };
  }
  return null;
}

const before = (at: EpochSeconds, since: EpochSeconds, state: Text, detail: Text): Refusal => ({
  code: 'RX_EVENT_BEFORE_STATE',
  params: { at: iso(at), since: iso(since), state, detail },
});

/** What the person's current state is, as the refusal names it. */
function stateName(s: HealthCodeState): Text {
  if (s.colour === 'yellow') return { en: 'the yellow code began', 'zh-CN': '黄码开始的时间' };
  if (s.colour === 'green') return { en: 'the current green code began', 'zh-CN': '当前绿码开始的时间' };
  switch (s.redBasis) {
    case 'close_contact':
      return { en: 'the close-contact designation', 'zh-CN': '密接判定的时间' };
    case 'case':
      return { en: 'the confirmation', 'zh-CN': '确诊的时间' };
    case 'positive':
      return { en: 'the positive result turned the code red', 'zh-CN': '阳性结果转红码的时间' };
    default:
      return { en: 'the red code began', 'zh-CN': '红码开始的时间' };
  }
}

/**
 * An event dated before the state it would change began (or in an order no honest record has):
 * the state's part of the rules. `state` is the code the event would be applied to.
 */
export function orderRefusal(state: HealthCodeState, event: HealthCodeEvent): Refusal | null {
  const since = state.since;
  switch (event.kind) {
    case 'close_contact':
    case 'confirmed_case':
      if (since !== null && event.at < since) {
        return before(event.at, since, stateName(state), {
          en: 'a change cannot be dated before the colour it changes',
          'zh-CN': '变更的时间不能早于它所改变的颜色',
        });
      }
      return null;
    case 'isolation_started':
      if (since !== null && event.at < since) {
        return before(event.at, since, stateName(state), {
          en: 'a close contact’s isolation begins at or after the designation, so the red lasts the whole isolation',
          'zh-CN': '密接的隔离不能早于密接判定开始，红码须持续整个隔离期',
        });
      }
      return null;
    case 'discharged':
      if (since !== null && event.at < since) {
        return before(event.at, since, stateName(state), {
          en: 'a case is discharged after it was confirmed',
          'zh-CN': '出院不能早于确诊',
        });
      }
      return null;
    case 'pcr_result': {
      if (event.result !== 'negative' || state.colour === 'green') return null;
      const pending = pooledPendingOf(state);
      if (state.reason.kind === 'pooled_positive' && pending && answersPooled(pending.sampledAt, event)) {
        return null;
      }
      if (state.isolationStart !== null && event.takenAt < state.isolationStart) {
        return before(
          event.takenAt,
          state.isolationStart,
          { en: 'the isolation began', 'zh-CN': '隔离开始的时间' },
          {
            en: 'a negative taken before the isolation cannot end it',
            'zh-CN': '隔离开始前采样的阴性结果不能结束隔离',
          },
        );
      }
      if (since !== null && event.takenAt < since) {
        return before(event.takenAt, since, stateName(state), {
          en: 'a negative taken before the code changed cannot clear it',
          'zh-CN': '健康码变化前采样的阴性结果不能使其转绿',
        });
      }
      return null;
    }
    default:
      return null;
  }
}

/** Every refusal of the rules for `event` recorded at `now` against `state`, the first that applies. */
export function eventRefusal(
  state: HealthCodeState,
  event: HealthCodeEvent,
  now: EpochSeconds,
): Refusal | null {
  const dated = datedInstant(event);
  if (dated === null) return null;
  if (dated.at > now + CLOCK_SKEW) return timeRefusal(dated.kind, dated.at, now);
  return orderRefusal(state, event) ?? timeRefusal(dated.kind, dated.at, now);
}

/** Where the caller took the event's date from, and the clock (epoch seconds). */
export interface Admission {
  now: EpochSeconds;
  /** The input the date came from, e.g. `body.startedAt`: the error names it. */
  field: string;
}

/** Throws the refusal as a FieldError naming `field`; returns when the event is admitted. */
export function admitEvent(state: HealthCodeState, event: HealthCodeEvent, admission: Admission): void {
  const refusal = eventRefusal(state, event, admission.now);
  if (refusal) throw new FieldError(refusal.code, admission.field, refusal.params);
}

/** The clock's part alone, for a date with no code to check it against (a case by phone number). */
export function admitInstant(kind: DatedEventKind, at: EpochSeconds, admission: Admission): void {
  const refusal = timeRefusal(kind, at, admission.now);
  if (refusal) throw new FieldError(refusal.code, admission.field, refusal.params);
}
