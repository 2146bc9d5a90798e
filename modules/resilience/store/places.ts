/** Communities as the index shows them: with their street and district (read from `places`). */
import type { Db } from '@renxing/db';

export interface CommunityInfo {
  id: string;
  path: string;
  name: string;
  nameEn: string | null;
  lon: number | null;
  lat: number | null;
  /** The street's path and name (the community's parent when it is a street). */
  street: string | null;
  streetName: string | null;
  district: string | null;
  districtName: string | null;
  level: string;
}

export interface CommunityRow {
  id: string;
  path: string;
  name: string;
  name_en: string | null;
  lon: number | null;
  lat: number | null;
  street: string | null;
  street_name: string | null;
  district: string | null;
  district_name: string | null;
  level: string;
}

export const COMMUNITY_COLUMNS = `c.id, c.path, c.name, c.name_en, c.lon, c.lat, c.level,
  s.path AS street, s.name AS street_name, d.path AS district, d.name AS district_name`;
export const COMMUNITY_JOINS = `LEFT JOIN places s ON s.id = c.parent_id AND s.level = 'street'
  LEFT JOIN places d ON d.id = s.parent_id AND d.level = 'district'`;

export const toCommunity = (r: CommunityRow): CommunityInfo => ({
  id: r.id,
  path: r.path,
  name: r.name,
  nameEn: r.name_en,
  lon: r.lon === null ? null : Number(r.lon),
  lat: r.lat === null ? null : Number(r.lat),
  street: r.street,
  streetName: r.street_name,
  district: r.district,
  districtName: r.district_name,
  level: r.level,
});

/** The place at `path` (any level) with its street and district. */
export async function placeInfo(db: Db, path: string): Promise<CommunityInfo | undefined> {
  const { rows } = await db.query<CommunityRow>(
    `SELECT ${COMMUNITY_COLUMNS} FROM places c ${COMMUNITY_JOINS} WHERE c.path = $1`,
    [path],
  );
  return rows[0] && toCommunity(rows[0]);
}

/** Each community's street (place id → the street's id; communities without a street map to themselves). */
export async function streetsOf(db: Db): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; street: string }>(
    `SELECT c.id, coalesce(s.id, c.id) AS street
       FROM places c LEFT JOIN places s ON s.id = c.parent_id AND s.level = 'street'
      WHERE c.level = 'community'`,
  );
  return new Map(rows.map((r) => [r.id, r.street]));
}

/** The places at these paths: id and level by path. */
export async function placesByPath(
  db: Db,
  paths: readonly string[],
): Promise<Map<string, { id: string; level: string }>> {
  if (paths.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; path: string; level: string }>(
    'SELECT id, path, level FROM places WHERE path = ANY($1::text[])',
    [[...new Set(paths)]],
  );
  return new Map(rows.map((r) => [r.path, { id: r.id, level: r.level }]));
}
