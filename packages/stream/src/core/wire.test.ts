import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionOf, shardOfCell } from './partition.js';
import {
  decodeAnswer,
  decodeRequest,
  encodeErrorAnswer,
  encodeRequest,
  ShardAnswerError,
} from './query-wire.js';
import type { PingBatch, StayOp } from './types.js';
import { decodePingBatch, decodeStayOps, encodePingBatch, encodeStayOps, StreamWireError } from './wire.js';

const batch: PingBatch = {
  count: 3,
  subject: ['13800000000', '张三', '13800000000'],
  ts: Float64Array.from([1_700_000_000, 1_700_000_060, -5]),
  lon: Float64Array.from([106.55, -180, 180]),
  lat: Float64Array.from([29.56, 90, -90]),
};
const ops: StayOp[] = [
  { subject: 'a', start: 10, end: 700, i: -3, j: 12, seq: 4 },
  { subject: '𝒜', start: 20, end: 20, i: 2147483647, j: -2147483648, seq: 9_007_199_254_740_991 },
];

/** Every way of breaking the bytes is a StreamWireError with a reason, never another exception. */
function rejectsWithReason(decode: (u: Uint8Array) => unknown, u: Uint8Array): string {
  try {
    decode(u);
  } catch (e) {
    expect(e).toBeInstanceOf(StreamWireError);
    return (e as StreamWireError).reason;
  }
  return '';
}

describe('wire', () => {
  it('round-trips ping batches and stay ops', () => {
    expect(decodePingBatch(encodePingBatch(batch))).toEqual(batch);
    expect(decodeStayOps(encodeStayOps(ops))).toEqual(ops);
    expect(
      decodePingBatch(
        encodePingBatch({
          count: 0,
          subject: [],
          ts: new Float64Array(),
          lon: new Float64Array(),
          lat: new Float64Array(),
        }),
      ).count,
    ).toBe(0);
  });

  it('costs 28 bytes a ping and 36 an op, names once per message', () => {
    const big: PingBatch = {
      count: 1000,
      subject: Array(1000).fill('13800000000'),
      ts: new Float64Array(1000),
      lon: new Float64Array(1000),
      lat: new Float64Array(1000),
    };
    expect(encodePingBatch(big).length).toBe(4 + 1 + 4 + 4 + 11 + 4 + 1000 * 28);
    expect(encodeStayOps(ops).length).toBe(4 + 1 + 4 + 4 + 1 + 4 + 4 + 4 + 2 * 36);
  });

  it('rejects malformed bytes with a reason', () => {
    const good = encodePingBatch(batch);
    expect(rejectsWithReason(decodePingBatch, new Uint8Array(0))).toMatch(/truncated/);
    expect(rejectsWithReason(decodePingBatch, encodeStayOps(ops))).toMatch(/not a ping batch/);
    expect(rejectsWithReason(decodeStayOps, good)).toMatch(/not a stay ops/);
    const v2 = good.slice();
    v2[4] = 2;
    expect(rejectsWithReason(decodePingBatch, v2)).toMatch(/version 2/);
    const trailing = new Uint8Array(good.length + 1);
    trailing.set(good);
    expect(rejectsWithReason(decodePingBatch, trailing)).toMatch(/trailing/);
    for (let n = 0; n < good.length; n++)
      expect(rejectsWithReason(decodePingBatch, good.subarray(0, n))).not.toBe('');
    const nan = { ...batch, lon: Float64Array.from([Number.NaN, 0, 0]) };
    expect(rejectsWithReason(decodePingBatch, encodePingBatch(nan))).toMatch(/bad lon/);
    const badTs = { ...batch, ts: Float64Array.from([Number.POSITIVE_INFINITY, 0, 0]) };
    expect(rejectsWithReason(decodePingBatch, encodePingBatch(badTs))).toMatch(/bad ts/);
    const empty = { ...batch, subject: ['', 'a', 'a'] };
    expect(rejectsWithReason(decodePingBatch, encodePingBatch(empty))).toMatch(/empty subject/);
    // Invalid UTF-8 in a name: "a" is at bytes 13.. of a one-name message; 0xff is never UTF-8.
    const one = encodePingBatch({ ...batch, count: 1, subject: ['a'] });
    one[13] = 0xff;
    expect(rejectsWithReason(decodePingBatch, one)).toMatch(/UTF-8/);
    const backwards = encodeStayOps([{ ...ops[0], end: 5 }]);
    expect(rejectsWithReason(decodeStayOps, backwards)).toMatch(/bad interval/);
  });

  it('never throws anything but StreamWireError on random or mutated bytes', () => {
    const goods = [encodePingBatch(batch), encodeStayOps(ops)];
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }),
        fc.nat(),
        (which, edits, cut) => {
          const u = goods[which].slice(0, goods[which].length - (cut % 3));
          for (const [at, v] of edits) u[at % u.length] = v;
          rejectsWithReason(decodePingBatch, u);
          rejectsWithReason(decodeStayOps, u);
          rejectsWithReason(decodeRequest, u);
        },
      ),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('round-trips fan-out requests and turns error answers into ShardAnswerError', () => {
    const req = {
      kind: 'cells' as const,
      probes: [
        { i: -1, j: 2, need: 600, pieces: [0, 700, 900, 1000], dwell: [5, 9] as [number, number] },
        { i: 0, j: 0, need: 0, pieces: [], dwell: null },
      ],
    };
    expect(decodeRequest(encodeRequest(req))).toEqual(req);
    expect(decodeRequest(encodeRequest({ kind: 'subjects', subjects: ['a', '张三'] }))).toEqual({
      kind: 'subjects',
      subjects: ['a', '张三'],
    });
    expect(() => decodeAnswer(encodeErrorAnswer('boom'), 3)).toThrow(ShardAnswerError);
    expect(() => decodeAnswer(encodeErrorAnswer('boom'), 3)).toThrow(/shard 3 failed: boom/);
    expect(() => decodeAnswer(new Uint8Array([1, 2, 3]), 1)).toThrow(/shard 1 failed: truncated/);
  });
});

describe('partition', () => {
  it('is FNV-1a 32 of the UTF-8 bytes', () => {
    expect(partitionOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(partitionOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    const fnv = (b: Uint8Array) => b.reduce((h, x) => Math.imul(h ^ x, 0x01000193) >>> 0, 0x811c9dc5);
    expect(partitionOf('张三𝒜', 2 ** 32)).toBe(fnv(new TextEncoder().encode('张三𝒜')));
    expect(partitionOf('13800000000', 16)).toBe(fnv(new TextEncoder().encode('13800000000')) % 16);
  });

  it('spreads neighbouring cells over the shards', () => {
    const counts = new Array(8).fill(0);
    for (let i = -50; i < 50; i++) for (let j = -50; j < 50; j++) counts[shardOfCell(i, j, 8)]++;
    for (const c of counts) expect(Math.abs(c - 1250)).toBeLessThan(150);
  });
});
