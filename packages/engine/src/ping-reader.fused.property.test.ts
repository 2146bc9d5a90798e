/**
 * The fused path (`subject,ts,lon,lat` in that order) against the tokenizer's path: the same rows
 * with the columns reordered cannot take the fused path, so both readings must give the same
 * subjects, instants, cells and rejects, whatever the rows and the chunk boundaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';

const enc = new TextEncoder();
const { params } = resolveParams('default', {});

const subject = fc.constantFrom('a', '13800000000', '"q,1"', '"say ""hi"""', '张三', '', 'x y', 'b\r');
const instant = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
  fc.constantFrom('', '-5', '0007', '1234567890123456', '2026-11-01T08:00:00+08:00', '1e3', '+5', ' 1'),
);
const decimal = (limit: number) =>
  fc.oneof(
    fc
      .tuple(
        fc.integer({ min: -limit - 2, max: limit + 2 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.nat(9),
      )
      .map(([i, f, digits]) =>
        digits === 0 ? String(i) : `${i}.${String(f).padStart(8, '0').slice(0, digits)}`,
      ),
    fc.constantFrom(
      `${limit}`,
      `-${limit}`,
      `${limit}.0000001`,
      `-${limit}.000000000001`,
      '',
      '-0',
      '-0.0',
      '.5',
      '5.',
      '+1.5',
      '1e1',
      '1.23456789012345',
      '1.234567890123456',
      'x',
      '-',
    ),
  );
const row = fc
  .tuple(subject, instant, decimal(180), decimal(90), fc.constantFrom('\n', '\r\n', ',extra\n', '\n\n'))
  .map(([s, t, lon, lat, end]) => ({ s, t, lon, lat, end }));

type Row = { s: string; t: string; lon: string; lat: string; end: string };

function read(header: string, rows: Row[], field: (r: Row) => string, cuts: number[]) {
  const bytes = enc.encode(header + rows.map((r) => field(r) + r.end).join(''));
  const rejects: string[] = [];
  const reader = new PingReader(params, (_f, line, reason) => rejects.push(`${line} ${reason}`));
  let at = 0;
  for (const c of [...cuts, bytes.length].sort((a, b) => a - b)) {
    if (c <= at) continue;
    reader.push(bytes.subarray(at, Math.min(c, bytes.length)));
    at = Math.min(c, bytes.length);
  }
  const cols = reader.finish();
  const names = Array.from({ length: reader.subjects.size }, (_, id) => reader.subjects.text(id));
  return {
    fused: reader.header?.plain,
    rejects,
    subjects: Array.from(cols.subject.subarray(0, cols.count), (id) => names[id]),
    ts: Array.from(cols.ts.subarray(0, cols.count), (t) => cols.base + t),
    cells: Array.from(
      cols.cell.subarray(0, cols.count),
      (c) => `${reader.grid.cellI[c]}:${reader.grid.cellJ[c]}`,
    ),
  };
}

describe('PingReader fused path', () => {
  it('reads exactly what the tokenizer path reads, rejects included', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 5 }),
        (rows, cuts) => {
          const fused = read('subject,ts,lon,lat\n', rows, (r) => `${r.s},${r.t},${r.lon},${r.lat}`, cuts);
          const plain = read('lon,subject,ts,lat\n', rows, (r) => `${r.lon},${r.s},${r.t},${r.lat}`, cuts);
          expect(fused.fused).toBe(true);
          expect(plain.fused).toBe(false);
          expect({ ...fused, fused: 0 }).toEqual({ ...plain, fused: 0 });
        },
      ),
      { numRuns: 1500, seed: 23 },
    );
  });

  it('takes the fused path for the common row and gives its exact values', () => {
    const r = read(
      'subject,ts,lon,lat\n',
      [{ s: '13800000000', t: '1793462400', lon: '106.584079', lat: '-29.571451', end: '\n' }],
      (x) => `${x.s},${x.t},${x.lon},${x.lat}`,
      [],
    );
    expect(r.fused).toBe(true);
    expect(r.rejects).toEqual([]);
    expect(r.subjects).toEqual(['13800000000']);
    expect(r.ts).toEqual([1793462400]);
  });
});
