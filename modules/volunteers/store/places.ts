/** Places as volunteers need them: id and a centre (the place's own, else its nearest ancestor's). */
import type { Db } from '@renxing/db';

export interface PlaceCentre {
  id: string;
  path: string;
  name: string;
  lon: number | null;
  lat: number | null;
}

/** The places among `paths` that exist, by path. */
export async function placeCentres(db: Db, paths: readonly string[]): Promise<Map<string, PlaceCentre>> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return new Map();
  const { rows } = await db.query<PlaceCentre>(
    `SELECT p.id, p.path, p.name, c.lon, c.lat
       FROM places p
       LEFT JOIN LATERAL (
         SELECT a.lon, a.lat FROM places a
          WHERE a.lon IS NOT NULL AND (a.path = p.path OR starts_with(p.path, a.path || '.'))
          ORDER BY length(a.path) DESC LIMIT 1
       ) c ON true
      WHERE p.path = ANY($1::text[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.path, r]));
}
