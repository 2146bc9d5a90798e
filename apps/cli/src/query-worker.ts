/** Worker thread: answers a slice of the cases against an index shared through a SharedArrayBuffer. */
import { parentPort, workerData } from 'node:worker_threads';
import { type CaseWindows, CompanionIndex, type QueryParams, queryCompanions } from '@renxing/engine';

export interface QueryJob {
  buffer: SharedArrayBuffer;
  cases: CaseWindows[];
  params: QueryParams;
}

const job = workerData as QueryJob;
const index = CompanionIndex.fromBuffer(job.buffer);
const rows = queryCompanions(index, job.cases, job.params, (done) =>
  parentPort?.postMessage({ kind: 'progress', done }),
);
const buffers = rows.blocks.flatMap((b) =>
  [b.caseIndex, b.subject, b.cell, b.start, b.end, b.overlap].map((a) => a.buffer as ArrayBuffer),
);
parentPort?.postMessage({ kind: 'done', rows }, buffers);
