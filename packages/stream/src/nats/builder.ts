/**
 * The stay builder: per owned partition, the core's StayBuilder restored from its snapshot (with
 * the pings sequence it covers), fed the partition's pings from the next sequence; after each batch
 * the changed stays go to their shards' subjects, and only once JetStream has acknowledged them is
 * the batch counted as built (`built.<p>` in KV) — so a snapshot never covers ops not yet stored.
 * Retention: at start (after restoring) and every minute, the builder prunes the pings before the
 * cutoff and publishes the resulting changes like a batch's (never at the same time as a batch).
 */
import type { JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { shardOfCell } from '../core/partition.js';
import { StayBuilder } from '../core/stay-builder.js';
import type { StayOp } from '../core/types.js';
import { decodePingBatch, encodeStayOps } from '../core/wire.js';
import { badMessage } from './bad-messages.js';
import type { StreamClient } from './client.js';
import { KvWriter } from './kv-writer.js';
import { metrics } from './metrics.js';
import { PUBLISHED_HEADER } from './publisher.js';
import { SubjectReader } from './reader.js';
import { cutoffAt, everyPrunePeriod, retentionMetrics } from './retention.js';
import { publishRetrying } from './retry.js';
import { type Role, startRole, type Unit } from './role.js';
import { encodeSnapshot, restoreUnit } from './snapshot-frame.js';

/** Ops per stays message: keeps a message well under NATS's 1 MB default payload limit. */
const OPS_PER_MESSAGE = 16_384;

export interface RoleOptions {
  id: string;
  /** Log lines (default: console.warn). */
  log?: (line: string) => void;
  /** The clock retention is computed from, epoch milliseconds (default Date.now). */
  now?: () => number;
  /** How often to prune, milliseconds (default every minute; tests go faster). */
  pruneEveryMs?: number;
}

/** The partition's progress as `latest.<p>` holds it. */
export interface PartitionLatest {
  maxInstant: number | null;
  pings: number;
  duplicates: number;
  built: number;
  /** Pings dropped by retention so far (pruned, or arriving before the cutoff). */
  expired?: number;
  /** The retention cutoff in force, epoch seconds (null before the first prune). */
  cutoff?: number | null;
}

export async function startStayBuilder(
  c: StreamClient,
  opts: RoleOptions & { partitions?: number[] },
): Promise<Role> {
  const log = opts.log ?? ((line: string) => console.warn(line));
  const kv = new KvWriter(c.meta, log);
  return startRole(
    c,
    'builder',
    opts.id,
    c.cfg.partitions,
    opts.partitions,
    (p) => startPartition(c, p, kv, log, opts),
    log,
  );
}

async function startPartition(
  c: StreamClient,
  p: number,
  kv: KvWriter,
  log: (line: string) => void,
  opts: RoleOptions,
): Promise<Unit> {
  const key = `builder.p${p}`;
  const now = opts.now ?? Date.now;
  const m = metrics();
  const rm = retentionMetrics();
  const params = c.cfg.params;
  const restored = await restoreUnit(
    c.snapshots,
    key,
    'partition',
    (payload) => StayBuilder.restore(payload, params),
    () => new StayBuilder(params),
    log,
  );
  const sb = restored.state;
  let covered = restored.covered;
  let snapshotAt = covered;
  // A prune changes the state without a new sequence: counted apart so it is snapshotted too.
  let prunes = 0;
  let snapshotPrunes = 0;
  let expiredSeen = sb.expired;
  let lastSnapshot = Date.now();
  let failed = false;
  // Set when the unit is told to stop: a batch finished after that records no progress, which
  // would overwrite the progress of the unit that took the partition over (in this process or another).
  let stopping = false;
  const shards = c.cfg.shards;

  // Batches and prunes take turns: a prune's changes must never be drained into a batch's message
  // (whose msgID a replay, without that prune, would reuse for other ops).
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(f: () => Promise<T>): Promise<T> => {
    const r = turn.then(f);
    turn = r.catch(() => undefined);
    return r;
  };

  const snapshot = async () => {
    if (failed || (covered === snapshotAt && prunes === snapshotPrunes)) return;
    const at = covered;
    const atPrunes = prunes;
    lastSnapshot = Date.now();
    await c.snapshots.put(key, encodeSnapshot({ key, covered: at, payload: sb.snapshot() }));
    snapshotAt = at;
    snapshotPrunes = atPrunes;
    m.snapshots.inc({ kind: 'builder' });
  };

  const recordProgress = () => {
    if (stopping) return;
    const latest: PartitionLatest = {
      maxInstant: Number.isFinite(sb.maxInstant) ? sb.maxInstant : null,
      pings: sb.pings,
      duplicates: sb.duplicates,
      built: covered,
      expired: sb.expired,
      cutoff: Number.isFinite(sb.cutoff) ? sb.cutoff : null,
    };
    kv.set(`latest.${p}`, JSON.stringify(latest));
    kv.set(`built.${p}`, String(covered));
    if (sb.expired > expiredSeen) rm.expired.inc(sb.expired - expiredSeen);
    expiredSeen = sb.expired;
  };

  /** Drops the pings before the cutoff and stores the resulting changes, then a snapshot at once. */
  const prune = async () => {
    if (failed) return;
    const cutoff = cutoffAt(c, now());
    rm.cutoff.set(cutoff);
    if (!(cutoff > sb.cutoff)) return;
    const dropped = sb.prune(cutoff);
    prunes++;
    if (dropped > 0) {
      try {
        // The msgID names the prune (state and cutoff): one redone after a crash is the same message.
        const ops = sb.drain();
        await publishOps(c, p, `x${sb.lastSeq}.${cutoff}`, ops, shards, Number.POSITIVE_INFINITY);
        m.stayOps.inc(ops.length);
      } catch (e) {
        // Drained but not stored: only a restart from the snapshot is exact again.
        failed = true;
        throw e;
      }
      log(
        `builder p${p}: retention dropped ${dropped} pings before ${new Date(cutoff * 1000).toISOString()}`,
      );
    }
    recordProgress();
    await snapshot().catch((e) => log(`${key}: snapshot: ${(e as Error).message}`));
  };
  await prune();
  // What a restored unit covers is recorded now, not only after its next batch (there may be none).
  recordProgress();

  const handle = async (msgs: JsMsg[]) => {
    if (failed) throw new Error('stopped after a failed prune');
    let firstPublished = Number.POSITIVE_INFINITY;
    let pings = 0;
    for (const msg of msgs) {
      try {
        const batch = decodePingBatch(msg.data);
        sb.add(batch, msg.seq);
        pings += batch.count;
        const at = Number(msg.headers?.get(PUBLISHED_HEADER));
        if (at > 0 && at < firstPublished) firstPublished = at;
      } catch (e) {
        badMessage('pings', `${c.names.pings(p)} #${msg.seq}`, e, log);
      }
    }
    const last = msgs[msgs.length - 1].seq;
    const ops = sb.drain();
    // After a prune the same range can drain other ops (a replay under another cutoff): other msgIDs.
    const pruned = Number.isFinite(sb.cutoff) ? `@${sb.cutoff}.${sb.pruneCount}` : '';
    try {
      await publishOps(c, p, `${msgs[0].seq}-${last}${pruned}`, ops, shards, firstPublished);
    } catch (e) {
      // Drained but not stored: the state is past what the shards hold, and must never be
      // snapshotted; only a restart from the last snapshot (and a replay) is exact again.
      failed = true;
      throw e;
    }
    covered = last;
    m.pingsBuilt.inc(pings);
    m.stayOps.inc(ops.length);
    recordProgress();
    // A snapshot that cannot be stored now is retried later; the unit goes on.
    if (Date.now() - lastSnapshot >= c.cfg.snapshotEverySeconds * 1000)
      await snapshot().catch((e) => log(`${key}: snapshot: ${(e as Error).message}`));
  };

  const reader = new SubjectReader(c, {
    stream: c.names.pingsStream,
    subject: c.names.pings(p),
    from: covered + 1,
    handle: (msgs) => exclusive(() => handle(msgs)),
    log,
    idle: () => exclusive(snapshot),
    idleMs: c.cfg.snapshotEverySeconds * 1000,
    onFailure: (e) => {
      failed = true;
      log(`builder p${p}: ${(e as Error).message}`);
    },
  });
  const stopPruning = everyPrunePeriod(() => exclusive(prune), log, opts.pruneEveryMs);

  return {
    get failed() {
      return failed;
    },
    get covered() {
      return covered;
    },
    async refreshLag() {
      m.partitionLag.set({ partition: String(p) }, await reader.lag());
    },
    async stop() {
      stopping = true;
      await stopPruning();
      await reader.stop();
      // After the batch in hand (a snapshot taken beside it would hold drained ops not yet
      // stored), and after a failure not at all: only a state the shards hold is snapshotted.
      await exclusive(snapshot).catch((e) => log(`builder p${p}: snapshot: ${(e as Error).message}`));
      await kv.flush();
      m.partitionLag.remove({ partition: String(p) });
    },
  };
}

/**
 * Publishes a batch's ops to their shards and waits for every acknowledgement. The msgID names
 * the batch's whole range of pings sequences: a builder restarted from a snapshot that re-reads the
 * same range drains exactly the same ops (the snapshot is taken right after a drain), so JetStream
 * may drop them as duplicates; a different range gets other msgIDs and is stored (harmless: shards
 * keep the last writer).
 */
async function publishOps(
  c: StreamClient,
  p: number,
  range: string,
  ops: readonly StayOp[],
  shards: number,
  firstPublished: number,
): Promise<void> {
  if (ops.length === 0) return;
  const byShard: StayOp[][] = Array.from({ length: shards }, () => []);
  for (const op of ops) byShard[shardOfCell(op.i, op.j, shards)].push(op);
  const sends: Promise<unknown>[] = [];
  for (let s = 0; s < shards; s++) {
    const list = byShard[s];
    for (let at = 0, k = 0; at < list.length; at += OPS_PER_MESSAGE, k++) {
      const h = headers();
      if (Number.isFinite(firstPublished)) h.set(PUBLISHED_HEADER, String(firstPublished));
      const msgID = `b:${p}:${range}:${s}:${k}`;
      sends.push(
        publishRetrying(c, c.names.stays(s), encodeStayOps(list.slice(at, at + OPS_PER_MESSAGE)), {
          msgID,
          headers: h,
        }),
      );
    }
  }
  await Promise.all(sends);
}
