/** Pings file → companion index, with progress on stderr. */
import type { Locale } from '@renxing/contracts';
import { buildIndex, type CompanionIndex, type CompanionParams, type RejectSink } from '@renxing/engine';
import { defaultThreads } from './args.js';
import { messages } from './messages.js';
import { compact, progress } from './progress.js';
import { readPings } from './read-pings.js';

export interface Loaded {
  index: CompanionIndex;
  readSeconds: number;
  buildSeconds: number;
}

export async function indexFromPingsFile(
  path: string,
  params: CompanionParams,
  onReject: RejectSink,
  locale: Locale,
  threads = defaultThreads(),
): Promise<Loaded> {
  const m = messages(locale);
  const t0 = performance.now();
  let bar: ReturnType<typeof progress> | null = null;
  const reader = await readPings(path, params, onReject, threads, (bytes, size) => {
    bar ??= progress(m.reading, size);
    bar.update(bytes, `${compact(bytes)}B / ${compact(size)}B`);
  });
  const columns = reader.finish();
  (bar ?? progress(m.reading, 0)).finish(`${compact(columns.count)} ${m.pings}`);
  const t1 = performance.now();
  const phases = progress(m.building, 3);
  let step = 0;
  const index = buildIndex(reader, columns, params, (phase) => {
    phases.update(step++, m[`phase_${phase}`]);
  });
  phases.finish(`${compact(index.stays)} ${m.stays}`);
  return { index, readSeconds: (t1 - t0) / 1000, buildSeconds: (performance.now() - t1) / 1000 };
}
