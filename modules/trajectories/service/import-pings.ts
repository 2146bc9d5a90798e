/**
 * Pings CSV (the companion contract's format) → the trajectory store, pseudonymised.
 *
 * Rows are read with the engine's tokenizer, instant and coordinate parsers and give the engine's
 * reject reasons (plus two of the store's own: "subject is not a phone number", "ts out of
 * range"). A subject that is a phone number is replaced by its keyed HMAC (the city secret),
 * computed once per distinct subject; a subject that already is a 64-hex pseudonym is kept. The
 * raw number never leaves this function. Among kept rows, the same subject and instant as an
 * earlier row is a duplicate: the first in file order is kept.
 *
 * A day's stored pings are a set. The raw file's sha256 names the import: the same bytes again are
 * a no-op that says so (`alreadyImported`, with the counts recorded the first time), found without
 * touching the stored pings. Other bytes are compared by content: in one transaction, holding the
 * advisory lock of each day the file's pings fall on (so two imports of a day run one after the
 * other), the stored chunks of those days are read once and every ping of the file that is already
 * stored — same pseudonym, same instant, same position — is left out and counted
 * (`alreadyStored`). The rest are grouped by local day (then by subject) into gzip CSV chunks and
 * stored with the import record in that transaction.
 *
 * With a stream (`options.stream`, when streaming is configured) the pings just stored are then
 * published, after the commit: see publish-pings.ts. A file imported again publishes nothing.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Db } from '@renxing/db';
import {
  insertTrajectoryImport,
  lockTrajectoryDays,
  type NewTrajectoryChunk,
  type TrajectoryChunk,
  trajectoryChunksOverlapping,
  trajectoryImportBySha,
  trajectoryImportDays,
} from '../store/trajectories.js';
import { PingsParser, type PlainChunk } from './pings-parser.js';
import type { PingsPlan } from './pings-plan.js';
import { batchOfCsv, type PingsPublisher, type StreamPublish } from './publish-pings.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface ImportProgress {
  /** Input bytes read so far. */
  bytes: number;
  /** The input's size when known (a Uint8Array input). */
  totalBytes?: number;
  /** Data rows read so far (the header not counted). */
  rows: number;
  /** Once the input is read and compared with the stored pings: pings stored so far, of `kept`. */
  stored?: number;
  kept?: number;
  /** Once stored, with a stream: pings published so far, of `kept`. */
  published?: number;
}

export interface PingReject {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  reason: string;
}

export interface ImportPingsOptions {
  /** The city secret that keys the pseudonyms. */
  secret: Buffer;
  /** A name for the input (a file name), kept with the import and used in error messages. */
  source: string;
  /** The user who imports (null / absent: the system). */
  actorId?: string | null;
  onProgress?: (p: ImportProgress) => void;
  /** Every reject as it is found (all of them, unlike `rejects` in the result). */
  onReject?: (line: number, reason: string) => void;
  /** At most this many rejects are kept in the result (default 100 000); `rejected` counts all. */
  maxRejects?: number;
  /** Seconds east of UTC: reads instants without an offset, and sets a ping's day (default +08:00). */
  utcOffsetSeconds?: number;
  /** Publish the stored pings to the stream after the commit (streaming configured). */
  stream?: PingsPublisher;
}

export interface ImportPingsResult {
  importId: string;
  /** The same bytes were imported before: nothing was stored, the counts are the first import's. */
  alreadyImported: boolean;
  /** Data rows read (the header not counted). */
  rows: number;
  /** Pings stored (new to the store). */
  kept: number;
  rejected: number;
  /** Rows dropped because an earlier row of the file has the same subject and instant. */
  duplicates: number;
  /**
   * The file's pings the store already held (same pseudonym, instant and position, from earlier
   * imports): not stored again. rows = kept + rejected + duplicates + alreadyStored.
   */
  alreadyStored: number;
  /** Pings stored per local day (days where every ping was already stored left out). */
  days: { day: string; pings: number }[];
  rejects: PingReject[];
  /** With a stream, for a new import: what was published (an `error` leaves it pending, retried). */
  stream?: StreamPublish;
}

export { CHUNK_PINGS } from './pings-parser.js';

/** Input is parsed in slices of this many bytes (progress, and a turn for the event loop). */
const SLICE = 4 << 20;

export async function importPings(
  db: Db,
  input: Uint8Array | AsyncIterable<Uint8Array>,
  options: ImportPingsOptions,
): Promise<ImportPingsResult> {
  const hash = createHash('sha256');
  const totalBytes = input instanceof Uint8Array ? input.length : undefined;
  if (input instanceof Uint8Array) {
    hash.update(input);
    const sha = hash.digest('hex');
    const earlier = await importedBefore(db, sha);
    if (earlier) return earlier;
    return parseAndStore(db, slices(input), sha, options, totalBytes);
  }
  return parseAndStore(db, hashing(input, hash), () => hash.digest('hex'), options, totalBytes);
}

/**
 * The answer `importPings` gives for a file imported before, looked up by the sha256 (hex) of its
 * bytes; null when it is new. Lets a caller that can hash a file cheaply skip reading it.
 */
export async function importedBefore(db: Db, sha256: string): Promise<ImportPingsResult | null> {
  const earlier = await trajectoryImportBySha(db, sha256);
  return earlier ? alreadyImported(db, earlier) : null;
}

async function alreadyImported(
  db: Db,
  earlier: {
    id: string;
    rows: number;
    kept: number;
    rejected: number;
    duplicates: number;
    alreadyStored: number;
  },
): Promise<ImportPingsResult> {
  return {
    importId: earlier.id,
    alreadyImported: true,
    rows: earlier.rows,
    kept: earlier.kept,
    rejected: earlier.rejected,
    duplicates: earlier.duplicates,
    alreadyStored: earlier.alreadyStored,
    days: await trajectoryImportDays(db, earlier.id),
    rejects: [],
  };
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE)
    yield bytes.subarray(at, Math.min(bytes.length, at + SLICE));
}

async function* hashing(
  input: AsyncIterable<Uint8Array>,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) {
    hash.update(chunk);
    yield chunk;
  }
}

async function parseAndStore(
  db: Db,
  input: AsyncIterable<Uint8Array>,
  sha: string | (() => string),
  options: ImportPingsOptions,
  totalBytes: number | undefined,
): Promise<ImportPingsResult> {
  const parser = new PingsParser(options);
  let bytes = 0;
  for await (const chunk of input) {
    parser.push(chunk);
    bytes += chunk.length;
    options.onProgress?.({ bytes, ...(totalBytes !== undefined ? { totalBytes } : {}), rows: parser.rows });
    await new Promise<void>((resolve) => setImmediate(resolve)); // others' requests get a turn
  }
  parser.finish();
  const sha256 = typeof sha === 'string' ? sha : sha();
  const plan = parser.plan();
  const progress = (stored: number) =>
    options.onProgress?.({
      bytes,
      ...(totalBytes !== undefined ? { totalBytes } : {}),
      rows: parser.rows,
      stored,
      kept: plan.toStore,
    });
  const stored = await db.transaction(async (tx) => {
    await lockTrajectoryDays(
      tx,
      plan.spans.map((s) => s.day),
    );
    // The same bytes, imported while this one waited for a day's lock: no need to read the days.
    const earlier = await trajectoryImportBySha(tx, sha256);
    if (earlier) return { import: earlier, alreadyImported: true };
    await markStored(plan, trajectoryChunksOverlapping(tx, plan.spans));
    return insertTrajectoryImport(
      tx,
      {
        sha256,
        source: options.source,
        rows: parser.rows,
        kept: plan.toStore,
        rejected: parser.rejected,
        duplicates: plan.duplicates,
        alreadyStored: plan.alreadyStored,
        importedBy: options.actorId ?? null,
      },
      compressed(plan.chunks(), progress),
    );
  });
  if (stored.alreadyImported) return alreadyImported(db, stored.import);
  let published: StreamPublish | undefined;
  if (options.stream) {
    // After the commit, so the stream never holds a ping the store does not.
    const p = (n: number) =>
      options.onProgress?.({
        bytes,
        ...(totalBytes !== undefined ? { totalBytes } : {}),
        rows: parser.rows,
        stored: plan.toStore,
        kept: plan.toStore,
        published: n,
      });
    published = await options.stream.publishImport(stored.import.id, storedBatches(plan), p);
  }
  return {
    importId: stored.import.id,
    alreadyImported: false,
    rows: parser.rows,
    kept: plan.toStore,
    rejected: parser.rejected,
    duplicates: plan.duplicates,
    alreadyStored: plan.alreadyStored,
    days: plan.days(),
    rejects: parser.rejects,
    ...(published ? { stream: published } : {}),
  };
}

/** The pings the plan stored, one batch per stored chunk (the same chunks, in the same order). */
function* storedBatches(plan: PingsPlan) {
  for (const chunk of plan.chunks()) yield batchOfCsv(chunk.csv);
}

/**
 * Marks the plan's pings that these stored chunks hold, in a pipeline: while one chunk is scanned
 * here, the next is inflated on the thread pool and the one after it fetched from the database. A
 * chunk is at most CHUNK_PINGS pings, so about three are in memory at once.
 */
async function markStored(plan: PingsPlan, chunks: AsyncIterable<TrajectoryChunk>): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  const fetch = () => {
    const p = it.next();
    p.catch(() => {}); // awaited below; if a scan throws first, not an unhandled rejection
    return p;
  };
  let fetching = fetch();
  let inflating: Promise<{ csv: Buffer; day: string }> | null = null;
  for (;;) {
    const got = await fetching;
    if (got.done) break;
    fetching = fetch();
    const day = got.value.day;
    const next = gunzipAsync(got.value.data, { chunkSize: 1 << 20 }).then((csv) => ({ csv, day })); // 16 KiB pieces: twice the time
    next.catch(() => {});
    if (inflating) {
      const c = await inflating;
      plan.markStored(c.csv, c.day);
    }
    inflating = next;
  }
  if (inflating) {
    const c = await inflating;
    plan.markStored(c.csv, c.day);
  }
}

/** Compresses chunks a few ahead of the one being stored (zlib works on the thread pool). */
async function* compressed(
  chunks: Iterable<PlainChunk>,
  onStored: (pings: number) => void,
): AsyncGenerator<NewTrajectoryChunk> {
  const pending: Promise<NewTrajectoryChunk>[] = [];
  let stored = 0;
  /** Hands one chunk over; the store has written it when the next one is asked for. */
  async function* next(): AsyncGenerator<NewTrajectoryChunk> {
    const c = await pending.shift()!;
    yield c;
    stored += c.pings;
    onStored(stored);
  }
  const start = (c: PlainChunk): Promise<NewTrajectoryChunk> => {
    const p = gzipAsync(c.csv, { level: 3 }).then((data) => ({
      day: c.day,
      pings: c.pings,
      minTs: c.minTs,
      maxTs: c.maxTs,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    }));
    p.catch(() => {}); // awaited below; if the consumer stops early, not an unhandled rejection
    return p;
  };
  for (const c of chunks) {
    pending.push(start(c));
    if (pending.length >= 3) yield* next();
  }
  while (pending.length > 0) yield* next();
}
