/**
 * Worker thread: opens the index shared through a SharedArrayBuffer once, then answers the slices
 * of cases it is sent, one at a time in arrival order (one `CompanionQuery`, so its scratch serves
 * every slice), and hands each slice's rows back without copying (their buffers are transferred).
 *
 * Until the index arrives the worker touches the memory of empty row blocks, up to a budget: the
 * first write to a fresh page is a page fault (about 10 µs a 4 KiB page on the 2-core bench VM,
 * over a third of a query's time there), which this moves to while the main thread reads the
 * index. It works half the time at most (a pause as long as each step), so that the workers
 * together keep about one core busy beside the main thread's read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type CaseWindows,
  CompanionIndex,
  CompanionQuery,
  type CompanionRowSet,
  type CompanionRows,
  type QueryParams,
  ROW_BLOCK,
  rowBlock,
} from '@renxing/engine';

/** Given at start. */
export interface QueryWorkerData {
  /** Rows to prepare blocks for while waiting for the index. */
  prefaultRows: number;
}

/** Sent once, before any slice. */
export interface QueryOpen {
  kind: 'open';
  buffer: SharedArrayBuffer;
  params: QueryParams;
}

/** A slice of the cases; `first` is the position of its first case in the whole list. */
export interface QuerySlice {
  kind: 'slice';
  first: number;
  cases: CaseWindows[];
}

/** A slice's rows, their case numbers already positions in the whole list. */
export interface QueryAnswer {
  kind: 'rows';
  first: number;
  rows: CompanionRowSet;
}

export type ToQueryWorker = QueryOpen | QuerySlice;

/** Blocks touched per step of the idle work (~1.2 MB). */
const STEP_BLOCKS = 2;
/** Bytes between writes that fault every page in. */
const PAGE = 4096;

/** Writes once into every page of a block's arrays. */
function touch(b: CompanionRows): CompanionRows {
  for (const a of [b.caseIndex, b.subject, b.cell, b.start, b.end, b.overlap]) {
    const stride = PAGE / a.BYTES_PER_ELEMENT;
    for (let i = 0; i < a.length; i += stride) a[i] = 0;
  }
  return b;
}

const port = parentPort;
if (port) {
  const data = (workerData ?? { prefaultRows: 0 }) as QueryWorkerData;
  const spare: CompanionRows[] = [];
  const budget = Math.ceil(data.prefaultRows / ROW_BLOCK);
  let query: CompanionQuery | undefined;
  const prefault = () => {
    if (query || spare.length >= budget) return;
    const t = performance.now();
    for (let k = 0; k < STEP_BLOCKS && spare.length < budget; k++) spare.push(touch(rowBlock()));
    setTimeout(prefault, Math.ceil(performance.now() - t));
  };
  prefault();
  port.on('message', (m: ToQueryWorker) => {
    if (m.kind === 'open') {
      query = new CompanionQuery(CompanionIndex.fromBuffer(m.buffer), m.params);
      return;
    }
    if (!query) throw new Error('query worker: a slice came before the index');
    const rows = query.run(m.cases, undefined, spare);
    const buffers: ArrayBuffer[] = [];
    for (const b of rows.blocks) {
      for (let r = 0; r < b.count; r++) b.caseIndex[r] += m.first;
      for (const a of [b.caseIndex, b.subject, b.cell, b.start, b.end, b.overlap])
        buffers.push(a.buffer as ArrayBuffer);
    }
    const answer: QueryAnswer = { kind: 'rows', first: m.first, rows };
    port.postMessage(answer, buffers);
  });
}
