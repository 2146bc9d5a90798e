/** Pings file → companion index, with progress on stderr. */
import type { Locale } from '@renxing/contracts';
import {
  buildIndex,
  type CompanionIndex,
  type CompanionParams,
  PingReader,
  type RejectSink,
} from '@renxing/engine';
import { openForRead, readChunks } from './files.js';
import { messages } from './messages.js';
import { compact, progress } from './progress.js';

export interface Loaded {
  index: CompanionIndex;
  pingRejects: number;
  readSeconds: number;
  buildSeconds: number;
}

export function indexFromPingsFile(
  path: string,
  params: CompanionParams,
  onReject: RejectSink,
  locale: Locale,
): Loaded {
  const m = messages(locale);
  const { size } = openForRead(path);
  const reader = new PingReader(params, onReject, Math.max(1 << 16, Math.ceil(size / 30)));
  const t0 = performance.now();
  const bar = progress(m.reading, size);
  readChunks(path, (chunk, done) => {
    reader.push(chunk);
    bar.update(done, `${compact(done)}B`);
  });
  const columns = reader.finish();
  bar.finish(`${compact(columns.count)} ${m.pings}`);
  const t1 = performance.now();
  const phases = progress(m.building, 3);
  let step = 0;
  const index = buildIndex(reader, columns, params, (phase) => {
    phases.update(step++, m[`phase_${phase}`]);
  });
  phases.finish(`${compact(index.stays)} ${m.stays}`);
  return {
    index,
    pingRejects: reader.rejects,
    readSeconds: (t1 - t0) / 1000,
    buildSeconds: (performance.now() - t1) / 1000,
  };
}
