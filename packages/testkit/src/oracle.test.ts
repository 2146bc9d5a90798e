import { describe, expect, it } from 'vitest';
import {
  buildStays,
  cellOf,
  compareBytewise,
  dropDuplicates,
  EARTH_RADIUS_M,
  mergeWindows,
  type OCase,
  type OParams,
  type OPing,
  oracleCompanions,
  parseCompanionsCsv,
  toCasesCsv,
  toPingsCsv,
} from './oracle.js';
import { firstCoordAtOrAbove } from './random-city.js';

const P: OParams = {
  originLon: 106.55,
  originLat: 29.56,
  size: 800,
  maxGap: 1800,
  minOverlap: 600,
  mode: 'contiguous',
  minCellDwell: 0,
  dwellWindow: 14 * 86400,
};

/** A ping in the middle of cell (i, j). */
function at(subject: string, t: number, i: number, j: number, p: OParams = P): OPing {
  const mx = Math.cos((p.originLat * Math.PI) / 180) * (Math.PI / 180) * EARTH_RADIUS_M;
  const my = (Math.PI / 180) * EARTH_RADIUS_M;
  return {
    subject,
    t,
    lon: p.originLon + ((i + 0.5) * p.size) / mx,
    lat: p.originLat + ((j + 0.5) * p.size) / my,
  };
}

const all = (subject: string): OCase => ({ subject, from: null, to: null });

describe('grid', () => {
  it('puts the origin in 0:0 and points west/south of it in negative cells (floor, not truncation)', () => {
    expect(cellOf(P.originLon, P.originLat, P)).toBe('0:0');
    expect(cellOf(P.originLon - 1e-6, P.originLat - 1e-6, P)).toBe('-1:-1');
    expect(cellOf(at('s', 0, -3, 12).lon, at('s', 0, -3, 12).lat, P)).toBe('-3:12');
  });

  it('splits exactly at a cell edge', () => {
    for (const k of [-2, -1, 1, 2]) {
      const lon = firstCoordAtOrAbove('x', k * P.size, P.originLon, P.originLat);
      const lat = firstCoordAtOrAbove('y', k * P.size, P.originLon, P.originLat);
      expect(cellOf(lon, lat, P)).toBe(`${k}:${k}`);
      // the previous double on each axis is in the previous cell
      const prevLon = lon - Math.abs(lon) * Number.EPSILON;
      const prevLat = lat - Math.abs(lat) * Number.EPSILON;
      expect(cellOf(prevLon, prevLat, P)).toBe(`${k - 1}:${k - 1}`);
    }
  });
});

describe('presence and stays', () => {
  it('covers a gap of exactly max_gap but not max_gap + 1', () => {
    const c = '0:0';
    expect(
      buildStays(
        [
          { t: 0, cell: c },
          { t: 1800, cell: c },
        ],
        1800,
      ),
    ).toEqual([{ cell: c, start: 0, end: 1800 }]);
    expect(
      buildStays(
        [
          { t: 0, cell: c },
          { t: 1801, cell: c },
        ],
        1800,
      ),
    ).toEqual([
      { cell: c, start: 0, end: 0 },
      { cell: c, start: 1801, end: 1801 },
    ]);
  });

  it('extends a stay up to the next ping even in another cell (half-open coverage)', () => {
    expect(
      buildStays(
        [
          { t: 600, cell: 'B' },
          { t: 0, cell: 'A' },
          { t: 300, cell: 'A' },
        ],
        1800,
      ),
    ).toEqual([
      { cell: 'A', start: 0, end: 600 },
      { cell: 'B', start: 600, end: 600 },
    ]);
  });

  it('companions at max_gap vs max_gap + 1', () => {
    const mk = (gap: number) => [
      at('case', 0, 0, 0),
      at('case', gap, 0, 0),
      at('s', 0, 0, 0),
      at('s', gap, 0, 0),
    ];
    expect(oracleCompanions(mk(1800), [all('case')], P)).toEqual([
      { subject: 's', case: 'case', cell: '0:0', overlap_start: 0, overlap_end: 1800, overlap_s: 1800 },
    ]);
    expect(oracleCompanions(mk(1801), [all('case')], P)).toEqual([]);
  });

  it('keeps the first of duplicate (subject, instant) pings in input order', () => {
    const dupFirstSame = [
      at('case', 0, 0, 0),
      at('case', 600, 0, 0),
      at('s', 0, 0, 0),
      at('s', 0, 5, 5),
      at('s', 600, 0, 0),
    ];
    expect(dropDuplicates(dupFirstSame).duplicates).toBe(1);
    expect(oracleCompanions(dupFirstSame, [all('case')], P)).toHaveLength(1);
    const dupFirstOther = [
      at('case', 0, 0, 0),
      at('case', 600, 0, 0),
      at('s', 0, 5, 5),
      at('s', 0, 0, 0),
      at('s', 600, 0, 0),
    ];
    expect(oracleCompanions(dupFirstOther, [all('case')], P)).toEqual([]);
  });
});

describe('contiguous overlap threshold', () => {
  it('accepts exactly min_overlap and rejects one second less', () => {
    const base = [at('case', 0, 0, 0), at('case', 600, 0, 0)];
    expect(oracleCompanions([...base, at('s', 0, 0, 0), at('s', 600, 0, 0)], [all('case')], P)).toEqual([
      { subject: 's', case: 'case', cell: '0:0', overlap_start: 0, overlap_end: 600, overlap_s: 600 },
    ]);
    expect(oracleCompanions([...base, at('s', 1, 0, 0), at('s', 600, 0, 0)], [all('case')], P)).toEqual([]);
  });

  it('never reports the case subject as its own companion', () => {
    expect(oracleCompanions([at('case', 0, 0, 0), at('case', 600, 0, 0)], [all('case')], P)).toEqual([]);
  });

  it('picks the largest overlap, then the earliest start', () => {
    const pings = [
      at('case', 0, 0, 0),
      at('case', 700, 0, 0),
      at('case', 1600, -1, 0),
      at('case', 2300, -1, 0),
      at('case', 3200, 1, 0),
      at('case', 4000, 1, 0),
      at('s', 0, 0, 0),
      at('s', 700, 0, 0),
      at('s', 1600, -1, 0),
      at('s', 2300, -1, 0),
      at('s', 3200, 1, 0),
      at('s', 4000, 1, 0),
    ];
    const p = { ...P, maxGap: 800 };
    // stays: 0:0 [0,700], -1:0 [1600,2300], 1:0 [3200,4000] (gaps > max_gap between visits) → largest is 1:0
    expect(oracleCompanions(pings, [all('case')], p)[0]).toMatchObject({ cell: '1:0', overlap_s: 800 });
    // without the 800 s visit: two 700 s overlaps → the earlier one (0:0) wins
    const tied = pings.filter((x) => x.t < 3200);
    expect(oracleCompanions(tied, [all('case')], p)[0]).toMatchObject({
      cell: '0:0',
      overlap_s: 700,
      overlap_start: 0,
    });
  });
});

describe('case windows', () => {
  it('builds stays from all the case pings before clipping to the window', () => {
    // The only case ping inside [500, 1500] is at 1000; clipping first would leave an instant.
    const pings = [
      at('case', 0, 0, 0),
      at('case', 1000, 0, 0),
      at('case', 2000, 0, 0),
      at('s', 0, 0, 0),
      at('s', 1000, 0, 0),
      at('s', 2000, 0, 0),
    ];
    expect(oracleCompanions(pings, [{ subject: 'case', from: 500, to: 1500 }], P)).toEqual([
      { subject: 's', case: 'case', cell: '0:0', overlap_start: 500, overlap_end: 1500, overlap_s: 1000 },
    ]);
  });

  it('clips to the union of windows: pieces count separately in contiguous mode, add up in cumulative', () => {
    const pings = [at('case', 0, 0, 0), at('case', 1000, 0, 0), at('s', 0, 0, 0), at('s', 1000, 0, 0)];
    const cases: OCase[] = [
      { subject: 'case', from: 700, to: 1000 },
      { subject: 'case', from: 0, to: 300 },
      { subject: 'case', from: 100, to: 200 },
    ];
    expect(mergeWindows(cases)).toEqual([
      { from: 0, to: 300 },
      { from: 700, to: 1000 },
    ]);
    expect(oracleCompanions(pings, cases, { ...P, minOverlap: 301 })).toEqual([]);
    expect(oracleCompanions(pings, cases, { ...P, minOverlap: 300 })).toEqual([
      { subject: 's', case: 'case', cell: '0:0', overlap_start: 0, overlap_end: 300, overlap_s: 300 },
    ]);
    expect(oracleCompanions(pings, cases, { ...P, minOverlap: 600, mode: 'cumulative' })).toEqual([
      { subject: 's', case: 'case', cell: '0:0', overlap_start: 0, overlap_end: 1000, overlap_s: 600 },
    ]);
  });

  it('merges touching and unbounded windows', () => {
    expect(
      mergeWindows([
        { subject: 'c', from: 300, to: 500 },
        { subject: 'c', from: 0, to: 300 },
        { subject: 'c', from: 900, to: null },
        { subject: 'c', from: 1000, to: 1100 },
      ]),
    ).toEqual([
      { from: 0, to: 500 },
      { from: 900, to: Number.POSITIVE_INFINITY },
    ]);
  });
});

describe('cumulative mode', () => {
  it('sums positive overlaps per cell; start/end span the positive overlaps', () => {
    const p: OParams = { ...P, maxGap: 400 };
    const pings = [
      at('case', 0, 0, 0),
      at('case', 400, 0, 0),
      at('case', 1000, 0, 0),
      at('case', 1400, 0, 0),
      at('s', 100, 0, 0),
      at('s', 500, 0, 0),
      at('s', 1000, 0, 0),
      at('s', 1400, 0, 0),
    ];
    // overlaps: [100,400] = 300 and [1000,1400] = 400
    expect(oracleCompanions(pings, [all('case')], p)).toEqual([]);
    expect(oracleCompanions(pings, [all('case')], { ...p, mode: 'cumulative', minOverlap: 700 })).toEqual([
      { subject: 's', case: 'case', cell: '0:0', overlap_start: 100, overlap_end: 1400, overlap_s: 700 },
    ]);
    expect(oracleCompanions(pings, [all('case')], { ...p, mode: 'cumulative', minOverlap: 701 })).toEqual([]);
  });

  it('ignores zero-length touches in start/end and picks the cell with the largest sum', () => {
    const p: OParams = { ...P, mode: 'cumulative', minOverlap: 100 };
    const pings = [
      at('case', 0, 0, 0),
      at('case', 300, 1, 1),
      at('case', 1000, 1, 1),
      at('s', 300, 0, 0), // s's stay in 0:0 starts where the case's ends: zero overlap
      at('s', 600, 1, 1),
      at('s', 1000, 1, 1),
    ];
    expect(oracleCompanions(pings, [all('case')], p)).toEqual([
      { subject: 's', case: 'case', cell: '1:1', overlap_start: 600, overlap_end: 1000, overlap_s: 400 },
    ]);
  });
});

describe('min_cell_dwell', () => {
  const pings = [at('case', 0, 0, 0), at('case', 600, 0, 0), at('s', 0, 0, 0), at('s', 600, 0, 0)];
  const p: OParams = { ...P, minCellDwell: 600, dwellWindow: 1000 };

  it('measures dwell in [E − dwell_window, E] with E = the latest kept ping of the whole data set', () => {
    expect(oracleCompanions(pings, [all('case')], p)).toHaveLength(1); // E = 600
    expect(oracleCompanions(pings, [all('case')], { ...p, minCellDwell: 601 })).toEqual([]);
    // a third subject's later ping moves E to 5000 → dwell 0
    const later = [...pings, at('other', 5000, 7, 7)];
    expect(oracleCompanions(later, [all('case')], p)).toEqual([]);
    // a bounded `to` fixes E
    expect(oracleCompanions(later, [{ subject: 'case', from: null, to: 600 }], p)).toHaveLength(1);
    // several rows: any unbounded `to` → latest ping; else the latest `to`
    expect(
      oracleCompanions(
        later,
        [
          { subject: 'case', from: null, to: 600 },
          { subject: 'case', from: 4000, to: null },
        ],
        p,
      ),
    ).toEqual([]);
    expect(
      oracleCompanions(
        later,
        [
          { subject: 'case', from: 4000, to: 4100 },
          { subject: 'case', from: null, to: 600 },
        ],
        { ...p, dwellWindow: 4100 },
      ),
    ).toHaveLength(1);
  });

  it("uses the case's unclipped stays and either subject's dwell", () => {
    const q = [at('case', 0, 0, 0), at('case', 1200, 0, 0), at('s', 600, 0, 0), at('s', 1200, 0, 0)];
    const cases: OCase[] = [{ subject: 'case', from: 600, to: 1200 }];
    // case dwell (unclipped) 1200; s dwell 600
    expect(oracleCompanions(q, cases, { ...P, minCellDwell: 1200, dwellWindow: 86400 })).toHaveLength(1);
    expect(oracleCompanions(q, cases, { ...P, minCellDwell: 1201, dwellWindow: 86400 })).toEqual([]);
  });
});

describe('ordering and CSV', () => {
  it('compares byte-wise (UTF-8), not by UTF-16 code units', () => {
    expect(compareBytewise('10', '9')).toBeLessThan(0);
    expect(compareBytewise('ｚ', '𝒜')).toBeLessThan(0); // U+FF5A < U+1D49C; UTF-16 says otherwise
    expect('ｚ' < '𝒜').toBe(false);
    expect(compareBytewise('a', 'ab')).toBeLessThan(0);
    expect(compareBytewise('é', 'é')).toBe(0);
  });

  it('sorts rows by case then subject', () => {
    const names = ['𝒜', 'ｚ', '9', '10'];
    const pings = names.flatMap((n) => [at(n, 0, 0, 0), at(n, 600, 0, 0)]);
    const rows = oracleCompanions(pings, [all('𝒜'), all('9')], P);
    expect(rows.map((r) => `${r.case}/${r.subject}`)).toEqual(['9/10', '9/ｚ', '9/𝒜', '𝒜/10', '𝒜/9', '𝒜/ｚ']);
  });

  it('writes inputs and parses engine output with quoting and ISO instants', () => {
    expect(toPingsCsv([{ subject: 'x,"y"', t: 1700000040, lon: 106.55, lat: -0.1 }])).toBe(
      'subject,ts,lon,lat\n"x,""y""",1700000040,106.55,-0.1\n',
    );
    expect(toCasesCsv([{ subject: 'a', from: null, to: 5 }])).toBe('subject,from,to\na,,5\n');
    expect(
      parseCompanionsCsv(
        'subject,case,cell,overlap_start,overlap_end,overlap_s\r\n"x,""y""",9,-3:12,2023-11-14T22:14:00Z,2023-11-14T22:24:00Z,600\r\n',
      ),
    ).toEqual([
      {
        subject: 'x,"y"',
        case: '9',
        cell: '-3:12',
        overlap_start: 1700000040,
        overlap_end: 1700000640,
        overlap_s: 600,
      },
    ]);
    expect(parseCompanionsCsv('subject,case,cell,overlap_start,overlap_end,overlap_s\n')).toEqual([]);
    expect(() => parseCompanionsCsv('subject,case\n')).toThrow();
  });
});
