/**
 * DuckDB peer of the saved-index query (`renxing companions --index city.idx --cases C`): stays are
 * built once from the pings CSV into two tables, `stays` physically ordered by (cell, start) and
 * `stays_subj` ordered by (subject, start), so zone maps can skip most row groups; then each case is
 * answered alone by one prepared statement (contiguous mode), and the time per case is measured.
 */
import { writeFileSync } from 'node:fs';
import { buildStays, openDuckdb, runAll } from './duckdb-companions.js';
import { casesSql, companionsSelect, csvField, OUTPUT_HEADER, peerParams } from './duckdb-sql.js';

export interface DuckdbQueryOptions {
  pings: string;
  cases: string;
  threads?: number;
  /** Passes over all cases; the first pass warms up, the best later pass is reported (default 3). */
  repeat?: number;
  /** When given, the answers of the last pass are written here as one companions CSV. */
  out?: string;
  preset?: string;
}

export interface DuckdbQueryResult {
  /** Seconds to load the pings and build both stay tables (the "index"). */
  buildSeconds: number;
  pings: number;
  stays: number;
  cases: number;
  rows: number;
  /** Mean milliseconds per case over the best pass. */
  msPerCase: number;
  /** Median and maximum milliseconds of one case over the best pass. */
  msMedian: number;
  msMax: number;
}

export async function duckdbQuery(opts: DuckdbQueryOptions): Promise<DuckdbQueryResult> {
  const p = peerParams(opts.preset ?? 'default', { mode: 'contiguous' });
  const { db, con } = await openDuckdb(opts.threads);
  try {
    const t0 = performance.now();
    const built = await buildStays(con, opts.pings, p, 'ck, s');
    await con.run('CREATE OR REPLACE TEMP TABLE stays_subj AS SELECT * FROM stays ORDER BY subject, s');
    await con.run('DROP TABLE pings');
    const buildSeconds = (performance.now() - t0) / 1000;

    await runAll(con, casesSql(opts.cases, p));
    const caseRows = await con.runAndReadAll(
      'SELECT DISTINCT case_subject FROM case_windows ORDER BY case_subject',
    );
    const cases = caseRows.getRows().map((r) => String(r[0]));
    const stmt = await con.prepare(companionsSelect(p, { caseStays: 'stays_subj', oneCase: '$1' }));

    const passes = Math.max(2, opts.repeat ?? 3);
    let best: number[] = [];
    let lines: string[] = [];
    for (let pass = 0; pass < passes; pass++) {
      const times: number[] = [];
      const out: string[] = [];
      for (const c of cases) {
        const t = performance.now();
        stmt.bindVarchar(1, c);
        const reader = await stmt.runAndReadAll();
        const rows = reader.getRows();
        times.push(performance.now() - t);
        for (const r of rows) {
          out.push(`${csvField(String(r[0]))},${csvField(String(r[1]))},${r[2]},${r[3]},${r[4]},${r[5]}`);
        }
      }
      lines = out;
      if (pass > 0 && (best.length === 0 || sum(times) < sum(best))) best = times;
    }
    if (opts.out) writeFileSync(opts.out, `${[OUTPUT_HEADER, ...lines].join('\n')}\n`);
    const sorted = [...best].sort((a, b) => a - b);
    return {
      buildSeconds,
      pings: built.pings,
      stays: built.stays,
      cases: cases.length,
      rows: lines.length,
      msPerCase: cases.length ? sum(best) / cases.length : 0,
      msMedian: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0,
      msMax: sorted.length ? sorted[sorted.length - 1] : 0,
    };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
