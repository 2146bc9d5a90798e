/** Norms per resident, each set by a source and covering places: their SQL. */

import { randomUUID } from 'node:crypto';
import { type Db, subtree } from '@renxing/db';
import { unknownPlaces } from '@renxing/modules/places';

export interface NormInput {
  item: string;
  perResident: number;
  places: string[];
}

export interface SupplyNorm {
  id: string;
  source: string;
  item: string;
  itemName: string;
  unit: string;
  perResident: number;
  places: { path: string; name: string }[];
  setAt: Date;
}

/** Removes every norm of `source`; how many there were. */
export async function deleteNorms(db: Db, source: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM supply_norms WHERE source = $1', [source]);
  return rowCount;
}

/** Inserts the norms of `source` (places already checked to exist), set-based. */
export async function insertNorms(
  db: Db,
  source: string,
  norms: readonly NormInput[],
  at: Date,
): Promise<void> {
  if (norms.length === 0) return;
  const ids = norms.map(() => randomUUID());
  await db.query(
    `INSERT INTO supply_norms (id, source, item_code, per_resident, set_at)
     SELECT x.id, $1, x.item, x.per_resident, $5 FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS x(id, item, per_resident)`,
    [source, ids, norms.map((n) => n.item), norms.map((n) => n.perResident), at],
  );
  const pairs = norms.flatMap((n, k) => [...new Set(n.places)].map((path) => [ids[k], path] as const));
  await db.query(
    `INSERT INTO supply_norm_places (norm_id, place_id)
     SELECT x.id, p.id FROM unnest($1::uuid[], $2::text[]) AS x(id, path) JOIN places p ON p.path = x.path`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}

/** Serialises the setting of one source's norms. */
export async function lockSource(db: Db, source: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `renxing.supplies.norms/${source}`,
  ]);
}

/** The paths among `paths` that name no place, each once, sorted. */
export async function unknownPaths(db: Db, paths: readonly string[]): Promise<string[]> {
  return [...new Set(await unknownPlaces(db, paths))].sort();
}

/** The norms reaching `scope`: covering a place at, under or above it; by source, item. */
export async function listNorms(db: Db, scope: string): Promise<SupplyNorm[]> {
  const { rows } = await db.query<{
    id: string;
    source: string;
    item_code: string;
    item_name: string;
    unit: string;
    per_resident: number;
    places: { path: string; name: string }[];
    set_at: Date;
  }>(
    `SELECT n.id, n.source, n.item_code, i.name AS item_name, i.unit, n.per_resident::float8 AS per_resident, n.set_at,
            (SELECT json_agg(json_build_object('path', p.path, 'name', p.name) ORDER BY p.path)
               FROM supply_norm_places np JOIN places p ON p.id = np.place_id WHERE np.norm_id = n.id) AS places
       FROM supply_norms n JOIN supply_items i ON i.code = n.item_code
      WHERE EXISTS (SELECT 1 FROM supply_norm_places np JOIN places p ON p.id = np.place_id
                     WHERE np.norm_id = n.id AND (${subtree('p.path', '$1')} OR ${subtree('$1', 'p.path')}))
      ORDER BY n.source, n.item_code, n.id`,
    [scope],
  );
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    item: r.item_code,
    itemName: r.item_name,
    unit: r.unit,
    perResident: r.per_resident,
    places: r.places ?? [],
    setAt: new Date(r.set_at),
  }));
}
