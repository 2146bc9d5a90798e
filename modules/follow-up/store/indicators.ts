/**
 * The SQL behind follow-up's resilience indicator (followup.median_hours): one set-based query
 * over every community asked for, the median computed in SQL.
 */
import { type Db, subtree } from '@renxing/db';

export interface FinishedTaskHours {
  community: string;
  /** Tasks finished in the period. */
  count: number;
  /** The median of their hours from creation to done. */
  median: number;
  /** The slowest first, at most `limit`. */
  records: { id: string; caseLabel: string; hours: number; finishedAt: Date }[];
}

/**
 * Per community (place id among `communities`): the follow-up tasks done (not those left not
 * executable) whose place is the community or lies under it, finished in [from, to). Communities
 * with none are left out.
 */
export async function finishedTaskHours(
  db: Db,
  o: { communities: readonly string[]; from: Date; to: Date; limit: number },
): Promise<FinishedTaskHours[]> {
  const { rows } = await db.query<{
    community: string;
    n: string | number;
    median: string | number;
    records: { id: string; case_label: string; hours: string | number; finished_at: string }[];
  }>(
    `WITH cp AS MATERIALIZED (
       SELECT c.id AS community, p.id AS place_id
         FROM unnest($1::uuid[]) AS q (id)
         JOIN places c ON c.id = q.id
         JOIN places p ON ${subtree('p.path', 'c.path')}),
     found AS (
       SELECT u.community, t.id, k.label AS case_label, t.finished_at,
              extract(epoch FROM t.finished_at - t.created_at) / 3600.0 AS hours,
              row_number() OVER (PARTITION BY u.community ORDER BY t.finished_at - t.created_at DESC, t.id) AS rn
         FROM cp u
         JOIN tasks t ON t.place_id = u.place_id
         JOIN cases k ON k.id = t.case_id
        WHERE t.state = 'done' AND t.finished_at >= $2 AND t.finished_at < $3)
     SELECT community, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
            jsonb_agg(jsonb_build_object('id', id, 'case_label', case_label, 'hours', hours,
                                         'finished_at', finished_at) ORDER BY rn)
              FILTER (WHERE rn <= $4) AS records
       FROM found GROUP BY community`,
    [o.communities, o.from, o.to, o.limit],
  );
  return rows.map((r) => ({
    community: r.community,
    count: Number(r.n),
    median: Number(r.median),
    records: r.records.map((x) => ({
      id: x.id,
      caseLabel: x.case_label,
      hours: Number(x.hours),
      finishedAt: new Date(x.finished_at),
    })),
  }));
}
