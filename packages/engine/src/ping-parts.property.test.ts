/**
 * A pings file read in parts (as the CLI's reader threads do: each part after the header read by
 * its own PingReader, grouped by subject there, then absorbed in file order by the reader that read
 * the header and maybe one part, maybe in blocks out of order) must give the very
 * index a one-piece read gives, byte for byte: same subject and cell numbering, the first of
 * duplicate instants in file order kept even when the duplicates fall in different parts.
 */
import { cityArb, toPingsCsv } from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompanionIndex } from './companion-index.js';
import { fillIndex, planIndex, stayStats } from './index-build.js';
import { resolveParams } from './params.js';
import { type PingHeader, PingReader } from './ping-reader.js';
import { buildIndex, indexInput } from './pipeline.js';
import { buildStaysFromParts, groupsSpare } from './stays.js';

const enc = new TextEncoder();

function headerOf(header: Uint8Array, params: ReturnType<typeof resolveParams>['params']): PingHeader {
  const r = new PingReader(params, () => {});
  r.push(header);
  if (!r.header) throw new Error('no header');
  return r.header;
}

/** Where the reader that read the header reads a part of its own: none, the first or the last. */
type Own = 'none' | 'first' | 'last';

/**
 * As the CLI reads: the main reader takes the header and maybe a part itself; a reader that reads
 * the last part reads it in two blocks, the second first (as a back reader of blocks does).
 */
function readInParts(
  csv: string,
  cuts: number[],
  own: Own,
  params: ReturnType<typeof resolveParams>['params'],
  staySlices: number[] = [],
) {
  const lines = csv.split('\n');
  const header = `${lines[0]}\n`;
  const body = lines.slice(1).filter((l) => l !== '');
  const head = headerOf(enc.encode(header), params);
  const bounds = [0, ...cuts.map((c) => Math.min(body.length, c)).sort((a, b) => a - b), body.length];
  const parts = bounds.length - 1;
  const text = (from: number, to: number) => {
    const t = body.slice(from, to).join('\n');
    return t === '' ? new Uint8Array(0) : enc.encode(`${t}\n`);
  };
  const readPart = (reader: PingReader, k: number) => {
    if (k < parts - 1) {
      reader.push(text(bounds[k], bounds[k + 1]));
      return reader.parts(true);
    }
    const mid = (bounds[k] + bounds[k + 1]) >> 1;
    reader.nextBlock();
    reader.push(text(mid, bounds[k + 1]));
    const later = reader.count;
    reader.nextBlock();
    reader.push(text(bounds[k], mid));
    return reader.parts(true, [later, reader.count, 0, later], true);
  };
  const main = new PingReader(params, () => {});
  main.push(enc.encode(header));
  const ownPart = own === 'first' ? 0 : own === 'last' ? parts - 1 : -1;
  const read = [];
  for (let k = 0; k < parts; k++)
    read.push(readPart(k === ownPart ? main : new PingReader(params, () => {}, 1024, head), k));
  if (ownPart < 0) main.finish();
  const pings = main.absorb(read);
  if (staySlices.length === 0) return buildIndex(main, pings, params);
  // Stays built slice by slice of subjects (as the reader threads do), some with their statistics.
  const names = main.subjects.byteOrder();
  const n = names.order.length;
  const cells = main.grid.count;
  const cut = [0, ...staySlices.map((f) => Math.floor(f * n)).sort((a, b) => a - b), n];
  const slices = cut.slice(1).map((to, k) => {
    const from = cut[k];
    // The first in the main reader's dead columns, as the CLI does.
    const spare = k === 0 && ownPart >= 0 ? main.release() : undefined;
    const counted = k % 2 === 0 ? cells : undefined;
    const t = buildStaysFromParts(pings.parts, names.order, params.maxGap, {
      from,
      to,
      spare,
      cells: counted,
    });
    if (t.stats) {
      // Counted as written, they are what counting afterwards finds (bar the empty subjects at the ends).
      const after = stayStats(t, cells);
      const { perSubject, firstSubject, level, ...rest } = t.stats;
      const { perSubject: p2, firstSubject: f2, level: l2, ...rest2 } = after;
      expect(rest).toEqual(rest2);
      expect(Array.from(level.subarray(0, t.count))).toEqual(Array.from(l2));
      for (let r = from; r < to; r++)
        expect(perSubject[r - firstSubject]).toBe(r >= f2 && r - f2 < p2.length ? p2[r - f2] : 0);
    }
    return t;
  });
  // And the index filled range of cells by range (as the threads do), cut at the same fractions,
  // each range's scratch in one part's dead groups (the plan's and the first range's in the main
  // reader's own, or the first part's).
  const spare = groupsSpare(pings.parts[Math.max(0, ownPart)].groups);
  const plan = planIndex(indexInput(main, names, slices, pings.count, params), true, spare);
  const ranges = [0, ...staySlices.map((f) => Math.floor(f * plan.cells)).sort((a, b) => a - b), plan.cells];
  for (let k = 0; k + 1 < ranges.length; k++) {
    const scratch = k === 0 ? spare : pings.parts[k] && k !== ownPart && groupsSpare(pings.parts[k].groups);
    fillIndex(plan, slices, ranges[k], ranges[k + 1], scratch || undefined);
  }
  return CompanionIndex.fromBuffer(plan.buffer);
}

describe('a pings file read in parts', () => {
  it('gives the same index bytes as one piece, wherever the parts and the stays slices are cut', () => {
    fc.assert(
      fc.property(
        cityArb(),
        fc.array(fc.nat(400), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom<Own>('none', 'first', 'last'),
        fc.array(fc.nat(400), { maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        (city, cuts, reversed, own, bad, staySlices) => {
          const { params } = resolveParams('default', {
            originLon: city.params.originLon,
            originLat: city.params.originLat,
            size: city.params.size,
            maxGap: city.params.maxGap,
          });
          // Reversing the rows makes later parts meet subjects and cells in another order than the
          // first part did (ids that must be renumbered) and puts duplicates across parts.
          const pings = reversed ? [...city.pings].reverse() : city.pings;
          // Rejected rows anywhere: the index counts them once, whichever reader met them.
          const rows = toPingsCsv(pings).split('\n');
          for (const at of bad) rows.splice(1 + (at % rows.length), 0, 'x,not-an-instant,106.55,29.56');
          const csv = `${rows.filter((r) => r !== '').join('\n')}\n`;
          const whole = new PingReader(params, () => {});
          whole.push(enc.encode(csv));
          const one = buildIndex(whole, whole.finish(), params);
          const split = readInParts(csv, cuts, own, params, staySlices);
          expect(new Uint8Array(split.buffer)).toEqual(new Uint8Array(one.buffer));
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
