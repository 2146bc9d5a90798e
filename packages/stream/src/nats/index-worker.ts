/**
 * The index worker: per owned shard, the core's ShardIndex restored from its snapshot (with the
 * stays sequence it covers), fed the shard's stay changes from the next sequence, answering
 * `${p}.query.<shard>` (a queue group, so any holder of the shard answers) once it has caught up
 * with the shard's messages as they stood when it started — a restarted worker never answers from
 * a half-replayed index. Retention: at start (after restoring) and every minute, the shard drops
 * every stay starting before the cutoff (and ignores later ops for them).
 */
import type { JsMsg } from '@nats-io/jetstream';
import type { Msg, Subscription } from '@nats-io/transport-node';
import { ShardIndex } from '../core/shard-index.js';
import { decodeStayOps } from '../core/wire.js';
import { badMessage } from './bad-messages.js';
import type { RoleOptions } from './builder.js';
import type { StreamClient } from './client.js';
import { KvWriter } from './kv-writer.js';
import { metrics } from './metrics.js';
import { lastSequence } from './progress.js';
import { PUBLISHED_HEADER } from './publisher.js';
import { SubjectReader } from './reader.js';
import { cutoffAt, everyPrunePeriod, retentionMetrics } from './retention.js';
import { type Role, startRole, type Unit } from './role.js';
import { encodeSnapshot, restoreUnit } from './snapshot-frame.js';

/** Answers larger than this are sent in parts, ended by an empty message. */
const ANSWER_PART_MARGIN = 4096;

export async function startIndexWorker(
  c: StreamClient,
  opts: RoleOptions & { shards?: number[] },
): Promise<Role> {
  const log = opts.log ?? ((line: string) => console.warn(line));
  const kv = new KvWriter(c.meta, log);
  return startRole(
    c,
    'index',
    opts.id,
    c.cfg.shards,
    opts.shards,
    (s) => startShard(c, s, kv, log, opts),
    log,
  );
}

/** Sends an answer, in parts when it exceeds the connection's payload limit, then an empty message. */
export function respondInParts(msg: Msg, answer: Uint8Array, maxPayload: number): void {
  const part = Math.max(1024, maxPayload - ANSWER_PART_MARGIN);
  for (let at = 0; at < answer.length; at += part) msg.respond(answer.subarray(at, at + part));
  msg.respond(new Uint8Array(0));
}

async function startShard(
  c: StreamClient,
  s: number,
  kv: KvWriter,
  log: (line: string) => void,
  opts: RoleOptions,
): Promise<Unit> {
  const key = `index.s${s}`;
  const now = opts.now ?? Date.now;
  const m = metrics();
  const rm = retentionMetrics();
  const label = { shard: String(s) };
  const restored = await restoreUnit(
    c.snapshots,
    key,
    'shard',
    (payload) => ShardIndex.restore(payload),
    () => new ShardIndex(),
    log,
  );
  const index = restored.state;
  let covered = Math.max(restored.covered, index.coveredSeq);
  let snapshotAt = covered;
  // A prune changes the state without a new sequence: counted apart so it is snapshotted too.
  let prunes = 0;
  let snapshotPrunes = 0;
  let lastSnapshot = Date.now();
  let failed = false;
  let sub: Subscription | null = null;
  // Set when the unit is told to stop: a batch handled after that (the reader ends after the one in
  // hand) must neither subscribe to the queries again — a unit no one stops any more would answer
  // from a frozen index — nor record progress over the unit that took the shard over.
  let stopping = false;
  const readyAt = await lastSequence(c, c.names.staysStream, c.names.stays(s));

  const serve = () => {
    if (sub !== null || stopping) return;
    sub = c.nc.subscribe(c.names.query(s), {
      queue: c.names.queryGroup,
      callback: (err, msg) => {
        if (err) return;
        let answer: Uint8Array;
        try {
          answer = index.answer(msg.data);
        } catch (e) {
          // The core answers bad requests with an error answer; anything else is still never a crash.
          log(`index s${s}: answering: ${(e as Error).message}`);
          return;
        }
        respondInParts(msg, answer, c.nc.info?.max_payload ?? 1 << 20);
      },
    });
  };

  // Batches and the prune timer both snapshot: one at a time, so an older one never lands last.
  let snapshotting: Promise<unknown> = Promise.resolve();
  const snapshot = (): Promise<void> => {
    const r = snapshotting.then(snapshotNow);
    snapshotting = r.catch(() => undefined);
    return r;
  };
  const snapshotNow = async () => {
    if (covered === snapshotAt && prunes === snapshotPrunes) return;
    const at = covered;
    const atPrunes = prunes;
    lastSnapshot = Date.now();
    await c.snapshots.put(key, encodeSnapshot({ key, covered: at, payload: index.snapshot() }));
    snapshotAt = at;
    snapshotPrunes = atPrunes;
    m.snapshots.inc({ kind: 'index' });
  };

  /** Drops the stays starting before the cutoff (synchronous: never halfway through a batch). */
  const prune = (): boolean => {
    const cutoff = cutoffAt(c, now());
    rm.cutoff.set(cutoff);
    if (!(cutoff > index.cutoff)) return false;
    index.prune(cutoff);
    prunes++;
    m.indexStays.set(label, index.stays);
    kv.set(`stays.${s}`, String(index.stays));
    return true;
  };
  prune();
  // What a restored unit covers is recorded now, not only after its next batch (there may be none).
  kv.set(`applied.${s}`, String(covered));
  kv.set(`stays.${s}`, String(index.stays));

  const handle = async (msgs: JsMsg[]) => {
    const now = Date.now();
    for (const msg of msgs) {
      try {
        index.apply(decodeStayOps(msg.data), msg.seq);
        const at = Number(msg.headers?.get(PUBLISHED_HEADER));
        if (at > 0) m.endToEndLag.observe(Math.max(0, now - at) / 1000);
      } catch (e) {
        badMessage('stays', `${c.names.stays(s)} #${msg.seq}`, e, log);
      }
    }
    covered = msgs[msgs.length - 1].seq;
    m.indexStays.set(label, index.stays);
    if (!stopping) {
      kv.set(`applied.${s}`, String(covered));
      kv.set(`stays.${s}`, String(index.stays));
    }
    if (covered >= readyAt) serve();
    // A snapshot that cannot be stored now is retried later; the unit goes on.
    if (Date.now() - lastSnapshot >= c.cfg.snapshotEverySeconds * 1000)
      await snapshot().catch((e) => log(`${key}: snapshot: ${(e as Error).message}`));
  };

  if (covered >= readyAt) serve();
  const reader = new SubjectReader(c, {
    stream: c.names.staysStream,
    subject: c.names.stays(s),
    from: covered + 1,
    handle,
    maxQueued: 256,
    log,
    idle: snapshot,
    idleMs: c.cfg.snapshotEverySeconds * 1000,
    onFailure: (e) => {
      failed = true;
      log(`index s${s}: ${(e as Error).message}`);
    },
  });
  const stopPruning = everyPrunePeriod(
    async () => {
      if (prune()) await snapshot().catch((e) => log(`${key}: snapshot: ${(e as Error).message}`));
    },
    log,
    opts.pruneEveryMs,
  );

  return {
    get failed() {
      return failed;
    },
    get covered() {
      return covered;
    },
    async refreshLag() {
      m.shardLag.set(label, await reader.lag());
    },
    async stop() {
      stopping = true;
      const current = sub as Subscription | null;
      sub = null;
      current?.unsubscribe();
      await stopPruning();
      await reader.stop();
      if (!failed) await snapshot().catch((e) => log(`index s${s}: snapshot: ${(e as Error).message}`));
      await kv.flush();
      m.shardLag.remove(label);
      m.indexStays.remove(label);
    },
  };
}
