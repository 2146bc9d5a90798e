/**
 * A pings file read in parts (as the CLI's reader threads do: each part after the header read by
 * its own PingReader, grouped by subject there, then absorbed in file order by the reader that read
 * the header and maybe the first part) must give the very
 * index a one-piece read gives, byte for byte: same subject and cell numbering, the first of
 * duplicate instants in file order kept even when the duplicates fall in different parts.
 */
import { cityArb, toPingsCsv } from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompanionIndex } from './companion-index.js';
import { fillIndex, planIndex } from './index-build.js';
import { resolveParams } from './params.js';
import { type PingHeader, PingReader } from './ping-reader.js';
import { buildIndex, indexInput } from './pipeline.js';
import { buildStaysFromParts, groupsSpare, joinStays } from './stays.js';

const enc = new TextEncoder();

function headerOf(header: Uint8Array, params: ReturnType<typeof resolveParams>['params']): PingHeader {
  const r = new PingReader(params, () => {});
  r.push(header);
  if (!r.header) throw new Error('no header');
  return r.header;
}

/** As the CLI reads: the main reader takes the header and, when `ownFirst`, the first part itself. */
function readInParts(
  csv: string,
  cuts: number[],
  ownFirst: boolean,
  params: ReturnType<typeof resolveParams>['params'],
  staySlices: number[] = [],
) {
  const lines = csv.split('\n');
  const header = `${lines[0]}\n`;
  const body = lines.slice(1).filter((l) => l !== '');
  const head = headerOf(enc.encode(header), params);
  const bounds = [0, ...cuts.map((c) => Math.min(body.length, c)).sort((a, b) => a - b), body.length];
  const text = (k: number) => {
    const t = body.slice(bounds[k], bounds[k + 1]).join('\n');
    return t === '' ? new Uint8Array(0) : enc.encode(`${t}\n`);
  };
  const main = new PingReader(params, () => {});
  main.push(enc.encode(header));
  const parts = [];
  if (ownFirst) main.push(text(0));
  parts.push(ownFirst ? main.parts(true) : null);
  if (!ownFirst) main.finish();
  for (let k = ownFirst ? 1 : 0; k + 1 < bounds.length; k++) {
    const r = new PingReader(params, () => {}, 1024, head);
    r.push(text(k));
    parts.push(r.parts(true));
  }
  const pings = main.absorb(parts.filter((p) => p !== null));
  if (staySlices.length === 0) return buildIndex(main, pings, params);
  // Stays built slice by slice of subjects (as the reader threads do) and joined.
  const names = main.subjects.byteOrder();
  const n = names.order.length;
  const cut = [0, ...staySlices.map((f) => Math.floor(f * n)).sort((a, b) => a - b), n];
  const slices = cut.slice(1).map((to, k) =>
    k === 0
      ? // In the main reader's dead columns, as the CLI does.
        buildStaysFromParts(pings.parts, names.order, params.maxGap, 0, to, n, true, main.release())
      : buildStaysFromParts(pings.parts, names.order, params.maxGap, cut[k], to),
  );
  // And the index filled range of cells by range (as the threads do), cut at the same fractions,
  // each range's scratch in one part's dead groups (the plan's and the first range's in the first).
  const stays = joinStays(slices);
  const spare = groupsSpare(pings.parts[0].groups);
  const plan = planIndex(indexInput(main, names, stays, pings.count, params), true, spare);
  const cells = [0, ...staySlices.map((f) => Math.floor(f * plan.cells)).sort((a, b) => a - b), plan.cells];
  for (let k = 0; k + 1 < cells.length; k++) {
    const own = k === 0 ? spare : pings.parts[k] && groupsSpare(pings.parts[k].groups);
    fillIndex(plan, stays, cells[k], cells[k + 1], own);
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
        fc.boolean(),
        fc.array(fc.nat(400), { maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        (city, cuts, reversed, ownFirst, bad, staySlices) => {
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
          const split = readInParts(csv, cuts, ownFirst, params, staySlices);
          expect(new Uint8Array(split.buffer)).toEqual(new Uint8Array(one.buffer));
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
