/**
 * Answers cases on several threads: the index lives in a SharedArrayBuffer that every worker opens
 * without copying; each takes a contiguous slice of the cases in output order, so the rows only
 * need joining.
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
import type { QueryJob } from './query-worker.js';

/** Fewer cases than this are answered on the calling thread. */
const PARALLEL_MIN_CASES = 64;

export async function queryCases(
  index: CompanionIndex,
  cases: CaseWindows[],
  params: QueryParams,
  threads: number,
  onProgress: (done: number) => void,
): Promise<{ cases: CaseWindows[]; rows: CompanionRowSet }> {
  const sorted = [...cases].sort((a, b) => compareUtf8(a.subject, b.subject));
  if (threads <= 1 || sorted.length < PARALLEL_MIN_CASES) {
    return { cases: sorted, rows: queryCompanions(index, sorted, params, onProgress) };
  }
  const t0 = performance.now();
  const shared = toShared(index.buffer);
  const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.round((sorted.length * k) / threads));
  const done = new Array<number>(threads).fill(0);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, k) => {
      const job: QueryJob = { buffer: shared, cases: sorted.slice(bounds[k], bounds[k + 1]), params };
      const worker = new Worker(new URL('./query-worker.js', import.meta.url), { workerData: job });
      return new Promise<CompanionRowSet>((resolve, reject) => {
        worker.on('message', (m: { kind: string; done?: number; rows?: CompanionRowSet }) => {
          if (m.kind === 'progress') {
            if (process.env.RENXING_DEBUG && done[k] === 0)
              process.stderr.write(
                `query worker ${k}: first progress at ${(performance.now() - t0).toFixed(0)} ms\n`,
              );
            done[k] = m.done ?? 0;
            onProgress(done.reduce((a, b) => a + b, 0));
          } else if (m.rows) {
            if (process.env.RENXING_DEBUG)
              process.stderr.write(`query worker ${k}: rows at ${(performance.now() - t0).toFixed(0)} ms\n`);
            resolve(m.rows);
            void worker.terminate();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`query worker exited with ${code}`)));
      });
    }),
  );
  return { cases: sorted, rows: joinRows(parts, bounds) };
}

function toShared(buffer: ArrayBuffer | SharedArrayBuffer): SharedArrayBuffer {
  if (buffer instanceof SharedArrayBuffer) return buffer;
  const shared = new SharedArrayBuffer(buffer.byteLength);
  new Uint8Array(shared).set(new Uint8Array(buffer));
  return shared;
}

/** Joins per-slice row sets, turning slice case numbers back into positions in the whole list. */
function joinRows(parts: CompanionRowSet[], bounds: number[]): CompanionRowSet {
  parts.forEach((p, k) => {
    for (const b of p.blocks) for (let r = 0; r < b.count; r++) b.caseIndex[r] += bounds[k];
  });
  return { count: parts.reduce((a, p) => a + p.count, 0), blocks: parts.flatMap((p) => p.blocks) };
}
