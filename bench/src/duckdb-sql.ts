/**
 * The companion contract (`shared/contracts/companion-rule.md`) written in DuckDB SQL: the peer our
 * engine is measured against. Every piece here is a SQL text builder; running it lives in
 * `duckdb-companions.ts` and `duckdb-query.ts`.
 *
 * Numeric fidelity: the grid constants are computed in JavaScript exactly as the contract writes
 * them and handed to DuckDB as `CAST('<shortest round-trip decimal>' AS DOUBLE)`, which parses back
 * to the very same double (a bare `0.87` would be a DECIMAL literal in DuckDB). The projection is
 * then evaluated left to right in doubles, like the engine does.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { type CompanionParams, resolveParams } from '@renxing/engine';

export type Mode = 'contiguous' | 'cumulative';

/** Parameters the SQL needs; `peerParams()` fills them from a preset. */
export type PeerParams = Pick<
  CompanionParams,
  | 'originLon'
  | 'originLat'
  | 'size'
  | 'maxGap'
  | 'minOverlap'
  | 'mode'
  | 'minCellDwell'
  | 'dwellWindow'
  | 'tzOffset'
>;

export function peerParams(preset = 'default', overrides: Partial<CompanionParams> = {}): PeerParams {
  const { params, problems } = resolveParams(preset, overrides);
  if (problems.length > 0) {
    throw new Error(`bad parameters: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`);
  }
  return params;
}

/** A double as a DuckDB DOUBLE expression that parses back to exactly the same value. */
export function dbl(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return `CAST('${String(v)}' AS DOUBLE)`;
}

/** A whole number as a BIGINT literal. */
export function int(v: number): string {
  if (!Number.isSafeInteger(v)) throw new Error(`not a safe integer: ${v}`);
  return `CAST(${v} AS BIGINT)`;
}

/** Single-quoted SQL string literal. */
export function str(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * Column positions of a CSV header: exact lower-case names after trimming spaces, a leading BOM
 * ignored, extra columns allowed, first occurrence wins. Throws the contract's "clear error" when the
 * file cannot be opened, is empty or lacks a column.
 */
export function headerColumns(path: string, required: readonly string[]): { count: number; at: number[] } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new Error(`cannot open ${path}: ${(e as Error).message}`);
  }
  const buf = Buffer.alloc(1 << 16);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 0) throw new Error(`${path} is empty`);
  let text = buf.subarray(0, n).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  const names = splitCsvLine(line).map((s) => s.trim());
  const at = required.map((name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`${path} lacks the required column "${name}" (header: ${line})`);
    return i;
  });
  return { count: names.length, at };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * `read_csv` over a file with `count` columns, all VARCHAR, named c0..c(count-1). Rows DuckDB cannot
 * read (invalid UTF-8, wrong number of fields, unterminated quote) are dropped by `ignore_errors`;
 * blank lines are skipped; an empty field (quoted or not) reads as NULL.
 */
export function readCsv(path: string, count: number): string {
  const cols = Array.from({ length: count }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv(${str(path)}, header = true, auto_detect = false, columns = {${cols}},
    delim = ',', quote = '"', escape = '"', ignore_errors = true, encoding = 'utf-8')`;
}

const NUMBER_RE = `'[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?'`;
const ISO_RE = `'[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?'`;

/** A decimal number (sign, fraction and exponent allowed) as DOUBLE, else NULL; NaN and infinities never match. */
export function coordExpr(col: string): string {
  return `CASE WHEN regexp_full_match(${col}, ${NUMBER_RE}) THEN TRY_CAST(${col} AS DOUBLE) END`;
}

/**
 * An instant in whole epoch seconds, or NULL when unparseable: `-?[0-9]+` (at most 2^53 - 1 in
 * magnitude, like the engine), or
 * `YYYY-MM-DD[T ]HH:MM:SS[.frac][Z|±HH:MM]` (fraction floored away; no offset = `tzOffset`).
 * Calendar checks: a real day of that month (leap years included), hour ≤ 23, minute and second
 * ≤ 59, offset hour ≤ 23 and minute ≤ 59.
 */
export function instantExpr(col: string, tzOffset: number): string {
  const n2 = (from: number) => `CAST(substr(${col}, ${from}, 2) AS BIGINT)`;
  const len = `length(${col})`;
  const sign = `substr(${col}, ${len} - 5, 1)`;
  const oh = `CAST(substr(${col}, ${len} - 4, 2) AS BIGINT)`;
  const om = `CAST(substr(${col}, ${len} - 1, 2) AS BIGINT)`;
  const hasOff = `${sign} IN ('+', '-')`;
  const offset = `CASE WHEN right(${col}, 1) = 'Z' THEN 0
      WHEN ${hasOff} THEN (CASE WHEN ${sign} = '-' THEN -1 ELSE 1 END) * (${oh} * 3600 + ${om} * 60)
      ELSE ${int(tzOffset)} END`;
  const day = `TRY_CAST(substr(${col}, 1, 10) AS DATE)`;
  return `CASE
    WHEN regexp_full_match(${col}, '-?[0-9]+') THEN
      CASE WHEN abs(TRY_CAST(${col} AS HUGEINT)) <= 9007199254740991 THEN TRY_CAST(${col} AS BIGINT) END
    WHEN regexp_full_match(${col}, ${ISO_RE})
      AND ${day} IS NOT NULL AND ${n2(12)} <= 23 AND ${n2(15)} <= 59 AND ${n2(18)} <= 59
      AND (NOT (${hasOff}) OR (${oh} <= 23 AND ${om} <= 59))
    THEN (${day} - DATE '1970-01-01') * 86400 + ${n2(12)} * 3600 + ${n2(15)} * 60 + ${n2(18)} - (${offset})
    END`;
}

/** Packs a cell (i, j), |i|, |j| < 2^31, into one BIGINT: i * 2^32 + (j + 2^31). */
function cellKey(i: string, j: string): string {
  return `(${i}) * CAST(4294967296 AS BIGINT) + ((${j}) + CAST(2147483648 AS BIGINT))`;
}

/** `i:j` from a packed cell key. */
export function cellText(ck: string): string {
  return `CAST(${ck} >> 32 AS VARCHAR) || ':' || CAST((${ck} & CAST(4294967295 AS BIGINT)) - CAST(2147483648 AS BIGINT) AS VARCHAR)`;
}

/** `YYYY-MM-DDTHH:MM:SSZ` of epoch seconds. */
export function isoText(t: string): string {
  return `strftime(make_timestamp(CAST(${t} AS BIGINT) * 1000000), '%Y-%m-%dT%H:%M:%SZ')`;
}

/**
 * `CREATE TABLE <table>(subject, t, ck)`: the kept pings (valid rows, duplicates removed, the first
 * in file order kept), in two statements:
 *
 * 1. `<table>_raw`: every row with a subject, parsed; a bad instant or coordinate gives a NULL cell
 *    key `ck`. The parsed values are computed in projections and never filtered on before being
 *    stored: DuckDB would push such a filter down and inline the expressions, evaluating the regular
 *    expressions twice. The table's insertion order is the file order (DuckDB preserves it, also
 *    with a parallel CSV scan), so `rowid` is the file order.
 * 2. `<table>`: per (subject, t) the cell of the lowest `rowid` among rows with a key.
 */
export function pingsSql(path: string, p: PeerParams, table = 'pings'): string[] {
  const { count, at } = headerColumns(path, ['subject', 'ts', 'lon', 'lat']);
  const [s, ts, lon, lat] = at.map((i) => `c${i}`);
  const lat0 = p.originLat;
  const c0 = Math.cos((lat0 * Math.PI) / 180);
  const d2r = Math.PI / 180;
  const R = 6371008.8;
  const x = `(lon - ${dbl(p.originLon)}) * ${dbl(c0)} * ${dbl(d2r)} * ${dbl(R)}`;
  const y = `(lat - ${dbl(lat0)}) * ${dbl(d2r)} * ${dbl(R)}`;
  const ci = `CAST(floor((${x}) / ${dbl(p.size)}) AS BIGINT)`;
  const cj = `CAST(floor((${y}) / ${dbl(p.size)}) AS BIGINT)`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${table}_raw AS
      SELECT subject, t,
        CASE WHEN t IS NOT NULL AND lon BETWEEN -180 AND 180 AND lat BETWEEN -90 AND 90
          THEN ${cellKey(ci, cj)} END AS ck
      FROM (
        SELECT ${s} AS subject, ${instantExpr(ts, p.tzOffset)} AS t,
          ${coordExpr(lon)} AS lon, ${coordExpr(lat)} AS lat
        FROM ${readCsv(path, count)}
        WHERE ${s} IS NOT NULL AND ${s} <> ''
      )`,
    `CREATE OR REPLACE TEMP TABLE ${table} AS
      SELECT subject, t, arg_min(ck, rowid) AS ck FROM ${table}_raw WHERE ck IS NOT NULL GROUP BY subject, t`,
    `DROP TABLE ${table}_raw`,
  ];
}

/**
 * Stays by gaps and islands. Ping k covers [t_k, t_k+1) when the next ping is at most maxGap later,
 * else [t_k, t_k]; a new stay starts at a subject's first ping, at a change of cell, or after a gap
 * longer than maxGap. Only the first and last ping of each stay are kept for the second window.
 */
export function staysSelect(p: PeerParams, pings = 'pings'): string {
  const g = int(p.maxGap);
  return `
    SELECT subject, ck, t AS s, CASE WHEN last THEN cov_end ELSE lead(cov_end) OVER w2 END AS e
    FROM (
      SELECT subject, ck, t,
        (lag_t IS NULL OR lag_ck <> ck OR t - lag_t > ${g}) AS first,
        (lead_t IS NULL OR lead_ck <> ck OR lead_t - t > ${g}) AS last,
        CASE WHEN lead_t IS NOT NULL AND lead_t - t <= ${g} THEN lead_t ELSE t END AS cov_end
      FROM (
        SELECT subject, ck, t,
          lag(t) OVER w AS lag_t, lag(ck) OVER w AS lag_ck,
          lead(t) OVER w AS lead_t, lead(ck) OVER w AS lead_ck
        FROM ${pings}
        WINDOW w AS (PARTITION BY subject ORDER BY t)
      )
    )
    WHERE first OR last
    WINDOW w2 AS (PARTITION BY subject ORDER BY t)
    QUALIFY first`;
}

/**
 * `CREATE TABLE <table>(case_subject, wf, wt, e_dwell)`: each case's windows merged into their union
 * (overlapping or touching windows join), unbounded ends as ±2^62. `e_dwell` is the E of the
 * min_cell_dwell clause: the latest `to` of the case's rows, or the latest kept ping instant when any
 * row of the case has an empty `to` (= the latest stay end: a subject's last ping ends its last stay).
 */
export function casesSql(path: string, p: PeerParams, table = 'case_windows', stays = 'stays'): string[] {
  const { count, at } = headerColumns(path, ['subject', 'from', 'to']);
  const [s, f, t] = at.map((i) => `c${i}`);
  const INF = '4611686018427387904';
  return [
    `CREATE OR REPLACE TEMP TABLE ${table}_raw AS
      SELECT * FROM (
        SELECT ${s} AS case_subject,
          CASE WHEN ${f} IS NULL THEN -${INF} ELSE ${instantExpr(f, p.tzOffset)} END AS wf,
          CASE WHEN ${t} IS NULL THEN ${INF} ELSE ${instantExpr(t, p.tzOffset)} END AS wt
        FROM ${readCsv(path, count)}
        WHERE ${s} IS NOT NULL AND ${s} <> ''
      ) WHERE wf IS NOT NULL AND wt IS NOT NULL AND wf <= wt`,
    `CREATE OR REPLACE TEMP TABLE ${table} AS
      WITH marked AS (
        SELECT case_subject, wf, wt,
          CASE WHEN wf <= max(wt) OVER (PARTITION BY case_subject ORDER BY wf, wt
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS brk
        FROM ${table}_raw
      ), grouped AS (
        SELECT *, sum(brk) OVER (PARTITION BY case_subject ORDER BY wf, wt ROWS UNBOUNDED PRECEDING) AS g
        FROM marked
      ), e AS (
        SELECT case_subject,
          CASE WHEN max(wt) >= ${INF} THEN (SELECT max(e) FROM ${stays}) ELSE max(wt) END AS e_dwell
        FROM ${table}_raw GROUP BY case_subject
      )
      SELECT g.case_subject, min(wf) AS wf, max(wt) AS wt, any_value(e.e_dwell) AS e_dwell
      FROM grouped g JOIN e USING (case_subject)
      GROUP BY g.case_subject, g.g`,
    `DROP TABLE ${table}_raw`,
  ];
}

/**
 * The companions of the cases in `windows` as rows (subject, case, cell, overlap_start, overlap_end,
 * overlap_s) sorted by case then subject (DuckDB's default VARCHAR ordering is byte-wise).
 * `oneCase`: only that case (a SQL expression such as `$1`); `caseStays`: where the cases' own stays
 * are read (e.g. a copy ordered by subject). Contiguous: the largest single overlap; cumulative: the
 * cell with the largest sum of positive overlaps; ties by earliest start, then smallest cell text
 * (one `min` over a STRUCT, compared field by field: cheaper than a ranking window).
 */
export function companionsSelect(
  p: PeerParams,
  opts: { stays?: string; caseStays?: string; windows?: string; oneCase?: string } = {},
): string {
  const stays = opts.stays ?? 'stays';
  const caseStays = opts.caseStays ?? stays;
  const windows = opts.windows ?? 'case_windows';
  const caseFilter = opts.oneCase ? `AND w.case_subject = ${opts.oneCase}` : '';
  const minOv = int(p.minOverlap);
  const positive = p.mode === 'contiguous' ? `>= ${minOv}` : '> 0';
  const dwell = p.minCellDwell > 0;
  const W = int(p.dwellWindow);
  const dwellOf = (st: string) =>
    `greatest(0, least(${st}.e, d.e_dwell) - greatest(${st}.s, d.e_dwell - ${W}))`;
  const dwellCtes = dwell
    ? `,
    cand_cells AS (SELECT DISTINCT subject, case_subject, ck, e_dwell FROM pairs),
    dwell_ok AS (
      SELECT d.subject, d.case_subject, d.ck
      FROM cand_cells d
      LEFT JOIN (
        SELECT d.subject, d.case_subject, d.ck, sum(${dwellOf('a')}) AS dw
        FROM cand_cells d JOIN ${stays} a ON a.subject = d.subject AND a.ck = d.ck
        GROUP BY ALL
      ) ds USING (subject, case_subject, ck)
      LEFT JOIN (
        SELECT d.case_subject, d.ck, sum(${dwellOf('b')}) AS dw
        FROM (SELECT DISTINCT case_subject, ck, e_dwell FROM cand_cells) d
        JOIN ${caseStays} b ON b.subject = d.case_subject AND b.ck = d.ck
        GROUP BY ALL
      ) dc USING (case_subject, ck)
      WHERE coalesce(ds.dw, 0) >= ${int(p.minCellDwell)} OR coalesce(dc.dw, 0) >= ${int(p.minCellDwell)}
    )`
    : '';
  const kept = dwell ? 'pairs JOIN dwell_ok USING (subject, case_subject, ck)' : 'pairs';
  const perCell =
    p.mode === 'contiguous'
      ? `SELECT subject, case_subject, ck, os, ov FROM ${kept}`
      : `SELECT subject, case_subject, ck, min(os) AS os, max(os + ov) - min(os) AS span, sum(ov) AS ov
         FROM ${kept} GROUP BY subject, case_subject, ck HAVING sum(ov) >= ${minOv}`;
  const endExpr = p.mode === 'contiguous' ? 'os + ov' : 'os + span';
  return `
    WITH case_pieces AS (
      SELECT w.case_subject, b.ck, greatest(b.s, w.wf) AS s, least(b.e, w.wt) AS e, w.e_dwell
      FROM ${windows} w JOIN ${caseStays} b ON b.subject = w.case_subject
      WHERE b.s <= w.wt AND b.e >= w.wf ${caseFilter}
    ),
    pairs AS (
      SELECT a.subject, c.case_subject, a.ck, c.e_dwell,
        greatest(a.s, c.s) AS os, least(a.e, c.e) - greatest(a.s, c.s) AS ov
      FROM case_pieces c JOIN ${stays} a ON a.ck = c.ck
      WHERE a.subject <> c.case_subject AND least(a.e, c.e) - greatest(a.s, c.s) ${positive}
    )${dwellCtes},
    cells AS (${perCell}),
    best AS (
      SELECT subject, case_subject,
        min({'nov': -ov, 'os': os, 'cell': ${cellText('ck')}, 'oe': ${endExpr}}) AS b
      FROM cells GROUP BY subject, case_subject
    )
    SELECT subject, case_subject AS "case", b.cell, ${isoText('b.os')} AS overlap_start,
      ${isoText('b.oe')} AS overlap_end, -b.nov AS overlap_s
    FROM best
    ORDER BY case_subject, subject`;
}

/** One CSV field as the engine writes it (neutralised, quoted when needed): the platform's own. */
export { csvField } from '@renxing/engine';

export const OUTPUT_HEADER = 'subject,case,cell,overlap_start,overlap_end,overlap_s';
