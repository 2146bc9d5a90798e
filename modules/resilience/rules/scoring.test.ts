/**
 * The contract's scoring (shared/contracts/resilience-index.md, "Scoring") checked against an
 * independent computation: a small city worked by hand (missing values, max = min, lower is
 * better, a mechanism with no indicator, traits), a brute-force oracle of a different shape on
 * random cities, and monotonicity (improving one value never lowers its mechanism nor the index).
 */
import { DIRECTIONS, type IndicatorSpec, MECHANISMS, TRAITS } from '@renxing/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, scoreCommunities, type ValueRow } from './scoring.js';

const spec = (key: string, mechanism: string, trait: string, direction: string): IndicatorSpec =>
  ({ key, mechanism, trait, direction }) as IndicatorSpec;

const INDICATORS = [
  spec('e1', 'engineering', 'redundancy', 'higher'),
  spec('e2', 'engineering', 'redundancy', 'lower'),
  spec('i1', 'institutional', 'adaptability', 'higher'),
  spec('s1', 'social', 'self_organisation', 'lower'),
];

/** A community whose name sorts after the ASCII ones in byte order. */
const D = '社区d';

const v = (community: string, key: string, value: number): ValueRow => ({ community, key, value });

describe('scoreCommunities on a city worked by hand', () => {
  // e1 (higher): a 0, b 2, c 8            → 0, 0.25, 1          (社区d has none)
  // e2 (lower):  a 2, b 4, 社区d 6         → 1, 0.5, 0           (c has none)
  // i1 (higher): a 3, c 7                 → 0, 1
  // s1 (lower):  a 9, b 9, c 9 (max = min) → 0.5 each
  const VALUES = [
    v('c', 'e1', 8),
    v('a', 'e1', 0),
    v('b', 'e1', 2),
    v('a', 'e2', 2),
    v('b', 'e2', 4),
    v(D, 'e2', 6),
    v('a', 'i1', 3),
    v('c', 'i1', 7),
    v('a', 's1', 9),
    v('b', 's1', 9),
    v('c', 's1', 9),
    v('z', 'unknown.key', 1), // not an indicator: ignored, and z is not scored
  ];
  const scoring = scoreCommunities(INDICATORS, VALUES, ['e', 'a']);
  const by = Object.fromEntries(scoring.communities.map((c) => [c.community, c]));

  it('ranges: min, max and how many communities have a value', () => {
    expect([...scoring.ranges.values()]).toEqual([
      { key: 'e1', min: 0, max: 8, count: 3 },
      { key: 'e2', min: 2, max: 6, count: 3 },
      { key: 'i1', min: 3, max: 7, count: 2 },
      { key: 's1', min: 9, max: 9, count: 3 },
    ]);
  });

  it('lists communities with a value and those asked for, in byte order', () => {
    expect(scoring.communities.map((c) => c.community)).toEqual(['a', 'b', 'c', 'e', D]);
  });

  it('normalises min-max, 1 − x′ when lower is better, 0.5 when max = min', () => {
    expect(by.a.normalised).toEqual({ e1: 0, e2: 1, i1: 0, s1: 0.5 });
    expect(by.b.normalised).toEqual({ e1: 0.25, e2: 0.5, s1: 0.5 });
    expect(by.c.normalised).toEqual({ e1: 1, i1: 1, s1: 0.5 });
    expect(by[D].normalised).toEqual({ e2: 0 });
    expect(by.e.normalised).toEqual({});
  });

  it('mechanisms: the mean of the indicators present; null when the community has none of them', () => {
    expect(by.a.mechanisms).toEqual({ engineering: 0.5, institutional: 0, social: 0.5 });
    expect(by.b.mechanisms).toEqual({ engineering: 0.375, institutional: null, social: 0.5 });
    expect(by.c.mechanisms).toEqual({ engineering: 1, institutional: 1, social: 0.5 });
    expect(by[D].mechanisms).toEqual({ engineering: 0, institutional: null, social: null });
    expect(by.e.mechanisms).toEqual({ engineering: null, institutional: null, social: null });
  });

  it('the index is the sum of the mechanisms present; null when none is', () => {
    expect(by.a.index).toBe(1);
    expect(by.b.index).toBe(0.875);
    expect(by.c.index).toBe(2.5);
    expect(by[D].index).toBe(0);
    expect(by.e.index).toBeNull();
  });

  it('traits: the same means grouped by trait', () => {
    expect(by.a.traits).toEqual({ self_organisation: 0.5, redundancy: 0.5, adaptability: 0 });
    expect(by.b.traits).toEqual({ self_organisation: 0.5, redundancy: 0.375, adaptability: null });
    expect(by.c.traits).toEqual({ self_organisation: 0.5, redundancy: 1, adaptability: 1 });
    expect(by[D].traits).toEqual({ self_organisation: null, redundancy: 0, adaptability: null });
  });

  it('names the indicators a community has no value for, in the indicators’ order', () => {
    expect(by.a.missing).toEqual([]);
    expect(by.b.missing).toEqual(['i1']);
    expect(by.c.missing).toEqual(['e2']);
    expect(by[D].missing).toEqual(['e1', 'i1', 's1']);
    expect(by.e.missing).toEqual(['e1', 'e2', 'i1', 's1']);
  });

  it('a lone value is 0.5; no values at all scores nobody', () => {
    const one = scoreCommunities(INDICATORS, [v('x', 'e2', -3)]);
    expect(one.communities).toHaveLength(1);
    expect(one.communities[0].mechanisms).toEqual({ engineering: 0.5, institutional: null, social: null });
    expect(one.communities[0].index).toBe(0.5);
    expect(scoreCommunities(INDICATORS, []).communities).toEqual([]);
  });

  it('values spread wider than the largest double still normalise into [0, 1]', () => {
    const s = scoreCommunities(INDICATORS, [v('a', 'e1', -1e308), v('b', 'e1', 0), v('c', 'e1', 1e308)]);
    expect(s.communities.map((c) => c.normalised.e1)).toEqual([0, 0.5, 1]);
    expect(normalise(1e308, { min: -1e308, max: 1e308 }, 'lower')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: written from the contract's words, per indicator over the communities, with its
// own min and max each time, and the means as sums and counts.

interface OracleScore {
  mechanisms: Record<string, number | null>;
  traits: Record<string, number | null>;
  index: number | null;
}

function oracle(
  indicators: readonly IndicatorSpec[],
  table: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Map<string, OracleScore> {
  const communities = [...table.keys()];
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const c of communities) sums.set(c, new Map());
  const add = (c: string, group: string, x: number) => {
    const g = sums.get(c) as Map<string, { sum: number; n: number }>;
    const s = g.get(group) ?? { sum: 0, n: 0 };
    s.sum += x;
    s.n += 1;
    g.set(group, s);
  };
  for (const ind of indicators) {
    const having = communities.filter((c) => table.get(c)?.has(ind.key));
    const xs = having.map((c) => table.get(c)?.get(ind.key) as number);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    for (const c of having) {
      const x = table.get(c)?.get(ind.key) as number;
      let n: number;
      if (hi === lo) n = 0.5;
      else if (ind.direction === 'higher') n = (x - lo) / (hi - lo);
      else n = (hi - x) / (hi - lo);
      add(c, `m:${ind.mechanism}`, n);
      add(c, `t:${ind.trait}`, n);
    }
  }
  const out = new Map<string, OracleScore>();
  for (const c of communities) {
    const g = sums.get(c) as Map<string, { sum: number; n: number }>;
    const meanOf = (k: string) => {
      const s = g.get(k);
      return s ? s.sum / s.n : null;
    };
    const mechanisms = Object.fromEntries(MECHANISMS.map((m) => [m, meanOf(`m:${m}`)]));
    const traits = Object.fromEntries(TRAITS.map((t) => [t, meanOf(`t:${t}`)]));
    const present = Object.values(mechanisms).filter((x): x is number => x !== null);
    out.set(c, { mechanisms, traits, index: present.length ? present.reduce((a, b) => a + b) : null });
  }
  return out;
}

const arbIndicators = fc
  .array(
    fc.record({
      mechanism: fc.constantFrom(...MECHANISMS),
      trait: fc.constantFrom(...TRAITS),
      direction: fc.constantFrom(...DIRECTIONS),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((xs) => xs.map((x, i): IndicatorSpec => ({ key: `k.${i}`, ...x })));

/** Small integers (ties, max = min) or any double of a sane size. */
const arbValue = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);

/** A city: indicators and, per community, an optional value per indicator. */
const arbCity = arbIndicators.chain((indicators) =>
  fc
    .array(
      fc.array(fc.option(arbValue, { freq: 3 }), {
        minLength: indicators.length,
        maxLength: indicators.length,
      }),
      {
        minLength: 1,
        maxLength: 12,
      },
    )
    .map((grid) => {
      const table = new Map<string, Map<string, number>>();
      const values: ValueRow[] = [];
      grid.forEach((row, ci) => {
        const community = `c${String(ci).padStart(2, '0')}`;
        const own = new Map<string, number>();
        row.forEach((x, ii) => {
          if (x === null) return;
          own.set(indicators[ii].key, x);
          values.push({ community, key: indicators[ii].key, value: x });
        });
        if (own.size > 0) table.set(community, own);
      });
      return { indicators, values, table };
    }),
);

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('scoreCommunities against the oracle', () => {
  it('agrees on every mechanism, trait and index of random cities', () => {
    fc.assert(
      fc.property(arbCity, ({ indicators, values, table }) => {
        const got = scoreCommunities(indicators, [...values].reverse());
        const want = oracle(indicators, table);
        expect(got.communities.map((c) => c.community)).toEqual([...want.keys()].sort());
        for (const c of got.communities) {
          const w = want.get(c.community) as OracleScore;
          for (const m of MECHANISMS) expect(close(c.mechanisms[m], w.mechanisms[m])).toBe(true);
          for (const t of TRAITS) expect(close(c.traits[t], w.traits[t])).toBe(true);
          expect(close(c.index, w.index)).toBe(true);
          for (const n of Object.values(c.normalised)) expect(n >= 0 && n <= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('monotonicity', () => {
  it('improving one value never lowers that mechanism’s score nor the index of its community', () => {
    fc.assert(
      fc.property(arbCity, fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true }), (city, pick, by) => {
        const { indicators, values } = city;
        fc.pre(values.length > 0);
        const at = pick % values.length;
        const row = values[at];
        const ind = indicators.find((i) => i.key === row.key) as IndicatorSpec;
        const better = ind.direction === 'higher' ? row.value + by : row.value - by;
        const improved = values.map((r, i) => (i === at ? { ...r, value: better } : r));
        const before = scoreCommunities(indicators, values).communities.find(
          (c) => c.community === row.community,
        );
        const after = scoreCommunities(indicators, improved).communities.find(
          (c) => c.community === row.community,
        );
        expect(after?.mechanisms[ind.mechanism] as number).toBeGreaterThanOrEqual(
          before?.mechanisms[ind.mechanism] as number,
        );
        expect(after?.index as number).toBeGreaterThanOrEqual(before?.index as number);
        // Its other mechanisms do not move at all (other indicators' ranges are untouched).
        for (const m of MECHANISMS)
          if (m !== ind.mechanism) expect(after?.mechanisms[m]).toBe(before?.mechanisms[m]);
      }),
      { numRuns: 300 },
    );
  });
});
