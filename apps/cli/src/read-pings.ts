/**
 * Reads a pings CSV into a PingReader: on the main thread, or in blocks read in parallel by the
 * main thread and worker threads, balanced as they go (see `read-blocks.ts`; if a block turns out to
 * start inside a quoted field, the parallel result is dropped and the file is read again in one
 * piece). Every reader groups its own part by subject (the counting sort, a cache miss a ping, is
 * then done on all cores at once); the main thread then joins the parts without renumbering pings.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type {
  CompanionParams,
  PingColumns,
  PingGroups,
  ReaderParts,
  RejectSink,
  SubjectGroups,
  SubjectNames,
} from '@renxing/engine';
import { PingReader } from '@renxing/engine';
import { CHUNK, openForRead, PIECE } from './files.js';
import type { PartJob } from './ping-worker.js';
import {
  BlockRejects,
  type BlocksRead,
  expectedPings,
  numberRejects,
  planBlocks,
  pushBytes,
  readBlocks,
  readersInFileOrder,
  roleOf,
} from './read-blocks.js';

/** Below this size one thread is quicker than starting workers (RENXING_PARALLEL_MIN_BYTES tunes it). */
const PARALLEL_MIN_BYTES = Number(process.env.RENXING_PARALLEL_MIN_BYTES) || 48 << 20;

interface PartResult {
  parts: ReaderParts;
  read: BlocksRead;
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
  /** The main thread's own grouped pings when read in parts (dead once the stays are built). */
  ownGroups?: SubjectGroups;
  /**
   * The byte order of the subjects the main thread met itself, taken while a worker read the last
   * blocks: `reader.subjects.byteOrder(names)` adds those only the workers met.
   */
  names?: SubjectNames;
}

/**
 * Byte order costs ~0.5 µs a subject on the bench machine (100–130 ms for 200,000, on one thread),
 * a block ~50–80 ms a thread: the main thread leaves a worker as many blocks as its sort takes
 * (RENXING_SORT_MS_PER_SUBJECT sets the price, for tests).
 */
const SORT_MS_PER_SUBJECT = Number(process.env.RENXING_SORT_MS_PER_SUBJECT ?? 0.0005);

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
  const buf = Buffer.allocUnsafe(PIECE);
  for (let at = from; at < to; ) {
    const end = Math.min(to, at + CHUNK);
    const done = pushBytes(fd, reader, buf, at, end);
    onBytes(done);
    await pause();
    if (done < end) break;
    at = end;
  }
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
  const t0 = performance.now();
  const head = Buffer.allocUnsafe(Math.min(size, 1 << 20));
  const headLen = fs.readSync(fd, head, 0, head.length, 0);
  const headEnd = head.subarray(0, headLen).indexOf(10) + 1;
  if (headEnd <= 0) return null;
  const plan = planBlocks(fd, headEnd, size, threads);
  const mainRejects = new BlockRejects();
  const main = new PingReader(params, mainRejects.sink, expectedPings(plan, roleOf(0)));
  // The header first, so the workers know the columns.
  main.push(head.subarray(0, headEnd));
  const header = main.header;
  if (!header) return null;
  const headerLines = main.linesDone;
  let done = headEnd;
  const report = (bytes: number) => {
    done += bytes;
    onProgress(done, size);
  };
  const workers: Worker[] = [];
  let handedOver = false;
  const results: Promise<PartResult>[] = [];
  const debug = (what: string) =>
    process.env.RENXING_DEBUG &&
    process.stderr.write(`${what} at ${(performance.now() - t0).toFixed(0)} ms\n`);
  for (let k = 1; k < threads; k++) {
    const job: PartJob = { path, plan, role: roleOf(k), params, header };
    const worker = new Worker(new URL('./ping-worker.js', import.meta.url), { workerData: job });
    workers.push(worker);
    results.push(
      new Promise<PartResult>((resolve, reject) => {
        const onExit = (code: number) => reject(new Error(`ping worker exited with ${code}`));
        let first = true;
        const onMessage = (m: { kind: 'progress'; bytes: number } | ({ kind: 'done' } & PartResult)) => {
          if (m.kind === 'progress') {
            if (first) debug(`part ${k}: first block`);
            first = false;
            report(m.bytes);
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
    const reserve = () => main.subjects.size * SORT_MS_PER_SUBJECT;
    const read = await readBlocks(fd, main, mainRejects, plan, roleOf(0), report, pause, reserve);
    debug(`part 0: read ${read.blocks.length} of ${plan.bounds.length - 1} blocks`);
    const names = main.subjects.byteOrder();
    debug('part 0: sorted');
    const own = main.parts(true, read.ranges, roleOf(0).backward);
    debug('part 0: grouped');
    const others = await Promise.all(results);
    debug('all parts');
    const reads = [read, ...others.map((p) => p.read)];
    if (!reads.every((r) => r.aligned)) {
      debug('parallel read misaligned: reading again on one thread');
      return null;
    }
    numberRejects(plan, reads, headerLines, onReject);
    const parts = [own, ...others.map((p) => p.parts)];
    const pings = main.absorb(readersInFileOrder(threads).map((k) => parts[k]));
    handedOver = true;
    return { reader: main, pings, workers, ownGroups: own.groups, names };
  } finally {
    if (!handedOver) for (const w of workers) void w.terminate();
  }
}

/** Lets worker messages (progress, results) in between blocks. */
function pause(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
