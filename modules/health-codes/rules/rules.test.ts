/** The transition table of shared/contracts/health-code.md (default preset): the rows that leave green and yellow. */
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
  positive,
  run,
  T0,
  tick,
} from './test-support.js';
import type { HealthCodeEvent } from './types.js';

const last = <T>(xs: T[]): T => xs[xs.length - 1];

describe('initial state', () => {
  it('everyone starts green, with no reason but the start', () => {
    const s = initialState(PERSON);
    expect(s).toMatchObject({ personId: PERSON, colour: 'green', since: null, reason: { kind: 'initial' } });
  });
});

describe('green → yellow: found as a companion of a case', () => {
  it('turns yellow with the case label, cell and overlap as evidence', () => {
    const ev = companion(T0);
    const r = applyEvent(initialState(PERSON), ev);
    expect(r.state).toMatchObject({ colour: 'yellow', since: T0, yellowSince: T0 });
    expect(r.transition).toEqual({
      personId: PERSON,
      from: 'green',
      to: 'yellow',
      at: T0,
      rule: 'companion_yellow',
      preset: 'default',
      evidence: {
        rule: 'companion_yellow',
        caseId: 'case-7f3a',
        caseLabel: 'A-12',
        cell: '3:-2',
        overlapStart: ev.overlapStart,
        overlapEnd: ev.overlapEnd,
        foundAt: T0,
      },
      actors: [],
      reason: {
        kind: 'companion',
        at: T0,
        caseLabel: 'A-12',
        cell: '3:-2',
        overlapStart: ev.overlapStart,
        overlapEnd: ev.overlapEnd,
      },
    });
    // The reason the person sees never names the case by its id.
    expect(JSON.stringify(r.state.reason)).not.toContain('case-7f3a');
  });

  it('a second case keeps the first yellow and its start', () => {
    const { state, transitions } = run([companion(T0), companion(T0 + D, 'case-other', 'B-3')]);
    expect(transitions).toHaveLength(1);
    expect(state).toMatchObject({ colour: 'yellow', yellowSince: T0 });
  });

  it('yellow never overrides red', () => {
    const { state, transitions } = run([confirmed(T0), companion(T0 + H)]);
    expect(transitions.map((t) => t.rule)).toEqual(['confirmed_red']);
    expect(state).toMatchObject({ colour: 'red', redBasis: 'case', yellowSince: null });
  });
});

describe('any → red: confirmed as a case', () => {
  it.each<[string, HealthCodeEvent[]]>([
    ['green', []],
    ['yellow', [companion(T0 - D)]],
    ['red (close contact)', [closeContact(T0 - D)]],
    ['red (positive)', [positive('t1', T0 - D)]],
  ])('from %s', (_, before) => {
    const { state, transitions } = run([...before, confirmed(T0)]);
    expect(last(transitions)).toMatchObject({
      to: 'red',
      at: T0,
      rule: 'confirmed_red',
      evidence: { confirmedAt: T0 },
      reason: { kind: 'confirmed_case', at: T0 },
    });
    expect(state).toMatchObject({ colour: 'red', redBasis: 'case', since: T0 });
  });

  it('confirming a confirmed case again changes nothing', () => {
    const { state } = run([confirmed(T0)]);
    expect(applyEvent(state, confirmed(T0 + D)).transition).toBeNull();
  });
});

describe('green, yellow → red: designated a close contact', () => {
  it('from green: red, with the date and the officer unit shown; the officer id only in evidence and actors', () => {
    const r = applyEvent(initialState(PERSON), closeContact(T0));
    expect(r.state).toMatchObject({ colour: 'red', redBasis: 'close_contact', since: T0 });
    expect(r.transition).toMatchObject({
      from: 'green',
      to: 'red',
      rule: 'close_contact_red',
      actors: ['officer-9'],
      evidence: { designatedAt: T0, officerUnit: '锦江区疾控中心', officerId: 'officer-9' },
      reason: { kind: 'close_contact', at: T0, officerUnit: '锦江区疾控中心' },
    });
    expect(JSON.stringify(r.transition?.reason)).not.toContain('officer-9');
  });

  it('from yellow: red, and the yellow is gone', () => {
    const { state, transitions } = run([companion(T0), closeContact(T0 + H)]);
    expect(last(transitions)).toMatchObject({ from: 'yellow', to: 'red', rule: 'close_contact_red' });
    expect(state).toMatchObject({ colour: 'red', redBasis: 'close_contact', yellowSince: null });
  });

  it('not from red: a confirmed case stays a case', () => {
    const { state, transitions } = run([confirmed(T0), closeContact(T0 + H)]);
    expect(transitions).toHaveLength(1);
    expect(state.redBasis).toBe('case');
  });
});

describe('yellow → green: 2 negative PCR results ≥ 24 h apart, both after the yellow began', () => {
  const Y = T0;
  it('exactly 24 h apart clears, at the second result', () => {
    const { state, transitions } = run([companion(Y), negative('a', Y + H), negative('b', Y + H + D)]);
    expect(state).toMatchObject({ colour: 'green', since: Y + H + D, yellowSince: null });
    expect(last(transitions)).toMatchObject({
      from: 'yellow',
      to: 'green',
      at: Y + H + D,
      rule: 'two_negatives_green',
      evidence: {
        yellowSince: Y,
        windowEnd: null,
        tests: [
          { testId: 'a', takenAt: Y + H, result: 'negative' },
          { testId: 'b', takenAt: Y + H + D, result: 'negative' },
        ],
      },
      reason: { kind: 'negative_tests' },
    });
  });

  it('24 h − 1 s apart does not; a third test 24 h after the first then does', () => {
    const early = run([companion(Y), negative('a', Y + H), negative('b', Y + H + D - 1)]);
    expect(early.state.colour).toBe('yellow');
    const r = applyEvent(early.state, negative('c', Y + H + D));
    expect(r.transition?.evidence).toMatchObject({ tests: [{ testId: 'a' }, { testId: 'c' }] });
  });

  it('a test taken before the yellow began does not count; one taken at its start does', () => {
    expect(run([companion(Y), negative('a', Y - 1), negative('b', Y + D - 1)]).state.colour).toBe('yellow');
    expect(run([companion(Y), negative('a', Y), negative('b', Y + D)]).state.colour).toBe('green');
    // Reported after the yellow began but taken before: still does not count.
    expect(run([companion(Y), negative('a', Y - 1, Y + 2 * H), negative('b', Y + D)]).state.colour).toBe(
      'yellow',
    );
  });

  it('results may arrive in any order; the transition time is the latest instant seen', () => {
    const { state, transitions } = run([
      companion(Y),
      negative('b', Y + 3 * D),
      tick(Y + 3 * D + 5 * H),
      negative('a', Y + D),
    ]);
    expect(state.colour).toBe('green');
    expect(last(transitions).at).toBe(Y + 3 * D + 5 * H);
  });

  it('the default preset has no window: the second negative may come weeks later', () => {
    expect(run([companion(Y), negative('a', Y + H), negative('b', Y + 20 * D)]).state.colour).toBe('green');
  });

  it('the same test id twice is one test', () => {
    expect(run([companion(Y), negative('a', Y + H), negative('a', Y + H + D)]).state.colour).toBe('yellow');
  });

  it('a yellow from an earlier exposure does not keep old negatives after a new yellow', () => {
    const first = run([companion(Y), negative('a', Y + H), negative('b', Y + H + D)]);
    expect(first.state.colour).toBe('green');
    const again = run([companion(Y + 5 * D, 'case-2'), negative('c', Y + 5 * D + H)], undefined, first.state);
    expect(again.state).toMatchObject({ colour: 'yellow', yellowSince: Y + 5 * D });
  });
});

describe('state', () => {
  it('is never mutated, and the clock only moves forward', () => {
    const s0 = initialState(PERSON);
    const frozen = JSON.stringify(s0);
    const r1 = applyEvent(s0, tick(T0 + D));
    const r2 = applyEvent(r1.state, tick(T0));
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(r2.state.clock).toBe(T0 + D);
  });
});
