/** Formatting for `bench:infra` (bench/src/infrastructure.ts): numbers, progress lines, tables. */

/** A titled table: a header and rows of cells. */
export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Lines printed under the table. */
  notes?: string[];
}

export const fmt = (n: number, d = 1): string =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
export const int = (n: number): string => Math.round(n).toLocaleString('en');
/** Progress and diagnostics go to stderr; the tables to stdout. */
export const log = (line: string): void => console.error(`  ${line}`);

export function printTable(t: Table): void {
  const all = [t.head, ...t.rows];
  const widths = t.head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${widths.map((w, i) => (r[i] ?? '').padEnd(w)).join(' | ')} |`;
  console.log(`\n${t.title}\n`);
  console.log(line(t.head));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of t.rows) console.log(line(r));
  for (const n of t.notes ?? []) console.log(`\n${n}`);
}
