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
  if (values.length > 0) await insertValues(db, run.date, values);
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

/**
 * The values in one statement, each column sent as one text (its values joined by SEP, numbers by
 * commas) and split by the server. Cheaper than the alternatives for 100,000 values and their
 * records (60 MB): an array parameter of texts is escaped element by element by the driver (twelve
 * seconds), and one JSON document is parsed twice by the server (validated, then taken apart by
 * json_to_recordset); here each summary and each list of records is parsed once, as it is cast to json.
 */
async function insertValues(db: Db, date: string, values: readonly StoredValue[]): Promise<void> {
  const texts = (f: (v: StoredValue) => string) =>
    values
      .map((v) => {
        const t = f(v);
        if (t.includes(SEP)) throw new RangeError(`resilience value ${v.key}: a text holds U+001E`);
        return t;
      })
      .join(SEP);
  const numbers = (f: (v: StoredValue) => number | null) => values.map((v) => f(v) ?? '').join(',');
  await db.query(
    `INSERT INTO resilience_values
       (date, community_id, key, value, normalised, numerator, denominator, summary, records, record_count)
     SELECT $1::date, v.*
       FROM unnest(string_to_array($2, E'\\x1e')::uuid[], string_to_array($3, E'\\x1e'),
                   string_to_array($4, ',')::float8[], string_to_array($5, ',', '')::float8[],
                   string_to_array($6, ',')::float8[], string_to_array($7, ',')::float8[],
                   string_to_array($8, E'\\x1e')::json[], string_to_array($9, E'\\x1e')::json[],
                   string_to_array($10, ',')::int[])
         AS v(community_id, key, value, normalised, numerator, denominator, summary, records, record_count)`,
    [
      date,
      texts((v) => v.community),
      texts((v) => v.key),
      numbers((v) => v.value),
      numbers((v) => v.normalised),
      numbers((v) => v.numerator),
      numbers((v) => v.denominator),
      values.map((v) => JSON.stringify(v.summary)).join(SEP),
      values.map((v) => JSON.stringify(v.records)).join(SEP),
      numbers((v) => v.recordCount),
    ],
  );
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
