import { describe, expect, it } from 'vitest';
import {
  distinctResidents,
  earlyWarningVerdict,
  evaluateEarlyWarnings,
  meanAndPopulationStd,
  replayEarlyWarnings,
  type SymptomReport,
  symptomCounts,
} from './early-warning.js';

const H = 3_600_000;
const D = 24 * H;
const t = new Date('2021-11-15T10:00:00Z');
const ago = (ms: number) => new Date(t.getTime() - ms);
let n = 0;
const rep = (reporter: string, when: Date, o: Partial<SymptomReport> = {}): SymptomReport => ({
  id: `r${++n}`,
  community: 'c1',
  reporter,
  category: 'health_symptom',
  submittedAt: when,
  ...o,
});

describe('early warning', () => {
  it('counts distinct residents with a health_symptom report in (t − 24 h, t]', () => {
    const reports = [
      rep('p1', ago(1 * H)),
      rep('p1', ago(2 * H)), // same resident
      rep('p2', ago(24 * H)), // exactly 24 h before: outside
      rep('p3', ago(23 * H)),
      rep('p4', ago(1 * H), { category: 'hazard' }),
      rep('p5', ago(1 * H), { community: 'c2' }),
      rep('p6', new Date(t.getTime() + 1)), // after t
    ];
    expect(distinctResidents(reports, 'c1', t)).toBe(2);
  });

  it('uses the population standard deviation', () => {
    expect(meanAndPopulationStd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ m: 5, s: 2 });
  });

  it('raises at n ≥ max(3, m + 3s): never below 3, and above a noisy baseline only past m + 3s', () => {
    const quiet = Array(14).fill(0);
    expect(earlyWarningVerdict({ n: 2, baseline: quiet, lastRaisedAt: null, now: t }).raise).toBe(false);
    expect(earlyWarningVerdict({ n: 3, baseline: quiet, lastRaisedAt: null, now: t })).toEqual({
      raise: true,
      m: 0,
      s: 0,
      threshold: 3,
    });
    // Baseline 2,4,…: m 5, s 2 (population; the sample std would be 2.14 → 11.4).
    const noisy = [2, 4, 4, 4, 5, 5, 7, 9, 2, 4, 4, 4, 5, 5, 7, 9].slice(0, 16);
    const v = earlyWarningVerdict({ n: 11, baseline: noisy, lastRaisedAt: null, now: t });
    expect(v).toEqual({ raise: true, m: 5, s: 2, threshold: 11 });
    expect(earlyWarningVerdict({ n: 10, baseline: noisy, lastRaisedAt: null, now: t }).raise).toBe(false);
  });

  it('does not raise again within 24 h of the last warning for the community', () => {
    const quiet = Array(14).fill(0);
    expect(earlyWarningVerdict({ n: 9, baseline: quiet, lastRaisedAt: ago(23 * H), now: t }).raise).toBe(
      false,
    );
    expect(earlyWarningVerdict({ n: 9, baseline: quiet, lastRaisedAt: ago(24 * H), now: t }).raise).toBe(
      true,
    );
  });

  it('takes the baseline at the same hour on each of the 14 previous days', () => {
    const reports = [
      rep('a', ago(1 * D + 1 * H)), // day −1's window
      rep('b', ago(1 * D + 2 * H)),
      rep('c', ago(14 * D + 1 * H)), // day −14
      rep('d', ago(15 * D + 1 * H)), // day −15: not in the baseline
    ];
    const { n, baseline } = symptomCounts(reports, 'c1', t);
    expect(n).toBe(0);
    expect(baseline).toHaveLength(14);
    expect(baseline[0]).toBe(2);
    expect(baseline[13]).toBe(1);
    expect(baseline.slice(1, 13).every((x) => x === 0)).toBe(true);
  });

  it('names the reports behind a warning, per community', () => {
    const reports = [
      rep('p1', ago(H)),
      rep('p2', ago(2 * H)),
      rep('p3', ago(3 * H)),
      rep('q1', ago(H), { community: 'c2' }),
    ];
    const ws = evaluateEarlyWarnings(reports, ['c1', 'c2'], t, new Map());
    expect(ws.map((w) => [w.community, w.n, w.reportIds.length])).toEqual([['c1', 3, 3]]);
  });

  it('replayed hour by hour: raises once, then holds back for 24 h', () => {
    const reports = [
      rep('p1', ago(5 * H)),
      rep('p2', ago(4 * H)),
      rep('p3', ago(3 * H)),
      rep('p4', new Date(t.getTime() + 5 * H)),
    ];
    const ws = replayEarlyWarnings(reports, ago(6 * H), new Date(t.getTime() + 30 * H));
    // Raised at t − 3 h (the third resident); t + 21 h has 1 report in its window, nothing later.
    expect(ws.map((w) => w.at.toISOString())).toEqual([ago(3 * H).toISOString()]);
    // Three more residents 23 h after the first warning do not raise until 24 h have passed.
    const more = [
      ...reports,
      rep('p5', new Date(t.getTime() + 19 * H)),
      rep('p6', new Date(t.getTime() + 19.5 * H)),
    ];
    const ws2 = replayEarlyWarnings(more, ago(6 * H), new Date(t.getTime() + 30 * H));
    expect(ws2.map((w) => w.at.toISOString())).toEqual([
      ago(3 * H).toISOString(),
      new Date(t.getTime() + 21 * H).toISOString(),
    ]);
  });
});
