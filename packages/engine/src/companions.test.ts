/** One test (at least) per clause of shared/contracts/companion-rule.md. */
import type { RenxingError } from '@renxing/contracts';
import { describe, expect, it } from 'vitest';
import type { CompanionParams } from './params.js';
import { companionsFromCsv } from './run.js';

const LON0 = 106.55;
const LAT0 = 29.56;
const R = 6371008.8;
/** A point x, y metres east and north of the origin. */
function at(x: number, y: number): string {
  const lon = LON0 + x / (Math.cos((LAT0 * Math.PI) / 180) * (Math.PI / 180) * R);
  const lat = LAT0 + y / ((Math.PI / 180) * R);
  return `${lon},${lat}`;
}
const A = at(400, 400); // cell 0:0
const B = at(1200, 400); // cell 1:0
const C = at(400, 1200); // cell 0:1

const enc = new TextEncoder();
function run(pings: string[], cases: string[], params: Partial<CompanionParams> = {}) {
  const r = companionsFromCsv(
    enc.encode(`subject,ts,lon,lat\n${pings.join('\n')}\n`),
    enc.encode(`subject,from,to\n${cases.join('\n')}\n`),
    params,
  );
  const rows = r.csv.trim().split('\n');
  expect(rows[0]).toBe('subject,case,cell,overlap_start,overlap_end,overlap_s');
  return { ...r, rows: rows.slice(1), rejects: r.rejectsCsv.trim().split('\n').slice(1) };
}
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000', '');

describe('companions: overlap and gaps', () => {
  it('exactly min_overlap is a companion, one second less is not', () => {
    const base = [`k,1000,${A}`, `k,1600,${A}`];
    expect(run([...base, `s,1000,${A}`, `s,1600,${A}`], ['k,,']).rows).toEqual([
      `s,k,0:0,${iso(1000)},${iso(1600)},600`,
    ]);
    expect(run([...base, `s,1001,${A}`, `s,1600,${A}`], ['k,,']).rows).toEqual([]);
    expect(run([...base, `s,1001,${A}`, `s,1600,${A}`], ['k,,'], { minOverlap: 599 }).rows).toHaveLength(1);
  });

  it('a ping covers until the next one when the gap is exactly max_gap, not at max_gap + 1', () => {
    const s = [`s,0,${A}`, `s,1000,${A}`, `s,2000,${A}`];
    expect(run([...s, `k,0,${A}`, `k,1800,${A}`], ['k,,']).rows).toEqual([
      `s,k,0:0,${iso(0)},${iso(1800)},1800`,
    ]);
    expect(run([...s, `k,0,${A}`, `k,1801,${A}`], ['k,,']).rows).toEqual([]);
  });

  it('a stay ends where the next ping in another cell begins (half-open coverage)', () => {
    // k: A over [0, 900), then B from 900 to 1500. s sits in A over [0, 5000].
    const r = run(
      [`k,0,${A}`, `k,900,${B}`, `k,1500,${B}`, `s,0,${A}`, `s,1000,${A}`, `s,2000,${A}`],
      ['k,,'],
    );
    expect(r.rows).toEqual([`s,k,0:0,${iso(0)},${iso(900)},900`]);
    expect(r.summary.stays).toBe(3);
  });

  it('the case is never its own companion, and another case can be one', () => {
    const r = run([`k,0,${A}`, `k,900,${A}`, `j,0,${A}`, `j,900,${A}`], ['k,,', 'j,,']);
    expect(r.rows).toEqual([`k,j,0:0,${iso(0)},${iso(900)},900`, `j,k,0:0,${iso(0)},${iso(900)},900`]);
  });
});

describe('companions: grid', () => {
  it('uses floor, so cells west and south of the origin are negative', () => {
    const west = at(-1, 400);
    const south = at(400, -1);
    const far = at(-2000, -5000);
    const pings = [west, south, far].flatMap((p, k) => [
      `k${k},0,${p}`,
      `k${k},700,${p}`,
      `s${k},0,${p}`,
      `s${k},700,${p}`,
    ]);
    const r = run(pings, ['k0,,', 'k1,,', 'k2,,']);
    expect(r.rows.map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
      's0,k0,-1:0',
      's1,k1,0:-1',
      's2,k2,-3:-7',
    ]);
  });

  it('the origin itself lies in 0:0 and a hair west of it in -1:…', () => {
    const r = run(
      [
        `k,0,${LON0},${LAT0}`,
        `k,700,${LON0},${LAT0}`,
        `s,0,${LON0},${LAT0}`,
        `s,700,${LON0},${LAT0}`,
        `w,0,${LON0 - 1e-9},${LAT0}`,
        `w,700,${LON0 - 1e-9},${LAT0}`,
      ],
      ['k,,'],
    );
    expect(r.rows.map((row) => row.split(',')[2])).toEqual(['0:0']);
  });

  it('honours origin and size', () => {
    const r = run([`k,0,${A}`, `k,700,${A}`, `s,0,${B}`, `s,700,${B}`], ['k,,'], { size: 2000 });
    expect(r.rows).toEqual([`s,k,0:0,${iso(0)},${iso(700)},700`]);
  });
});

describe('companions: cases and windows', () => {
  it('clips the case only after its stays are built from all its pings', () => {
    // k's stay in A is [0, 1500]; clipped to [600, 2000] it is [600, 1500].
    const r = run([`k,0,${A}`, `k,1500,${A}`, `s,0,${A}`, `s,1000,${A}`, `s,2000,${A}`], ['k,600,2000']);
    expect(r.rows).toEqual([`s,k,0:0,${iso(600)},${iso(1500)},900`]);
  });

  it('searches the union of several windows of one case', () => {
    const pings = [`k,0,${A}`, `k,1800,${A}`, `k,3600,${A}`, `s,0,${A}`, `s,1800,${A}`, `s,3600,${A}`];
    expect(run(pings, ['k,0,300', 'k,3300,3600']).rows).toEqual([]); // 300 + 300 apart
    expect(run(pings, ['k,0,300', 'k,200,800']).rows).toEqual([`s,k,0:0,${iso(0)},${iso(800)},800`]);
    expect(run(pings, ['k,0,300', 'k,3300,3600'], { mode: 'cumulative' }).rows).toEqual([
      `s,k,0:0,${iso(0)},${iso(3600)},600`,
    ]);
  });

  it('reads ISO windows at the profile offset', () => {
    const t = Date.UTC(2021, 10, 1, 0) / 1000; // 2021-11-01 08:00 +08:00
    const pings = [`k,${t},${A}`, `k,${t + 1200},${A}`, `s,${t},${A}`, `s,${t + 1200},${A}`];
    expect(run(pings, ['k,2021-11-01 08:10:00,']).rows).toEqual([
      `s,k,0:0,${iso(t + 600)},${iso(t + 1200)},600`,
    ]);
    expect(run(pings, ['k,2021-11-01 08:10:00,'], { tzOffset: 0 }).rows).toEqual([]);
  });
});

describe('companions: output', () => {
  it('keeps the largest overlap; on a tie the earliest start', () => {
    // s meets k in A for 700 s, then in B for 900 s, then in C for 900 s.
    const pings = [
      `k,0,${A}`,
      `k,700,${B}`,
      `k,1600,${C}`,
      `k,2500,${C}`,
      `s,0,${A}`,
      `s,700,${B}`,
      `s,1600,${C}`,
      `s,2500,${C}`,
    ];
    expect(run(pings, ['k,,']).rows).toEqual([`s,k,1:0,${iso(700)},${iso(1600)},900`]);
    expect(run(pings, ['k,,'], { mode: 'cumulative' }).rows).toEqual([
      `s,k,1:0,${iso(700)},${iso(1600)},900`,
    ]);
  });

  it('sorts by case then subject, byte-wise', () => {
    const names = ['9', '10', 'a', 'é', 'Z', '\u{1F600}', '\uFF21'];
    const pings = names.flatMap((n) => [`${n},0,${A}`, `${n},700,${A}`]);
    const r = run(pings, ['9,,', '10,,']);
    const order = (c: string) => r.rows.filter((x) => x.split(',')[1] === c).map((x) => x.split(',')[0]);
    expect(r.rows[0].split(',')[1]).toBe('10');
    expect(order('10')).toEqual(['9', 'Z', 'a', 'é', '\uFF21', '\u{1F600}']);
    expect(order('9')).toEqual(['10', 'Z', 'a', 'é', '\uFF21', '\u{1F600}']);
  });

  it('quotes subjects that need it', () => {
    const r = run([`"x,y",0,${A}`, `"x,y",700,${A}`, `k,0,${A}`, `k,700,${A}`], ['k,,']);
    expect(r.rows).toEqual([`"x,y",k,0:0,${iso(0)},${iso(700)},700`]);
  });

  it('does not depend on input order', () => {
    const pings = [
      `k,0,${A}`,
      `k,600,${B}`,
      `k,1300,${B}`,
      `s,100,${B}`,
      `s,700,${B}`,
      `s,1500,${B}`,
      `s,0,${A}`,
    ];
    const sorted = run(pings, ['k,,']);
    const reversed = run([...pings].reverse(), ['k,,']);
    expect(reversed.rows).toEqual(sorted.rows);
    expect(sorted.rows).toEqual([`s,k,1:0,${iso(600)},${iso(1300)},700`]);
  });
});

describe('companions: cumulative mode', () => {
  it('sums overlaps of several visits in one cell', () => {
    // Two visits of 400 s each to A, apart.
    const pings = [
      `k,0,${A}`,
      `k,400,${B}`,
      `k,1000,${A}`,
      `k,1400,${B}`,
      `s,0,${A}`,
      `s,1200,${A}`,
      `s,2000,${A}`,
    ];
    expect(run(pings, ['k,,']).rows).toEqual([]);
    expect(run(pings, ['k,,'], { mode: 'cumulative' }).rows).toEqual([`s,k,0:0,${iso(0)},${iso(1400)},800`]);
  });
});

describe('companions: min_cell_dwell (chengdu-2021)', () => {
  const chengdu = { minOverlap: 601, minCellDwell: 108001, dwellWindow: 14 * 86400 };
  const dwellPings = (who: string, until: number) => {
    const out: string[] = [];
    for (let t = 0; t < until; t += 1800) out.push(`${who},${t},${A}`);
    out.push(`${who},${until},${A}`);
    return out;
  };
  it('counts the cell when the case dwelt there more than 30 hours', () => {
    const s = [`s,5000,${A}`, `s,5601,${A}`];
    expect(run([...dwellPings('k', 108001), ...s], ['k,,'], chengdu).rows).toEqual([
      `s,k,0:0,${iso(5000)},${iso(5601)},601`,
    ]);
    expect(run([...dwellPings('k', 108000), ...s], ['k,,'], chengdu).rows).toEqual([]);
    expect(run([...dwellPings('k', 108001), `s,5000,${A}`, `s,5600,${A}`], ['k,,'], chengdu).rows).toEqual(
      [],
    );
  });

  it('counts the cell when the companion dwelt there', () => {
    const k = [`k,5000,${A}`, `k,5601,${A}`];
    expect(run([...dwellPings('s', 108001), ...k], ['k,,'], chengdu).rows).toHaveLength(1);
    expect(run([...dwellPings('s', 108000), ...k], ['k,,'], chengdu).rows).toEqual([]);
  });

  it('measures dwell only within dwell_window before E (the case end, else the last ping)', () => {
    const p = { minOverlap: 100, minCellDwell: 500, dwellWindow: 1000 };
    // s dwells in A over [0, 600]; k meets it there over [0, 200].
    const pings = [`s,0,${A}`, `s,600,${A}`, `k,0,${A}`, `k,200,${A}`];
    expect(run(pings, ['k,,1000'], p).rows).toHaveLength(1); // window [0, 1000]: dwell 600
    expect(run(pings, ['k,,1200'], p).rows).toEqual([]); // window [200, 1200]: dwell 400
    expect(run([...pings, `z,1000,${B}`], ['k,,'], p).rows).toHaveLength(1); // E = 1000
    expect(run([...pings, `z,1200,${B}`], ['k,,'], p).rows).toEqual([]); // E = 1200
  });
});

describe('bad input', () => {
  it('rejects each bad ping row with its line and a reason naming the field, and keeps the rest', () => {
    const bytes = enc.encode(
      [
        'subject,ts,lon,lat',
        `,0,${A}`,
        `k,yesterday,${A}`,
        'k,0,200,29.5',
        'k,0,NaN,29.5',
        'k,0,106.5,Infinity',
        'k,0,106.5,-91',
        '',
        'k,0',
        `"multi\nline",x,${A}`,
        `k,0,${A}`,
        `k,700,${A}`,
        `k,700,${B}`,
        `s,0,${A}`,
        `s,700,${A}`,
      ].join('\n'),
    );
    const withBadUtf8 = new Uint8Array([
      ...bytes,
      ...enc.encode('\n'),
      0xff,
      0xfe,
      ...enc.encode(`,0,${A}\n`),
    ]);
    const r = companionsFromCsv(
      withBadUtf8,
      enc.encode('subject,from,to\nk,,\n,1,2\nk,5,1\nk,x,\nk,,y\nk\n'),
    );
    expect(r.rejectsCsv.trim().split('\n')).toEqual([
      'file,line,reason',
      'pings,2,missing subject',
      'pings,3,unparseable ts',
      'pings,4,bad lon',
      'pings,5,bad lon',
      'pings,6,bad lat',
      'pings,7,bad lat',
      'pings,8,blank line',
      'pings,9,missing lon',
      'pings,10,unparseable ts',
      'pings,17,invalid UTF-8 in subject',
      'cases,3,missing subject',
      'cases,4,from after to',
      'cases,5,unparseable from',
      'cases,6,unparseable to',
      'cases,7,missing from',
    ]);
    expect(r.summary).toMatchObject({
      pings: 5,
      ping_rejects: 10,
      duplicates: 1,
      case_rejects: 5,
      companions: 1,
    });
    expect(r.csv).toContain(`s,k,0:0,${iso(0)},${iso(700)},700`);
  });

  it('finds columns by trimmed lower-case name in any order and ignores extra ones', () => {
    const r = companionsFromCsv(
      enc.encode(
        `\ufeff lat , extra,lon,ts,subject\n${A.split(',')[1]},x,${A.split(',')[0]},0,k\n${A.split(',')[1]},x,${A.split(',')[0]},700,k\n${A.split(',')[1]},y,${A.split(',')[0]},0,s\n${A.split(',')[1]},y,${A.split(',')[0]},700,s\n`,
      ),
      enc.encode('to,subject,from\n,k,\n'),
    );
    expect(r.csv.trim().split('\n')).toHaveLength(2);
  });

  it('stops on a missing column or an empty file with a stable code', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as RenxingError).code;
      }
      return 'no error';
    };
    expect(
      code(() => companionsFromCsv(enc.encode('subject,ts,lon\n'), enc.encode('subject,from,to\n'))),
    ).toBe('RX_MISSING_COLUMN');
    expect(
      code(() => companionsFromCsv(enc.encode('Subject,ts,lon,lat\n'), enc.encode('subject,from,to\n'))),
    ).toBe('RX_MISSING_COLUMN');
    expect(code(() => companionsFromCsv(enc.encode(''), enc.encode('subject,from,to\n')))).toBe(
      'RX_FILE_EMPTY',
    );
    expect(code(() => companionsFromCsv(enc.encode('subject,ts,lon,lat\n'), enc.encode('')))).toBe(
      'RX_FILE_EMPTY',
    );
    expect(
      code(() => companionsFromCsv(enc.encode('subject,ts,lon,lat\n'), enc.encode('subject,from\n'))),
    ).toBe('RX_MISSING_COLUMN');
  });

  it('keeps the first of duplicate pings (same subject and instant after parsing)', () => {
    const t = Date.UTC(2021, 10, 1, 0) / 1000;
    const r = run(
      [`k,${t},${A}`, `k,2021-11-01 08:00:00,${B}`, `k,${t + 700},${A}`, `s,${t},${A}`, `s,${t + 700},${A}`],
      ['k,,'],
    );
    expect(r.summary.duplicates).toBe(1);
    expect(r.rows).toEqual([`s,k,0:0,${iso(t)},${iso(t + 700)},700`]);
  });
});

describe('instants far apart', () => {
  it('gives the same answer when one ping lies a century away from the others', () => {
    // Held as 32-bit seconds after the first ping until one is 68 years or more away; then as they are.
    const base = [`k,1700000000,${A}`, `k,1700000700,${A}`, `s,1700000000,${A}`, `s,1700000700,${A}`];
    const near = run(base, ['k,,']);
    expect(near.rows).toEqual([`s,k,0:0,${iso(1700000000)},${iso(1700000700)},700`]);
    for (const far of [`x,${1700000000 + 100 * 365 * 86400},${B}`, `x,${1700000000 - 3e9},${B}`]) {
      for (const order of [
        [...base, far],
        [far, ...base],
        [base[0], far, ...base.slice(1)],
      ]) {
        const r = run(order, ['k,1700000000,1700000700']);
        expect(r.rows).toEqual(near.rows);
        expect(r.summary.pings).toBe(5);
      }
    }
    // Up to 2^31 - 1 seconds after the first still fits; 2^31 s after does not: exact either way.
    for (const d of [2 ** 31 - 1, 2 ** 31]) {
      const t = 1700000000 + d;
      const later = [`y,${t},${A}`, `y,${t + 600},${A}`, `z,${t},${A}`, `z,${t + 600},${A}`];
      const r = run([...base, ...later], ['z,,']);
      expect(r.rows).toEqual([`y,z,0:0,${iso(t)},${iso(t + 600)},600`]);
    }
  });
});
