/**
 * Reads a pings CSV into a PingReader: on the main thread, or split into byte ranges read in
 * parallel by worker threads (each range starts after a newline; if a range turns out to start
 * inside a quoted field, the parallel result is dropped and the file is read again in one piece).
 * Every reader groups its own part by subject (the counting sort, a cache miss a ping, is then done
 * on all cores at once); the main thread reads the first range itself (a worker needs a moment to
 * start, which the main thread's head start covers), then joins the parts without renumbering pings.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CompanionParams, PingColumns, PingGroups, ReaderParts, RejectSink } from '@renxing/engine';
import { PingReader } from '@renxing/engine';
import { CHUNK, openForRead } from './files.js';
import type { PartJob } from './ping-worker.js';

/** Below this size one thread is quicker than starting workers (RENXING_PARALLEL_MIN_BYTES tunes it). */
const PARALLEL_MIN_BYTES = Number(process.env.RENXING_PARALLEL_MIN_BYTES) || 48 << 20;

interface PartResult {
  parts: ReaderParts;
  atRecordEnd: boolean;
  linesDone: number;
  lines: number[];
  reasons: string[];
}

/** The reader (its subjects and cells) and the pings it read, whole or in parts. */
export interface ReadPings {
  reader: PingReader;
  pings: PingColumns | PingGroups;
  /**
   * The worker threads that read the other parts, each waiting for a slice of subjects whose stays
   * it builds (see `build-parallel.ts`); empty when the file was read on one thread. The caller
   * terminates them.
   */
  workers: Worker[];
}

export async function readPings(
  path: string,
  params: CompanionParams,
  onReject: RejectSink,
  threads: number,
  onProgress: (bytes: number, size: number) => void,
): Promise<ReadPings> {
  const { fd, size } = openForRead(path);
  try {
    if (threads > 1 && size >= PARALLEL_MIN_BYTES) {
      const read = await readParallel(fd, path, size, params, onReject, threads, onProgress);
      if (read) return read;
    }
    const reader = new PingReader(params, onReject, Math.ceil(size / 30));
    await readRange(fd, reader, 0, size, (b) => onProgress(b, size));
    return { reader, pings: reader.finish(), workers: [] };
  } finally {
    fs.closeSync(fd);
  }
}

async function readRange(
  fd: number,
  reader: PingReader,
  from: number,
  to: number,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const buf = Buffer.allocUnsafe(CHUNK);
  let at = from;
  while (at < to) {
    const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, to - at), at);
    if (n === 0) break;
    reader.push(buf.subarray(0, n));
    at += n;
    onBytes(at);
    await new Promise<void>((resolve) => setImmediate(resolve)); // let worker messages in
  }
}

/** The offset just after the first newline at or after `at` (or `size`). */
function nextLineStart(fd: number, at: number, size: number): number {
  const buf = Buffer.allocUnsafe(1 << 16);
  let pos = at;
  while (pos < size) {
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    const k = buf.subarray(0, n).indexOf(10);
    if (k >= 0) return pos + k + 1;
    pos += n;
  }
  return size;
}

async function readParallel(
  fd: number,
  path: string,
  size: number,
  params: CompanionParams,
  onReject: RejectSink,
  threads: number,
  onProgress: (bytes: number, size: number) => void,
): Promise<ReadPings | null> {
  // Rejects wait until the parallel read is known to be good, so a fallback never repeats them.
  const mainRejects: [number, string][] = [];
  const main = new PingReader(
    params,
    (_f, line, reason) => mainRejects.push([line, reason]),
    Math.ceil(size / threads / 30),
  );
  const t0 = performance.now();
  // The header first, so the workers know the columns.
  const head = Buffer.allocUnsafe(Math.min(size, 1 << 20));
  const headLen = fs.readSync(fd, head, 0, head.length, 0);
  const headEnd = head.subarray(0, headLen).indexOf(10) + 1;
  if (headEnd <= 0) return null;
  main.push(head.subarray(0, headEnd));
  const header = main.header;
  if (!header) return null;
  const bounds = [headEnd];
  for (let k = 1; k < threads; k++)
    bounds.push(Math.max(bounds[k - 1], nextLineStart(fd, Math.floor((size * k) / threads), size)));
  bounds.push(size);
  const done = new Array<number>(threads).fill(0);
  const report = () => onProgress(headEnd + done.reduce((a, b) => a + b, 0), size);
  const workers: Worker[] = [];
  let handedOver = false;
  const results: Promise<PartResult>[] = [];
  const debug = (what: string) =>
    process.env.RENXING_DEBUG &&
    process.stderr.write(`${what} at ${(performance.now() - t0).toFixed(0)} ms\n`);
  for (let k = 1; k < threads; k++) {
    const job: PartJob = { path, start: bounds[k], end: bounds[k + 1], params, header };
    const worker = new Worker(new URL('./ping-worker.js', import.meta.url), { workerData: job });
    workers.push(worker);
    results.push(
      new Promise<PartResult>((resolve, reject) => {
        const onExit = (code: number) => reject(new Error(`ping worker exited with ${code}`));
        const onMessage = (m: { kind: string; bytes?: number } & PartResult) => {
          if (m.kind === 'progress') {
            if (done[k] === 0) debug(`part ${k}: first chunk`);
            done[k] = m.bytes ?? 0;
            report();
            return;
          }
          debug(`part ${k}: grouped`);
          // The worker's next message is its stays slice's, for whoever asks for it.
          worker.off('message', onMessage).off('error', reject).off('exit', onExit);
          resolve(m);
        };
        worker.on('message', onMessage).on('error', reject).on('exit', onExit);
      }),
    );
  }
  try {
    await readRange(fd, main, headEnd, bounds[1], (b) => {
      done[0] = b - headEnd;
      report();
    });
    debug('part 0: read');
    const aligned = main.atRecordEnd;
    const own = main.parts(true);
    debug('part 0: grouped');
    const parts = await Promise.all(results);
    debug('all parts');
    if (!aligned || !parts.slice(0, -1).every((p) => p.atRecordEnd)) {
      debug('parallel read misaligned: reading again on one thread');
      return null;
    }
    for (const [line, reason] of mainRejects) onReject('pings', line, reason);
    let lineOffset = main.linesDone;
    for (const p of parts) {
      for (let r = 0; r < p.lines.length; r++) onReject('pings', p.lines[r] + lineOffset, p.reasons[r]);
      lineOffset += p.linesDone;
    }
    const pings = main.absorb([own, ...parts.map((p) => p.parts)]);
    handedOver = true;
    return { reader: main, pings, workers };
  } finally {
    if (!handedOver) for (const w of workers) void w.terminate();
  }
}
