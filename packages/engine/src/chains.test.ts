/**
 * Transmission chains against a brute-force recomputation: generation after generation, the
 * brute-force oracle of the companion rule run for each source from its exposure on, on random
 * cities (both modes, with and without the dwell clause), to depth 3; and a hand-made chain whose
 * later contact must not become the source of an earlier one.
 */
import {
  cityArb,
  compareBytewise,
  type OCase,
  type OParams,
  type OPing,
  oracleCompanions,
  toCasesCsv,
  toPingsCsv,
} from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './bytes.js';
import { readCases } from './case-reader.js';
import { transmissionChain } from './chains.js';
import { resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';
import { buildIndex } from './pipeline.js';

const enc = new TextEncoder();

interface Hop {
  generation: number;
  source: string;
  subject: string;
  cell: string;
  start: number;
  end: number;
  overlap: number;
}

function engineChain(pings: OPing[], cases: OCase[], p: OParams, depth: number): Hop[] {
  const { params } = resolveParams('default', p);
  const reader = new PingReader(params, () => {});
  reader.push(enc.encode(toPingsCsv(pings)));
  const index = buildIndex(reader, reader.finish(), params);
  const list = readCases([enc.encode(toCasesCsv(cases))], params.tzOffset, () => {}).cases;
  const name = (id: number) => decodeUtf8(index.subjectBytes(id));
  return transmissionChain(index, list, params, depth).hops.map((h) => ({
    generation: h.generation,
    source: name(h.source),
    subject: name(h.subject),
    cell: index.cellLabel(h.cell),
    start: h.start,
    end: h.end,
    overlap: h.overlap,
  }));
}

/** The chain by definition: the oracle for each generation's sources, first generation wins. */
function bruteChain(pings: OPing[], cases: OCase[], p: OParams, depth: number): Hop[] {
  const present = new Set(pings.map((x) => x.subject));
  const generation = new Map<string, number>();
  const since = new Map<string, number>();
  let sources = cases.filter((c) => present.has(c.subject));
  for (const c of sources) generation.set(c.subject, 0);
  const hops: Hop[] = [];
  for (let g = 1; g <= depth && sources.length > 0; g++) {
    const found: string[] = [];
    for (const row of oracleCompanions(pings, sources, p)) {
      const known = generation.get(row.subject);
      if (known !== undefined && known < g) continue;
      if (known === undefined) {
        generation.set(row.subject, g);
        found.push(row.subject);
      }
      since.set(row.subject, Math.min(since.get(row.subject) ?? Infinity, row.overlap_start));
      hops.push({
        generation: g,
        source: row.case,
        subject: row.subject,
        cell: row.cell,
        start: row.overlap_start,
        end: row.overlap_end,
        overlap: row.overlap_s,
      });
    }
    sources = found.map((s) => ({ subject: s, from: since.get(s) as number, to: null }));
  }
  return hops.sort(
    (a, b) =>
      a.generation - b.generation ||
      compareBytewise(a.source, b.source) ||
      compareBytewise(a.subject, b.subject),
  );
}

const at = (subject: string, t: number, cell: number): OPing => ({
  subject,
  t,
  lon: 106.552 + 0.01 * cell,
  lat: 29.562,
});

/**
 * A crowd that makes chains: 4–10 people walking between 3 cells, a segment of 2–40 minutes in each
 * cell with a ping every 2 minutes, each setting out 30 minutes after the one before (give or take
 * 20), so that later walkers meet earlier walkers' companions; the first person is the case.
 */
const crowdArb = fc.record({
  walks: fc.array(
    fc.record({
      startMin: fc.nat(20),
      segments: fc.array(fc.record({ cell: fc.nat(2), minutes: fc.integer({ min: 2, max: 40 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
    { minLength: 4, maxLength: 10 },
  ),
  fromMin: fc.option(fc.nat(90), { nil: null }),
  minOverlap: fc.constantFrom(60, 300, 600),
  mode: fc.constantFrom<OParams['mode']>('contiguous', 'cumulative'),
  minCellDwell: fc.constantFrom(0, 0, 900),
});

function crowdCity(c: typeof crowdArb extends fc.Arbitrary<infer T> ? T : never) {
  const T = 1_800_000_000;
  const pings: OPing[] = [];
  c.walks.forEach((w, k) => {
    let t = T + 60 * (30 * k + w.startMin);
    for (const seg of w.segments) {
      for (let m = 0; m < seg.minutes; m += 2) pings.push(at(`p${k}`, t + 60 * m, seg.cell));
      t += 60 * seg.minutes;
    }
  });
  const cases: OCase[] = [{ subject: 'p0', from: c.fromMin === null ? null : T + 60 * c.fromMin, to: null }];
  const { params } = resolveParams('default', {});
  const p: OParams = {
    ...params,
    minOverlap: c.minOverlap,
    mode: c.mode,
    minCellDwell: c.minCellDwell,
    dwellWindow: 86_400,
  };
  return { pings, cases, p };
}

describe('transmissionChain', () => {
  it('agrees with the brute-force chain to depth 3 on random cities', () => {
    fc.assert(
      fc.property(cityArb(), (city) => {
        const expected = bruteChain(city.pings, city.cases, city.params, 3);
        expect(engineChain(city.pings, city.cases, city.params, 3)).toEqual(expected);
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('agrees with the brute-force chain to depth 3 in crowds walking between cells', () => {
    const reached = [0, 0, 0, 0];
    fc.assert(
      fc.property(crowdArb, (c) => {
        const { pings, cases, p } = crowdCity(c);
        const expected = bruteChain(pings, cases, p, 3);
        expect(engineChain(pings, cases, p, 3)).toEqual(expected);
        for (const h of expected) reached[h.generation]++;
      }),
      { numRuns: 200, seed: 20261208 },
    );
    // The crowds reach the second and third generations often enough to test them.
    expect(reached[2]).toBeGreaterThan(50);
    expect(reached[3]).toBeGreaterThan(20);
  });

  it('keeps every source of a generation, and a subject exposed from the earliest of them', () => {
    const { params } = resolveParams('default', {});
    const T = 1_800_000_000;
    const stay = (who: string, cell: number, from: number, to: number) => [
      at(who, T + from, cell),
      at(who, T + to, cell),
    ];
    const pings = [
      // k meets a and b in cell 0; c meets b in cell 1, then a in cell 2 (a sorts first but later);
      // d meets c in cell 3 between the two: only c's exposure through b makes d a hop.
      ...stay('k', 0, 0, 1200),
      ...stay('a', 0, 0, 1200),
      ...stay('b', 0, 0, 1200),
      ...stay('b', 1, 1800, 3000),
      ...stay('c', 1, 1800, 3000),
      ...stay('c', 3, 3600, 4200),
      ...stay('d', 3, 3600, 4200),
      ...stay('c', 2, 4800, 6000),
      ...stay('a', 2, 4800, 6000),
    ];
    const cases: OCase[] = [{ subject: 'k', from: null, to: null }];
    const hops = engineChain(pings, cases, params, 3);
    expect(hops.map((h) => [h.generation, h.source, h.subject, h.start - T])).toEqual([
      [1, 'k', 'a', 0],
      [1, 'k', 'b', 0],
      [2, 'a', 'c', 4800],
      [2, 'b', 'c', 1800],
      [3, 'c', 'd', 3600],
    ]);
    expect(hops).toEqual(bruteChain(pings, cases, params, 3));
  });

  it('follows time: a contact before the source was exposed is no hop', () => {
    const { params } = resolveParams('default', {});
    const p: OParams = { ...params, mode: 'contiguous' };
    const T = 1_800_000_000;
    const pings = [
      // case k meets a in cell 0 from T to T + 1200.
      at('k', T, 0),
      at('k', T + 1200, 0),
      at('a', T, 0),
      at('a', T + 1200, 0),
      // b met a in cell 1 an hour BEFORE that: not a's companion in the chain.
      at('a', T - 3600, 1),
      at('a', T - 2400, 1),
      at('b', T - 3600, 1),
      at('b', T - 2400, 1),
      // c meets a in cell 2 after: generation 2.
      at('a', T + 3600, 2),
      at('a', T + 4800, 2),
      at('c', T + 3600, 2),
      at('c', T + 4800, 2),
    ];
    const cases: OCase[] = [{ subject: 'k', from: null, to: null }];
    const hops = engineChain(pings, cases, p, 3);
    expect(hops.map((h) => [h.generation, h.source, h.subject])).toEqual([
      [1, 'k', 'a'],
      [2, 'a', 'c'],
    ]);
    expect(hops).toEqual(bruteChain(pings, cases, p, 3));
    expect(engineChain(pings, cases, p, 1).map((h) => h.subject)).toEqual(['a']);
  });
});
