/**
 * Stays built on several threads. The subjects, in byte order, are cut into one slice per thread:
 * the main thread builds the first while each reader worker, still warm from reading its part,
 * builds another from the same shared groups. Joined in order, the slices are the one-thread table.
 */
import type { Worker } from 'node:worker_threads';
import { buildStaysFromParts, joinStays, type PingGroups, type StayTable } from '@renxing/engine';
import type { StaysSlice } from './ping-worker.js';

export async function buildStaysParallel(
  pings: PingGroups,
  order: Uint32Array,
  maxGap: number,
  workers: Worker[],
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
  // Room for every slice, so the others are joined into this one's arrays.
  const own = buildStaysFromParts(pings.parts, order, maxGap, bounds[0], bounds[1], order.length);
  debug('own slice');
  const rest = await Promise.all(others);
  debug('all slices');
  const joined = joinStays([own, ...rest]);
  debug('joined');
  return joined;
}
