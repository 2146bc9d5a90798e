/**
 * Alarm rules (alarms.ts): a test for each rule of the contract, the replay the CLI runs, and
 * the admission of rules and readings.
 */
import { describe, expect, it } from 'vitest';
import {
  type AlarmEvent,
  admitReadingRow,
  admitRuleSpec,
  combined,
  IDLE,
  type Reading,
  type ReplayRule,
  type RuleState,
  replayAlarms,
  SensorTrack,
  sensorTimeout,
  stepRule,
  type ThresholdRule,
} from './alarms.js';

/** The events a rule gives over readings `[ts, value]`, as `event@ts`. */
function run(rule: ThresholdRule, readings: [number, number][]): string[] {
  let state: RuleState = IDLE;
  const out: string[] = [];
  for (const [ts, value] of readings) {
    const r = stepRule(rule, state, ts, value);
    state = r.state;
    if (r.event) out.push(`${r.event}@${ts}`);
  }
  return out;
}

const above = (threshold: number, hysteresis = 0, forS = 0): ThresholdRule => ({
  op: 'above',
  threshold,
  hysteresis,
  forS,
});
const below = (threshold: number, hysteresis = 0, forS = 0): ThresholdRule => ({
  op: 'below',
  threshold,
  hysteresis,
  forS,
});

describe('a threshold rule', () => {
  it('above: starts at a value > T (not at T), raises at once when D = 0, clears at < T − H', () => {
    expect(
      run(above(10), [
        [0, 10],
        [1, 10.1],
        [2, 9.99],
      ]),
    ).toEqual(['raise@1', 'clear@2']);
    expect(run(above(10), [[0, 10]])).toEqual([]);
  });

  it('below mirrors it: < T starts, clears at > T + H', () => {
    expect(
      run(below(5, 1), [
        [0, 5],
        [1, 4.9],
        [2, 6],
        [3, 6.01],
      ]),
    ).toEqual(['raise@1', 'clear@3']);
  });

  it('hysteresis: readings between T − H and T keep it raised; exactly T − H does not clear', () => {
    expect(
      run(above(10, 2), [
        [0, 11],
        [1, 9],
        [2, 8],
        [3, 10],
        [4, 7.99],
      ]),
    ).toEqual(['raise@0', 'clear@4']);
  });

  it('duration: raises at the first reading with ts − start ≥ D while every reading stayed > T', () => {
    expect(
      run(above(10, 0, 60), [
        [0, 11],
        [30, 12],
        [59, 11],
        [60, 11],
        [61, 11],
      ]),
    ).toEqual(['raise@60']);
    // Readings need not fall on D: the first one at or after start + D raises.
    expect(
      run(above(10, 0, 60), [
        [0, 11],
        [45, 11],
        [90, 11],
      ]),
    ).toEqual(['raise@90']);
  });

  it('duration: a reading ≤ T before the raise resets the start', () => {
    expect(
      run(above(10, 5, 60), [
        [0, 11],
        [50, 10], // ≤ T: the condition ends (hysteresis only matters once raised)
        [55, 11], // starts again
        [100, 11], // 45 s: not yet
        [115, 11],
      ]),
    ).toEqual(['raise@115']);
  });

  it('D = 0 raises at the first reading beyond T', () => {
    expect(run(below(0, 0, 0), [[7, -1]])).toEqual(['raise@7']);
  });

  it('a raised alarm is never raised twice', () => {
    expect(
      run(above(10, 1, 10), [
        [0, 11],
        [10, 11],
        [20, 12],
        [30, 9.5],
        [40, 11],
        [100, 11],
      ]),
    ).toEqual(['raise@10']);
  });

  it('a new raise after a clear (the duration counted afresh)', () => {
    expect(
      run(above(10, 1, 10), [
        [0, 11],
        [10, 11],
        [20, 8],
        [25, 11],
        [30, 11],
        [35, 11],
      ]),
    ).toEqual(['raise@10', 'clear@20', 'raise@35']);
  });

  it('oscillation ±0.5 around T with hysteresis 1 for an hour of 1-s readings: one raise; a final drop: one clear', () => {
    const rule = above(50, 1, 0);
    const readings: [number, number][] = [];
    for (let t = 0; t < 3600; t++) readings.push([t, t % 2 === 0 ? 50.5 : 49.5]);
    expect(run(rule, readings)).toEqual(['raise@0']);
    readings.push([3600, 48.9]);
    expect(run(rule, readings)).toEqual(['raise@0', 'clear@3600']);
    // Without hysteresis the same readings flap: the contract's reason for H.
    expect(run(above(50, 0, 0), readings.slice(0, 10))).toHaveLength(10);
  });
});

describe('rules combined on an asset', () => {
  it('any is OR, all is AND (and no rules is not all)', () => {
    expect(combined('any', [false, true])).toBe(true);
    expect(combined('any', [false, false])).toBe(false);
    expect(combined('all', [true, false])).toBe(false);
    expect(combined('all', [true, true])).toBe(true);
    expect(combined('all', [])).toBe(false);
    expect(combined('any', [])).toBe(false);
  });
});

describe('a sensor over time', () => {
  it('a reading older than the newest one does not drive alarms', () => {
    const track = new SensorTrack('p', [above(10)], 0);
    expect(track.step(100, 5).map((e) => e.event)).toEqual([]);
    expect(track.step(90, 50)).toEqual([]);
    expect(track.states[0]).toEqual(IDLE);
    expect(track.last).toBe(100);
    expect(track.step(100, 50).map((e) => e.event)).toEqual(['raise']);
  });

  it('offline at last + timeout after a longer gap, online at the next reading before its raise', () => {
    const track = new SensorTrack('p', [above(10)], 60);
    expect(track.step(0, 1)).toEqual([]);
    expect(track.step(60, 1)).toEqual([]); // a gap of exactly the timeout is not longer
    expect(track.step(121, 20)).toEqual([
      { sensor: 'p', event: 'offline', ts: 120, value: null },
      { sensor: 'p', event: 'online', ts: 121, value: 20 },
      { sensor: 'p', event: 'raise', ts: 121, value: 20, rule: 0 },
    ]);
  });

  it("a sensor's timeout is the smallest positive one among its rules", () => {
    expect(sensorTimeout([{ timeoutS: 0 }, { timeoutS: 300 }, { timeoutS: 120 }])).toBe(120);
    expect(sensorTimeout([{ timeoutS: 0 }])).toBe(0);
    expect(sensorTimeout([])).toBe(0);
  });
});

const rule = (sensor: string, r: ThresholdRule, timeoutS = 0): ReplayRule => ({ ...r, sensor, timeoutS });
const reading = (sensor: string, ts: number, value: number): Reading => ({ sensor, ts, value });
const brief = (events: AlarmEvent[]) => events.map((e) => `${e.sensor},${e.event},${e.ts},${e.value ?? ''}`);

describe('the replay (renxing infra alarms)', () => {
  it('sorts readings by ts (file order breaking ties), steps rules in order, sorts events by ts then sensor', () => {
    const rules = [rule('b', above(10)), rule('b', above(5)), rule('a', below(0), 30), rule('z', above(0))];
    const readings = [
      reading('b', 20, 11),
      reading('a', 10, -1),
      reading('b', 10, 1), // below both of b's thresholds
      reading('a', 100, 1),
      reading('a', 10, -2), // same ts as an earlier row: after it; already raised
      reading('q', 5, 99), // no rules: nothing
    ];
    expect(brief(replayAlarms(rules, readings))).toEqual([
      'a,raise,10,-1',
      'b,raise,20,11',
      'b,raise,20,11',
      'a,offline,40,',
      'a,online,100,1',
      'a,clear,100,1',
    ]);
  });

  it('ties in ts: by sensor in byte order, generation order within a sensor', () => {
    const rules = [rule('😀', above(0)), rule('ｚ', above(0)), rule('B', above(0)), rule('b', above(0))];
    const readings = ['😀', 'ｚ', 'b', 'B'].map((s) => reading(s, 1, 1));
    expect(brief(replayAlarms(rules, readings)).map((l) => l.split(',')[0])).toEqual(['B', 'b', 'ｚ', '😀']);
  });

  it('no trailing offline after the last reading; never offline without a timeout', () => {
    expect(brief(replayAlarms([rule('s', above(10), 10)], [reading('s', 0, 1), reading('s', 5, 1)]))).toEqual(
      [],
    );
    expect(
      brief(replayAlarms([rule('s', above(10), 0)], [reading('s', 0, 1), reading('s', 500, 1)])),
    ).toEqual([]);
  });
});

describe('admission of rules and readings', () => {
  it('a rule: sensor, op, threshold; hysteresis, for and timeout default to 0', () => {
    expect(admitRuleSpec({ sensor: 'p1', op: 'above', threshold: 3 })).toEqual({
      rule: { sensor: 'p1', op: 'above', threshold: 3, hysteresis: 0, forS: 0, timeoutS: 0 },
    });
    expect(
      admitRuleSpec({ sensor: 'p1', op: 'below', threshold: -1.5, hysteresis: 0.5, for: 60, timeout: 600 }),
    ).toEqual({
      rule: { sensor: 'p1', op: 'below', threshold: -1.5, hysteresis: 0.5, forS: 60, timeoutS: 600 },
    });
  });

  it.each([
    [null, 'not_an_object'],
    [[1], 'not_an_object'],
    [{ op: 'above', threshold: 1 }, 'sensor_empty'],
    [{ sensor: ' ', op: 'above', threshold: 1 }, 'sensor_empty'],
    [{ sensor: 's', op: 'over', threshold: 1 }, 'bad_op'],
    [{ sensor: 's', op: 'above', threshold: '1' }, 'bad_threshold'],
    [{ sensor: 's', op: 'above' }, 'bad_threshold'],
    [{ sensor: 's', op: 'above', threshold: 1, hysteresis: -1 }, 'bad_hysteresis'],
    [{ sensor: 's', op: 'above', threshold: 1, for: 1.5 }, 'bad_for'],
    [{ sensor: 's', op: 'above', threshold: 1, for: -1 }, 'bad_for'],
    [{ sensor: 's', op: 'above', threshold: 1, timeout: 'x' }, 'bad_timeout'],
  ])('refuses %j: %s', (json, reason) => {
    expect(admitRuleSpec(json)).toEqual({ reason });
  });

  it('a reading: sensor, an instant (epoch seconds or ISO, +08:00 by default), a decimal value', () => {
    expect(admitReadingRow({ sensor: 's', ts: '2026-12-06 08:00:00', value: '1.5' }, 8 * 3600)).toEqual({
      reading: { sensor: 's', ts: 1796515200, value: 1.5 },
    });
    expect(admitReadingRow({ sensor: 's', ts: '100', value: '-2e1' }, 0)).toEqual({
      reading: { sensor: 's', ts: 100, value: -20 },
    });
    expect(admitReadingRow({ sensor: '', ts: '1', value: '1' }, 0)).toEqual({ reason: 'sensor_empty' });
    expect(admitReadingRow({ sensor: 's', ts: 'soon', value: '1' }, 0)).toEqual({ reason: 'bad_ts' });
    for (const value of ['', 'NaN', 'Infinity', '0x10', '1,5', 'abc'])
      expect(admitReadingRow({ sensor: 's', ts: '1', value }, 0)).toEqual({ reason: 'bad_value' });
  });
});
