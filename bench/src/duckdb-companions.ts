/**
 * DuckDB peer of `renxing companions`: pings CSV + cases CSV → the contract's companions CSV, all in
 * SQL (see `duckdb-sql.ts`). Used by the benchmark; also runnable on its own through `duckdb-run.ts`.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { CompanionParams } from '@renxing/engine';
import {
  casesSql,
  companionsSelect,
  csvField,
  type Mode,
  OUTPUT_HEADER,
  type PeerParams,
  peerParams,
  pingsSql,
  staysSelect,
} from './duckdb-sql.js';

export interface DuckdbCompanionsOptions {
  pings: string;
  cases: string;
  out: string;
  mode?: Mode;
  /** DuckDB worker threads; DuckDB's default (all cores) when absent. */
  threads?: number;
  /** Contract preset; `default` unless given. `chengdu-2021` exercises min_cell_dwell. */
  preset?: string;
  /** Parameter overrides on top of the preset (tests use these for min_cell_dwell). */
  overrides?: Partial<CompanionParams>;
}

export interface DuckdbCompanionsResult {
  seconds: number;
  rows: number;
  /** Kept pings (after rejects and duplicates). */
  pings: number;
  stays: number;
  /** Seconds per phase, for the report. */
  phases: Record<string, number>;
}

export async function openDuckdb(threads?: number): Promise<{ db: DuckDBInstance; con: DuckDBConnection }> {
  const options: Record<string, string> = {};
  if (threads !== undefined) options.threads = String(threads);
  const db = await DuckDBInstance.create(':memory:', options);
  const con = await db.connect();
  return { db, con };
}

export async function runAll(con: DuckDBConnection, sqls: string[]): Promise<void> {
  for (const sql of sqls) await con.run(sql);
}

export async function scalar(con: DuckDBConnection, sql: string): Promise<number> {
  const r = await con.runAndReadAll(sql);
  return Number(r.getRows()[0][0]);
}

/** Loads pings and builds `stays` (subject, ck, s, e), optionally physically ordered. */
export async function buildStays(
  con: DuckDBConnection,
  pingsPath: string,
  p: PeerParams,
  orderBy?: string,
): Promise<{ pings: number; stays: number; phases: Record<string, number> }> {
  const phases: Record<string, number> = {};
  let t = performance.now();
  await runAll(con, pingsSql(pingsPath, p));
  phases.load = (performance.now() - t) / 1000;
  t = performance.now();
  const order = orderBy ? `ORDER BY ${orderBy}` : '';
  await con.run(`CREATE OR REPLACE TEMP TABLE stays AS SELECT * FROM (${staysSelect(p)}) ${order}`);
  phases.stays = (performance.now() - t) / 1000;
  const pings = await scalar(con, 'SELECT count(*) FROM pings');
  const stays = await scalar(con, 'SELECT count(*) FROM stays');
  return { pings, stays, phases };
}

/** Runs the companions query and writes the CSV; returns the number of data rows. */
export async function writeCompanions(con: DuckDBConnection, sql: string, out: string): Promise<number> {
  const result = await con.stream(sql);
  const file = createWriteStream(out);
  let rows = 0;
  const write = async (s: string) => {
    if (!file.write(s)) await once(file, 'drain');
  };
  await write(`${OUTPUT_HEADER}\n`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    let text = '';
    for (const r of chunk.getRows()) {
      text += `${csvField(String(r[0]))},${csvField(String(r[1]))},${r[2]},${r[3]},${r[4]},${r[5]}\n`;
      rows++;
    }
    await write(text);
  }
  file.end();
  await once(file, 'finish');
  return rows;
}

export async function duckdbCompanions(opts: DuckdbCompanionsOptions): Promise<DuckdbCompanionsResult> {
  const p = peerParams(opts.preset ?? 'default', {
    ...opts.overrides,
    ...(opts.mode ? { mode: opts.mode } : {}),
  });
  const t0 = performance.now();
  const { db, con } = await openDuckdb(opts.threads);
  try {
    const built = await buildStays(con, opts.pings, p);
    const t = performance.now();
    await runAll(con, casesSql(opts.cases, p));
    const rows = await writeCompanions(con, companionsSelect(p), opts.out);
    built.phases.companions = (performance.now() - t) / 1000;
    return {
      seconds: (performance.now() - t0) / 1000,
      rows,
      pings: built.pings,
      stays: built.stays,
      phases: built.phases,
    };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
