/** Pings file → companion index, with progress on stderr. */
import type { Locale } from '@renxing/contracts';
import {
  type BuildPhase,
  buildStaysFromParts,
  type CaseWindows,
  CompanionIndex,
  type CompanionParams,
  caseCells,
  groupedParts,
  groupsSpare,
  indexInput,
  planIndex,
  type RejectSink,
  wholeIndexSize,
} from '@renxing/engine';
import { defaultThreads } from './args.js';
import { buildStaysParallel, fillIndexParallel } from './build-parallel.js';
import { messages } from './messages.js';
import { compact, progress } from './progress.js';
import { readPings } from './read-pings.js';

export interface Loaded {
  /** With `cases`, the index of only the cells they can reach (see `caseCells`). */
  index: CompanionIndex;
  /** The index of all the stays: its stays and bytes (as `renxing index` would write it). */
  whole: { stays: number; bytes: number };
  readSeconds: number;
  buildSeconds: number;
}

export async function indexFromPingsFile(
  path: string,
  params: CompanionParams,
  onReject: RejectSink,
  locale: Locale,
  threads = defaultThreads(),
  /** The cases the index will answer: only the stays of the cells they can reach are indexed. */
  cases?: readonly CaseWindows[],
): Promise<Loaded> {
  const m = messages(locale);
  const t0 = performance.now();
  let bar: ReturnType<typeof progress> | null = null;
  const {
    reader,
    pings,
    workers,
    ownGroups,
    names: early,
  } = await readPings(path, params, onReject, threads, (bytes, size) => {
    bar ??= progress(m.reading, size);
    bar.update(bytes, `${compact(bytes)}B / ${compact(size)}B`);
  });
  try {
    (bar ?? progress(m.reading, 0)).finish(`${compact(pings.count)} ${m.pings}`);
    const t1 = performance.now();
    const phases = progress(m.building, 3);
    let step = 0;
    let tPhase = t1;
    const debug = !!process.env.RENXING_DEBUG;
    if (debug) process.stderr.write(`read ${(t1 - t0).toFixed(0)} ms\n`);
    const phase = (name: BuildPhase) => {
      if (debug && step > 0)
        process.stderr.write(`  phase ${step} ${(performance.now() - tPhase).toFixed(0)} ms\n`);
      tPhase = performance.now();
      phases.update(step++, m[`phase_${name}`]);
    };
    // buildIndex's phases, with the stays and the index built on the reader threads too.
    phase('sort');
    const names = reader.subjects.byteOrder(early);
    const cells = reader.grid.count;
    const parts = groupedParts(pings, names.order.length);
    const keep = cases && caseCells(parts, names, cases, params.maxGap, cells);
    phase('stays');
    const stays =
      'parts' in pings
        ? await buildStaysParallel(pings, names.order, params.maxGap, cells, workers, reader.release(), keep)
        : [buildStaysFromParts(parts, names.order, params.maxGap, { cells, keep })];
    phase('index');
    // The main thread's grouped pings are dead now: the plan's and its range's scratch go there.
    const spare = ownGroups && groupsSpare(ownGroups);
    const input = indexInput(reader, names, stays, pings.count, params);
    const plan = planIndex(input, workers.length > 0, spare);
    await fillIndexParallel(plan, stays, workers, spare);
    const index = CompanionIndex.fromBuffer(plan.buffer);
    const whole = wholeIndexSize(input);
    if (debug)
      process.stderr.write(
        `  phase ${step} ${(performance.now() - tPhase).toFixed(0)} ms (${index.stays} of ${whole.stays} stays indexed)\n`,
      );
    phases.finish(`${compact(whole.stays)} ${m.stays}`);
    return {
      index,
      whole,
      readSeconds: (t1 - t0) / 1000,
      buildSeconds: (performance.now() - t1) / 1000,
    };
  } finally {
    for (const w of workers) void w.terminate();
  }
}
