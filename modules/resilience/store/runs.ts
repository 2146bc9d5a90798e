/**
 * Computed runs: the only file that writes `resilience_runs`, `resilience_values` and
 * `resilience_scores`. A date's run replaces the previous run of that date (bulk writes: the values
 * as one text per column, the scores as unnest arrays — 10,000 communities × 10 indicators in two statements).
 */
import type { EvidenceRecord, Text } from '@renxing/contracts';
import type { Db } from '@renxing/db';

export interface ResilienceRun {
  /** The city date computed. */
  date: string;
  computedAt: Date;
  communities: number;
  /** The enabled indicators computed. */
  indicators: string[];
  /** The indicators the city switched off. */
  disabled: string[];
  /** Enabled indicators with no value anywhere. */
  absent: string[];
  /** How long computing the values and scores took (before they were stored). */
  ms: number;
}

export interface StoredValue {
  community: string;
  key: string;
  value: number;
  normalised: number | null;
  numerator: number;
  denominator: number;
  summary: Text;
  records: EvidenceRecord[];
  recordCount: number;
}

export interface StoredScore {
  community: string;
  engineering: number | null;
  institutional: number | null;
  social: number | null;
  index: number | null;
  self_organisation: number | null;
  redundancy: number | null;
  adaptability: number | null;
  rank: number | null;
  indicators: number;
  residents: number;
}

/** Writes the run of `run.date` with its values and scores, replacing what that date had. Call it in a transaction. */
export async function replaceRun(
  db: Db,
  run: ResilienceRun,
  values: readonly StoredValue[],
  scores: readonly StoredScore[],
): Promise<void> {
  // Two computations of one date at once: the second waits, then replaces the first's rows.
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`renxing.resilience.run.${run.date}`]);
  await db.query('DELETE FROM resilience_values WHERE date = $1::date', [run.date]);
  await db.query('DELETE FROM resilience_scores WHERE date = $1::date', [run.date]);
  await db.query('DELETE FROM resilience_runs WHERE date = $1::date', [run.date]);
  await db.query(
    `INSERT INTO resilience_runs (date, computed_at, ms, communities, indicators, disabled, absent)
     VALUES ($1::date, $2, $3, $4, $5::text[], $6::text[], $7::text[])`,
    [run.date, run.computedAt, run.ms, run.communities, run.indicators, run.disabled, run.absent],
  );
  await insertValues(db, run.date, values);
  if (scores.length > 0)
    await db.query(
      `INSERT INTO resilience_scores
         (date, community_id, engineering, institutional, social, index, self_organisation, redundancy,
          adaptability, rank, indicators, residents)
       SELECT $1::date, s.*
         FROM unnest($2::uuid[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[],
                     $8::float8[], $9::float8[], $10::int[], $11::int[], $12::int[])
           AS s(community_id, engineering, institutional, social, index, self_organisation, redundancy,
                adaptability, rank, indicators, residents)`,
      [
        run.date,
        scores.map((s) => s.community),
        scores.map((s) => s.engineering),
        scores.map((s) => s.institutional),
        scores.map((s) => s.social),
        scores.map((s) => s.index),
        scores.map((s) => s.self_organisation),
        scores.map((s) => s.redundancy),
        scores.map((s) => s.adaptability),
        scores.map((s) => s.rank),
        scores.map((s) => s.indicators),
        scores.map((s) => s.residents),
      ],
    );
}

/** Separates the values in a column's text: JSON.stringify escapes every control character, and keys and ids hold none. */
const SEP = '\x1e';

/** Values per statement: the texts of one are built while the server stores the one before. */
const CHUNK = 10_000;
/** Values whose texts are built between two turns of the event loop (the driver keeps sending meanwhile). */
const SLICE = 1_000;

const INSERT_VALUES =
  // Set-returning functions in a select list advance together: row i takes each column's i-th piece.
  `INSERT INTO resilience_values
     (date, community_id, key, value, normalised, numerator, denominator, summary, records, record_count)
   SELECT $1::date, string_to_table($2, E'\\x1e')::uuid, string_to_table($3, E'\\x1e'),
          string_to_table($4, ',')::float8, string_to_table($5, ',', '')::float8,
          string_to_table($6, ',')::float8, string_to_table($7, ',')::float8,
          string_to_table($8, E'\\x1e')::json, string_to_table($9, E'\\x1e')::json,
          string_to_table($10, ',')::int`;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The parameters of INSERT_VALUES for `values`: each column as one text, its values joined by SEP (numbers by commas). */
async function valueTexts(date: string, values: readonly StoredValue[]): Promise<string[]> {
  const columns: string[][] = Array.from({ length: 9 }, () => []);
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && i % SLICE === 0) await turn();
    const v = values[i];
    if (v.key.includes(SEP) || v.community.includes(SEP))
      throw new RangeError(`resilience value ${v.key}: a text holds U+001E`);
    columns[0].push(v.community);
    columns[1].push(v.key);
    columns[2].push(String(v.value));
    columns[3].push(v.normalised === null ? '' : String(v.normalised));
    columns[4].push(String(v.numerator));
    columns[5].push(String(v.denominator));
    columns[6].push(JSON.stringify(v.summary));
    columns[7].push(JSON.stringify(v.records));
    columns[8].push(String(v.recordCount));
  }
  return [date, ...columns.map((c, i) => c.join(i === 0 || i === 1 || i === 6 || i === 7 ? SEP : ','))];
}

/**
 * The values, CHUNK a statement, each column sent as one text and split by the server. Cheaper
 * than the alternatives for 100,000 values and their evidence (60 MB of JSON): an array parameter
 * of texts is escaped element by element by the driver (twelve seconds), one JSON document is
 * parsed twice by the server (validated, then taken apart by json_to_recordset), and
 * string_to_array is three times slower than string_to_table; here each summary and each list of
 * records is parsed once, as it is cast to json. On PostgreSQL the texts of a chunk (JSON.stringify:
 * the larger part of the client's work) are built while the server stores the chunk before.
 */
async function insertValues(db: Db, date: string, values: readonly StoredValue[]): Promise<void> {
  let pending: Promise<unknown> | undefined;
  for (let at = 0; at < values.length; at += CHUNK) {
    const params = await valueTexts(date, values.slice(at, at + CHUNK));
    if (pending) await pending;
    pending = db.query(INSERT_VALUES, params);
    // Awaited at the next chunk or at the end: marked handled meanwhile, or a failure would count as unhandled.
    pending.catch(() => {});
  }
  await pending;
}

interface RunRow {
  date: string;
  computed_at: Date;
  ms: number;
  communities: number;
  indicators: string[];
  disabled: string[];
  absent: string[];
}

const RUN_COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, computed_at, ms, communities, indicators, disabled, absent`;

const toRun = (r: RunRow): ResilienceRun => ({
  date: r.date,
  computedAt: new Date(r.computed_at),
  ms: r.ms,
  communities: r.communities,
  indicators: [...r.indicators],
  disabled: [...r.disabled],
  absent: [...r.absent],
});

/** The run of `date`, or (no date) the latest run. */
export async function runOf(db: Db, date?: string): Promise<ResilienceRun | undefined> {
  const { rows } =
    date === undefined
      ? await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM resilience_runs ORDER BY date DESC LIMIT 1`)
      : await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM resilience_runs WHERE date = $1::date`, [date]);
  return rows[0] && toRun(rows[0]);
}

/** The most recent computed dates, newest first. */
export async function recentDates(db: Db, limit = 90): Promise<string[]> {
  const { rows } = await db.query<{ date: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM resilience_runs ORDER BY date DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.date);
}
