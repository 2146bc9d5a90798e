/**
 * Retention on the streaming path: the cutoff rule (the trajectory store's local days), pruning a
 * builder and a shard, and — property-tested — the streamed answer after a prune midway (late
 * pings before the cutoff included) equal to the batch engine's on exactly the retained pings.
 */
import { cityArb, toCasesCsv, toPingsCsv } from '@renxing/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM_RETENTION_DAYS, retentionCutoffSeconds } from './retention.js';

import { ShardIndex } from './shard-index.js';
import { StayBuilder } from './stay-builder.js';
import { batchRun, retainedStreamCsv } from './test-support.js';
import type { PingBatch } from './types.js';

const H = 3600;
const CST = 8 * H;

describe('retentionCutoffSeconds', () => {
  it('is the start of the local day holding now − retention days', () => {
    // 2026-12-07T05:19:44Z = 13:19:44 in +08:00; 21 days before is 2026-11-16 local.
    const now = Date.UTC(2026, 11, 7, 5, 19, 44);
    expect(retentionCutoffSeconds(now, 21, CST)).toBe(Date.UTC(2026, 10, 15, 16) / 1000);
    expect(DEFAULT_STREAM_RETENTION_DAYS).toBe(21);
    // Just before local midnight vs just after: the cutoff moves by one day.
    const midnight = Date.UTC(2026, 11, 6, 16); // 2026-12-07T00:00+08:00
    expect(retentionCutoffSeconds(midnight - 1000, 1, CST)).toBe((midnight - 2 * 86400_000) / 1000);
    expect(retentionCutoffSeconds(midnight, 1, CST)).toBe((midnight - 86400_000) / 1000);
    // UTC and a negative offset.
    expect(retentionCutoffSeconds(Date.UTC(2026, 0, 10, 12), 3, 0)).toBe(Date.UTC(2026, 0, 7) / 1000);
    expect(retentionCutoffSeconds(Date.UTC(2026, 0, 10, 2), 3, -5 * H)).toBe(Date.UTC(2026, 0, 6, 5) / 1000);
  });

  it('refuses a bad clock or window', () => {
    expect(() => retentionCutoffSeconds(Number.NaN, 21, CST)).toThrow(RangeError);
    expect(() => retentionCutoffSeconds(0, 0, CST)).toThrow(RangeError);
    expect(() => retentionCutoffSeconds(0, 1.5, CST)).toThrow(RangeError);
  });
});

// Pings in cells i along one row (the stay-builder tests' grid: 800 m cells at the default origin).
const lonOf = (i: number) =>
  106.55 + ((i + 0.5) * 800) / (Math.cos((29.56 * Math.PI) / 180) * (Math.PI / 180) * 6371008.8);
function pings(list: [string, number, number][]): PingBatch {
  return {
    count: list.length,
    subject: list.map((p) => p[0]),
    ts: Float64Array.from(list.map((p) => p[1])),
    lon: Float64Array.from(list.map((p) => lonOf(p[2]))),
    lat: Float64Array.from(list.map(() => 29.5636)),
  };
}
const params = { originLon: 106.55, originLat: 29.56, size: 800, maxGap: 1800 };

describe('StayBuilder.prune', () => {
  it('deletes stays before the cutoff, restarts the one running past it, forgets empty subjects', () => {
    const b = new StayBuilder(params);
    b.add(
      pings([
        ['a', 0, 0],
        ['a', 600, 0],
        ['a', 1200, 0],
        ['a', 1800, 0],
        ['a', 2400, 1],
        ['b', 100, 2],
        ['b', 700, 2],
        ['b', 700, 3], // a duplicate
      ]),
      1,
    );
    expect(b.drain()).toHaveLength(2); // a@0 → 2400 and b@100 → 700 (a@2400 is zero-length)
    expect([b.pings, b.duplicates]).toEqual([8, 1]);
    expect(b.prune(1000)).toBe(2 + 3);
    // a: [0, 2400) goes; its retained part starts at 1200. b: everything goes (its duplicate too).
    expect(b.drain()).toEqual([
      { subject: 'a', start: 0, end: 0, i: 0, j: 0, seq: 2 },
      { subject: 'a', start: 1200, end: 2400, i: 0, j: 0, seq: 2 },
      { subject: 'b', start: 100, end: 100, i: 2, j: 0, seq: 2 },
    ]);
    expect([b.pings, b.duplicates, b.expired, b.subjectCount, b.cutoff, b.pruneCount]).toEqual([
      3, 0, 5, 1, 1000, 1,
    ]);
    expect(b.prune(1000)).toBe(0);
    expect(b.prune(500)).toBe(0);
    expect(b.drain()).toEqual([]);
    // Late pings before the cutoff are dropped and counted; later messages' ops rank above the prune's.
    b.add(
      pings([
        ['b', 999, 2],
        ['a', 3000, 1],
      ]),
      2,
    );
    expect([b.pings, b.expired]).toEqual([4, 6]);
    expect(b.drain()).toEqual([{ subject: 'a', start: 2400, end: 3000, i: 1, j: 0, seq: 3 }]);
  });

  it('keeps the answer of a subject pruned to nothing: −Infinity latest ping', () => {
    const b = new StayBuilder(params);
    b.add(pings([['a', 10, 0]]), 1);
    b.prune(20);
    expect(b.maxInstant).toBe(Number.NEGATIVE_INFINITY);
    expect(b.subjectCount).toBe(0);
  });

  it('snapshots the cutoff, the prune count and undrained deletes', () => {
    const b = new StayBuilder(params);
    b.add(
      pings([
        ['a', 0, 0],
        ['a', 600, 0],
        ['a', 1200, 0],
      ]),
      1,
    );
    b.drain();
    b.prune(700);
    const r = StayBuilder.restore(b.snapshot(), params);
    expect([r.cutoff, r.expired, r.pings]).toEqual([700, 2, 1]);
    expect(r.drain()).toEqual(b.drain());
    r.add(pings([['a', 1300, 0]]), 2);
    // seq 2 + 1 prune: above the prune's ops (seq 2).
    expect(r.drain()).toEqual([{ subject: 'a', start: 1200, end: 1300, i: 0, j: 0, seq: 3 }]);
  });
});

describe('ShardIndex.prune', () => {
  it('drops keys starting before the cutoff and ignores later ops for them', () => {
    const x = new ShardIndex();
    x.apply(
      [
        { subject: 'a', start: 0, end: 600, i: 0, j: 0, seq: 1 },
        { subject: 'a', start: 900, end: 900, i: 0, j: 0, seq: 1 },
        { subject: 'b', start: 1000, end: 2000, i: 1, j: 0, seq: 1 },
      ],
      1,
    );
    expect([x.keys, x.stays]).toEqual([3, 2]);
    expect(x.prune(1000)).toBe(2);
    expect([x.keys, x.stays, x.cutoff]).toEqual([1, 1, 1000]);
    x.apply([{ subject: 'a', start: 0, end: 700, i: 0, j: 0, seq: 5 }], 2);
    expect([x.keys, x.stays, x.coveredSeq]).toEqual([1, 1, 2]);
    const y = ShardIndex.restore(x.snapshot());
    expect([y.keys, y.stays, y.cutoff, y.coveredSeq]).toEqual([1, 1, 1000, 2]);
    y.apply([{ subject: 'a', start: 10, end: 700, i: 0, j: 0, seq: 6 }], 3);
    expect(y.keys).toBe(1);
  });
});

const simArb = fc.record({
  partitions: fc.constantFrom(1, 2, 3),
  shards: fc.constantFrom(1, 2, 5),
  split: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 3 }),
  pruneAfter: fc.double({ min: 0, max: 1, noNaN: true }),
  restore: fc.constantFrom('none' as const, 'before' as const, 'after' as const),
  pruneShards: fc.boolean(),
  restoreShards: fc.boolean(),
});

describe.each([
  { mode: 'contiguous' as const, dwell: false },
  { mode: 'cumulative' as const, dwell: false },
  { mode: 'contiguous' as const, dwell: true },
  { mode: 'cumulative' as const, dwell: true },
])('pruned stream ≡ batch on the retained pings ($mode, dwell $dwell)', ({ mode, dwell }) => {
  it('with a prune midway, late expired pings, and snapshots across it', async () => {
    await fc.assert(
      fc.asyncProperty(
        cityArb({ mode, dwell }),
        simArb,
        fc.nat(),
        fc.integer(),
        async (city, sim, pick, unbounded) => {
          const p = { ...city.params, tzOffset: CST };
          const cases = unbounded % 3 === 0 ? city.cases.map((c) => ({ ...c, to: null })) : city.cases;
          const casesCsv = toCasesCsv(cases);
          const instants = [...new Set(city.pings.map((x) => x.t))].sort((a, b) => a - b);
          const cutoff = instants.length === 0 ? 0 : instants[pick % instants.length] + ((pick >> 4) % 3) - 1;
          const retained = city.pings.filter((x) => x.t >= cutoff);
          const batch = batchRun(toPingsCsv(retained), casesCsv, p);
          const got = await retainedStreamCsv(city.pings, casesCsv, p, cutoff, sim);
          expect(got.csv, `cutoff ${cutoff}\n${toPingsCsv(city.pings)}\n${casesCsv}`).toBe(batch.csv);
          expect(got.pings).toBe(batch.summary.pings);
          expect(got.duplicates).toBe(batch.summary.duplicates);
          expect(got.expired).toBe(city.pings.length - retained.length);
          // Nothing before the cutoff is held anywhere.
          for (const b of got.builders) expect(b.cutoff).toBe(cutoff);
          if (sim.pruneShards) for (const x of got.shards) expect(x.cutoff).toBe(cutoff);
        },
      ),
      { seed: 20261207, numRuns: 120 },
    );
  });
});
