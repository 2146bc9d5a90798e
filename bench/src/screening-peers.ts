/**
 * The peers of `bench:screening` (bench/src/screening.ts), each on the same database in the same
 * run: rows inserted one INSERT at a time into a plain table, a CSV loaded by PostgreSQL's own
 * COPY (psql `\copy` on the server, PGlite's COPY FROM a blob), and a statement timed by psql.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { createPGlite, Db } from '@renxing/db';
import pg from 'pg';

/** The database under test: the seam, and either the server's URL or the PGlite instance. */
export type Target =
  | { db: Db; url: string; pglite?: undefined }
  | { db: Db; url?: undefined; pglite: PGliteInstance };
export type PGliteInstance = Awaited<ReturnType<typeof createPGlite>>;

export const median = (xs: number[]): number => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/**
 * `rows` inserted into a plain table of a tube member's columns (no keys, no constraints) with
 * one INSERT per row, by `clients` connections at once (PGlite: `clients` loops on its one
 * connection). Returns the seconds taken.
 */
export async function plainInserts(
  t: Target,
  rows: { barcode: string; personId: string; position: number }[],
  clients: number,
  userId: string,
): Promise<number> {
  await t.db.exec(
    `DROP TABLE IF EXISTS bench_scans_plain;
     CREATE TABLE bench_scans_plain (barcode text, person_id uuid, position integer, scanned_at timestamptz, scanned_by uuid)`,
  );
  const sql =
    'INSERT INTO bench_scans_plain (barcode, person_id, position, scanned_at, scanned_by) VALUES ($1, $2, $3, $4, $5)';
  const conns: { query: (sql: string, params: unknown[]) => Promise<unknown>; end: () => Promise<void> }[] =
    [];
  for (let c = 0; c < clients; c++) {
    if (t.url) {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      conns.push({ query: (s, p) => client.query(s, p), end: () => client.end() });
    } else conns.push({ query: (s, p) => t.db.query(s, p), end: async () => {} });
  }
  const t0 = performance.now();
  await Promise.all(
    conns.map(async (conn, c) => {
      for (let i = c; i < rows.length; i += clients) {
        const r = rows[i];
        await conn.query(sql, [r.barcode, r.personId, r.position, new Date(), userId]);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  for (const conn of conns) await conn.end();
  const { rows: n } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_scans_plain');
  if (n[0].n !== rows.length) throw new Error(`plain inserts: ${n[0].n} rows stored, ${rows.length} sent`);
  return secs;
}

/**
 * COPY of `csv` (with a header line) into a new plain table `name (columns)`: through psql's
 * `\copy` from a file on the server (process start included, as a user would run it), PGlite's
 * COPY FROM '/dev/blob' otherwise. Returns the seconds taken and the rows stored.
 */
export async function copyCsv(
  t: Target,
  name: string,
  columns: string,
  csv: Uint8Array,
): Promise<{ secs: number; rows: number }> {
  await t.db.exec(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (${columns})`);
  let secs: number;
  if (t.pglite) {
    const t0 = performance.now();
    await t.pglite.query(`COPY ${name} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
      blob: new Blob([csv]),
    });
    secs = (performance.now() - t0) / 1000;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'renxing-screening-'));
    try {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, csv);
      const t0 = performance.now();
      const r = spawnSync(
        'psql',
        [
          t.url,
          '-X',
          '-v',
          'ON_ERROR_STOP=1',
          '-qc',
          `\\copy ${name} FROM '${file}' WITH (FORMAT csv, HEADER true)`,
        ],
        { encoding: 'utf8' },
      );
      secs = (performance.now() - t0) / 1000;
      if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr || r.error}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
  return { secs, rows: rows[0].n };
}

/**
 * The milliseconds of each of `runs` executions of `sql` (parameters `params`, after 2 unmeasured
 * ones): through psql (PREPARE/EXECUTE, `\timing`) on the server, on the same PGlite otherwise.
 */
export async function statementTimes(
  t: Target,
  sql: string,
  params: string[],
  runs: number,
): Promise<number[]> {
  if (t.url) {
    const args = params.map((p) => `'${p.replaceAll("'", "''")}'`).join(', ');
    const types = params.map(() => 'text').join(', ');
    const script = [
      `PREPARE q(${types}) AS ${sql};`,
      `EXECUTE q(${args});`,
      `EXECUTE q(${args});`,
      '\\timing on',
      ...Array.from({ length: runs }, () => `EXECUTE q(${args});`),
    ].join('\n');
    const r = spawnSync('psql', [t.url, '-X', '-q', '-o', '/dev/null', '-v', 'ON_ERROR_STOP=1'], {
      input: script,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error}`);
    return [...`${r.stdout}\n${r.stderr}`.matchAll(/Time: ([0-9.]+) ms/g)].map((m) => Number(m[1]));
  }
  const times: number[] = [];
  for (let k = 0; k < runs + 2; k++) {
    const t0 = performance.now();
    await t.db.query(sql, params);
    if (k >= 2) times.push(performance.now() - t0);
  }
  return times;
}
