import { DEFAULT_PARAMS, Grid } from '@renxing/engine';
import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeRequest } from './query-wire.js';
import { ShardIndex } from './shard-index.js';
import { StayBuilder } from './stay-builder.js';
import type { PingBatch, StayOp } from './types.js';
import { StreamWireError } from './wire.js';

const params = { ...DEFAULT_PARAMS };
const grid = new Grid(params);
/** Lon/lat of the middle of cell (i, 0). */
const at = (i: number) => ({
  lon: 106.55 + ((i + 0.5) * 800) / (Math.cos((29.56 * Math.PI) / 180) * (Math.PI / 180) * 6371008.8),
  lat: 29.5636,
});

function pings(list: [string, number, number][]): PingBatch {
  return {
    count: list.length,
    subject: list.map((p) => p[0]),
    ts: Float64Array.from(list.map((p) => p[1])),
    lon: Float64Array.from(list.map((p) => at(p[2]).lon)),
    lat: Float64Array.from(list.map((p) => at(p[2]).lat)),
  };
}

const key = (o: StayOp) => `${o.subject}@${o.start}`;
const byKey = (ops: StayOp[]) => Object.fromEntries(ops.map((o) => [key(o), [o.end, o.i, o.seq]]));

describe('StayBuilder', () => {
  it('uses the engine grid', () => {
    expect(grid.cellX(at(3).lon)).toBe(3);
    expect(grid.cellY(at(3).lat)).toBe(0);
  });

  it('extends the open stay in order, and never emits zero-length stays', () => {
    const b = new StayBuilder(params);
    b.add(pings([['a', 0, 0]]), 1);
    expect(b.drain()).toEqual([]);
    b.add(
      pings([
        ['a', 600, 0],
        ['a', 1200, 0],
      ]),
      2,
    );
    expect(b.drain()).toEqual([{ subject: 'a', start: 0, end: 1200, i: 0, j: 0, seq: 2 }]);
    // A gap > max_gap: the stay keeps its end; the new ping alone is zero-length.
    b.add(pings([['a', 1200 + 1801, 0]]), 3);
    expect(b.drain()).toEqual([]);
    // Another cell within max_gap: the open stay ends at the next ping.
    b.add(pings([['a', 3100, 1]]), 4);
    expect(byKey(b.drain())).toEqual({ 'a@3001': [3100, 0, 4] });
    expect(b.drain()).toEqual([]);
  });

  it('gives each changed key once, final state and the latest change, and deletes absorbed stays', () => {
    const b = new StayBuilder(params);
    b.add(
      pings([
        ['a', 0, 0],
        ['a', 100, 1],
        ['a', 200, 0],
      ]),
      1,
    );
    expect(byKey(b.drain())).toEqual({ 'a@0': [100, 0, 1], 'a@100': [200, 1, 1] });
    // A late ping at 100 is a duplicate (first arrival wins): nothing changes.
    b.add(pings([['a', 100, 0]]), 2);
    expect(b.drain()).toEqual([]);
    expect(b.duplicates).toBe(1);
    // A late ping at 150 in cell 0 ends a@100 early and starts a@150 up to the ping at 200.
    b.add(pings([['a', 150, 0]]), 3);
    expect(byKey(b.drain())).toEqual({ 'a@100': [150, 1, 3], 'a@150': [200, 0, 3] });
    // Changes that come back to the drained state are not sent.
    const c = new StayBuilder(params);
    c.add(
      pings([
        ['s', 0, 0],
        ['s', 100, 0],
      ]),
      1,
    );
    c.drain();
    c.add(pings([['s', 50, 1]]), 2); // splits [0,100] into [0,50] [50,100]
    c.add(pings([['s', 40, 0]]), 3);
    expect(byKey(c.drain())).toEqual({ 's@0': [50, 0, 2], 's@50': [100, 1, 2] });
    // A stay absorbed into its neighbour is deleted (end === start).
    const d = new StayBuilder(params);
    d.add(
      pings([
        ['x', 0, 0],
        ['x', 100, 1],
        ['x', 200, 1],
      ]),
      1,
    );
    expect(byKey(d.drain())).toEqual({ 'x@0': [100, 0, 1], 'x@100': [200, 1, 1] });
    d.add(pings([['x', 50, 1]]), 2);
    expect(byKey(d.drain())).toEqual({ 'x@0': [50, 0, 2], 'x@50': [200, 1, 2], 'x@100': [100, 1, 2] });
  });

  it('ignores redelivered messages and counts pings like the batch engine', () => {
    const b = new StayBuilder(params);
    b.add(
      pings([
        ['a', 0, 0],
        ['a', 0, 1],
        ['b', 5, 0],
      ]),
      7,
    );
    b.add(pings([['a', 60, 0]]), 7);
    b.add(pings([['a', 60, 0]]), 3);
    expect([b.pings, b.duplicates, b.maxInstant, b.lastSeq]).toEqual([3, 1, 5, 7]);
  });

  it('snapshots and restores mid-stream, pending changes included', () => {
    const input: [string, number, number][] = [];
    for (let k = 0; k < 200; k++) input.push([`s${k % 7}`, ((k * 7919) % 400) * 60, k % 3]);
    const whole = new StayBuilder(params);
    whole.add(pings(input.slice(0, 100)), 1);
    const early = whole.drain();
    whole.add(pings(input.slice(100, 150)), 2);
    const restored = StayBuilder.restore(whole.snapshot(), params);
    for (const b of [whole, restored]) b.add(pings(input.slice(150)), 3);
    expect(byKey(restored.drain())).toEqual(byKey(whole.drain()));
    expect(restored.snapshot()).toEqual(whole.snapshot());
    expect([restored.pings, restored.duplicates, restored.maxInstant, restored.lastSeq]).toEqual([
      whole.pings,
      whole.duplicates,
      whole.maxInstant,
      3,
    ]);
    expect(early.length).toBeGreaterThan(0);
    expect(() => StayBuilder.restore(whole.snapshot(), { ...params, maxGap: 60 })).toThrow(StreamWireError);
    expect(() => StayBuilder.restore(whole.snapshot().subarray(0, 100), params)).toThrow(StreamWireError);
  });

  it('a replay from a snapshot overrides every change stored after it, even one its batch undoes', () => {
    // Stay (a, 1000) in cell 0 until 1600; a late ping at 900 in cell 0 absorbs it (a tombstone), a
    // later one at 950 in cell 1 splits it off again: back to (a, 1000) until 1600.
    const msgs = [
      pings([['a', 1000, 0]]),
      pings([['a', 1600, 0]]),
      pings([['a', 900, 0]]),
      pings([['a', 950, 1]]),
    ];
    const held = (x: ShardIndex) =>
      decodeAnswer(x.answer(encodeRequest({ kind: 'subjects', subjects: ['a'] })), 0)
        .map((r) => `${r.start}-${r.end}@${r.i}`)
        .sort();
    // The whole run, drained after each message: what the shard must hold.
    const full = new StayBuilder(params);
    const want = new ShardIndex();
    msgs.forEach((m, k) => {
      full.add(m, k + 1);
      want.apply(full.drain(), k + 1);
    });
    expect(held(want)).toEqual(['1000-1600@0', '900-950@0', '950-1000@1']);
    // A builder snapshotted after message 2 stores message 3's changes and dies; its successor
    // restores the snapshot and replays messages 3 and 4 as one batch.
    const first = new StayBuilder(params);
    const shard = new ShardIndex();
    first.add(msgs[0], 1);
    first.add(msgs[1], 2);
    shard.apply(first.drain(), 1);
    const snap = first.snapshot();
    first.add(msgs[2], 3);
    shard.apply(first.drain(), 2);
    const next = StayBuilder.restore(snap, params);
    next.add(msgs[2], 3);
    next.add(msgs[3], 4);
    shard.apply(next.drain(), 3);
    expect(held(shard)).toEqual(held(want));
  });
});
