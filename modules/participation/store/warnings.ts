/** Early warnings from residents' symptom reports, and the counts the rule reads. */
import { type Db, subtree } from '@renxing/db';

export interface EarlyWarning {
  id: string;
  placeId: string;
  placePath: string;
  placeName: string;
  hour: Date;
  n: number;
  m: number;
  s: number;
  threshold: number;
  reportIds: string[];
  raisedAt: Date;
}

/**
 * For each community with a symptom report in the 24 h before `at`: the number of distinct
 * residents with one in the 24 h ending at `at − d days`, for d = 0 (now) … `days` (the baseline).
 */
export async function symptomCounts(
  db: Db,
  at: Date,
  days: number,
): Promise<Map<string, { path: string; counts: number[] }>> {
  const { rows } = await db.query<{ place_id: string; path: string; d: number; n: number }>(
    `WITH c AS (
       SELECT DISTINCT place_id FROM reports
        WHERE category = 'health_symptom' AND submitted_at > $1::timestamptz - interval '24 hours'
          AND submitted_at <= $1::timestamptz
     )
     SELECT c.place_id, p.path, g.d::int AS d,
            (SELECT count(DISTINCT r.reporter_person_id)::int FROM reports r
              WHERE r.place_id = c.place_id AND r.category = 'health_symptom'
                AND r.submitted_at > $1::timestamptz - (g.d + 1) * interval '24 hours'
                AND r.submitted_at <= $1::timestamptz - g.d * interval '24 hours') AS n
       FROM c JOIN places p ON p.id = c.place_id CROSS JOIN generate_series(0, $2::int) AS g(d)
      ORDER BY p.path, g.d`,
    [at, days],
  );
  const out = new Map<string, { path: string; counts: number[] }>();
  for (const r of rows) {
    const e = out.get(r.place_id) ?? { path: r.path, counts: [] };
    e.counts[r.d] = r.n;
    out.set(r.place_id, e);
  }
  return out;
}

/** The symptom reports of a community in the 24 h before `at` (the reports behind a warning). */
export async function symptomReportIds(db: Db, placeId: string, at: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM reports WHERE place_id = $1 AND category = 'health_symptom'
        AND submitted_at > $2::timestamptz - interval '24 hours' AND submitted_at <= $2::timestamptz
      ORDER BY submitted_at, id`,
    [placeId, at],
  );
  return rows.map((r) => r.id);
}

/** When the community's newest warning was raised (null: never). */
export async function lastWarningAt(db: Db, placeId: string): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    'SELECT max(raised_at) AS at FROM early_warnings WHERE place_id = $1',
    [placeId],
  );
  return rows[0]?.at ?? null;
}

export async function insertWarning(
  db: Db,
  w: Omit<EarlyWarning, 'id' | 'placePath' | 'placeName'>,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO early_warnings (place_id, hour, n, m, s, threshold, report_ids, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8)
     ON CONFLICT (place_id, hour) DO NOTHING RETURNING id`,
    [w.placeId, w.hour, w.n, w.m, w.s, w.threshold, w.reportIds, w.raisedAt],
  );
  return rows[0]?.id ?? null;
}

export async function listWarnings(
  db: Db,
  o: { scope: string; from?: Date; to?: Date; limit: number },
): Promise<EarlyWarning[]> {
  const params: unknown[] = [o.scope, o.limit];
  const where = [subtree('p.path', '$1')];
  if (o.from) {
    params.push(o.from);
    where.push(`w.raised_at >= $${params.length}`);
  }
  if (o.to) {
    params.push(o.to);
    where.push(`w.raised_at < $${params.length}`);
  }
  const { rows } = await db.query<{
    id: string;
    place_id: string;
    path: string;
    name: string;
    hour: Date;
    n: number;
    m: number;
    s: number;
    threshold: number;
    report_ids: string[];
    raised_at: Date;
  }>(
    `SELECT w.id, w.place_id, p.path, p.name, w.hour, w.n, w.m, w.s, w.threshold, w.report_ids, w.raised_at
       FROM early_warnings w JOIN places p ON p.id = w.place_id
      WHERE ${where.join(' AND ')} ORDER BY w.raised_at DESC, w.id LIMIT $2`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    placeId: r.place_id,
    placePath: r.path,
    placeName: r.name,
    hour: r.hour,
    n: r.n,
    m: r.m,
    s: r.s,
    threshold: r.threshold,
    reportIds: r.report_ids,
    raisedAt: r.raised_at,
  }));
}
