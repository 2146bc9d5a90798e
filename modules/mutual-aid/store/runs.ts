/** Matching runs: the only file that knows `aid_runs`. */
import type { Db } from '@renxing/db';

export type RunTrigger = 'on_demand' | 'scheduled';
export type UnmatchedReason = 'no skill' | 'no availability' | 'too far' | 'no capacity';

export interface AidRun {
  id: string;
  at: Date;
  requests: number;
  volunteers: number;
  matched: number;
  weight: number;
  distanceM: number;
  ms: number;
  trigger: RunTrigger;
  runBy: string | null;
  maxKm: number;
  unmatched: { request: string; reason: UnmatchedReason }[];
}

export type NewRun = Omit<AidRun, 'id'>;

interface Row {
  id: string;
  at: string | Date;
  requests: number;
  volunteers: number;
  matched: number;
  weight: number;
  distance_m: number;
  ms: number;
  trigger: RunTrigger;
  run_by: string | null;
  max_km: number;
  unmatched: { request: string; reason: UnmatchedReason }[] | string;
}

const toRun = (r: Row): AidRun => ({
  id: r.id,
  at: new Date(r.at),
  requests: Number(r.requests),
  volunteers: Number(r.volunteers),
  matched: Number(r.matched),
  weight: Number(r.weight),
  distanceM: Number(r.distance_m),
  ms: Number(r.ms),
  trigger: r.trigger,
  runBy: r.run_by,
  maxKm: Number(r.max_km),
  unmatched: typeof r.unmatched === 'string' ? JSON.parse(r.unmatched) : r.unmatched,
});

export async function insertRun(db: Db, run: NewRun): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO aid_runs (at, requests, volunteers, matched, weight, distance_m, ms, trigger, run_by, max_km, unmatched)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) RETURNING id`,
    [
      run.at,
      run.requests,
      run.volunteers,
      run.matched,
      run.weight,
      run.distanceM,
      run.ms,
      run.trigger,
      run.runBy,
      run.maxKm,
      JSON.stringify(run.unmatched),
    ],
  );
  return rows[0].id;
}

/** The newest runs first. */
export async function listRuns(db: Db, limit: number): Promise<AidRun[]> {
  const { rows } = await db.query<Row>('SELECT * FROM aid_runs ORDER BY at DESC, id LIMIT $1', [limit]);
  return rows.map(toRun);
}
