/**
 * Worker thread: reads blocks of a pings CSV (after its header; see `read-blocks.ts`), groups its
 * pings by subject (in shared memory) and hands back typed arrays; then builds the stays of a slice
 * of subjects, and last writes the stays of a range of cells into the shared index.
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
import {
  type BlockPlan,
  BlockRejects,
  type BlockRole,
  type BlocksRead,
  expectedPings,
  readBlocks,
} from './read-blocks.js';

/** Subjects numbered from ≤ r < to, whose stays a reader builds once its part is read. */
export interface SliceJob {
  parts: GroupedPart[];
  order: Uint32Array;
  maxGap: number;
  /** Cells of the whole reading (for the table's `StayStats`). */
  cells: number;
  from: number;
  to: number;
  /** Only the stays of these cells (see `StaysSlice.keep`). */
  keep?: Uint8Array;
}

/** Cells from ≤ c < to of a shared index plan, whose stays a reader writes once its slice is built. */
export interface IndexCells {
  plan: IndexPlan;
  stays: StayTable[];
  from: number;
  to: number;
}

export interface PartJob {
  path: string;
  plan: BlockPlan;
  role: BlockRole;
  params: CompanionParams;
  header: PingHeader;
}

async function run(job: PartJob): Promise<void> {
  const rejects = new BlockRejects();
  const reader = new PingReader(job.params, rejects.sink, expectedPings(job.plan, job.role), job.header);
  const fd = fs.openSync(job.path, 'r');
  let read: BlocksRead;
  try {
    read = await readBlocks(fd, reader, rejects, job.plan, job.role, (bytes) =>
      parentPort?.postMessage({ kind: 'progress', bytes }),
    );
  } finally {
    fs.closeSync(fd);
  }
  const parts = reader.parts(true, read.ranges, job.role.backward);
  const transfer = transferable([parts.subjectBytes, parts.subjectOffsets, parts.cellI, parts.cellJ]);
  parentPort?.postMessage({ kind: 'done', parts, read }, transfer);
  // Then, warm already, it builds the stays of the slice of subjects it is given (see build-parallel),
  // written into the memory of the reader's columns, which grouping left dead …
  parentPort?.once('message', (slice: SliceJob) => {
    const { parts: all, order, maxGap, from, to, cells, keep } = slice;
    const t = buildStaysFromParts(all, order, maxGap, { from, to, cells, keep, spare: reader.release() });
    // … and last the stays of a range of cells of the index (see fillIndexParallel).
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

void run(workerData as PartJob);
