/**
 * Worker thread: reads one byte range of a pings CSV (after its header), groups its pings by subject
 * (in shared memory) and hands back typed arrays; then builds the stays of a slice of subjects, and
 * last writes the stays of a range of cells into the shared index.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildStaysFromParts,
  type CompanionParams,
  fillIndex,
  type GroupedPart,
  groupsSpare,
  type IndexPlan,
  type PingHeader,
  PingReader,
  type StayTable,
} from '@renxing/engine';
import { CHUNK } from './files.js';

/** Subjects numbered from ≤ r < to, whose stays a reader builds once its part is read. */
export interface StaysSlice {
  parts: GroupedPart[];
  order: Uint32Array;
  maxGap: number;
  from: number;
  to: number;
}

/** Cells from ≤ c < to of a shared index plan, whose stays a reader writes once its slice is built. */
export interface IndexCells {
  plan: IndexPlan;
  stays: StayTable;
  from: number;
  to: number;
}

export interface PartJob {
  path: string;
  start: number;
  end: number;
  params: CompanionParams;
  header: PingHeader;
}

function run(job: PartJob): void {
  const lines: number[] = [];
  const reasons: string[] = [];
  const reader = new PingReader(
    job.params,
    (_file, line, reason) => {
      lines.push(line);
      reasons.push(reason);
    },
    Math.ceil((job.end - job.start) / 30),
    job.header,
  );
  const fd = fs.openSync(job.path, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let at = job.start;
  try {
    while (at < job.end) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, job.end - at), at);
      if (n === 0) break;
      reader.push(buf.subarray(0, n));
      at += n;
      parentPort?.postMessage({ kind: 'progress', bytes: at - job.start });
    }
  } finally {
    fs.closeSync(fd);
  }
  const atRecordEnd = reader.atRecordEnd;
  const linesDone = reader.linesDone;
  const parts = reader.parts(true);
  const transfer = transferable([parts.subjectBytes, parts.subjectOffsets, parts.cellI, parts.cellJ]);
  parentPort?.postMessage({ kind: 'done', parts, atRecordEnd, linesDone, lines, reasons }, transfer);
  // Then, warm already, it builds the stays of the slice of subjects it is given (see build-parallel).
  // And last a range of cells of the index (see fillIndexParallel).
  parentPort?.once('message', (slice: StaysSlice) => {
    // Written into the memory of the reader's columns, which grouping left dead.
    const spare = reader.release();
    const t = buildStaysFromParts(
      slice.parts,
      slice.order,
      slice.maxGap,
      slice.from,
      slice.to,
      undefined,
      true,
      spare,
    );
    parentPort?.once('message', (cells: IndexCells) => {
      fillIndex(cells.plan, cells.stays, cells.from, cells.to, groupsSpare(parts.groups));
      parentPort?.postMessage('filled');
    });
    parentPort?.postMessage(t, transferable([t.subject, t.cell, t.start, t.end]));
  });
}

/** The distinct, non-shared buffers under some typed arrays. */
function transferable(arrays: ArrayBufferView[]): ArrayBuffer[] {
  return arrays
    .map((a) => a.buffer)
    .filter((b, k, all): b is ArrayBuffer => b instanceof ArrayBuffer && all.indexOf(b) === k);
}

run(workerData as PartJob);
