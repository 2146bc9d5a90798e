/**
 * Property tests: the engine agrees with the brute-force oracle of
 * shared/contracts/companion-rule.md on small random cities built to hit the contract's edges.
 *
 * Reproduce a failure with the `seed` and `path` fast-check prints, e.g.
 * `fc.assert(prop, { seed: -123, path: '7:1:0', endOnFailure: true })`.
 */

import {
  type City,
  type CityMode,
  cityArb,
  dropDuplicates,
  type OParams,
  type ORow,
  oracleCompanions,
  parseCompanionsCsv,
  toCasesCsv,
  toPingsCsv,
} from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companionsFromCsv } from './run.js';

const SEED = 20211101;
const NUM_RUNS = 300;

const encoder = new TextEncoder();

/** Runs the engine on the rendered city and compares with the oracle. */
function expectAgreement(city: City, params: OParams): ORow[] {
  const pingsCsv = toPingsCsv(city.pings);
  const casesCsv = toCasesCsv(city.cases);
  const expected = oracleCompanions(city.pings, city.cases, params);
  const run = companionsFromCsv(encoder.encode(pingsCsv), encoder.encode(casesCsv), {
    originLon: params.originLon,
    originLat: params.originLat,
    size: params.size,
    maxGap: params.maxGap,
    minOverlap: params.minOverlap,
    mode: params.mode,
    minCellDwell: params.minCellDwell,
    dwellWindow: params.dwellWindow,
  });
  const context = `params=${JSON.stringify(params)}\n--- pings.csv\n${pingsCsv}--- cases.csv\n${casesCsv}`;
  expect(parseCompanionsCsv(run.csv), context).toEqual(expected);
  // Every generated row is valid input: nothing rejected, duplicates counted as the oracle drops them.
  expect(run.summary.ping_rejects, context).toBe(0);
  expect(run.summary.case_rejects, context).toBe(0);
  expect(run.summary.duplicates, context).toBe(dropDuplicates(city.pings).duplicates);
  expect(run.summary.companions, context).toBe(expected.length);
  return expected;
}

/** Gaps between consecutive kept pings of each subject (candidates for max_gap probing). */
function consecutiveGaps(city: City): number[] {
  const bySubject = new Map<string, number[]>();
  for (const p of dropDuplicates(city.pings).kept) {
    const ts = bySubject.get(p.subject) ?? [];
    ts.push(p.t);
    bySubject.set(p.subject, ts);
  }
  const gaps: number[] = [];
  for (const ts of bySubject.values()) {
    ts.sort((a, b) => a - b);
    for (let k = 1; k < ts.length; k++) gaps.push(ts[k] - ts[k - 1]);
  }
  return gaps;
}

const configs: { mode: CityMode; dwell: boolean }[] = [
  { mode: 'contiguous', dwell: false },
  { mode: 'cumulative', dwell: false },
  { mode: 'contiguous', dwell: true },
  { mode: 'cumulative', dwell: true },
];

describe.each(configs)('engine ≡ oracle ($mode, min_cell_dwell on: $dwell)', ({ mode, dwell }) => {
  it('on random cities', () => {
    fc.assert(
      fc.property(cityArb({ mode, dwell }), (city) => {
        expectAgreement(city, city.params);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('with min_overlap exactly at an occurring overlap and one second above it', () => {
    fc.assert(
      fc.property(cityArb({ mode, dwell }), fc.nat(), (city, pick) => {
        const loose = expectAgreement(city, { ...city.params, minOverlap: 1 });
        if (loose.length === 0) return;
        const v = loose[pick % loose.length].overlap_s;
        const at = expectAgreement(city, { ...city.params, minOverlap: v });
        expect(at.length).toBeGreaterThan(0);
        expectAgreement(city, { ...city.params, minOverlap: v + 1 });
      }),
      { seed: SEED + 1, numRuns: NUM_RUNS },
    );
  });

  it('with max_gap exactly at an occurring gap and one second below it', () => {
    fc.assert(
      fc.property(cityArb({ mode, dwell }), fc.nat(), (city, pick) => {
        const gaps = consecutiveGaps(city);
        if (gaps.length === 0) return;
        const g = gaps[pick % gaps.length];
        expectAgreement(city, { ...city.params, maxGap: g });
        expectAgreement(city, { ...city.params, maxGap: g - 1 });
      }),
      { seed: SEED + 2, numRuns: NUM_RUNS },
    );
  });
});
