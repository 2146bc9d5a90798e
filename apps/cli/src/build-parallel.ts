/**
 * Stays and index built on several threads. The subjects, in byte order, are cut into one slice per
 * thread: the main thread builds the first while each reader worker, still warm from reading its
 * part, builds another from the same shared groups, counting what the index plan needs of it
 * (`StayStats`) as it goes. The slices, in order, are the table: the plan takes them as they are. Then the
 * index's cells are cut into ranges of about as many stays, and each thread writes the stays of
 * one range into the shared index.
 */
import type { Worker } from 'node:worker_threads';
import {
  buildStaysFromParts,
  cellRanges,
  fillIndex,
  type IndexPlan,
  type PingGroups,
  type Spare,
  type StayTable,
} from '@renxing/engine';
import type { IndexCells, SliceJob } from './ping-worker.js';

export async function buildStaysParallel(
  pings: PingGroups,
  order: Uint32Array,
  maxGap: number,
  cells: number,
  workers: Worker[],
  /** The main thread's memory to write its slice into first (its reader's columns). */
  spare: Spare,
  /** Only the stays of these cells (see `StaysSlice.keep`). */
  keep?: Uint8Array,
): Promise<StayTable[]> {
  const slices = workers.length + 1;
  const bounds = Array.from({ length: slices + 1 }, (_, k) => Math.round((order.length * k) / slices));
  const others = workers.map((worker, k) => {
    const slice: SliceJob = {
      parts: pings.parts,
      order,
      maxGap,
      cells,
      from: bounds[k + 1],
      to: bounds[k + 2],
      keep,
    };
    return ask<StayTable>(worker, slice);
  });
  const own = buildStaysFromParts(pings.parts, order, maxGap, {
    from: bounds[0],
    to: bounds[1],
    spare,
    cells,
    keep,
  });
  return [own, ...(await Promise.all(others))];
}

/** Writes the stays into a shared index plan, a range of cells on each thread. */
export async function fillIndexParallel(
  plan: IndexPlan,
  stays: StayTable[],
  workers: Worker[],
  /** The main thread's memory for its range's scratch first. */
  spare?: Spare,
): Promise<void> {
  const bounds = cellRanges(plan, workers.length + 1);
  const others = workers.map((worker, k) => {
    const cells: IndexCells = { plan, stays, from: bounds[k + 1], to: bounds[k + 2] };
    return ask<void>(worker, cells);
  });
  fillIndex(plan, stays, bounds[0], bounds[1], spare);
  await Promise.all(others);
}

/** Posts a message to a worker and waits for its one reply (or its error, or its exit). */
function ask<T>(worker: Worker, message: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number) => done(new Error(`worker exited with ${code}`));
    const done = (error: Error | null, reply?: T) => {
      worker.off('message', onMessage).off('error', done).off('exit', onExit);
      if (error) reject(error);
      else resolve(reply as T);
    };
    const onMessage = (reply: T) => done(null, reply);
    worker.on('message', onMessage).on('error', done).on('exit', onExit);
    worker.postMessage(message);
  });
}
