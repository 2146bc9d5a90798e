/** Publishing pings: a batch already parsed (the service's import) or a CSV file (`renxing stream publish`). */
import type { PingBatch } from '../core/types.js';
import type { StreamClient } from './client.js';
import { PingBatcher } from './ping-batcher.js';
import { PingCsv } from './ping-csv.js';
import { PingPublisher } from './publisher.js';

/**
 * Publishes a batch split by partition; returns the pings JetStream stored (a message it had already
 * stored under the same msgID, e.g. the same batch published again, counts nothing). `msgIdPrefix`
 * must name this batch alone (e.g. an import's id and chunk number): messages are `${prefix}:${partition}:${n}`.
 */
export async function publishPingBatch(
  c: StreamClient,
  batch: PingBatch,
  msgIdPrefix: string,
): Promise<number> {
  const batcher = new PingBatcher(c.cfg.partitions);
  const publisher = new PingPublisher(c, msgIdPrefix);
  for (let k = 0; k < batch.count; k++)
    batcher.add(batch.subject[k], batch.ts[k], batch.lon[k], batch.lat[k]);
  for (const { partition, batch: b } of batcher.takeAll()) await publisher.send(partition, b);
  await publisher.flush();
  return publisher.published;
}

export interface PublishProgress {
  bytes: number;
  totalBytes?: number;
  rows: number;
  published: number;
}

export interface PublishCsvOptions {
  /** Names the input: messages are `${source}:${partition}:${n}`, so publishing it again stores nothing new. */
  source: string;
  /** The input's size when it is a stream of chunks (for the progress's share done). */
  totalBytes?: number;
  onProgress?: (p: PublishProgress) => void;
  onReject?: (line: number, reason: string) => void;
}

export interface PublishCsvResult {
  /** Data rows read. */
  rows: number;
  /** Pings stored by JetStream. */
  published: number;
  rejected: number;
  /** Pings JetStream had already stored under the same msgIDs (the same source published again). */
  duplicates?: number;
}

const SLICE = 1 << 20;

async function* slices(input: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += SLICE) yield input.subarray(at, at + SLICE);
  } else yield* input;
}

export async function publishPingsCsv(
  c: StreamClient,
  input: Uint8Array | AsyncIterable<Uint8Array>,
  opts: PublishCsvOptions,
): Promise<PublishCsvResult> {
  const batcher = new PingBatcher(c.cfg.partitions);
  const publisher = new PingPublisher(c, opts.source);
  const parser = new PingCsv(
    c.cfg.params.tzOffset,
    (s, hash, ts, lon, lat) => batcher.addHashed(s, hash, ts, lon, lat),
    (line, reason) => opts.onReject?.(line, reason),
  );
  const totalBytes = input instanceof Uint8Array ? input.length : opts.totalBytes;
  let bytes = 0;
  for await (const chunk of slices(input)) {
    parser.push(chunk);
    bytes += chunk.length;
    for (const { partition, batch } of batcher.takeFull()) await publisher.send(partition, batch);
    opts.onProgress?.({ bytes, totalBytes, rows: parser.rows, published: publisher.published });
  }
  parser.finish();
  for (const { partition, batch } of batcher.takeAll()) await publisher.send(partition, batch);
  await publisher.flush();
  opts.onProgress?.({ bytes, totalBytes, rows: parser.rows, published: publisher.published });
  return {
    rows: parser.rows,
    published: publisher.published,
    rejected: parser.rejected,
    duplicates: publisher.duplicates,
  };
}
