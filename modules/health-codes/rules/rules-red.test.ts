/** The transition table of shared/contracts/health-code.md (default preset): leaving red, and a positive from any colour. */
import { describe, expect, it } from 'vitest';
import { applyEvent } from './rules.js';
import {
  closeContact,
  companion,
  confirmed,
  D,
  discharged,
  H,
  isolationStarted,
  negative,
  positive,
  run,
  T0,
  tick,
} from './test-support.js';
import type { HealthCodeEvent } from './types.js';

const last = <T>(xs: T[]): T => xs[xs.length - 1];

describe('red (close contact) → green: 14 days of isolation and a negative in its last 24 h', () => {
  const S = T0;
  const END = S + 14 * D;
  const base = [closeContact(S - H), isolationStarted(S)];

  it('a negative exactly at the start of the last 24 h; green exactly at 14 days, not one second before', () => {
    const before = run([...base, negative('a', END - D), tick(END - 1)]);
    expect(before.state.colour).toBe('red');
    const r = applyEvent(before.state, tick(END));
    expect(r.state).toMatchObject({ colour: 'green', since: END, redBasis: null, isolationStart: null });
    expect(r.transition).toMatchObject({
      from: 'red',
      to: 'green',
      at: END,
      rule: 'isolation_complete_green',
      evidence: { isolationStart: S, isolationEnd: END, test: { testId: 'a', takenAt: END - D } },
      reason: { kind: 'isolation_complete', isolationStart: S, isolationEnd: END },
    });
  });

  it('a negative one second before the last 24 h does not count; isolation goes on until a negative', () => {
    const r = run([...base, negative('a', END - D - 1), tick(END + 3 * H)]);
    expect(r.state.colour).toBe('red');
    const done = applyEvent(r.state, negative('b', END + 5 * H));
    expect(done.transition).toMatchObject({
      rule: 'isolation_complete_green',
      at: END + 5 * H,
      evidence: { isolationEnd: END + 5 * H, test: { testId: 'b' } },
    });
  });

  it('a test taken in the window but reported after the end is re-evaluated when it arrives', () => {
    const r = run([...base, tick(END + D), negative('a', END - 2 * H, END + D + H)]);
    expect(r.state.colour).toBe('green');
    expect(last(r.transitions)).toMatchObject({ at: END + D + H, evidence: { isolationEnd: END } });
  });

  it('without an isolation start, time alone changes nothing', () => {
    expect(run([closeContact(S), negative('a', S + 13 * D + H), tick(S + 60 * D)]).state.colour).toBe('red');
  });

  it('a positive during isolation makes it a positive red, with no isolation', () => {
    const r = run([...base, positive('p', S + 3 * D), negative('a', END - H), tick(END + H)]);
    expect(r.state).toMatchObject({ colour: 'red', redBasis: 'positive', isolationStart: null });
    expect(r.transitions.map((t) => t.rule)).toEqual(['close_contact_red', 'positive_red']);
  });

  it('an isolation start counts only for a close contact', () => {
    expect(run([confirmed(S), isolationStarted(S)]).state.isolationStart).toBeNull();
  });
});

describe('red (case) → green: discharged, then 14 days of monitoring', () => {
  const DIS = T0 + 20 * D;
  it('green exactly 14 days after the discharge, not one second before', () => {
    const before = run([confirmed(T0), discharged(DIS), tick(DIS + 14 * D - 1)]);
    expect(before.state).toMatchObject({ colour: 'red', dischargedAt: DIS });
    const r = applyEvent(before.state, tick(DIS + 14 * D));
    expect(r.state.colour).toBe('green');
    expect(r.transition).toMatchObject({
      rule: 'discharge_monitoring_green',
      at: DIS + 14 * D,
      evidence: { dischargedAt: DIS, monitoringEnd: DIS + 14 * D, officerId: 'doctor-2' },
      reason: { kind: 'discharge_monitoring', dischargedAt: DIS },
    });
  });

  it('a discharge counts only for a confirmed case', () => {
    expect(run([closeContact(T0), discharged(DIS), tick(DIS + 30 * D)]).state.colour).toBe('red');
    expect(run([positive('p', T0), discharged(DIS), tick(DIS + 30 * D)]).state.colour).toBe('red');
    expect(run([discharged(DIS), tick(DIS + 30 * D)]).state).toMatchObject({
      colour: 'green',
      dischargedAt: null,
    });
  });

  it('a positive taken during monitoring cancels the discharge; one taken before it does not', () => {
    const before = run([confirmed(T0), discharged(DIS), positive('p0', DIS - D), tick(DIS + 14 * D)]);
    expect(before.state.colour).toBe('green');
    const after = run([confirmed(T0), discharged(DIS), positive('p1', DIS + D), tick(DIS + 14 * D)]);
    expect(after.state).toMatchObject({ colour: 'red', redBasis: 'case', dischargedAt: null });
    expect(after.transitions.map((t) => [t.from, t.to, t.rule])).toEqual([
      ['green', 'red', 'confirmed_red'],
      ['red', 'red', 'positive_red'],
    ]);
  });
});

describe('any → red: a positive PCR result', () => {
  it.each<[string, HealthCodeEvent[], string]>([
    ['green', [], 'green'],
    ['yellow', [companion(T0 - D)], 'yellow'],
    ['red (close contact)', [closeContact(T0 - D)], 'red'],
  ])('from %s', (_, before, from) => {
    const { state, transitions } = run([...before, positive('p', T0)]);
    expect(last(transitions)).toMatchObject({
      from,
      to: 'red',
      at: T0,
      rule: 'positive_red',
      evidence: { test: { testId: 'p', takenAt: T0, result: 'positive' } },
      reason: { kind: 'positive_test' },
    });
    expect(state).toMatchObject({ colour: 'red', redBasis: 'positive' });
  });

  it('counts even if taken before the yellow began', () => {
    expect(run([companion(T0), positive('p', T0 - D)]).state.colour).toBe('red');
  });

  it('a confirmed case or an already positive red is not changed again', () => {
    expect(run([confirmed(T0), positive('p', T0 + H)]).transitions).toHaveLength(1);
    expect(run([positive('p', T0), positive('q', T0 + D)]).transitions).toHaveLength(1);
  });
});
