/**
 * DuckDB peer of the engine's `transmissionChain`: the stays built once into tables (as the
 * per-case query's peer builds them, `duckdb-query.ts`), then the companion rule's own query
 * (`companionsSelect` of `duckdb-sql.ts`) once per generation over a frontier table of windows —
 * the cases' windows first, then each new subject from the earliest overlap that reached it, without
 * end — dropping the subjects an earlier generation reached (the first generation wins; every
 * source of that generation is kept). What a user of DuckDB would write for the same question.
 */
import { buildStays, openDuckdb, runAll, scalar } from './duckdb-companions.js';
import { casesSql, companionsSelect, peerParams } from './duckdb-sql.js';

export interface DuckdbChainOptions {
  pings: string;
  cases: string;
  depth: number;
  threads?: number;
  preset?: string;
}

export interface ChainHopRow {
  generation: number;
  source: string;
  subject: string;
  cell: string;
  start: number;
  end: number;
  overlap: number;
}

export interface DuckdbChainResult {
  /** Seconds to load the pings and build the stay tables. */
  buildSeconds: number;
  pings: number;
  stays: number;
  /** Per generation: seconds of its query and bookkeeping, new subjects, hops. */
  generations: { seconds: number; subjects: number; hops: number }[];
  hops: ChainHopRow[];
}

const INF = '4611686018427387904';

export async function duckdbChain(opts: DuckdbChainOptions): Promise<DuckdbChainResult> {
  const p = peerParams(opts.preset ?? 'default');
  const { db, con } = await openDuckdb(opts.threads);
  try {
    const t0 = performance.now();
    const built = await buildStays(con, opts.pings, p, 'ck, s');
    await con.run('CREATE OR REPLACE TEMP TABLE stays_subj AS SELECT * FROM stays ORDER BY subject, s');
    await con.run('DROP TABLE pings');
    const buildSeconds = (performance.now() - t0) / 1000;

    await runAll(con, casesSql(opts.cases, p));
    await runAll(con, [
      `CREATE OR REPLACE TEMP TABLE reached AS
         SELECT DISTINCT case_subject AS subject, 0 AS generation FROM case_windows`,
      'CREATE OR REPLACE TEMP TABLE frontier AS SELECT * FROM case_windows',
      `CREATE OR REPLACE TEMP TABLE chain_hops (generation INTEGER, source VARCHAR, subject VARCHAR,
         cell VARCHAR, s BIGINT, e BIGINT, overlap_s BIGINT)`,
    ]);
    const companions = companionsSelect(p, { windows: 'frontier', caseStays: 'stays_subj' });
    const generations: DuckdbChainResult['generations'] = [];
    for (let g = 1; g <= opts.depth; g++) {
      const t = performance.now();
      await runAll(con, [
        `CREATE OR REPLACE TEMP TABLE hops AS
           SELECT ${g} AS generation, "case" AS source, subject, cell,
             CAST(epoch(CAST(overlap_start AS TIMESTAMPTZ)) AS BIGINT) AS s,
             CAST(epoch(CAST(overlap_end AS TIMESTAMPTZ)) AS BIGINT) AS e, overlap_s
           FROM (${companions})
           WHERE subject NOT IN (SELECT subject FROM reached)`,
        'INSERT INTO chain_hops SELECT * FROM hops',
        `INSERT INTO reached SELECT DISTINCT subject, ${g} FROM hops`,
        `CREATE OR REPLACE TEMP TABLE frontier AS
           SELECT subject AS case_subject, min(s) AS wf, ${INF} AS wt, (SELECT max(e) FROM stays) AS e_dwell
           FROM hops GROUP BY subject`,
      ]);
      const seconds = (performance.now() - t) / 1000;
      const subjects = await scalar(con, 'SELECT count(*) FROM frontier');
      const hops = await scalar(con, 'SELECT count(*) FROM hops');
      generations.push({ seconds, subjects, hops });
      if (subjects === 0) break;
    }
    const rows = await con.runAndReadAll(
      'SELECT generation, source, subject, cell, s, e, overlap_s FROM chain_hops',
    );
    const hops = rows.getRows().map(
      (r): ChainHopRow => ({
        generation: Number(r[0]),
        source: String(r[1]),
        subject: String(r[2]),
        cell: String(r[3]),
        start: Number(r[4]),
        end: Number(r[5]),
        overlap: Number(r[6]),
      }),
    );
    return { buildSeconds, pings: built.pings, stays: built.stays, generations, hops };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
