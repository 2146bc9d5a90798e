/** Pooled screening's rows of the table (shared/contracts/screening.md, "Results"), default preset. */
import { describe, expect, it } from 'vitest';
import { applyEvent, initialState } from './rules.js';
import {
  closeContact,
  companion,
  confirmed,
  D,
  H,
  negative,
  PERSON,
  pooledNegative,
  pooledPositive,
  positive,
  run,
  T0,
  tick,
} from './test-support.js';
import type { HealthCodeState } from './types.js';

const last = <T>(xs: T[]): T => xs[xs.length - 1];
/** Tube P-1, sampled at T0, reported positive 10 h later. */
const SAMPLED = T0;
const REPORTED = T0 + 10 * H;
const pooled = pooledPositive('P-1', SAMPLED, REPORTED);

describe('green → yellow: a pooled tube positive, awaiting a single-tube re-test', () => {
  it('turns yellow when the result is applied, the tube and its sampling time as reason and evidence', () => {
    const r = applyEvent(initialState(PERSON), pooled);
    expect(r.state).toMatchObject({
      colour: 'yellow',
      since: REPORTED,
      yellowSince: REPORTED,
      clock: REPORTED,
      pooledPending: { tube: 'P-1', sampledAt: SAMPLED },
    });
    expect(r.transition).toEqual({
      personId: PERSON,
      from: 'green',
      to: 'yellow',
      at: REPORTED,
      rule: 'pooled_positive',
      preset: 'default',
      evidence: { rule: 'pooled_positive', tube: 'P-1', sampledAt: SAMPLED, at: REPORTED },
      actors: [],
      reason: { kind: 'pooled_positive', tube: 'P-1', sampledAt: SAMPLED, at: REPORTED },
    });
  });

  it('from yellow or red the colour stays; only the wait is set', () => {
    for (const before of [[companion(T0 - D)], [closeContact(T0 - D)], [confirmed(T0 - D)]]) {
      const b = run(before).state;
      const r = applyEvent(b, pooled);
      expect(r.transition).toBeNull();
      expect(r.state).toEqual({ ...b, clock: REPORTED, pooledPending: { tube: 'P-1', sampledAt: SAMPLED } });
    }
  });

  it('already answered by a single-tube result taken after the tube: nothing happens, not even the clock', () => {
    for (const answer of [negative('s', SAMPLED + 1), positive('s', SAMPLED + H)]) {
      const b = run([answer]).state;
      expect(applyEvent(b, pooled)).toEqual({ state: b, transition: null });
    }
  });

  it('a single tube taken at the tube’s sampling time or before, or a pooled negative after, does not answer it', () => {
    for (const earlier of [
      negative('s', SAMPLED),
      negative('s', SAMPLED - D),
      pooledNegative('q', SAMPLED + H),
    ]) {
      const r = run([earlier, pooled]);
      expect(r.transitions.map((t) => t.rule)).toEqual(['pooled_positive']);
      expect(r.state.pooledPending).toEqual({ tube: 'P-1', sampledAt: SAMPLED });
    }
  });

  it('the same tube twice is a no-op; a tube sampled later replaces the wait, one sampled earlier does not', () => {
    const once = run([pooled]).state;
    expect(applyEvent(once, pooledPositive('P-1', SAMPLED, REPORTED + D))).toEqual({
      state: once,
      transition: null,
    });
    expect(applyEvent(once, pooledPositive('P-0', SAMPLED - D, REPORTED)).state).toBe(once);
    const later = applyEvent(once, pooledPositive('P-2', SAMPLED + D, REPORTED + D));
    expect(later.transition).toBeNull();
    expect(later.state).toMatchObject({
      colour: 'yellow',
      yellowSince: REPORTED,
      reason: { kind: 'pooled_positive', tube: 'P-1' },
      pooledPending: { tube: 'P-2', sampledAt: SAMPLED + D },
    });
  });
});

describe('the wait ends with the next single-tube result taken after the pooled tube', () => {
  it('negative: the yellow of the pooled positive turns green at once, at the clock', () => {
    const r = run([pooled, negative('r1', REPORTED + 2 * H, REPORTED + 8 * H)]);
    expect(r.state).toMatchObject({
      colour: 'green',
      since: REPORTED + 8 * H,
      pooledPending: null,
      yellowSince: null,
    });
    const test = { testId: 'r1', takenAt: REPORTED + 2 * H, result: 'negative' };
    expect(last(r.transitions)).toEqual({
      personId: PERSON,
      from: 'yellow',
      to: 'green',
      at: REPORTED + 8 * H,
      rule: 'retest_negative_green',
      preset: 'default',
      evidence: { rule: 'retest_negative_green', tube: 'P-1', sampledAt: SAMPLED, test },
      actors: [],
      reason: { kind: 'retest_negative', tube: 'P-1', test },
    });
  });

  it('a single tube taken after the pooled tube but before its result counts too', () => {
    const r = run([pooled, negative('r1', SAMPLED + 1, REPORTED + H)]);
    expect(last(r.transitions)).toMatchObject({ rule: 'retest_negative_green', at: REPORTED + H });
  });

  it('pooled negatives, and single tubes taken at or before the pooled one, never end it', () => {
    const r = run([
      pooled,
      pooledNegative('q1', REPORTED + H),
      negative('old', SAMPLED),
      tick(REPORTED + 2 * D),
    ]);
    expect(r.transitions).toHaveLength(1);
    expect(r.state).toMatchObject({ colour: 'yellow', pooledPending: { tube: 'P-1' } });
  });

  it('when a later tube is awaited, only a single tube taken after that one ends the wait', () => {
    const second = pooledPositive('P-2', SAMPLED + D, REPORTED + D);
    const between = run([pooled, second, negative('r1', SAMPLED + 2 * H)]);
    expect(between.state).toMatchObject({ colour: 'yellow', pooledPending: { tube: 'P-2' } });
    const after = applyEvent(between.state, negative('r2', SAMPLED + D + H));
    expect(after.transition).toMatchObject({
      rule: 'retest_negative_green',
      evidence: { tube: 'P-2', sampledAt: SAMPLED + D, test: { testId: 'r2' } },
    });
  });

  it('positive: the positive turns red as any positive does, and the wait ends', () => {
    const r = run([pooled, positive('r1', REPORTED + H)]);
    expect(last(r.transitions)).toMatchObject({ from: 'yellow', to: 'red', rule: 'positive_red' });
    expect(r.state).toMatchObject({ colour: 'red', redBasis: 'positive', pooledPending: null });
  });

  it('while red or yellow for another reason: the wait ends, the colour stays', () => {
    const red = run([positive('p', T0 - D), pooled, negative('r1', REPORTED + H)]);
    expect(red.transitions.map((t) => t.rule)).toEqual(['positive_red']);
    expect(red.state).toMatchObject({ colour: 'red', pooledPending: null });
    const yellow = run([companion(T0 - D), pooled, negative('r1', REPORTED + H)]);
    expect(yellow.transitions.map((t) => t.rule)).toEqual(['companion_yellow']);
    expect(yellow.state).toMatchObject({ colour: 'yellow', yellowSince: T0 - D, pooledPending: null });
    const again = run([positive('p', T0 - D), pooled, positive('r1', REPORTED + H)]);
    expect(again.transitions).toHaveLength(1);
    expect(again.state.pooledPending).toBeNull();
  });
});

describe('a companion found while yellow by a pooled positive re-bases the yellow', () => {
  it('yellow → yellow by companion_yellow from its at; a single re-test then no longer clears it, two negatives do', () => {
    const found = REPORTED + 5 * H;
    const r = run([pooled, companion(found)]);
    expect(last(r.transitions)).toMatchObject({
      from: 'yellow',
      to: 'yellow',
      at: found,
      rule: 'companion_yellow',
    });
    expect(r.state).toMatchObject({
      colour: 'yellow',
      since: found,
      yellowSince: found,
      reason: { kind: 'companion' },
      pooledPending: { tube: 'P-1' },
    });
    const retest = applyEvent(r.state, negative('r1', found + H));
    expect(retest.transition).toBeNull();
    expect(retest.state).toMatchObject({ colour: 'yellow', pooledPending: null });
    const second = applyEvent(retest.state, pooledNegative('r2', found + H + D));
    expect(second.transition).toMatchObject({
      rule: 'two_negatives_green',
      evidence: { yellowSince: found, tests: [{ testId: 'r1' }, { testId: 'r2', pooled: true }] },
    });
  });

  it('the same case again changes nothing', () => {
    const r = run([pooled, companion(REPORTED + H), companion(REPORTED + 2 * H)]);
    expect(r.transitions.map((t) => t.rule)).toEqual(['pooled_positive', 'companion_yellow']);
  });
});

describe('pooled negatives are individual negatives for the other rules', () => {
  it('two pooled negatives ≥ 24 h apart clear a companion’s yellow', () => {
    const r = run([companion(T0), pooledNegative('a', T0 + H), pooledNegative('b', T0 + H + D)]);
    expect(last(r.transitions)).toMatchObject({
      rule: 'two_negatives_green',
      evidence: { tests: [{ pooled: true }, { pooled: true }] },
    });
  });

  it('and clear the yellow of a pooled positive too (the wait stays until a single tube)', () => {
    const r = run([pooled, pooledNegative('a', REPORTED), pooledNegative('b', REPORTED + D)]);
    expect(last(r.transitions)).toMatchObject({ from: 'yellow', to: 'green', rule: 'two_negatives_green' });
    expect(r.state.pooledPending).toEqual({ tube: 'P-1', sampledAt: SAMPLED });
  });
});

describe('states stored before pooled screening (no pooledPending field)', () => {
  const legacy = (s: HealthCodeState): HealthCodeState => {
    const { pooledPending: _, ...rest } = s;
    return rest as HealthCodeState;
  };

  it('read as no wait: a negative leaves the field absent, a pooled positive sets it', () => {
    const old = legacy(run([companion(T0)]).state);
    const n = applyEvent(old, negative('a', T0 + H));
    expect(n.transition).toBeNull();
    expect('pooledPending' in n.state).toBe(false);
    const p = applyEvent(old, pooled);
    expect(p.state.pooledPending).toEqual({ tube: 'P-1', sampledAt: SAMPLED });
    const green = applyEvent(legacy(initialState(PERSON)), pooled);
    expect(green.transition?.rule).toBe('pooled_positive');
  });
});
