/**
 * The SQL behind volunteers' resilience indicator (volunteers.per_1000): one set-based query over
 * every community asked for, so 10,000 communities cost one statement.
 */
import { type Db, subtree } from '@renxing/db';

export interface VerifiedVolunteerCount {
  community: string;
  count: number;
  /** The latest verified first, at most `limit`. */
  records: { id: string; name: string; verifiedAt: Date }[];
}

/**
 * Per community (place id among `communities`): its volunteers verified before `asOf` whose place
 * is the community or lies under it. Communities with none are left out.
 */
export async function verifiedVolunteerCounts(
  db: Db,
  o: { communities: readonly string[]; asOf: Date; limit: number },
): Promise<VerifiedVolunteerCount[]> {
  const { rows } = await db.query<{
    community: string;
    n: string | number;
    records: { id: string; name: string; verified_at: string }[] | null;
  }>(
    `WITH cp AS MATERIALIZED (
       SELECT c.id AS community, p.id AS place_id
         FROM unnest($1::uuid[]) AS q (id)
         JOIN places c ON c.id = q.id
         JOIN places p ON ${subtree('p.path', 'c.path')}),
     found AS (
       SELECT u.community, v.id, v.name, v.verified_at,
              row_number() OVER (PARTITION BY u.community ORDER BY v.verified_at DESC, v.id) AS rn
         FROM cp u
         JOIN volunteers v ON v.place_id = u.place_id
        WHERE v.state = 'verified' AND v.verified_at < $2)
     SELECT community, count(*) AS n,
            jsonb_agg(jsonb_build_object('id', id, 'name', name, 'verified_at', verified_at) ORDER BY rn)
              FILTER (WHERE rn <= $3) AS records
       FROM found GROUP BY community`,
    [o.communities, o.asOf, o.limit],
  );
  return rows.map((r) => ({
    community: r.community,
    count: Number(r.n),
    records: (r.records ?? []).map((x) => ({ id: x.id, name: x.name, verifiedAt: new Date(x.verified_at) })),
  }));
}
