/**
 * The SQL behind mutual aid's resilience indicator (aid.median_hours): one set-based query over
 * every community asked for, the median computed in SQL.
 */
import { type Db, subtree } from '@renxing/db';

export interface DoneRequestHours {
  community: string;
  /** Requests done in the period. */
  count: number;
  /** The median of their hours from creation to done. */
  median: number;
  /** The slowest first, at most `limit`. */
  records: { id: string; need: string; createdAt: Date; hours: number }[];
}

/**
 * Per community (place id among `communities`): the mutual-aid requests whose place (the
 * requester's community) is the community or lies under it and whose `done` event falls in
 * [from, to). Communities with none are left out.
 */
export async function doneRequestHours(
  db: Db,
  o: { communities: readonly string[]; from: Date; to: Date; limit: number },
): Promise<DoneRequestHours[]> {
  const { rows } = await db.query<{
    community: string;
    n: string | number;
    median: string | number;
    records: { id: string; need: string; created_at: string; hours: string | number }[];
  }>(
    `WITH cp AS MATERIALIZED (
       SELECT c.id AS community, p.id AS place_id
         FROM unnest($1::uuid[]) AS q (id)
         JOIN places c ON c.id = q.id
         JOIN places p ON ${subtree('p.path', 'c.path')}),
     done AS (
       SELECT request_id, min(at) AS at FROM aid_events
        WHERE state = 'done' AND at >= $2 AND at < $3 GROUP BY request_id),
     found AS (
       SELECT u.community, r.id, r.need, r.created_at,
              extract(epoch FROM d.at - r.created_at) / 3600.0 AS hours,
              row_number() OVER (PARTITION BY u.community ORDER BY d.at - r.created_at DESC, r.id) AS rn
         FROM done d
         JOIN aid_requests r ON r.id = d.request_id
         JOIN cp u ON u.place_id = r.place_id)
     SELECT community, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
            jsonb_agg(jsonb_build_object('id', id, 'need', need, 'created_at', created_at, 'hours', hours)
                      ORDER BY rn) FILTER (WHERE rn <= $4) AS records
       FROM found GROUP BY community`,
    [o.communities, o.from, o.to, o.limit],
  );
  return rows.map((r) => ({
    community: r.community,
    count: Number(r.n),
    median: Number(r.median),
    records: r.records.map((x) => ({
      id: x.id,
      need: x.need,
      createdAt: new Date(x.created_at),
      hours: Number(x.hours),
    })),
  }));
}
