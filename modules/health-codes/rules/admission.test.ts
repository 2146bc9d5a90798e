/**
 * The rules' admission of dated events (admission.ts): one test per rule, and the three ways a
 * single officer turned a code green with back-dated dates, each now refused.
 */
import { FieldError } from '@renxing/contracts';
import { describe, expect, it } from 'vitest';
import {
  admitEvent,
  admitInstant,
  BACKDATING_WINDOW,
  backdatingLimit,
  CLOCK_SKEW,
  eventRefusal,
  orderRefusal,
  timeRefusal,
} from './admission.js';
import { applyEvent, initialState } from './rules.js';
import {
  closeContact,
  companion,
  confirmed,
  D,
  discharged,
  H,
  isolationStarted,
  negative,
  PERSON,
  pooledNegative,
  pooledPositive,
  positive,
  run,
  T0,
} from './test-support.js';
import type { HealthCodeEvent, HealthCodeState } from './types.js';

const green = initialState(PERSON);
/** Designated a close contact at T0 (the system dates a designation when it is recorded). */
const designated = run([closeContact(T0)]).state;
const isolated = run([closeContact(T0), isolationStarted(T0 + 2 * H)]).state;
const yellow = run([companion(T0)]).state;
const aCase = run([confirmed(T0)]).state;

const codeOf = (state: HealthCodeState, event: HealthCodeEvent, now: number) =>
  eventRefusal(state, event, now)?.code ?? null;

describe('an event dated in the future beyond the clock skew is refused', () => {
  it('for every dated kind, exactly past the skew; at the skew it is admitted', () => {
    const now = T0 + 10 * H;
    const cases: [HealthCodeState, (at: number) => HealthCodeEvent][] = [
      [green, closeContact],
      [green, confirmed],
      [designated, isolationStarted],
      [aCase, discharged],
      [designated, (at) => negative('n', at)],
      [designated, (at) => positive('p', at)],
    ];
    for (const [state, event] of cases) {
      expect(codeOf(state, event(now + CLOCK_SKEW + 1), now)).toBe('RX_EVENT_IN_FUTURE');
      expect(codeOf(state, event(now + CLOCK_SKEW), now)).not.toBe('RX_EVENT_IN_FUTURE');
    }
    expect(timeRefusal('pcr_result', now + D, now)?.params).toMatchObject({
      at: new Date((now + D) * 1000).toISOString(),
      now: new Date(now * 1000).toISOString(),
    });
  });
});

describe('an isolation start before the designation is refused', () => {
  it('one second before: refused; at the designation: admitted', () => {
    const now = T0 + H;
    const r = eventRefusal(designated, isolationStarted(T0 - 1), now);
    expect(r).toMatchObject({ code: 'RX_EVENT_BEFORE_STATE' });
    expect(r?.params.since).toBe(new Date(T0 * 1000).toISOString());
    expect(eventRefusal(designated, isolationStarted(T0), now)).toBeNull();
  });

  it('the attack: designated now with an isolation begun in 1970', () => {
    expect(codeOf(designated, isolationStarted(86400), T0)).toBe('RX_EVENT_BEFORE_STATE');
  });
});

describe('a discharge before the confirmation is refused', () => {
  it('one second before the confirmation: refused, even inside the clock skew', () => {
    expect(codeOf(aCase, discharged(T0 - 1), T0)).toBe('RX_EVENT_BEFORE_STATE');
    expect(codeOf(aCase, discharged(T0), T0)).toBeNull();
  });
});

describe('a confirmation or a designation dated before the current colour began is refused', () => {
  it('before the yellow began: refused; at it: admitted', () => {
    expect(codeOf(yellow, confirmed(T0 - 1), T0 + H)).toBe('RX_EVENT_BEFORE_STATE');
    expect(codeOf(yellow, closeContact(T0 - 1), T0)).toBe('RX_EVENT_BEFORE_STATE');
    expect(codeOf(yellow, confirmed(T0), T0 + H)).toBeNull();
    // Before a close-contact red (a confirmation would re-date the red's start).
    expect(codeOf(designated, confirmed(T0 - H), T0 + H)).toBe('RX_EVENT_BEFORE_STATE');
  });

  it('a green from the start has no such bound', () => {
    expect(orderRefusal(green, confirmed(T0 - 100 * D))).toBeNull();
  });
});

describe('a negative sampled before the state it would clear is refused', () => {
  it('before the yellow began: it is not among the contract’s negatives "after the yellow began"', () => {
    expect(codeOf(yellow, negative('n', T0 - 1), T0 + H)).toBe('RX_EVENT_BEFORE_STATE');
    expect(codeOf(yellow, negative('n', T0), T0 + H)).toBeNull();
  });

  it('before the designation, and before the isolation it would end', () => {
    expect(codeOf(designated, negative('n', T0 - 1), T0 + H)).toBe('RX_EVENT_BEFORE_STATE');
    const r = eventRefusal(isolated, negative('n', T0 + H), T0 + 3 * H);
    expect(r).toMatchObject({ code: 'RX_EVENT_BEFORE_STATE' });
    expect(r?.params.since).toBe(new Date((T0 + 2 * H) * 1000).toISOString());
    expect(codeOf(isolated, negative('n', T0 + 2 * H), T0 + 3 * H)).toBeNull();
  });

  it('the attack: a negative sampled in 1970 against a red of today', () => {
    expect(codeOf(designated, negative('n', 14 * 86400), T0)).toBe('RX_EVENT_BEFORE_STATE');
  });

  it('a positive is admitted whenever it was taken (any positive turns red); a negative on a green too', () => {
    expect(codeOf(yellow, positive('p', T0 - 3 * D), T0)).toBeNull();
    expect(codeOf(isolated, positive('p', T0 - 3 * D), T0)).toBeNull();
    expect(codeOf(green, negative('n', T0 - 3 * D), T0)).toBeNull();
  });

  it('a single-tube re-test answering the pooled tube of the yellow counts from the tube’s sampling, not the yellow', () => {
    // Tube sampled at T0, reported positive (the yellow begins) at T0 + 10 h.
    const awaiting = run([pooledPositive('P-1', T0, T0 + 10 * H)]).state;
    const now = T0 + 11 * H;
    expect(codeOf(awaiting, negative('n', T0 + H), now)).toBeNull();
    expect(codeOf(awaiting, negative('n', T0), now)).toBe('RX_EVENT_BEFORE_STATE');
    expect(codeOf(awaiting, pooledNegative('n', T0 + H), now)).toBe('RX_EVENT_BEFORE_STATE');
    // Re-based on a companion, the yellow's own start bounds it again.
    const rebased = run([pooledPositive('P-1', T0, T0 + 10 * H), companion(T0 + 10 * H)]).state;
    expect(codeOf(rebased, negative('n', T0 + H), now)).toBe('RX_EVENT_BEFORE_STATE');
  });
});

describe('an officer’s date further back than its bound is refused', () => {
  it('an isolation start or a confirmation: at most 72 h back', () => {
    expect(BACKDATING_WINDOW).toBe(72 * H);
    const now = T0 + 10 * D;
    const longRed = run([closeContact(T0)]).state;
    expect(codeOf(longRed, isolationStarted(now - 72 * H - 1), now)).toBe('RX_EVENT_TOO_OLD');
    expect(codeOf(longRed, isolationStarted(now - 72 * H), now)).toBeNull();
    expect(codeOf(green, confirmed(now - 72 * H - 1), now)).toBe('RX_EVENT_TOO_OLD');
    expect(codeOf(green, confirmed(now - 72 * H), now)).toBeNull();
  });

  it('a discharge (and a designation) only by the clock skew: it is the officer’s act, dated when recorded', () => {
    expect(backdatingLimit('discharged')).toBe(CLOCK_SKEW);
    expect(backdatingLimit('close_contact')).toBe(CLOCK_SKEW);
    const now = T0 + 20 * D;
    expect(codeOf(aCase, discharged(now - CLOCK_SKEW - 1), now)).toBe('RX_EVENT_TOO_OLD');
    expect(codeOf(aCase, discharged(now - CLOCK_SKEW), now)).toBeNull();
    expect(codeOf(green, closeContact(now - H), now)).toBe('RX_EVENT_TOO_OLD');
  });

  it('a sample has no age bound of its own (its date before the state is checked instead)', () => {
    expect(backdatingLimit('pcr_result')).toBeNull();
    expect(codeOf(green, positive('p', T0 - 30 * D), T0)).toBeNull();
  });
});

describe('errors: a catalogue code naming the field, in both languages', () => {
  it('admitEvent throws a FieldError; admitInstant checks the clock alone', () => {
    let thrown: unknown;
    try {
      admitEvent(designated, isolationStarted(T0 - D), { now: T0, field: 'body.startedAt' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FieldError);
    const e = thrown as FieldError;
    expect([e.code, e.field, e.status]).toEqual(['RX_EVENT_BEFORE_STATE', 'body.startedAt', 400]);
    expect(e.text('en')).toContain('body.startedAt');
    expect(e.text('en')).toContain('close-contact designation');
    expect(e.text('zh-CN')).toContain('密接判定');
    expect(e.text('zh-CN')).not.toContain('designation');

    expect(() => admitInstant('confirmed_case', T0 - 20 * D, { now: T0, field: 'body.confirmedAt' })).toThrow(
      expect.objectContaining({ code: 'RX_EVENT_TOO_OLD', field: 'body.confirmedAt' }),
    );
    const old = timeRefusal('confirmed_case', T0 - 20 * D, T0);
    const tooOld = new FieldError(old!.code, 'body.confirmedAt', old!.params);
    expect(tooOld.text('en')).toContain('3 days');
    expect(tooOld.text('zh-CN')).toContain('3 天');
    const future = new FieldError(
      'RX_EVENT_IN_FUTURE',
      'body.sampledAt',
      timeRefusal('pcr_result', T0 + D, T0)!.params,
    );
    expect(future.text('zh-CN')).toContain('5 分钟');
    expect(future.text('en')).toContain('5 minutes');
    expect(() => admitEvent(designated, isolationStarted(T0), { now: T0, field: 'x' })).not.toThrow();
  });
});

describe('the three attacks of the issue, replayed against the rules', () => {
  /**
   * Applies events as a recorder would: each admitted at its `now` first. Returns the code, or the
   * refusal's code.
   */
  function record(steps: [HealthCodeEvent, number][]): HealthCodeState | string {
    let state = initialState(PERSON);
    for (const [event, now] of steps) {
      const refusal = eventRefusal(state, event, now);
      if (refusal) return refusal.code;
      state = applyEvent(state, event).state;
    }
    return state;
  }

  it('designation with an isolation begun 1970-01-02, a negative of 1970-01-15: refused', () => {
    expect(
      record([
        [closeContact(T0), T0],
        [isolationStarted(86400), T0],
      ]),
    ).toBe('RX_EVENT_BEFORE_STATE');
  });

  it('an isolation started 15 days ago and a negative 1.5 days ago: refused, whether or not the designation is old', () => {
    expect(
      record([
        [closeContact(T0), T0],
        [isolationStarted(T0 - 15 * D), T0],
      ]),
    ).toBe('RX_EVENT_BEFORE_STATE');
    // Designated 15 days ago (truly), the isolation recorded only now as begun then: too old.
    const late = T0 + 15 * D;
    expect(
      record([
        [closeContact(T0), T0],
        [isolationStarted(T0), late],
        [negative('n', late - 36 * H), late],
      ]),
    ).toBe('RX_EVENT_TOO_OLD');
  });

  it('a case confirmed 20 days ago, discharged 15 days ago: refused', () => {
    expect(record([[confirmed(T0 - 20 * D), T0]])).toBe('RX_EVENT_TOO_OLD');
    // Confirmed as far back as allowed, then discharged 15 days ago: before the confirmation.
    expect(
      record([
        [confirmed(T0 - 72 * H), T0],
        [discharged(T0 - 15 * D), T0],
      ]),
    ).toBe('RX_EVENT_BEFORE_STATE');
    // …or back to the confirmation: a discharge is dated when it is recorded.
    expect(
      record([
        [confirmed(T0 - 72 * H), T0],
        [discharged(T0 - 72 * H), T0],
      ]),
    ).toBe('RX_EVENT_TOO_OLD');
  });

  it('whatever an officer records as early as the rules allow, the green comes a full period after the record', () => {
    // Close contact: designated at T0, isolation as early as allowed (the designation), negative in the last 24 h.
    const cc = record([
      [closeContact(T0), T0],
      [isolationStarted(T0), T0 + H],
      [negative('n', T0 + 14 * D - H), T0 + 14 * D - H],
      [{ kind: 'tick', now: T0 + 14 * D }, T0 + 14 * D],
    ]);
    expect(cc).toMatchObject({ colour: 'green', since: T0 + 14 * D });
    // Case: confirmed 72 h back, discharged when recorded (T0): green 14 days after the record, not before.
    let state = record([
      [confirmed(T0 - 72 * H), T0],
      [discharged(T0), T0],
    ]) as HealthCodeState;
    state = applyEvent(state, { kind: 'tick', now: T0 + 14 * D - 1 }).state;
    expect(state.colour).toBe('red');
    expect(applyEvent(state, { kind: 'tick', now: T0 + 14 * D }).state.colour).toBe('green');
  });
});
