/** Formatting for `bench:screening` (bench/src/screening.ts): numbers, progress lines and the table of ratios. */
import type { StatementTime } from './screening-trace.js';

/** One line of the table: a measure, our figure, the peer's, and the ratio. */
export interface Row {
  measure: string;
  ours: string;
  peer: string;
  ratio: string;
}

export const fmt = (n: number, d = 1): string =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
export const int = (n: number): string => Math.round(n).toLocaleString('en');
export const since = (t0: number): number => (performance.now() - t0) / 1000;
/** Progress and diagnostics go to stderr; the table to stdout. */
export const log = (line: string): void => console.error(`  ${line}`);

/** Statements by summed time (divided by `per`), as log lines. */
export function showTop(top: StatementTime[], per: number): void {
  for (const s of top) log(`  ${fmt(s.ms / per, 3).padStart(8)}  ×${String(s.count).padEnd(7)} ${s.sql}`);
}

export function printTable(rows: Row[]): void {
  const head: Row = { measure: 'measure', ours: 'renxing', peer: 'peer', ratio: 'renxing / peer' };
  const all = [head, ...rows];
  const keys = ['measure', 'ours', 'peer', 'ratio'] as const;
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: Row) => `| ${keys.map((k, i) => r[k].padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${widths.map((n) => '-'.repeat(n)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}
