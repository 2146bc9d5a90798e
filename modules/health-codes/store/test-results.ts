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
