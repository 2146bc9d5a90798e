/** PCR and antigen results (migration 0005), one row per person per sample. */
import type { Db } from '@renxing/db';
import { UUID } from '@renxing/db';

export type TestOutcome = 'negative' | 'positive' | 'invalid';

export interface NewTestResult {
  personId: string;
  kind?: 'pcr' | 'antigen';
  result: TestOutcome;
  sampledAt: Date;
  reportedAt?: Date;
  lab: string;
  sampleId: string;
  poolId?: string | null;
  recordedBy?: string | null;
}

export interface StoredTestResult {
  id: string;
  personId: string;
  kind: 'pcr' | 'antigen';
  result: TestOutcome;
  sampledAt: Date;
  reportedAt: Date;
  lab: string;
  sampleId: string;
  poolId: string | null;
  recordedBy: string | null;
}

interface TestRow {
  id: string;
  person_id: string;
  kind: 'pcr' | 'antigen';
  result: TestOutcome;
  sampled_at: Date;
  reported_at: Date;
  lab: string;
  sample_id: string;
  pool_id: string | null;
  recorded_by: string | null;
}

const TEST_COLUMNS =
  'id, person_id, kind, result, sampled_at, reported_at, lab, sample_id, pool_id, recorded_by';

function toTest(r: TestRow): StoredTestResult {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    result: r.result,
    sampledAt: r.sampled_at,
    reportedAt: r.reported_at,
    lab: r.lab,
    sampleId: r.sample_id,
    poolId: r.pool_id,
    recordedBy: r.recorded_by,
  };
}

/**
 * Stores a result once per (lab, sample_id, person): a re-sent result returns the stored row with
 * `inserted: false` (the first result wins, as in the domain's PCR history).
 */
export async function insertTestResult(
  db: Db,
  test: NewTestResult,
): Promise<{ test: StoredTestResult; inserted: boolean }> {
  const { rows } = await db.query<TestRow>(
    `INSERT INTO test_results (person_id, kind, result, sampled_at, reported_at, lab, sample_id, pool_id, recorded_by)
     VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()), $6, $7, $8, $9)
     ON CONFLICT ON CONSTRAINT test_results_sample_key DO NOTHING
     RETURNING ${TEST_COLUMNS}`,
    [
      test.personId,
      test.kind ?? 'pcr',
      test.result,
      test.sampledAt,
      test.reportedAt ?? null,
      test.lab,
      test.sampleId,
      test.poolId ?? null,
      test.recordedBy ?? null,
    ],
  );
  if (rows[0]) return { test: toTest(rows[0]), inserted: true };
  const existing = await db.query<TestRow>(
    `SELECT ${TEST_COLUMNS} FROM test_results WHERE lab = $1 AND sample_id = $2 AND person_id = $3`,
    [test.lab, test.sampleId, test.personId],
  );
  return { test: toTest(existing.rows[0]), inserted: false };
}

/** A person's results, by sampling time. */
export async function testResultsOf(db: Db, personId: string): Promise<StoredTestResult[]> {
  if (!UUID.test(personId)) return [];
  const { rows } = await db.query<TestRow>(
    `SELECT ${TEST_COLUMNS} FROM test_results WHERE person_id = $1 ORDER BY sampled_at, id`,
    [personId],
  );
  return rows.map(toTest);
}

/** A PCR result as a person's history needs it (the rules' PcrTest, in the store's words). */
export interface PcrHistoryRow {
  /** The test_results row id (the rules' testId). */
  id: string;
  /** Sampling time, epoch seconds (floored). */
  sampledAt: number;
  result: 'negative' | 'positive';
  /** Taken from a pooled tube (pool_id set). */
  pooled: boolean;
}

/**
 * A person's individual PCR results (negative or positive, not invalid), optionally without one
 * row (`exceptId`), by sampling time then id. Screening stores negatives without a code row, so a
 * person's first code is seeded from these.
 */
export async function pcrHistoryOf(db: Db, personId: string, exceptId?: string): Promise<PcrHistoryRow[]> {
  if (!UUID.test(personId)) return [];
  const { rows } = await db.query<{
    id: string;
    sampled_s: number;
    result: PcrHistoryRow['result'];
    pooled: boolean;
  }>(
    `SELECT id, floor(extract(epoch FROM sampled_at))::int8 AS sampled_s, result, pool_id IS NOT NULL AS pooled
       FROM test_results
      WHERE person_id = $1 AND kind = 'pcr' AND result IN ('negative', 'positive') AND id::text <> $2
      ORDER BY sampled_at, id`,
    [personId, exceptId ?? ''],
  );
  return rows.map((r) => ({ id: r.id, sampledAt: Number(r.sampled_s), result: r.result, pooled: r.pooled }));
}

/** One member's individual result of a screening tube (sample_id = the tube; pool_id = the tube when pooled). */
export interface NewScreeningTestResult {
  personId: string;
  tube: string;
  pooled: boolean;
  result: 'negative' | 'positive';
  sampledAt: Date;
  reportedAt: Date;
  lab: string;
}

/** Rows per INSERT statement of `insertScreeningTestResults`. */
export const SCREENING_INSERT_CHUNK = 5_000;

const seconds = (d: Date): number => d.getTime() / 1000;

/**
 * Stores PCR results in bulk (one statement per SCREENING_INSERT_CHUNK rows, recorded_by null);
 * a (lab, sample, person) already stored is kept as it is (first result wins). Returns how many
 * rows were new.
 */
export async function insertScreeningTestResults(
  db: Db,
  results: readonly NewScreeningTestResult[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < results.length; i += SCREENING_INSERT_CHUNK) {
    const chunk = results.slice(i, i + SCREENING_INSERT_CHUNK);
    const { rowCount } = await db.query(
      `INSERT INTO test_results (person_id, kind, result, sampled_at, reported_at, lab, sample_id, pool_id, recorded_by)
       SELECT u.person_id, 'pcr', u.result, to_timestamp(u.sampled), to_timestamp(u.reported), u.lab, u.tube,
              CASE WHEN u.pooled THEN u.tube END, NULL
         FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::boolean[])
              AS u(person_id, result, sampled, reported, lab, tube, pooled)
       ON CONFLICT ON CONSTRAINT test_results_sample_key DO NOTHING`,
      [
        chunk.map((r) => r.personId),
        chunk.map((r) => r.result),
        chunk.map((r) => seconds(r.sampledAt)),
        chunk.map((r) => seconds(r.reportedAt)),
        chunk.map((r) => r.lab),
        chunk.map((r) => r.tube),
        chunk.map((r) => r.pooled),
      ],
    );
    inserted += rowCount;
  }
  return inserted;
}

/** The stored rows of these (lab, sample, person) keys (absent keys are missing from the map, keyed by `sampleKey`). */
export async function testResultsByKey(
  db: Db,
  keys: readonly { lab: string; sampleId: string; personId: string }[],
): Promise<Map<string, StoredTestResult>> {
  const found = new Map<string, StoredTestResult>();
  for (let i = 0; i < keys.length; i += SCREENING_INSERT_CHUNK) {
    const chunk = keys.slice(i, i + SCREENING_INSERT_CHUNK);
    const { rows } = await db.query<TestRow>(
      `SELECT ${TEST_COLUMNS} FROM test_results
        WHERE (lab, sample_id, person_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]))`,
      [chunk.map((k) => k.lab), chunk.map((k) => k.sampleId), chunk.map((k) => k.personId)],
    );
    for (const r of rows) found.set(sampleKey(r.lab, r.sample_id, r.person_id), toTest(r));
  }
  return found;
}

/** The map key of a (lab, sample, person). */
export function sampleKey(lab: string, sampleId: string, personId: string): string {
  return JSON.stringify([lab, sampleId, personId]);
}
