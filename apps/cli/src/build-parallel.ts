/**
 * Stays and index built on several threads. The subjects, in byte order, are cut into one slice per
 * thread: the main thread builds the first while each reader worker, still warm from reading its
 * part, builds another from the same shared groups. Joined in order (in shared memory), the slices
 * are the one-thread table. Then the index's cells are cut into ranges of about as many stays, and
 * each thread writes the stays of one range into the shared index.
 */
import type { Worker } from 'node:worker_threads';
import {
  buildStaysFromParts,
  cellRanges,
  fillIndex,
  type IndexPlan,
  joinStays,
  type PingGroups,
  type Spare,
  type StayTable,
} from '@renxing/engine';
import type { IndexCells, StaysSlice } from './ping-worker.js';

export async function buildStaysParallel(
  pings: PingGroups,
  order: Uint32Array,
  maxGap: number,
  workers: Worker[],
  /** The main thread's memory to write its slice into first (its reader's columns). */
  spare?: Spare,
): Promise<StayTable> {
  const slices = workers.length + 1;
  const bounds = Array.from({ length: slices + 1 }, (_, k) => Math.round((order.length * k) / slices));
  const others = workers.map(
    (worker, k) =>
      new Promise<StayTable>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`stays worker exited with ${code}`)));
        const slice: StaysSlice = {
          parts: pings.parts,
          order,
          maxGap,
          from: bounds[k + 1],
          to: bounds[k + 2],
        };
        worker.postMessage(slice);
      }),
  );
  const t0 = performance.now();
  const debug = (what: string) =>
    process.env.RENXING_DEBUG &&
    process.stderr.write(`    ${what} at ${(performance.now() - t0).toFixed(0)} ms\n`);
  // Room for every slice, so the others are joined into this one's arrays (shared, for the index).
  const own = buildStaysFromParts(
    pings.parts,
    order,
    maxGap,
    bounds[0],
    bounds[1],
    order.length,
    true,
    spare,
  );
  debug('own slice');
  const rest = await Promise.all(others);
  debug('all slices');
  const joined = joinStays([own, ...rest]);
  debug('joined');
  return joined;
}

/** Writes the stays into a shared index plan, a range of cells on each thread. */
export async function fillIndexParallel(
  plan: IndexPlan,
  stays: StayTable,
  workers: Worker[],
  /** The main thread's memory for its range's scratch first. */
  spare?: Spare,
): Promise<void> {
  const bounds = cellRanges(plan, workers.length + 1);
  const others = workers.map(
    (worker, k) =>
      new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        const cells: IndexCells = { plan, stays, from: bounds[k + 1], to: bounds[k + 2] };
        worker.postMessage(cells);
      }),
  );
  fillIndex(plan, stays, bounds[0], bounds[1], spare);
  await Promise.all(others);
}
