/**
 * Answers cases on several threads: the index lives in a SharedArrayBuffer that every worker opens
 * without copying; each takes a contiguous slice of the cases in output order, so the rows only
 * need joining.
 */
import { Worker } from 'node:worker_threads';
import {
  type CaseWindows,
  type CompanionIndex,
  type CompanionRows,
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
): Promise<{ cases: CaseWindows[]; rows: CompanionRows }> {
  const sorted = [...cases].sort((a, b) => compareUtf8(a.subject, b.subject));
  if (threads <= 1 || sorted.length < PARALLEL_MIN_CASES) {
    return { cases: sorted, rows: queryCompanions(index, sorted, params, onProgress) };
  }
  const shared = toShared(index.buffer);
  const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.round((sorted.length * k) / threads));
  const done = new Array<number>(threads).fill(0);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, k) => {
      const job: QueryJob = { buffer: shared, cases: sorted.slice(bounds[k], bounds[k + 1]), params };
      const worker = new Worker(new URL('./query-worker.js', import.meta.url), { workerData: job });
      return new Promise<CompanionRows>((resolve, reject) => {
        worker.on('message', (m: { kind: string; done?: number; rows?: CompanionRows }) => {
          if (m.kind === 'progress') {
            done[k] = m.done ?? 0;
            onProgress(done.reduce((a, b) => a + b, 0));
          } else if (m.rows) {
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

/** Concatenates per-slice rows, turning slice case numbers back into positions in the whole list. */
function joinRows(parts: CompanionRows[], bounds: number[]): CompanionRows {
  const n = parts.reduce((a, p) => a + p.count, 0);
  const out: CompanionRows = {
    count: n,
    caseIndex: new Uint32Array(n),
    subject: new Uint32Array(n),
    cell: new Uint32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    overlap: new Float64Array(n),
  };
  let at = 0;
  parts.forEach((p, k) => {
    for (let r = 0; r < p.count; r++) out.caseIndex[at + r] = p.caseIndex[r] + bounds[k];
    out.subject.set(p.subject, at);
    out.cell.set(p.cell, at);
    out.start.set(p.start, at);
    out.end.set(p.end, at);
    out.overlap.set(p.overlap, at);
    at += p.count;
  });
  return out;
}
