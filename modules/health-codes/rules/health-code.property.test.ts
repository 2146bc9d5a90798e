/**
 * Properties over random event sequences (both presets): the colour changes only through a
 * transition naming a rule of the contract's table (the health-code contract's, and the screening
 * contract's pooled rows), with evidence that satisfies that rule; a wait for a single-tube
 * re-test is there exactly while a positive pooled tube is unanswered; and a companion_found or a
 * pooled_positive applied twice is the same as once.
 *
 * Reproduce a failure with the `seed` and `path` fast-check prints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approveOverride } from './overrides.js';
import { CHENGDU_2021_PRESET, DEFAULT_PRESET, type HealthCodePreset } from './presets.js';
import { applyEvent, initialState, replay } from './rules.js';
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
  T0,
  tick,
} from './test-support.js';
import {
  COLOURS,
  type Colour,
  type HealthCodeEvent,
  type HealthCodeState,
  type PcrTest,
  RULE_IDS,
  type Transition,
} from './types.js';

const SEED = 20211104;
const NUM_RUNS = 400;

/** Instants on a coarse grid (days, a few hours of the day) nudged by ±1 s, so boundaries are hit often. */
const instant = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.constantFrom(0, 1, 8, 16, 23), fc.constantFrom(-1, 0, 0, 0, 1))
  .map(([d, h, s]) => T0 + d * D + h * H + s);

const NEGATIVE_MOSTLY = ['negative', 'negative', 'negative', 'negative', 'negative', 'positive'] as const;

const eventArb: fc.Arbitrary<HealthCodeEvent> = fc.oneof(
  fc.record({
    kind: fc.constant('companion_found' as const),
    at: instant,
    caseId: fc.constantFrom('c1', 'c2', 'c3'),
    caseLabel: fc.constantFrom('A-1', 'B-2'),
    cell: fc.constant('0:0'),
    overlapStart: fc.constant(T0 - 2 * H),
    overlapEnd: fc.constant(T0 - H),
  }),
  fc.record({ kind: fc.constant('confirmed_case' as const), at: instant }),
  fc.record({
    kind: fc.constant('close_contact' as const),
    at: instant,
    officerUnit: fc.constant('unit'),
    officerId: fc.constant('o1'),
  }),
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.record({
          kind: fc.constant('pcr_result' as const),
          testId: fc.constantFrom('t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'),
          takenAt: instant,
          result: fc.constantFrom(...NEGATIVE_MOSTLY) as fc.Arbitrary<'negative' | 'positive'>,
        }),
        fc.boolean(),
      )
      // A pooled tube gives its members individual negatives only.
      .map(
        ([e, pooled]): HealthCodeEvent => (pooled && e.result === 'negative' ? { ...e, pooled: true } : e),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      // A barcode names one tube, with one sampling time (on the coarse grid, often the same).
      .tuple(instant, fc.constantFrom(0, 1, 10 * H, D))
      .map(([sampledAt, late]) => pooledPositive(`P-${sampledAt}`, sampledAt, sampledAt + late)),
  },
  fc.record({ kind: fc.constant('isolation_started' as const), at: instant }),
  fc.record({ kind: fc.constant('discharged' as const), at: instant, officerId: fc.constant('d1') }),
  fc.tuple(fc.constantFrom<Colour>(...COLOURS), instant).map(([to, at]) => {
    const r = approveOverride(
      { personId: PERSON, to, requestedBy: 'u1', reason: 'r1', requestedAt: at - H },
      { userId: 'u2', reason: 'r2', at },
    );
    if (!r.ok) throw new Error(r.refusal);
    return r.value as HealthCodeEvent;
  }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), now: instant }) },
);

/** Stories that reach the slow rules (negatives after a yellow, isolation, discharge) near their boundaries. */
const nudge = fc.constantFrom(-H, -1, 0, 0, 1, H);
const day0 = fc.integer({ min: 0, max: 10 }).map((d) => T0 + d * D);
const storyArb: fc.Arbitrary<HealthCodeEvent[]> = fc.oneof(
  fc
    .tuple(
      day0,
      fc.constantFrom('c1', 'c2', 'c3'),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), nudge), { maxLength: 4 }),
    )
    .map(([b, caseId, tests]) => [
      companion(b, caseId),
      ...tests.map(([d, n], i) => negative(`y${i}`, b + d * D + n)),
    ]),
  fc.tuple(day0, fc.integer({ min: 0, max: 30 }), nudge, nudge).map(([b, h, n1, n2]) => {
    const start = b + h * H;
    return [
      closeContact(b),
      isolationStarted(start),
      negative('i0', start + 13 * D + n1),
      tick(start + 14 * D + n2),
    ];
  }),
  fc
    .tuple(day0, fc.integer({ min: 1, max: 5 }), nudge)
    .map(([b, d, n]) => [confirmed(b), discharged(b + d * D), tick(b + d * D + 14 * D + n)]),
  // A positive pooled tube, then single or pooled results near its sampling time, maybe a companion.
  fc
    .tuple(
      day0,
      fc.array(
        fc.tuple(fc.constantFrom('single', 'pooled', 'positive'), fc.integer({ min: 0, max: 2 }), nudge),
        {
          maxLength: 3,
        },
      ),
      fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    )
    .map(([b, results, companionHour]) => [
      pooledPositive(`P-${b}`, b, b + 10 * H),
      ...results.map(([mode, d, n], i) => {
        const at = b + d * D + n;
        return mode === 'single'
          ? negative(`r${i}`, at)
          : mode === 'pooled'
            ? pooledNegative(`r${i}`, at)
            : positive(`r${i}`, at);
      }),
      ...(companionHour === undefined ? [] : [companion(b + companionHour * H, 'c1')]),
    ]),
);

/** Stories and random events, mostly in time order (as a live system sees them), else shuffled. */
const eventsArb: fc.Arbitrary<HealthCodeEvent[]> = fc
  .tuple(fc.array(storyArb, { maxLength: 3 }), fc.array(eventArb, { maxLength: 20 }), fc.boolean())
  .chain(([stories, noise, sorted]) => {
    const all = [...stories.flat(), ...noise];
    return sorted
      ? fc.constant([...all].sort((a, b) => at(a) - at(b)))
      : fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });

/** A single-tube result taken strictly after a pooled tube sampled at `sampledAt` (the contract's answer). */
const answers = (sampledAt: number, t: PcrTest): boolean => !t.pooled && t.takenAt > sampledAt;

/**
 * The wait, checked independently of pooled.ts: a yellow of a pooled positive always awaits its
 * re-test, and nothing is awaited that a single-tube result in the history already answers.
 */
function expectWaitConsistent(s: HealthCodeState): void {
  if (s.colour === 'yellow' && s.reason.kind === 'pooled_positive') expect(s.pooledPending).not.toBeNull();
  const pending = s.pooledPending;
  if (pending) expect(s.tests.filter((t) => answers(pending.sampledAt, t))).toEqual([]);
}

function at(e: HealthCodeEvent): number {
  return e.kind === 'tick' ? e.now : e.kind === 'pcr_result' ? e.takenAt : e.at;
}

/** The table of the contract, checked independently of rules.ts: is this transition one of its rows? */
function expectLawful(
  prev: HealthCodeState,
  event: HealthCodeEvent,
  t: Transition,
  preset: HealthCodePreset,
): void {
  expect(RULE_IDS).toContain(t.rule);
  expect(t.evidence.rule).toBe(t.rule);
  const e = t.evidence;
  switch (e.rule) {
    case 'companion_yellow':
      // From green, or re-basing the yellow of a pooled positive.
      expect(t.to).toBe('yellow');
      if (t.from !== 'green') expect([t.from, prev.reason.kind]).toEqual(['yellow', 'pooled_positive']);
      return;
    case 'pooled_positive':
      expect([t.from, t.to, event.kind]).toEqual(['green', 'yellow', 'pooled_positive']);
      if (event.kind !== 'pooled_positive') return;
      expect(e).toEqual({
        rule: 'pooled_positive',
        tube: event.tube,
        sampledAt: event.sampledAt,
        at: event.at,
      });
      expect(t.at).toBe(event.at);
      // Not already answered by a single-tube result taken after the tube.
      expect(prev.tests.filter((x) => answers(e.sampledAt, x))).toEqual([]);
      return;
    case 'retest_negative_green':
      expect([t.from, t.to, prev.reason.kind]).toEqual(['yellow', 'green', 'pooled_positive']);
      expect(prev.pooledPending).toEqual({ tube: e.tube, sampledAt: e.sampledAt });
      expect(event).toMatchObject({ kind: 'pcr_result', testId: e.test.testId, result: 'negative' });
      expect(answers(e.sampledAt, e.test)).toBe(true);
      return;
    case 'confirmed_red':
      expect(t.to).toBe('red');
      return;
    case 'close_contact_red':
      expect(['green', 'yellow']).toContain(t.from);
      expect(t.to).toBe('red');
      return;
    case 'positive_red':
      expect(t.to).toBe('red');
      expect(e.test.result).toBe('positive');
      return;
    case 'two_negatives_green': {
      expect([t.from, t.to]).toEqual(['yellow', 'green']);
      expect(e.yellowSince).toBe(prev.yellowSince);
      expect(e.tests).toHaveLength(2);
      const [a, b] = e.tests;
      for (const x of e.tests) {
        expect(x.result).toBe('negative');
        expect(x.takenAt).toBeGreaterThanOrEqual(e.yellowSince);
        if (preset.negativeWindow !== null) expect(x.takenAt).toBeLessThanOrEqual(e.yellowSince + 3 * D);
        expect(x.takenAt).toBeLessThanOrEqual(t.at);
      }
      expect(b.takenAt - a.takenAt).toBeGreaterThanOrEqual(D);
      return;
    }
    case 'isolation_complete_green':
      expect([t.from, t.to, prev.redBasis]).toEqual(['red', 'green', 'close_contact']);
      // The isolation start known before, or set by this very event (then the time rule fires at once).
      expect(e.isolationStart).toBe(
        prev.isolationStart ?? (event.kind === 'isolation_started' ? event.at : NaN),
      );
      expect(e.isolationEnd - e.isolationStart).toBeGreaterThanOrEqual(14 * D);
      expect(e.test.result).toBe('negative');
      expect(e.test.takenAt).toBeGreaterThanOrEqual(e.isolationEnd - D);
      expect(e.test.takenAt).toBeLessThanOrEqual(e.isolationEnd);
      expect(t.at).toBeGreaterThanOrEqual(e.isolationEnd);
      return;
    case 'discharge_monitoring_green':
      expect([t.from, t.to, prev.redBasis]).toEqual(['red', 'green', 'case']);
      expect(e.dischargedAt).toBe(prev.dischargedAt ?? (event.kind === 'discharged' ? event.at : NaN));
      expect(t.at).toBeGreaterThanOrEqual(e.dischargedAt + 14 * D);
      return;
    case 'override':
      expect(e.requestedBy).not.toBe(e.approvedBy);
      expect(t.actors).toEqual([e.requestedBy, e.approvedBy]);
      return;
  }
}

describe.each([DEFAULT_PRESET, CHENGDU_2021_PRESET])('health-code properties ($id)', (preset) => {
  it('the colour changes only through a lawful transition of the table', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        let state = initialState(PERSON);
        for (const event of events) {
          const { state: next, transition } = applyEvent(state, event, preset);
          if (next.colour !== state.colour) expect(transition).not.toBeNull();
          if (transition) {
            expect(transition).toMatchObject({ personId: PERSON, from: state.colour, to: next.colour });
            expect(transition.reason).toEqual(next.reason);
            expect(next.since).toBe(transition.at);
            expectLawful(state, event, transition, preset);
          } else {
            expect(next.reason).toEqual(state.reason);
          }
          // The wait changes only by a pooled tube's positive or an individual result.
          if (event.kind !== 'pooled_positive' && event.kind !== 'pcr_result') {
            expect(next.pooledPending).toEqual(state.pooledPending);
          }
          expectWaitConsistent(next);
          state = next;
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('a companion_found or a pooled_positive applied twice, at once or after other events, equals once', () => {
    fc.assert(
      fc.property(eventsArb, fc.nat(), (events, pick) => {
        const companions = events
          .map((e, i) => [e, i] as const)
          .filter(([e]) => e.kind === 'companion_found' || e.kind === 'pooled_positive');
        const once = replay(initialState(PERSON), events, preset);
        // Re-running detection at the end: nothing changes.
        const rerun = replay(
          once.state,
          companions.map(([e]) => e),
          preset,
        );
        expect(rerun.transitions).toEqual([]);
        expect(rerun.state).toEqual(once.state);
        if (companions.length === 0) return;
        // The same event twice in a row anywhere in the history: the same history.
        const i = companions[pick % companions.length][1];
        const doubled = [...events.slice(0, i + 1), events[i], ...events.slice(i + 1)];
        const twice = replay(initialState(PERSON), doubled, preset);
        expect(twice.state).toEqual(once.state);
        expect(twice.transitions).toEqual(once.transitions);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
