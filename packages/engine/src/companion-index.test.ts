import type { RenxingError } from '@renxing/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCases } from './case-reader.js';
import { CompanionIndex, durationLevel, INDEX_VERSION, LEVELS } from './companion-index.js';
import { companionCsv } from './output.js';
import { resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';
import { buildIndex } from './pipeline.js';
import { queryCompanions } from './query.js';
import type { StayTable } from './stays.js';

const enc = new TextEncoder();
const { params } = resolveParams();

function indexOf(csv: string): CompanionIndex {
  const reader = new PingReader(params, () => {});
  reader.push(enc.encode(csv));
  return buildIndex(reader, reader.finish(), params);
}

function companions(index: CompanionIndex, cases: string): string {
  const { cases: list } = readCases([enc.encode(cases)], params.tzOffset, () => {});
  return [...companionCsv(index, list, queryCompanions(index, list, params))]
    .map((b) => new TextDecoder().decode(b))
    .join('');
}

const CITY = [
  'subject,ts,lon,lat',
  'k,0,106.552,29.562',
  'k,700,106.552,29.562',
  'k,1400,106.562,29.562',
  'k,2000,106.562,29.562',
  's,100,106.552,29.562',
  's,900,106.552,29.562',
  'u,0,106.562,29.562',
  'u,1000,106.562,29.562',
  'u,2000,106.562,29.562',
  'z,5,106.552,29.562',
].join('\n');

describe('companion index', () => {
  it('survives a trip through bytes without copying, with identical answers', () => {
    const index = indexOf(CITY);
    const bytes = new Uint8Array(index.buffer.slice(0));
    const reopened = CompanionIndex.fromBytes(bytes);
    expect(reopened.buffer).toBe(bytes.buffer);
    expect(companions(reopened, 'subject,from,to\nk,,\n')).toBe(companions(index, 'subject,from,to\nk,,\n'));
    expect(companions(reopened, 'subject,from,to\nk,,\n').trim().split('\n').slice(1)).toEqual([
      's,k,0:0,1970-01-01T00:01:40Z,1970-01-01T00:15:00Z,800',
      'u,k,1:0,1970-01-01T00:23:20Z,1970-01-01T00:33:20Z,600',
    ]);
  });

  it('opens a copy when the bytes are not 8-byte aligned', () => {
    const index = indexOf(CITY);
    const padded = new Uint8Array(index.buffer.byteLength + 1);
    padded.set(new Uint8Array(index.buffer), 1);
    const reopened = CompanionIndex.fromBytes(padded.subarray(1));
    expect(reopened.stays).toBe(index.stays);
  });

  it('stores 16 bytes a stay plus small tables, sorted by cell, duration level, then start', () => {
    const index = indexOf(CITY);
    expect(index.stays).toBe(4); // z's single ping is a zero-length stay and is left out
    expect(index.stats.allStays).toBe(5);
    for (let b = 0; b < index.cells * LEVELS; b++)
      for (let p = index.levelStart[b] + 1; p < index.levelStart[b + 1]; p++) {
        expect(index.stayStart[p]).toBeGreaterThanOrEqual(index.stayStart[p - 1]);
        expect(durationLevel(index.stayEnd[p] - index.stayStart[p])).toBe(b % LEVELS);
      }
    expect(index.wide).toBe(false);
  });

  it('switches to 64-bit instants when the span does not fit 32 bits', () => {
    const wide = indexOf(
      `${CITY}\nfar,9000000000,106.552,29.562\nfar,9000000600,106.552,29.562\nk,-2000000000,106.552,29.562`,
    );
    expect(wide.wide).toBe(true);
    expect(companions(wide, 'subject,from,to\nk,0,\n')).toBe(
      companions(indexOf(CITY), 'subject,from,to\nk,0,\n'),
    );
  });

  it('refuses bytes that are not an index, or of another version, with RX_BAD_INDEX', () => {
    const code = (b: Uint8Array) => {
      try {
        CompanionIndex.fromBytes(b);
      } catch (e) {
        return (e as RenxingError).code;
      }
      return 'opened';
    };
    expect(code(enc.encode('subject,ts,lon,lat\n'))).toBe('RX_BAD_INDEX');
    const bytes = new Uint8Array(indexOf(CITY).buffer.slice(0));
    expect(code(bytes.subarray(0, bytes.length - 8))).toBe('RX_BAD_INDEX');
    new DataView(bytes.buffer).setUint32(4, INDEX_VERSION + 1, true);
    expect(code(bytes)).toBe('RX_BAD_INDEX');
  });

  it('finds subjects by their bytes', () => {
    const index = indexOf(CITY);
    expect(index.findSubject('k')).toBeGreaterThanOrEqual(0);
    expect(index.findSubject('nobody')).toBe(-1);
    expect(companions(index, 'subject,from,to\nnobody,,\n').trim()).toBe(
      'subject,case,cell,overlap_start,overlap_end,overlap_s',
    );
  });

  it('orders each (cell, level) by start, ties in (subject, start) order, however full the buckets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ cell: fc.nat(2), start: fc.nat(300), length: fc.constantFrom(1, 600, 601, 700, 1000) }),
          { minLength: 1, maxLength: 400, size: 'max' },
        ),
        (rows) => {
          // One stay a subject (so input order is subject order), in few cells and levels.
          const stays: StayTable = {
            count: rows.length,
            subject: Uint32Array.from(rows, (_, k) => k),
            cell: Uint32Array.from(rows, (r) => r.cell),
            start: Float64Array.from(rows, (r) => 1_000_000 + r.start),
            end: Float64Array.from(rows, (r) => 1_000_000 + r.start + r.length),
            allStays: rows.length,
            positive: rows.length,
            minStart: 1_000_000 + Math.min(...rows.map((r) => r.start)),
            maxEnd: 1_000_000 + Math.max(...rows.map((r) => r.start + r.length)),
            duplicates: 0,
            maxPingTs: 2_000_000,
          };
          const names = {
            bytes: new Uint8Array(rows.length),
            offsets: Uint32Array.from({ length: rows.length + 1 }, (_, k) => k),
          };
          const index = CompanionIndex.build({
            stays: [stays],
            names,
            cellI: Int32Array.of(0, 1, 2),
            cellJ: Int32Array.of(0, 0, 0),
            cells: 3,
            grid: params,
            stay: params,
            parse: params,
            pings: rows.length * 2,
            pingRejects: 0,
          });
          const expected = rows
            .map((r, k) => ({ k, bucket: r.cell * LEVELS + durationLevel(r.length), start: r.start }))
            .sort((a, b) => a.bucket - b.bucket || a.start - b.start || a.k - b.k)
            .map((x) => x.k);
          expect(Array.from(index.staySubject)).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
