/**
 * Answers cases on several threads. The index lives in a SharedArrayBuffer that every worker opens
 * without copying. The cases, sorted, are cut into contiguous slices handed out in order to
 * whichever worker asks (each holds two, so none waits for the next); slices shrink towards the end
 * so the threads finish together even when one of them is slowed by other work. Each slice's rows
 * come back in its own blocks, so the answer is the slices' blocks in slice order.
 *
 * Workers can be started before the index is read (`startQueryWorkers`): a worker takes a
 * noticeable time to load the engine, which then overlaps the read on the main thread, and it can
 * fault in the memory of its output meanwhile (see `query-worker.ts`).
 */
import { Worker } from 'node:worker_threads';
import {
  type CaseWindows,
  type CompanionIndex,
  type CompanionRowSet,
  compareUtf8,
  type QueryParams,
  queryCompanions,
} from '@renxing/engine';
import type { QueryAnswer, QueryWorkerData, ToQueryWorker } from './query-worker.js';

/** Fewer cases than this are answered on the calling thread. */
const PARALLEL_MIN_CASES = 64;
/**
 * Rows a case is expected to give, for the blocks a waiting worker prepares: a case among a million
 * phones over a day meets ~4,000 (the bench's 1,000 cases: 3,941,185 rows) …
 */
const ROWS_PER_CASE = 4096;
/** … up to this many rows a worker (~72 MiB). */
const MAX_PREFAULT_ROWS = 1 << 21;
/** Slices in flight per worker. */
const IN_FLIGHT = 2;
/** Each slice takes about 1 / (threads × SHARE) of the cases still to hand out … */
const SHARE = 4;
/** … but no fewer than this many. */
const MIN_SLICE = 8;

/** With RENXING_DEBUG: when something happened, and the CPU time of all threads since `cpu0`. */
const debug = (what: string, t0: number, cpu0?: NodeJS.CpuUsage) => {
  if (!process.env.RENXING_DEBUG) return;
  const cpu = cpu0 ? process.cpuUsage(cpu0) : undefined;
  const used = cpu ? `, process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms` : '';
  process.stderr.write(`query ${what} at ${(performance.now() - t0).toFixed(0)} ms${used}\n`);
};

/** Worker threads waiting for an index and cases; they do not keep the process alive while idle. */
export class QueryWorkers {
  private readonly workers: Worker[] = [];
  private closed = false;

  /** `prefaultRows`: rows each worker prepares blocks for while it waits for the index. */
  constructor(
    readonly threads: number,
    prefaultRows = 0,
  ) {
    const workerData: QueryWorkerData = { prefaultRows };
    for (let k = 0; k < threads; k++) {
      const w = new Worker(new URL('./query-worker.js', import.meta.url), { workerData });
      w.unref();
      this.workers.push(w);
    }
  }

  /** Rows of `cases` (already in output order), case numbers positions in `cases`. */
  run(
    index: CompanionIndex,
    cases: readonly CaseWindows[],
    params: QueryParams,
    onProgress: (done: number) => void,
  ): Promise<CompanionRowSet> {
    if (this.closed) throw new Error('query workers already closed');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const shared = toShared(index.buffer);
    const slices = cutSlices(cases.length, this.threads);
    const answers: (CompanionRowSet | undefined)[] = new Array(slices.length - 1);
    let next = 0;
    let answered = 0;
    let done = 0;
    return new Promise<CompanionRowSet>((resolve, reject) => {
      const fail = (e: unknown) => {
        this.close();
        reject(e);
      };
      const send = (w: Worker) => {
        if (next >= slices.length - 1) return;
        const [a, b] = [slices[next], slices[next + 1]];
        next++;
        const m: ToQueryWorker = { kind: 'slice', first: a, cases: cases.slice(a, b) };
        w.postMessage(m);
      };
      this.workers.forEach((w, k) => {
        w.ref();
        w.on('message', (m: QueryAnswer) => {
          const s = slices.indexOf(m.first);
          answers[s] = m.rows;
          answered++;
          done += slices[s + 1] - slices[s];
          if (answered === 1) debug(`worker ${k} first slice`, t0);
          onProgress(done);
          if (answered === answers.length) {
            debug(`worker ${k} last slice`, t0, cpu0);
            this.close();
            resolve(joinRows(answers as CompanionRowSet[]));
          } else send(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (answered < answers.length) fail(new Error(`query worker exited with ${code}`));
        });
        const open: ToQueryWorker = { kind: 'open', buffer: shared, params };
        w.postMessage(open);
        for (let i = 0; i < IN_FLIGHT; i++) send(w);
      });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) {
      w.removeAllListeners();
      void w.terminate();
    }
  }
}

/**
 * Starts the workers a query of this cases file will use, or none when it will run on the calling
 * thread (one thread, or fewer lines than the parallel minimum: a case has at least one line).
 * With `prefault` (the main thread will be reading a saved index, the second core otherwise idle)
 * the workers prepare row blocks while they wait, for the rows the cases are expected to give.
 */
export function startQueryWorkers(
  threads: number,
  casesBytes: Uint8Array,
  opts: { prefault: boolean },
): QueryWorkers | undefined {
  if (threads <= 1) return undefined;
  let lines = 0;
  for (let at = casesBytes.indexOf(10); at >= 0; at = casesBytes.indexOf(10, at + 1)) lines++;
  if (lines < PARALLEL_MIN_CASES) return undefined;
  const rows = opts.prefault ? Math.min(MAX_PREFAULT_ROWS, Math.ceil(lines / threads) * ROWS_PER_CASE) : 0;
  return new QueryWorkers(threads, rows);
}

/**
 * Sorts the cases into output order and answers them, on `workers` (or workers started here) when
 * there are enough cases to share, else on the calling thread. Unused workers are closed.
 */
export async function queryCases(
  index: CompanionIndex,
  cases: CaseWindows[],
  params: QueryParams,
  threads: number,
  onProgress: (done: number) => void,
  workers?: QueryWorkers,
): Promise<{ cases: CaseWindows[]; rows: CompanionRowSet }> {
  const sorted = [...cases].sort((a, b) => compareUtf8(a.subject, b.subject));
  if (threads <= 1 || sorted.length < PARALLEL_MIN_CASES) {
    workers?.close();
    return { cases: sorted, rows: queryCompanions(index, sorted, params, onProgress) };
  }
  const pool = workers ?? new QueryWorkers(threads);
  return { cases: sorted, rows: await pool.run(index, sorted, params, onProgress) };
}

/** Slice boundaries 0 = b0 < b1 < … < bn = total, shrinking as fewer cases remain. */
export function cutSlices(total: number, threads: number): number[] {
  const bounds = [0];
  let at = 0;
  while (at < total) {
    const size = Math.max(MIN_SLICE, Math.ceil((total - at) / (threads * SHARE)));
    at = Math.min(total, at + size);
    bounds.push(at);
  }
  return bounds;
}

function toShared(buffer: ArrayBuffer | SharedArrayBuffer): SharedArrayBuffer {
  if (buffer instanceof SharedArrayBuffer) return buffer;
  const shared = new SharedArrayBuffer(buffer.byteLength);
  new Uint8Array(shared).set(new Uint8Array(buffer));
  return shared;
}

function joinRows(parts: CompanionRowSet[]): CompanionRowSet {
  return { count: parts.reduce((a, p) => a + p.count, 0), blocks: parts.flatMap((p) => p.blocks) };
}
