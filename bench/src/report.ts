/** Reading run summaries, comparing outputs and formatting the benchmark table. */
import { readFileSync } from 'node:fs';

export function summaryOf(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** `IDENTICAL`, or the first differing lines. */
export function compareFiles(
  a: string,
  b: string,
  nameA: string,
  nameB: string,
): { same: boolean; text: string } {
  const x = readFileSync(a);
  const y = readFileSync(b);
  if (x.equals(y))
    return { same: true, text: `IDENTICAL (${x.toString('utf8').split('\n').length - 2} rows)` };
  const la = x.toString('utf8').split('\n');
  const lb = y.toString('utf8').split('\n');
  const out = [`DIFFERENT: ${nameA} ${la.length - 1} lines, ${nameB} ${lb.length - 1} lines`];
  let shown = 0;
  for (let i = 0; i < Math.max(la.length, lb.length) && shown < 5; i++) {
    if (la[i] === lb[i]) continue;
    out.push(
      `  line ${i + 1}:`,
      `    ${nameA}: ${la[i] ?? '(end of file)'}`,
      `    ${nameB}: ${lb[i] ?? '(end of file)'}`,
    );
    shown++;
  }
  return { same: false, text: out.join('\n') };
}

export function mb(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return bytes >= 1 << 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
}
export function f(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toFixed(digits) : 'n/a';
}
export function big(v: number): string {
  return Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a';
}
export function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

export type Row = [string, string, string, string];

export function table(rows: Row[]): string {
  const head: Row = ['measure', 'renxing', 'DuckDB', 'DuckDB / renxing'];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: Row) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  return [line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
