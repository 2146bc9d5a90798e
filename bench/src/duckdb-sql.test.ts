/**
 * The DuckDB peer must give the contract's answers, or the benchmark compares nothing: hand-made
 * edge cases, then the testkit's brute-force oracle on random small cities.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityArb, oracleCompanions, parseCompanionsCsv, toCasesCsv, toPingsCsv } from '@renxing/testkit';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbCompanions } from './duckdb-companions.js';
import type { Mode } from './duckdb-sql.js';

const dir = mkdtempSync(join(tmpdir(), 'rx-duckdb-peer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(pings: string, cases: string, mode: Mode = 'contiguous', overrides = {}): Promise<string> {
  const p = join(dir, 'p.csv');
  const c = join(dir, 'c.csv');
  const o = join(dir, 'o.csv');
  writeFileSync(p, pings);
  writeFileSync(c, cases);
  await duckdbCompanions({ pings: p, cases: c, out: o, mode, threads: 1, overrides });
  return readFileSync(o, 'utf8');
}

const HEADER = 'subject,case,cell,overlap_start,overlap_end,overlap_s\n';

describe('DuckDB peer, hand-made', () => {
  // Cell 0:0 is around (106.551, 29.561); 106.54, 29.55 is cell -2:-2.
  const pings = [
    '\uFEFFsubject , ts,lon,lat', // BOM and spaces around a header name
    'A,1000,106.551,29.561',
    'A,1600,106.551,29.561', // A in 0:0 over [1000, 2000]
    'A,2000,106.561,29.561',
    'B,1400,106.552,29.562', // B: [1400, 2000] → exactly 600 s
    'B,2000,106.561,29.569',
    'C,1401,106.552,29.562', // C: 599 s → not a companion
    'C,2000,106.561,29.569',
    'F,1000,106.553,29.561',
    'F,1000,100,20', // duplicate instant: the first row wins
    'F,1700,106.553,29.561',
    'F,1750,106.6,29.6',
    'G,1970-01-01 08:16:40,106.551,29.561', // = 1000 at +08:00
    'G,1970-01-01T00:26:40Z,1.06551e2,29.561', // = 1600
    'G,1970-01-01T00:36:40.999+00:10,106.551,29.561', // = 1600 again: duplicate
    'G,1970-01-01T00:46:40-00:00,106.551,29.561', // = 2800, gap 1200 ≤ 1800
    'H,1000,106.551,29.561',
    'H,2801,106.551,29.561', // gap 1801: [1000, 1000] alone
    'X,abc,106.551,29.561',
    'X,1000,181,29.561',
    'X,1000,NaN,29.561',
    ',1000,106.551,29.561',
    '',
    'X,1970-02-30 00:00:00,106.551,29.561',
    'X, 1000,106.551,29.561',
    'N,1000,106.54,29.55',
    'N,1700,106.54,29.55',
    'M,1000,106.54,29.55',
    'M,1600,106.54,29.55',
  ].join('\n');
  const cases = 'subject,from,to\nA,,\nN,1970-01-01 08:00:00,\nM,500,1000\nM,1000,1200\nH,abc,\n';

  it('applies the contract in contiguous mode', async () => {
    expect(await run(pings, cases)).toBe(
      `${HEADER}B,A,0:0,1970-01-01T00:23:20Z,1970-01-01T00:33:20Z,600
F,A,0:0,1970-01-01T00:16:40Z,1970-01-01T00:29:10Z,750
G,A,0:0,1970-01-01T00:16:40Z,1970-01-01T00:33:20Z,1000
M,N,-2:-2,1970-01-01T00:16:40Z,1970-01-01T00:26:40Z,600
`,
    );
  });

  it('sums overlaps per cell in cumulative mode', async () => {
    // K in 0:0 over [0, 3000]; S there over [0, 300] and [600, 900]: 300 s twice, 600 s in sum.
    const p = [
      'subject,ts,lon,lat',
      'K,0,106.551,29.561',
      'K,1500,106.551,29.561',
      'K,3000,106.551,29.561',
      'S,0,106.551,29.561',
      'S,300,106.6,29.6',
      'S,600,106.551,29.561',
      'S,900,106.6,29.6',
    ].join('\n');
    const c = 'subject,from,to\nK,,\n';
    expect(await run(p, c, 'contiguous')).toBe(HEADER);
    expect(await run(p, c, 'cumulative')).toBe(
      `${HEADER}S,K,0:0,1970-01-01T00:00:00Z,1970-01-01T00:15:00Z,600\n`,
    );
  });

  it('sorts byte-wise and quotes CSV-hostile subjects', async () => {
    const p = ['subject,ts,lon,lat', 'K,0,106.551,29.561', 'K,900,106.551,29.561']
      .concat(
        ['9', '10', '𝒜', 'ｚ', '"x,y"'].flatMap((s) => [`${s},0,106.551,29.561`, `${s},900,106.551,29.561`]),
      )
      .join('\n');
    const out = await run(p, 'subject,from,to\nK,,\n');
    expect(out.split('\n').map((l) => l.split(',')[0])).toEqual(['subject', '10', '9', '"x', 'ｚ', '𝒜', '']);
  });
});

describe('DuckDB peer against the testkit oracle', () => {
  it('agrees on random small cities', async () => {
    await fc.assert(
      fc.asyncProperty(cityArb(), async (city) => {
        const P = city.params;
        const out = await run(toPingsCsv(city.pings), toCasesCsv(city.cases), P.mode, {
          originLon: P.originLon,
          originLat: P.originLat,
          size: P.size,
          maxGap: P.maxGap,
          minOverlap: P.minOverlap,
          minCellDwell: P.minCellDwell,
          dwellWindow: P.dwellWindow,
        });
        expect(parseCompanionsCsv(out)).toEqual(oracleCompanions(city.pings, city.cases, P));
      }),
      { numRuns: 25 },
    );
  });
});
