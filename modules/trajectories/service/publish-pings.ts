/**
 * The stored pings, published to the stream (streaming at city scale, docs/operators.md).
 *
 * The store stays the record: an import publishes only after its transaction commits, and only the
 * pings it stored (pseudonymised, the file's duplicates and the pings stored before left out), so a
 * file imported again publishes nothing. Each stored chunk of an import is one batch whose message
 * ids are `<import id>.<chunk ordinal>` (the publisher adds the partition): a batch sent again —
 * a retry, or the import re-published from the store — is dropped by JetStream's de-duplication
 * inside its window, and after it the stay builders count its pings as duplicates (the first ping
 * of a subject and instant wins), so the stays never change.
 *
 * A batch that fails is tried again a few times; if it still fails the import is kept as pending
 * and re-published from the store in the background until it goes through (the import itself has
 * succeeded: its pings are stored). `publishStoredImport` re-publishes any import on demand.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Db } from '@renxing/db';
import { parseDecimal } from '@renxing/engine';
import type { PingBatch } from '@renxing/stream';
import { trajectoryChunks, trajectoryImportDays } from '../store/trajectories.js';

const gunzipAsync = promisify(gunzip);

/** Where pings go: the stream (apps/api wires `publishPingBatch` of @renxing/stream to it). */
export interface PingsSink {
  /**
   * Publishes one batch (riding out a short outage itself); `msgIdPrefix` names it for
   * de-duplication. Resolves to the pings the stream stored (0 for a batch it already had).
   */
  publish(batch: PingBatch, msgIdPrefix: string): Promise<number>;
}

/** What publishing an import did. */
export interface StreamPublish {
  /** Pings published (all the import stored, unless `error`). */
  pings: number;
  /** Of those, the pings the stream stored (fewer when it already had some: a batch sent again). */
  stored: number;
  /** The last failure when the import could not be published: it is pending, retried in the background. */
  error?: string;
}

export interface PublisherOptions {
  /** Attempts per batch before the import is left pending (default 2: the sink retries too). */
  attempts?: number;
  /** The first retry's wait, doubled at each attempt (ms, default 1000). */
  backoffMs?: number;
  /** How often pending imports are re-published from the store (ms, default 30 s). */
  retryEveryMs?: number;
  log?: (line: string, error?: unknown) => void;
}

declare module '@renxing/http' {
  interface Queues {
    /** Publishes imported pings to the stream (only when streaming is configured). */
    pingsStream?: PingsPublisher;
  }
}

/** Publishes imports' pings to a sink, retrying; imports that could not be published stay pending. */
export class PingsPublisher {
  private readonly pendingImports = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private retrying: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    readonly sink: PingsSink,
    private readonly options: PublisherOptions = {},
  ) {}

  /** Imports whose pings are stored but not (yet) published. */
  pending(): string[] {
    return [...this.pendingImports];
  }

  /**
   * Publishes one import's batches in order (batch k is the import's k-th stored chunk). Never
   * throws for the stream's sake: a failure is returned and the import retried later from the store.
   */
  async publishImport(
    importId: string,
    batches: Iterable<PingBatch> | AsyncIterable<PingBatch>,
    onPublished?: (pings: number) => void,
  ): Promise<StreamPublish> {
    let pings = 0;
    let stored = 0;
    let k = 0;
    try {
      for await (const batch of batches) {
        stored += await this.withRetries(() => this.sink.publish(batch, `${importId}.${k}`));
        pings += batch.count;
        k++;
        onPublished?.(pings);
      }
      this.pendingImports.delete(importId);
      return { pings, stored };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.options.log?.(
        `stream: the pings of import ${importId} are stored but not published (${text}); retrying in the background`,
        error,
      );
      if (!this.closed) {
        this.pendingImports.add(importId);
        this.schedule();
      }
      return { pings, stored, error: text };
    }
  }

  /** Re-publishes every pending import from the store, once (what the background timer runs). */
  async retryPending(): Promise<void> {
    this.retrying ??= (async () => {
      for (const importId of [...this.pendingImports]) {
        if (this.closed) break;
        try {
          await publishStoredImport(this.db, this.sink, importId, (run) => this.withRetries(run));
          this.pendingImports.delete(importId);
          this.options.log?.(`stream: the pings of import ${importId} are published (retried)`);
        } catch (error) {
          this.options.log?.(`stream: import ${importId} still not published; retrying later`, error);
        }
      }
    })().finally(() => {
      this.retrying = null;
      if (this.pendingImports.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    });
    return this.retrying;
  }

  /** Stops retrying (what is pending is logged: `publishStoredImport` publishes it later). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.retrying;
    if (this.pendingImports.size > 0)
      this.options.log?.(
        `stream: imports stored but not published at close: ${[...this.pendingImports].join(', ')}`,
      );
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.retryPending(), this.options.retryEveryMs ?? 30_000);
    this.timer.unref();
  }

  private async withRetries<T>(run: () => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 2;
    let wait = this.options.backoffMs ?? 1000;
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (attempt >= attempts || this.closed) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait *= 2;
      }
    }
  }
}

/**
 * Publishes one stored import's pings from the store, chunk by chunk under the same message ids
 * as when it was imported (so what was already published is de-duplicated). Returns the pings
 * published; a chunk of a day purged meanwhile is gone and skipped.
 */
export async function publishStoredImport(
  db: Db,
  sink: PingsSink,
  importId: string,
  wrap: <T>(run: () => Promise<T>) => Promise<T> = (run) => run(),
): Promise<number> {
  const days = await trajectoryImportDays(db, importId);
  if (days.length === 0) return 0;
  let pings = 0;
  let k = 0;
  // Within one import, chunks are stored in (day, id) order — the order the import published them.
  for await (const chunk of trajectoryChunks(db, {
    fromDay: days[0].day,
    toDay: days[days.length - 1].day,
  })) {
    if (chunk.importId !== importId) continue;
    const batch = batchOfCsv(await gunzipAsync(chunk.data));
    const id = `${importId}.${k++}`;
    await wrap(() => sink.publish(batch, id));
    pings += batch.count;
  }
  return pings;
}

/**
 * Publishes the whole store (every retained chunk, oldest day first) under the ids its imports
 * used: what an operator runs once when streaming is switched on for a city whose store already
 * holds pings (apps/api does it at start when the pings stream is empty). Pings the stream already
 * has change no stay. Returns the pings and imports published.
 */
export async function publishStore(
  db: Db,
  sink: PingsSink,
  options: { onProgress?: (pings: number) => void } = {},
): Promise<{ pings: number; imports: number }> {
  const ordinal = new Map<string, number>();
  let pings = 0;
  for await (const chunk of trajectoryChunks(db, { fromDay: null, toDay: null })) {
    // Chunks come in (day, id) order, so each import's come in the order it published them.
    const k = ordinal.get(chunk.importId) ?? 0;
    ordinal.set(chunk.importId, k + 1);
    const batch = batchOfCsv(await gunzipAsync(chunk.data));
    await sink.publish(batch, `${chunk.importId}.${k}`);
    pings += batch.count;
    options.onProgress?.(pings);
  }
  return { pings, imports: ordinal.size };
}

/** Stored CSV rows (`subject,ts,lon,lat\n`, as the store writes them) as one batch. */
export function batchOfCsv(csv: Uint8Array): PingBatch {
  let rows = 0;
  for (let p = 0; p < csv.length; p++) if (csv[p] === 10) rows++;
  const subject: string[] = new Array(rows);
  const ts = new Float64Array(rows);
  const lon = new Float64Array(rows);
  const lat = new Float64Array(rows);
  const text = Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength);
  let p = 0;
  for (let r = 0; r < rows; r++) {
    const c1 = csv.indexOf(44, p);
    const c2 = csv.indexOf(44, c1 + 1);
    const c3 = csv.indexOf(44, c2 + 1);
    const eol = csv.indexOf(10, c3 + 1);
    if (c1 < 0 || c2 < 0 || c3 < 0 || eol < 0) throw new Error(`stored chunk: malformed row at byte ${p}`);
    subject[r] = text.toString('latin1', p, c1);
    ts[r] = Number(text.toString('latin1', c1 + 1, c2));
    lon[r] = parseDecimal(csv, c2 + 1, c3);
    lat[r] = parseDecimal(csv, c3 + 1, eol);
    p = eol + 1;
  }
  return { count: rows, subject, ts, lon, lat };
}
