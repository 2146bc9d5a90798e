/**
 * The cells of the cases: which cells `caseCells` keeps, and that an index of only their stays
 * answers as the whole index does, on random cities (windows repeated, unbounded, cutting stays;
 * both modes, with and without the dwell clause) — with fewer stays in it.
 */
import { cityArb, toCasesCsv, toPingsCsv } from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './bytes.js';
import { caseCells } from './case-cells.js';
import { type CaseWindows, readCases } from './case-reader.js';
import { companionCsv } from './output.js';
import { type CompanionParams, resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';
import { buildIndex } from './pipeline.js';
import { queryCompanions } from './query.js';
import { groupedParts } from './stays.js';

const enc = new TextEncoder();
const { params: defaults } = resolveParams('default', {});

function read(pings: string, params: CompanionParams = defaults) {
  const reader = new PingReader(params, () => {});
  reader.push(enc.encode(pings));
  return { reader, pings: reader.finish() };
}

function answer(pings: string, cases: string, params: CompanionParams, pruned: boolean) {
  const { reader, pings: columns } = read(pings, params);
  const list = readCases([enc.encode(cases)], params.tzOffset, () => {}).cases;
  const index = buildIndex(reader, columns, params, undefined, pruned ? list : undefined);
  const rows = queryCompanions(index, list, params);
  return { index, csv: [...companionCsv(index, list, rows)].map(decodeUtf8).join('') };
}

/** Cells 0..4 side by side along a line of latitude (0.01° of longitude is ~970 m). */
const at = (subject: string, ts: number, cell: number) =>
  `${subject},${ts},${106.552 + 0.01 * cell},29.562\n`;

describe('caseCells', () => {
  it("keeps the cells of the case's pings whose coverage can meet a window, and no other", () => {
    // k: cell 0 at 0 (covers to 600), cell 1 at 600 (to 1200), cell 2 at 1200, then cell 3 at
    // 5000 after a gap; s only in cell 4.
    const csv = `subject,ts,lon,lat\n${at('k', 0, 0)}${at('k', 600, 1)}${at('k', 1200, 2)}${at('k', 5000, 3)}${at('s', 0, 4)}`;
    const { reader, pings } = read(csv);
    const names = reader.subjects.byteOrder();
    const parts = groupedParts(pings, names.order.length);
    // Cells are numbered as they first appear in the file: cell c here is the reading's cell c.
    expect(reader.grid.count).toBe(5);
    const kept = (cases: CaseWindows[]) => {
      const keep = caseCells(parts, names, cases, 1800, reader.grid.count);
      return [0, 1, 2, 3, 4].filter((c) => keep[c] === 1);
    };
    // [t, t + max_gap] of each ping against the window: 0 → [0, 1800], 600 → [600, 2400], …
    expect(kept([{ subject: 'k', from: [1000], to: [1100] }])).toEqual([0, 1]);
    expect(kept([{ subject: 'k', from: [1801], to: [1900] }])).toEqual([1, 2]);
    expect(kept([{ subject: 'k', from: [3001], to: [4999] }])).toEqual([]);
    expect(kept([{ subject: 'k', from: [3001, 5000], to: [4999, 5000] }])).toEqual([3]);
    expect(kept([{ subject: 'k', from: [-Infinity], to: [Infinity] }])).toEqual([0, 1, 2, 3]);
    expect(kept([{ subject: 'nobody', from: [-Infinity], to: [Infinity] }])).toEqual([]);
  });

  it('keeps the cell of a stay that began before the window and reaches into it', () => {
    // k's ping at 0 in cell 0 covers [0, 1500): clipped to [900, …) that is 600 s with s.
    const csv = `subject,ts,lon,lat\n${at('k', 0, 0)}${at('k', 1500, 1)}${at('s', 0, 0)}${at('s', 1500, 0)}${at('x', 0, 2)}${at('x', 1500, 2)}`;
    const cases = 'subject,from,to\nk,1970-01-01T00:15:00Z,\n';
    const whole = answer(csv, cases, defaults, false);
    const pruned = answer(csv, cases, defaults, true);
    expect(pruned.csv).toBe(
      'subject,case,cell,overlap_start,overlap_end,overlap_s\ns,k,0:0,1970-01-01T00:15:00Z,1970-01-01T00:25:00Z,600\n',
    );
    expect(pruned.csv).toBe(whole.csv);
    // x's stay in cell 2 is left out.
    expect([pruned.index.stays, whole.index.stays]).toEqual([2, 3]);
  });

  it('gives an index that answers as the whole index does, on random cities', () => {
    let fewer = 0;
    fc.assert(
      fc.property(cityArb(), (city) => {
        const { params } = resolveParams('default', city.params);
        const pings = toPingsCsv(city.pings);
        const cases = toCasesCsv(city.cases);
        const whole = answer(pings, cases, params, false);
        const pruned = answer(pings, cases, params, true);
        expect(pruned.csv).toBe(whole.csv);
        expect(pruned.index.stays).toBeLessThanOrEqual(whole.index.stays);
        expect(pruned.index.stats).toEqual(whole.index.stats);
        expect(pruned.index.base).toBe(whole.index.base);
        if (pruned.index.stays < whole.index.stays) fewer++;
      }),
      { numRuns: 300, seed: 20261207 },
    );
    // The cities have stays far from their cases: an index of only the cases' cells is smaller.
    expect(fewer).toBeGreaterThan(50);
  });
});
