/** Residents per community: people homed at or under each community (the registry's counts). */
import type { IndicatorCommunity } from '@renxing/contracts';
import { type Db, subtree } from '@renxing/db';

/** Every community of the city (by path) with its residents; 0 where nobody is homed. */
export async function communitiesWithResidents(db: Db): Promise<IndicatorCommunity[]> {
  const { rows } = await db.query<{ id: string; path: string; residents: string | number }>(
    `SELECT c.id, c.path, coalesce(sum(n.people), 0)::bigint AS residents
       FROM places c
       LEFT JOIN places h ON ${subtree('h.path', 'c.path')}
       LEFT JOIN people_place_counts n ON n.place_id = h.id
      WHERE c.level = 'community'
      GROUP BY c.id, c.path
      ORDER BY c.path`,
  );
  return rows.map((r) => ({ id: r.id, path: r.path, residents: Number(r.residents) }));
}
