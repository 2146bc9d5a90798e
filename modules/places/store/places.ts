/**
 * The place hierarchy (city → district → street → community → grid) by materialised path.
 * Every question about a subtree or the chain above a place is one indexed query.
 */

import { type Db, subtree, type Tables } from '@renxing/db';
import { checkPath, type PlaceLevel, type PlacePath, pathPrefixes } from '../rules/paths.js';

export interface Place {
  id: string;
  parentId: string | null;
  level: PlaceLevel;
  code: string;
  name: string;
  nameEn: string | null;
  path: PlacePath;
  lon: number | null;
  lat: number | null;
}

export interface NewPlace {
  /** The parent's path; absent or null for a city (a root). */
  parentPath?: PlacePath | null;
  level: PlaceLevel;
  /** Lower-case letters, digits and `_`, unique among its siblings. */
  code: string;
  name: string;
  nameEn?: string | null;
  lon?: number | null;
  lat?: number | null;
}

const CODE = /^[a-z0-9_]{1,32}$/;

const COLUMNS = 'id, parent_id, level, code, name, name_en, path, lon, lat';

/** A `places` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type PlaceRow = Pick<
  Tables['places'],
  'id' | 'parent_id' | 'level' | 'code' | 'name' | 'name_en' | 'path' | 'lon' | 'lat'
> & {
  level: PlaceLevel;
};

function toPlace(r: PlaceRow): Place {
  return {
    id: r.id,
    parentId: r.parent_id,
    level: r.level,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    path: r.path,
    lon: r.lon,
    lat: r.lat,
  };
}

/** Inserts one place under an existing parent (or as a city). */
export async function insertPlace(db: Db, place: NewPlace): Promise<Place> {
  const [inserted] = await insertPlaces(db, [place]);
  return inserted;
}

/**
 * Inserts many places, parents before children, in one transaction and one statement per depth
 * of the tree (not one per place). A parent may be in the batch or already stored.
 * Returns the places in path order.
 */
export async function insertPlaces(db: Db, places: readonly NewPlace[]): Promise<Place[]> {
  for (const p of places) {
    if (!CODE.test(p.code)) throw new RangeError(`not a place code: ${JSON.stringify(p.code)}`);
    if (p.parentPath != null) checkPath(p.parentPath);
  }
  const byDepth = new Map<number, NewPlace[]>();
  for (const p of places) {
    const depth = p.parentPath == null ? 0 : p.parentPath.split('.').length;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), p]);
  }
  const depths = [...byDepth.keys()].sort((a, b) => a - b);
  const out = await db.transaction(async (tx) => {
    const all: Place[] = [];
    for (const depth of depths) all.push(...(await insertLevel(tx, byDepth.get(depth)!)));
    return all;
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function insertLevel(tx: Db, batch: readonly NewPlace[]): Promise<Place[]> {
  const { rows } = await tx.query<PlaceRow>(
    `INSERT INTO places (parent_id, level, code, name, name_en, lon, lat)
     SELECT parent.id, v.level, v.code, v.name, v.name_en, v.lon, v.lat
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[])
            AS v(parent_path, level, code, name, name_en, lon, lat)
       LEFT JOIN places parent ON parent.path = v.parent_path
      WHERE v.parent_path IS NULL OR parent.id IS NOT NULL
     RETURNING ${COLUMNS}`,
    [
      batch.map((p) => p.parentPath ?? null),
      batch.map((p) => p.level),
      batch.map((p) => p.code),
      batch.map((p) => p.name),
      batch.map((p) => p.nameEn ?? null),
      batch.map((p) => p.lon ?? null),
      batch.map((p) => p.lat ?? null),
    ],
  );
  if (rows.length !== batch.length) {
    const found = new Set(rows.map((r) => r.path.slice(0, r.path.lastIndexOf('.'))));
    const missing = [...new Set(batch.map((p) => p.parentPath ?? ''))].filter((p) => p && !found.has(p));
    throw new Error(`insertPlaces: no parent place at ${missing.join(', ')}`);
  }
  return rows.map(toPlace);
}

export async function placeByPath(db: Db, path: PlacePath): Promise<Place | undefined> {
  const { rows } = await db.query<PlaceRow>(`SELECT ${COLUMNS} FROM places WHERE path = $1`, [
    checkPath(path),
  ]);
  return rows[0] ? toPlace(rows[0]) : undefined;
}

/**
 * The place at `path` and everything under it, in path order (parents before children), as one
 * index range scan. `level` keeps only places of that level (e.g. every community of a district).
 */
export async function under(db: Db, path: PlacePath, options: { level?: PlaceLevel } = {}): Promise<Place[]> {
  const params: unknown[] = [checkPath(path)];
  let filter = '';
  if (options.level) {
    params.push(options.level);
    filter = ' AND level = $2';
  }
  const { rows } = await db.query<PlaceRow>(
    `SELECT ${COLUMNS} FROM places
      WHERE ${subtree('path', '$1')}${filter}
      ORDER BY path`,
    params,
  );
  return rows.map(toPlace);
}

/** The chain from the root down to `path`'s parent (with the place itself if `includeSelf`). */
export async function ancestors(
  db: Db,
  path: PlacePath,
  options: { includeSelf?: boolean } = {},
): Promise<Place[]> {
  const prefixes = pathPrefixes(path);
  if (!options.includeSelf) prefixes.pop();
  if (prefixes.length === 0) return [];
  const { rows } = await db.query<PlaceRow>(
    `SELECT ${COLUMNS} FROM places WHERE path = ANY($1::text[]) ORDER BY length(path)`,
    [prefixes],
  );
  return rows.map(toPlace);
}

/** Whether any place exists (a new database has none: the server seeds its demo city then). */
export async function hasPlaces(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM places) AS any');
  return rows[0].any;
}

/** The paths among `paths` that name no place, in the order given. */
export async function unknownPlaces(db: Db, paths: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ path: string }>(
    `SELECT t.path FROM unnest($1::text[]) AS t(path) WHERE NOT EXISTS (SELECT 1 FROM places p WHERE p.path = t.path)`,
    [paths],
  );
  return rows.map((r) => r.path);
}
