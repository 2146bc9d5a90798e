/**
 * What to do next: targets (street median, else city median, else city best) and gains on a city
 * worked by hand, and on random cities against rescoring: moving an indicator to its target and
 * scoring again raises the index by the step's gain, and no indicator left out would gain more.
 */
import { DIRECTIONS, type IndicatorSpec, MECHANISMS, TRAITS } from '@renxing/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NextStep, nextSteps } from './next-steps.js';
import { type Scoring, scoreCommunities, type ValueRow } from './scoring.js';

const spec = (key: string, mechanism: string, direction: string): IndicatorSpec =>
  ({ key, mechanism, trait: 'redundancy', direction }) as IndicatorSpec;

const INDICATORS = [
  spec('e1', 'engineering', 'higher'),
  spec('e2', 'engineering', 'lower'),
  spec('i1', 'institutional', 'higher'),
  spec('s1', 'social', 'higher'),
];

/** Rows `community key value …` for one indicator. */
const rows = (key: string, ...pairs: [string, number][]): ValueRow[] =>
  pairs.map(([community, value]) => ({ community, key, value }));

// Streets: S1 = a, b, c; S2 = d, e.
const STREETS = new Map([
  ['a', 'S1'],
  ['b', 'S1'],
  ['c', 'S1'],
  ['d', 'S2'],
  ['e', 'S2'],
]);
const VALUES = [
  // range 0–10; city median 4, best 10; S1 median 4, S2 median 4
  ...rows('e1', ['a', 0], ['b', 4], ['c', 10], ['d', 6], ['e', 2]),
  // lower is better; range 1–5; city median 3, best 1; S1 median 3
  ...rows('e2', ['a', 5], ['b', 1], ['c', 3]),
  // range 1–5; city median 3, best 5; S1 median 1 (a alone), S2 median 4
  ...rows('i1', ['a', 1], ['d', 3], ['e', 5]),
  // max = min: everybody 0.5, nothing to gain
  ...rows('s1', ['a', 7], ['b', 7], ['c', 7], ['d', 7], ['e', 7]),
];

const plain = (steps: NextStep[] | undefined) =>
  (steps ?? []).map((s) => ({ ...s, gain: Math.round(s.gain * 1e12) / 1e12 }));

describe('nextSteps on a city worked by hand', () => {
  const scoring = scoreCommunities(INDICATORS, VALUES, ['f']);
  const next = nextSteps(INDICATORS, scoring, VALUES, STREETS);

  it('a: the street median when better, else the city median; gain ÷ indicators in the mechanism', () => {
    expect(plain(next.get('a'))).toEqual([
      // i1 1 → city median 3 (its street's median is its own 1): (0.5 − 0) ÷ 1
      { key: 'i1', current: 1, target: 3, targetOf: 'city_median', gain: 0.5 },
      // e2 5 → street median 3, lower is better: (0.5 − 0) ÷ 2 engineering indicators
      { key: 'e2', current: 5, target: 3, targetOf: 'street_median', gain: 0.25 },
      // e1 0 → street median 4: (0.4 − 0) ÷ 2
      { key: 'e1', current: 0, target: 4, targetOf: 'street_median', gain: 0.2 },
    ]);
  });

  it('b, c, d, e: the city’s best when no median is better; nothing when already the best', () => {
    expect(plain(next.get('b'))).toEqual([
      { key: 'e1', current: 4, target: 10, targetOf: 'city_best', gain: 0.3 },
    ]);
    expect(plain(next.get('c'))).toEqual([
      { key: 'e2', current: 3, target: 1, targetOf: 'city_best', gain: 0.25 },
    ]);
    expect(plain(next.get('d'))).toEqual([
      { key: 'e1', current: 6, target: 10, targetOf: 'city_best', gain: 0.4 },
      { key: 'i1', current: 3, target: 4, targetOf: 'street_median', gain: 0.25 },
    ]);
    expect(plain(next.get('e'))).toEqual([
      { key: 'e1', current: 2, target: 4, targetOf: 'street_median', gain: 0.2 },
    ]);
  });

  it('every scored community has an entry (empty without values); at most `limit` steps', () => {
    expect([...next.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(next.get('f')).toEqual([]);
    expect(
      nextSteps(INDICATORS, scoring, VALUES, STREETS, 1)
        .get('a')
        ?.map((s) => s.key),
    ).toEqual(['i1']);
    expect(nextSteps(INDICATORS, scoring, VALUES, STREETS, 0).get('a')).toEqual([]);
  });

  it('a community without a street is compared with the city; equal gains go by key', () => {
    const values = [...rows('x2', ['p', 0], ['q', 10]), ...rows('x1', ['p', 0], ['q', 10])];
    const inds = [spec('x2', 'social', 'higher'), spec('x1', 'social', 'higher')];
    const s = nextSteps(inds, scoreCommunities(inds, values), values, new Map());
    expect(plain(s.get('p'))).toEqual([
      { key: 'x1', current: 0, target: 5, targetOf: 'city_median', gain: 0.25 },
      { key: 'x2', current: 0, target: 5, targetOf: 'city_median', gain: 0.25 },
    ]);
    expect(s.get('q')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const arbCity = fc
  .array(
    fc.record({
      mechanism: fc.constantFrom(...MECHANISMS),
      trait: fc.constantFrom(...TRAITS),
      direction: fc.constantFrom(...DIRECTIONS),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((xs) => xs.map((x, i): IndicatorSpec => ({ key: `k.${i}`, ...x })))
  .chain((indicators) =>
    fc.record({
      indicators: fc.constant(indicators),
      grid: fc.array(
        fc.record({
          street: fc.option(fc.constantFrom('S0', 'S1', 'S2'), { freq: 5 }),
          row: fc.array(
            fc.option(
              fc.oneof(
                fc.integer({ min: 0, max: 6 }),
                // Subnormal values are read as 0: their medians round, and a spread of a few
                // 1e-323 cannot be normalised to 1e-9 (no indicator has such values).
                fc
                  .double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true })
                  .map((x) => (Math.abs(x) < 1e-300 ? 0 : x)),
              ),
              { freq: 3 },
            ),
            { minLength: indicators.length, maxLength: indicators.length },
          ),
        }),
        { minLength: 1, maxLength: 10 },
      ),
    }),
  )
  .map(({ indicators, grid }) => {
    const values: ValueRow[] = [];
    const streetOf = new Map<string, string>();
    grid.forEach(({ street, row }, ci) => {
      const community = `c${ci}`;
      if (street !== null) streetOf.set(community, street);
      row.forEach((x, ii) => {
        if (x !== null) values.push({ community, key: indicators[ii].key, value: x });
      });
    });
    return { indicators, values, streetOf };
  });

/** The median, written apart from the module's: sort a copy, average the middle pair. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

const TOL = 1e-9;

/** The ranges with `more` communities counted; −0 read as 0 (a median of −5e-324 and 0 is −0), which toEqual would tell apart. */
const withCounts = (ranges: Scoring['ranges'], more: number) =>
  new Map(
    [...ranges].map(([k, r]) => [
      k,
      { ...r, min: r.min + 0, max: r.max + 0, count: r.count + (r.count ? more : 0) },
    ]),
  );

describe('nextSteps against rescoring', () => {
  it('each step’s target, applied and rescored, raises the index by its gain; none left out gains more', () => {
    fc.assert(
      fc.property(arbCity, ({ indicators, values, streetOf }) => {
        const scoring = scoreCommunities(indicators, values);
        const next = nextSteps(indicators, scoring, values, streetOf);
        // Rescoring with the same ranges: two more communities hold each indicator's min and max.
        const anchors = [...scoring.ranges.values()]
          .filter((r) => r.count > 0)
          .flatMap((r) => [
            { community: '~min', key: r.key, value: r.min },
            { community: '~max', key: r.key, value: r.max },
          ]);
        const indexOf = (vs: ValueRow[], c: string) => {
          const again = scoreCommunities(indicators, [...vs, ...anchors]);
          expect(withCounts(again.ranges, 0)).toEqual(withCounts(scoring.ranges, 2));
          return again.communities.find((s) => s.community === c)?.index as number;
        };
        for (const score of scoring.communities) {
          const steps = next.get(score.community) as NextStep[];
          expect(steps.length).toBeLessThanOrEqual(3);
          for (let i = 1; i < steps.length; i++) {
            const [a, b] = [steps[i - 1], steps[i]];
            expect(a.gain > b.gain || (a.gain === b.gain && a.key < b.key)).toBe(true);
          }
          // What each indicator of the community would gain, found by moving it and rescoring.
          const delta = new Map<string, number>();
          for (const ind of indicators) {
            const mine = values.find((v) => v.community === score.community && v.key === ind.key);
            if (!mine) continue;
            const better = (x: number) => (ind.direction === 'higher' ? x > mine.value : x < mine.value);
            const all = values.filter((v) => v.key === ind.key).map((v) => v.value);
            const street = streetOf.get(score.community);
            const ofStreet = values
              .filter(
                (v) => v.key === ind.key && street !== undefined && streetOf.get(v.community) === street,
              )
              .map((v) => v.value);
            const best = ind.direction === 'higher' ? Math.max(...all) : Math.min(...all);
            const target =
              ofStreet.length && better(median(ofStreet))
                ? median(ofStreet)
                : better(median(all))
                  ? median(all)
                  : best;
            const moved = values.map((v) => (v === mine ? { ...v, value: target } : v));
            delta.set(ind.key, indexOf(moved, score.community) - (score.index as number));
            const step = steps.find((s) => s.key === ind.key);
            if (step) {
              expect(step.gain).toBeGreaterThan(0);
              expect(step.current).toBe(mine.value);
              expect(Math.abs(step.target - target)).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(target)));
              expect(Math.abs(step.gain - (delta.get(ind.key) as number))).toBeLessThanOrEqual(TOL);
            }
          }
          const floor = steps.length === 3 ? steps[2].gain : 0;
          for (const [key, d] of delta)
            if (!steps.some((s) => s.key === key)) expect(d).toBeLessThanOrEqual(floor + TOL);
        }
      }),
      { numRuns: 200 },
    );
  });
});
