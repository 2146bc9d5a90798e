/**
 * The query on a crowd: thousands of subjects, so a case meets hundreds of candidates (the radix
 * sort by subject, over two digits) besides cases that meet a few (the small sort), with many ties
 * on overlap; checked against the brute-force oracle. And a `CompanionQuery` reused batch after
 * batch answers as fresh queries do.
 */

import {
  type OCase,
  type OParams,
  type OPing,
  oracleCompanions,
  parseCompanionsCsv,
  toCasesCsv,
  toPingsCsv,
} from '@renxing/testkit';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './bytes.js';
import { readCases } from './case-reader.js';
import { companionCsv } from './output.js';
import { resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';
import { buildIndex } from './pipeline.js';
import { CompanionQuery, type CompanionRowSet, queryCompanions, ROW_BLOCK, rowBlock } from './query.js';
import { companionsFromCsv } from './run.js';

const T0 = 1_793_462_400;
const STEP = 300;
/** Cells 0..3 side by side (0.01° of longitude is ~970 m, the grid 800 m); cell 9 far off. */
const spot = (cell: number) => ({ lon: 106.552 + 0.01 * cell, lat: 29.562 });

/** Deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` subjects. Every `spread`-th one has 2–4 stays of 10–90 minutes in cells 0..3 on a 5-minute
 * grid (so overlaps often tie), moving cell between stays; the others ping once (their ids spread
 * the active subjects' ids over both digits of the sort). A few more subjects are alone in cell 9.
 * Cases: every `caseEvery`-th active subject, half of them over the whole day.
 */
function crowd(
  n: number,
  spread: number,
  caseEvery: number,
  seed: number,
): { pings: OPing[]; cases: OCase[] } {
  const next = random(seed);
  const pick = (k: number) => Math.floor(next() * k);
  const pings: OPing[] = [];
  const cases: OCase[] = [];
  for (let s = 0; s < n; s++) {
    const subject = `p${String(s).padStart(5, '0')}`;
    let t = T0 + STEP * pick(12);
    let cell = pick(4);
    if (s % spread !== 0) {
      pings.push({ subject, t, ...spot(cell) });
      continue;
    }
    for (let stay = 2 + pick(3); stay > 0; stay--) {
      const end = t + STEP * (2 + pick(17));
      for (; t <= end; t += STEP) pings.push({ subject, t, ...spot(cell) });
      t += STEP * pick(4);
      cell = (cell + 1 + pick(3)) % 4;
    }
    if (s % (spread * caseEvery) === 0)
      cases.push(
        cases.length % 2 === 0
          ? { subject, from: null, to: null }
          : { subject, from: T0 + 1800, to: T0 + 9000 },
      );
  }
  for (const subject of ['zz-a', 'zz-b', 'zz-c'])
    for (let t = T0; t <= T0 + 3600; t += STEP) pings.push({ subject, t, ...spot(9) });
  cases.push({ subject: 'zz-a', from: null, to: null });
  return { pings, cases };
}

const { params: defaults } = resolveParams();
const oracleParams = (mode: OParams['mode']): OParams => ({
  originLon: defaults.originLon,
  originLat: defaults.originLat,
  size: defaults.size,
  maxGap: defaults.maxGap,
  minOverlap: defaults.minOverlap,
  mode,
  minCellDwell: 0,
  dwellWindow: defaults.dwellWindow,
});

const enc = new TextEncoder();
const city = crowd(3000, 5, 10, 7);
const pingsCsv = enc.encode(toPingsCsv(city.pings));

const csvOf = (
  index: ReturnType<typeof buildIndex>,
  cases: ReturnType<typeof readCases>['cases'],
  rows: CompanionRowSet,
) => [...companionCsv(index, cases, rows)].map(decodeUtf8).join('');

describe('query on a crowd', () => {
  it.each(['contiguous', 'cumulative'] as const)('agrees with the oracle (%s)', (mode) => {
    const expected = oracleCompanions(city.pings, city.cases, oracleParams(mode));
    const run = companionsFromCsv(pingsCsv, enc.encode(toCasesCsv(city.cases)), { mode });
    expect(run.summary.subjects).toBeGreaterThan(2048);
    expect(parseCompanionsCsv(run.csv)).toEqual(expected);
    const perCase = new Map<string, number>();
    for (const r of expected) perCase.set(r.case, (perCase.get(r.case) ?? 0) + 1);
    // Cases in the crowd meet hundreds of companions; the one in cell 9 meets two.
    expect(Math.max(...perCase.values())).toBeGreaterThan(200);
    expect(perCase.get('zz-a')).toBe(2);
    expect(expected.length).toBeGreaterThan(ROW_BLOCK);
  });

  it('answers batch after batch from one CompanionQuery as fresh queries do, into the spare blocks first', () => {
    const reader = new PingReader(defaults, () => {});
    reader.push(pingsCsv);
    const index = buildIndex(reader, reader.finish(), defaults);
    const all = readCases([enc.encode(toCasesCsv(city.cases))], defaults.tzOffset, () => {}).cases;
    const [first, second] = [all.slice(0, 5), all.slice(5)];
    const query = new CompanionQuery(index, defaults);
    const spare = [rowBlock(), rowBlock()];
    const kept = spare[1];
    const a = query.run(first);
    const b = query.run(second, undefined, spare);
    expect(spare).toHaveLength(Math.max(0, 2 - b.blocks.length));
    expect(b.blocks[0].subject.buffer).toBe(kept.subject.buffer);
    expect(csvOf(index, first, a)).toBe(csvOf(index, first, queryCompanions(index, first, defaults)));
    expect(csvOf(index, second, b)).toBe(csvOf(index, second, queryCompanions(index, second, defaults)));
    expect(a.count + b.count).toBe(queryCompanions(index, all, defaults).count);
  });
});
