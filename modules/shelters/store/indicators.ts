/**
 * What shelters' resilience indicator reads (indicators.ts): per community, the shelters placed at
 * or under it, in one query over the whole city. Only grids lie under a community, so a shelter's
 * community is its place or, at a grid, the grid's parent: equality joins, whose estimates stay
 * exact (a path-range join over 10,000 communities is estimated at millions of rows and makes
 * PostgreSQL JIT-compile the query, half a second or more, for nothing).
 */
import type { Db } from '@renxing/db';

export interface PlacedShelter {
  id: string;
  name: string;
  capacityNight: number;
}

/** A community with shelters at or under it: the `limit` largest by night capacity (then name, id), their count and night places. */
export interface CommunityShelters {
  community: string;
  shelters: PlacedShelter[];
  count: number;
  nightPlaces: number;
}

/** Every community with a shelter registered before `asOf` at or under it (any state). */
export async function sheltersByCommunity(db: Db, asOf: Date, limit: number): Promise<CommunityShelters[]> {
  const { rows } = await db.query<{
    community_id: string;
    id: string;
    name: string;
    capacity_night: number;
    n: string | number;
    total: string | number;
  }>(
    `WITH placed AS (
       SELECT c.id AS community_id, s.id, s.name, s.capacity_night
         FROM shelters s
         JOIN places p ON p.id = s.place_id
         JOIN places c ON c.id = CASE WHEN p.level = 'grid' THEN p.parent_id ELSE p.id END
                      AND c.level = 'community'
        WHERE s.created_at < $1
     ), ranked AS (
       SELECT placed.*,
              row_number() OVER (PARTITION BY community_id ORDER BY capacity_night DESC, name, id) AS rn,
              count(*) OVER (PARTITION BY community_id) AS n,
              sum(capacity_night) OVER (PARTITION BY community_id) AS total
         FROM placed
     )
     SELECT community_id, id, name, capacity_night, n, total FROM ranked WHERE rn <= $2
      ORDER BY community_id, rn`,
    [asOf, limit],
  );
  const out = new Map<string, CommunityShelters>();
  for (const r of rows) {
    let c = out.get(r.community_id);
    if (!c) {
      c = { community: r.community_id, shelters: [], count: Number(r.n), nightPlaces: Number(r.total) };
      out.set(r.community_id, c);
    }
    c.shelters.push({ id: r.id, name: r.name, capacityNight: r.capacity_night });
  }
  return [...out.values()];
}
