import { companionCsv, companionsFromCsv, DEFAULT_PARAMS, decodeUtf8 } from '@renxing/engine';
import { describe, expect, it } from 'vitest';
import { fanoutCompanions } from './fanout.js';
import { decodeAnswer, encodeRequest, ShardAnswerError } from './query-wire.js';
import { ShardIndex } from './shard-index.js';
import { StayBuilder } from './stay-builder.js';
import type { StayOp } from './types.js';

const op = (subject: string, start: number, end: number, seq: number, i = 0): StayOp => ({
  subject,
  start,
  end,
  i,
  j: 0,
  seq,
});
const subjects = (x: ShardIndex, names: string[]) =>
  decodeAnswer(x.answer(encodeRequest({ kind: 'subjects', subjects: names })), 0);

describe('ShardIndex', () => {
  it('keeps the highest sequence per key, tombstones included', () => {
    const x = new ShardIndex();
    x.apply([op('a', 0, 100, 5), op('a', 0, 50, 3), op('b', 10, 20, 1)], 1);
    expect(subjects(x, ['a'])).toEqual([{ subject: 'a', start: 0, end: 100, i: 0, j: 0 }]);
    x.apply([op('a', 0, 0, 6)], 2); // deleted
    x.apply([op('a', 0, 100, 5)], 3); // an older op replayed: stays deleted
    expect(subjects(x, ['a'])).toEqual([]);
    expect([x.stays, x.keys, x.coveredSeq]).toEqual([1, 2, 3]);
    x.apply([op('a', 0, 30, 7)], 2);
    expect(subjects(x, ['a', 'zz'])).toEqual([{ subject: 'a', start: 0, end: 30, i: 0, j: 0 }]);
    expect(x.coveredSeq).toBe(3);
    const y = ShardIndex.restore(x.snapshot());
    expect([y.stays, y.keys, y.coveredSeq]).toEqual([2, 2, 3]);
    expect(subjects(y, ['a', 'b'])).toEqual(subjects(x, ['a', 'b']));
  });

  it('answers bad bytes with an error answer, never a throw', () => {
    const x = new ShardIndex();
    expect(() => decodeAnswer(x.answer(new Uint8Array([9, 9, 9, 9, 9])), 2)).toThrow(
      /shard 2 failed: not a shard request/,
    );
    expect(() => ShardIndex.restore(new Uint8Array(3))).toThrow();
  });

  it('finds candidates by overlap and their stays in the dwell window', () => {
    const x = new ShardIndex();
    x.apply(
      [
        op('c', 0, 1000, 1),
        op('d', 100, 800, 1),
        op('d', 2000, 3000, 1),
        op('e', 990, 1100, 1),
        op('d', 5000, 6000, 1, 1),
      ],
      1,
    );
    const probe = { i: 0, j: 0, need: 600, pieces: [0, 1000], dwell: [0, 2500] as [number, number] };
    const got = decodeAnswer(x.answer(encodeRequest({ kind: 'cells', probes: [probe] })), 0);
    expect(got.map((s) => `${s.subject}@${s.start}`).sort()).toEqual(['c@0', 'd@100', 'd@2000']);
  });
});

describe('fanoutCompanions', () => {
  it('fails with the shard and its reason when a shard answers an error', async () => {
    const cases = [{ subject: 'a', from: [0], to: [10] }];
    const bad = async () => new ShardIndex().answer(new Uint8Array([1]));
    await expect(
      fanoutCompanions(bad, 2, cases, DEFAULT_PARAMS, { maxInstant: 0, pings: 0, duplicates: 0 }),
    ).rejects.toThrow(ShardAnswerError);
    const garbage = async () => new Uint8Array([0, 1, 2]);
    await expect(
      fanoutCompanions(garbage, 1, cases, DEFAULT_PARAMS, { maxInstant: 0, pings: 0, duplicates: 0 }),
    ).rejects.toThrow(/shard 0 failed/);
  });

  it('takes E from the latest ping of the whole stream, not of the stays it fetched', async () => {
    // a and b together in cell 0 over [0, 1000]; c pings alone at 5000 elsewhere: E = 5000.
    const rows: [string, number, number][] = [
      ['a', 0, 0],
      ['a', 600, 0],
      ['a', 1000, 0],
      ['b', 0, 0],
      ['b', 600, 0],
      ['b', 1000, 0],
      ['c', 5000, 0.5],
    ];
    const csv = `subject,ts,lon,lat\n${rows.map(([s, t, lon]) => `${s},${t},${106.55 + lon + 0.001},29.561`).join('\n')}\n`;
    for (const minCellDwell of [200, 201]) {
      const params = { ...DEFAULT_PARAMS, minCellDwell, dwellWindow: 4200 };
      const batch = companionsFromCsv(
        new TextEncoder().encode(csv),
        new TextEncoder().encode('subject,from,to\na,,\n'),
        params,
      );
      const b = new StayBuilder(params);
      b.add(
        {
          count: rows.length,
          subject: rows.map((r) => r[0]),
          ts: Float64Array.from(rows.map((r) => r[1])),
          lon: Float64Array.from(rows.map((r) => 106.55 + r[2] + 0.001)),
          lat: new Float64Array(rows.length).fill(29.561),
        },
        1,
      );
      const shard = new ShardIndex();
      shard.apply(b.drain(), 1);
      const cases = [{ subject: 'a', from: [Number.NEGATIVE_INFINITY], to: [Number.POSITIVE_INFINITY] }];
      const got = await fanoutCompanions(async (_, req) => shard.answer(req), 1, cases, params, {
        maxInstant: b.maxInstant,
        pings: b.pings,
        duplicates: 0,
      });
      expect([...companionCsv(got.index, cases, got.rows)].map(decodeUtf8).join('')).toBe(batch.csv);
      expect(batch.summary.companions).toBe(minCellDwell === 200 ? 1 : 0);
    }
  });
});
