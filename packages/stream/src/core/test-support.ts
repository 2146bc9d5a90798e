/**
 * Test support: the streaming path in memory. Pings go through partitions, StayBuilder, STAYS ops
 * routed by shard, ShardIndex per shard and fanoutCompanions over an in-memory ShardCall, with
 * redeliveries, shuffled and duplicated op messages, and snapshot/restore/replay mid-stream.
 */
import {
  type CompanionParams,
  companionCsv,
  companionsFromCsv,
  decodeUtf8,
  readCases,
} from '@renxing/engine';
import type { OPing } from '@renxing/testkit';
import { fanoutCompanions } from './fanout.js';
import { partitionOf, shardOfCell } from './partition.js';
import { ShardIndex } from './shard-index.js';
import { StayBuilder } from './stay-builder.js';
import type { PingBatch, StayOp } from './types.js';
import { decodePingBatch, decodeStayOps, encodePingBatch, encodeStayOps } from './wire.js';

export interface SimOptions {
  partitions: number;
  shards: number;
  /** Message sizes, cycled. */
  split: number[];
  seed: number;
  /** Builder: snapshot after this many messages of each partition, crash a bit later, restore, replay. */
  snapshotAt: number | null;
  /** Deliver op messages out of order and some twice. */
  shuffleOps: boolean;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function batchOf(pings: OPing[]): PingBatch {
  return {
    count: pings.length,
    subject: pings.map((p) => p.subject),
    ts: Float64Array.from(pings.map((p) => p.t)),
    lon: Float64Array.from(pings.map((p) => p.lon)),
    lat: Float64Array.from(pings.map((p) => p.lat)),
  };
}

/** The streamed answer as CSV text. */
export async function streamedCsv(pings: OPing[], casesCsv: string, params: CompanionParams, o: SimOptions) {
  const rand = rng(o.seed);
  // Partition messages, publish order within a partition.
  const parts: OPing[][] = Array.from({ length: o.partitions }, () => []);
  for (const p of pings) parts[partitionOf(p.subject, o.partitions)].push(p);
  const shardMsgs: Uint8Array[][] = Array.from({ length: o.shards }, () => []);
  const publish = (b: StayBuilder) => {
    const byShard = new Map<number, ReturnType<StayBuilder['drain']>>();
    for (const op of b.drain()) {
      const s = shardOfCell(op.i, op.j, o.shards);
      byShard.set(s, [...(byShard.get(s) ?? []), op]);
    }
    for (const [s, ops] of byShard) shardMsgs[s].push(encodeStayOps(ops));
  };
  let maxInstant = Number.NEGATIVE_INFINITY;
  let total = 0;
  let duplicates = 0;
  for (const part of parts) {
    const msgs: Uint8Array[] = [];
    for (let at = 0, k = 0; at < part.length; k++) {
      const n = o.split[k % o.split.length];
      msgs.push(encodePingBatch(batchOf(part.slice(at, at + n))));
      at += n;
    }
    let b = new StayBuilder(params);
    let snap: Uint8Array | null = null;
    for (let q = 0; q < msgs.length; q++) {
      b.add(decodePingBatch(msgs[q]), q + 1);
      if (rand() < 0.3) b.add(decodePingBatch(msgs[q]), q + 1); // redelivery: ignored
      if (rand() < 0.7 || q === msgs.length - 1) publish(b);
      if (o.snapshotAt !== null && q + 1 === o.snapshotAt) {
        publish(b);
        snap = b.snapshot();
      }
      if (snap !== null && q + 1 === o.snapshotAt! + 2) {
        // Crash before publishing the latest changes, restore, replay from the snapshot's sequence.
        b = StayBuilder.restore(snap, params);
        snap = null;
        for (let r = b.lastSeq; r <= q; r++) {
          b.add(decodePingBatch(msgs[r]), r + 1);
          if (rand() < 0.5) publish(b);
        }
        publish(b);
      }
    }
    publish(b);
    if (b.maxInstant > maxInstant) maxInstant = b.maxInstant;
    total += b.pings;
    duplicates += b.duplicates;
  }
  let shards = shardMsgs.map((msgs) => {
    const order = msgs.map((m, k) => ({ m, seq: k + 1 }));
    if (o.shuffleOps) {
      for (const m of [...order]) if (rand() < 0.3) order.push(m);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    let x = new ShardIndex();
    order.forEach(({ m, seq }, k) => {
      x.apply(decodeStayOps(m), seq);
      if (k === order.length >> 1) x = ShardIndex.restore(x.snapshot());
    });
    return x;
  });
  shards = shards.map((x) => ShardIndex.restore(x.snapshot()));
  const { cases } = readCases([new TextEncoder().encode(casesCsv)], params.tzOffset, () => {});
  const { index, rows } = await fanoutCompanions(
    async (shard, req) => shards[shard].answer(req),
    o.shards,
    cases,
    params,
    { maxInstant, pings: total, duplicates },
  );
  return { csv: [...companionCsv(index, cases, rows)].map(decodeUtf8).join(''), pings: total, duplicates };
}

const encoder = new TextEncoder();

export function batchRun(pingsCsv: string, casesCsv: string, params: CompanionParams) {
  return companionsFromCsv(encoder.encode(pingsCsv), encoder.encode(casesCsv), params);
}

/**
 * Retention: pings stream through partitions, builders and shards; midway every builder (and, when
 * asked, every shard) prunes at a cutoff, optionally across a snapshot/restore; then the rest
 * streams, late pings before the cutoff included. The answer is the fan-out's.
 */
export interface RetentionSimOptions {
  partitions: number;
  shards: number;
  /** Message sizes, cycled. */
  split: number[];
  /** Pings streamed before the prune (a fraction of the list). */
  pruneAfter: number;
  /** Snapshot/restore each builder around the prune: none, before it (the prune is redone after restore), or after it. */
  restore: 'none' | 'before' | 'after';
  /** Whether the shards prune too (else the builders' deletes alone must do). */
  pruneShards: boolean;
  /** Snapshot/restore the shards after their prune. */
  restoreShards: boolean;
}

export async function retainedStreamCsv(
  pings: OPing[],
  casesCsv: string,
  params: CompanionParams,
  cutoff: number,
  o: RetentionSimOptions,
) {
  const shards = Array.from({ length: o.shards }, () => new ShardIndex());
  const shardSeq = new Array<number>(o.shards).fill(0);
  const publish = (ops: StayOp[]) => {
    const byShard = new Map<number, StayOp[]>();
    for (const op of ops) {
      const s = shardOfCell(op.i, op.j, o.shards);
      byShard.set(s, [...(byShard.get(s) ?? []), op]);
    }
    for (const [s, list] of byShard) shards[s].apply(decodeStayOps(encodeStayOps(list)), ++shardSeq[s]);
  };
  const cut = Math.floor(pings.length * o.pruneAfter);
  const phases = [pings.slice(0, cut), pings.slice(cut)];
  const builders = Array.from({ length: o.partitions }, () => new StayBuilder(params));
  const seqs = new Array<number>(o.partitions).fill(0);
  const stream = (list: OPing[]) => {
    const parts: OPing[][] = Array.from({ length: o.partitions }, () => []);
    for (const p of list) parts[partitionOf(p.subject, o.partitions)].push(p);
    parts.forEach((part, q) => {
      for (let at = 0, k = 0; at < part.length; k++) {
        const n = o.split[k % o.split.length];
        const seq = ++seqs[q];
        const msg = encodePingBatch(batchOf(part.slice(at, at + n)));
        builders[q].add(decodePingBatch(msg), seq);
        builders[q].add(decodePingBatch(msg), seq); // a redelivery: ignored
        publish(builders[q].drain());
        at += n;
      }
    });
  };
  stream(phases[0]);
  for (let q = 0; q < o.partitions; q++) {
    let b = builders[q];
    if (o.restore === 'before') b = StayBuilder.restore(b.snapshot(), params);
    b.prune(cutoff);
    b.prune(cutoff); // again: nothing more
    if (o.restore === 'after') b = StayBuilder.restore(b.snapshot(), params); // pending changes kept
    publish(b.drain());
    builders[q] = b;
  }
  if (o.pruneShards)
    for (let s = 0; s < o.shards; s++) {
      shards[s].prune(cutoff);
      if (o.restoreShards) shards[s] = ShardIndex.restore(shards[s].snapshot());
    }
  stream(phases[1]);
  let maxInstant = Number.NEGATIVE_INFINITY;
  let total = 0;
  let duplicates = 0;
  let expired = 0;
  for (const b of builders) {
    if (b.maxInstant > maxInstant) maxInstant = b.maxInstant;
    total += b.pings;
    duplicates += b.duplicates;
    expired += b.expired;
  }
  const { cases } = readCases([new TextEncoder().encode(casesCsv)], params.tzOffset, () => {});
  const { index, rows } = await fanoutCompanions(
    async (shard, req) => shards[shard].answer(req),
    o.shards,
    cases,
    params,
    { maxInstant, pings: total, duplicates },
  );
  return {
    csv: [...companionCsv(index, cases, rows)].map(decodeUtf8).join(''),
    pings: total,
    duplicates,
    expired,
    builders,
    shards,
  };
}
