/** The one-screen summary at the end of a run, and the `--summary` JSON. */
import fs from 'node:fs';
import type { Locale } from '@renxing/contracts';
import type { CompanionIndex } from '@renxing/engine';
import { type MessageKey, messages } from './messages.js';

export type SummaryValues = Partial<Record<MessageKey, string | number>>;

export function printSummary(locale: Locale, values: SummaryValues, stream = process.stderr): void {
  const m = messages(locale);
  const rows = Object.entries(values).filter(([, v]) => v !== undefined) as [MessageKey, string | number][];
  const width = Math.max(...rows.map(([k]) => displayWidth(m[k])));
  const lines = rows.map(([k, v]) => `  ${m[k]}${' '.repeat(width - displayWidth(m[k]))}  ${fmt(v)}`);
  stream.write(`\n${m.summary}\n${lines.join('\n')}\n`);
}

function fmt(v: string | number): string {
  return typeof v === 'number' ? v.toLocaleString('en-US') : v;
}

/** Terminal columns: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffdc]/u.test(ch) && !/[\u2500-\u25ff]/u.test(ch) ? 2 : 1;
  return w;
}

export function writeJson(path: string, value: unknown): void {
  fs.writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The summary fields every run that holds an index reports; `whole`: the stays and bytes of the
 * index of all the stays, when the run holds only some cells' (see `indexFromPingsFile`).
 */
export function indexSummary(
  index: CompanionIndex,
  whole = { stays: index.stays, bytes: index.buffer.byteLength },
) {
  return {
    pings: index.stats.pings,
    ping_rejects: index.stats.pingRejects,
    duplicates: index.stats.duplicates,
    subjects: index.subjects,
    stays: index.stats.allStays,
    index_stays: whole.stays,
    index_bytes: whole.bytes,
    bytes_per_stay: whole.stays === 0 ? 0 : Number((whole.bytes / whole.stays).toFixed(2)),
  };
}
