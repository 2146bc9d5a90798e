/** The network's assets and links: the only file that knows `infra_assets` and `infra_links`. */
import { type Db, subtree } from '@renxing/db';
import type { Asset, AssetType, Link, Relation } from '../rules/network.js';

/** An asset as stored, with its places' paths and names. */
export interface StoredAsset {
  id: string;
  kind: string;
  type: AssetType;
  name: string;
  placeId: string;
  placePath: string;
  placeName: string;
  /** A sink's community (null for sources and nodes). */
  communityId: string | null;
  communityPath: string | null;
  communityName: string | null;
  population: number;
  lon: number | null;
  lat: number | null;
  /** The place whose inbox gets its alarms. */
  operatorPlaceId: string;
  operatorPlacePath: string;
  operatorPlaceName: string;
  createdAt: Date;
  updatedAt: Date;
}

interface AssetRow {
  id: string;
  kind: string;
  type: AssetType;
  name: string;
  place_id: string;
  place_path: string;
  place_name: string;
  community_id: string | null;
  community_path: string | null;
  community_name: string | null;
  population: number;
  lon: number | null;
  lat: number | null;
  operator_place_id: string;
  operator_place_path: string;
  operator_place_name: string;
  created_at: Date;
  updated_at: Date;
}

const toAsset = (r: AssetRow): StoredAsset => ({
  id: r.id,
  kind: r.kind,
  type: r.type,
  name: r.name,
  placeId: r.place_id,
  placePath: r.place_path,
  placeName: r.place_name,
  communityId: r.community_id,
  communityPath: r.community_path,
  communityName: r.community_name,
  population: r.population,
  lon: r.lon,
  lat: r.lat,
  operatorPlaceId: r.operator_place_id,
  operatorPlacePath: r.operator_place_path,
  operatorPlaceName: r.operator_place_name,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const SELECT = `SELECT a.id, a.kind, a.type, a.name, a.place_id, p.path AS place_path, p.name AS place_name,
    a.community_id, c.path AS community_path, c.name AS community_name, a.population, a.lon, a.lat,
    a.operator_place_id, o.path AS operator_place_path, o.name AS operator_place_name, a.created_at, a.updated_at
  FROM infra_assets a
  JOIN places p ON p.id = a.place_id
  JOIN places o ON o.id = a.operator_place_id
  LEFT JOIN places c ON c.id = a.community_id`;

/**
 * SQL: the asset (places `p` and operator `o` as joined above) is seen by a caller at `scope`: it
 * stands at or under the scope, or the scope operates it (its operator place is at or under the
 * scope). A city-level caller sees every asset of the city.
 */
export function seenFrom(scope: string): string {
  return `(${subtree('p.path', scope)} OR ${subtree('o.path', scope)})`;
}

export interface AssetFilter {
  /** The caller's place path; null: every asset (the system, the CLI). */
  scope: string | null;
  kind?: string;
  /** Only assets standing at or under this place path. */
  under?: string;
  /** Only these ids. */
  ids?: readonly string[];
}

/** The assets the filter admits, in id order (byte order). */
export async function listAssetRows(db: Db, f: AssetFilter): Promise<StoredAsset[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.scope !== null) where.push(seenFrom(param(f.scope)));
  if (f.kind !== undefined) where.push(`a.kind = ${param(f.kind)}`);
  if (f.under !== undefined) where.push(subtree('p.path', param(f.under)));
  if (f.ids !== undefined) where.push(`a.id = ANY(${param([...f.ids])}::text[])`);
  const { rows } = await db.query<AssetRow>(
    `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id`,
    params,
  );
  return rows.map(toAsset);
}

/** The asset `id` if the caller at `scope` sees it (null: any asset). */
export async function assetRowById(
  db: Db,
  id: string,
  scope: string | null,
): Promise<StoredAsset | undefined> {
  const [a] = await listAssetRows(db, { scope, ids: [id] });
  return a;
}

/** Every asset as the service graph takes it (a sink's community is its place id). */
export async function graphAssets(db: Db): Promise<Asset[]> {
  const { rows } = await db.query<{
    id: string;
    kind: string;
    type: AssetType;
    community_id: string | null;
    population: number;
  }>('SELECT id, kind, type, community_id, population FROM infra_assets ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    type: r.type,
    community: r.community_id,
    population: r.population,
  }));
}

/** Every link, by from, to, relation. */
export async function allLinks(db: Db): Promise<Link[]> {
  const { rows } = await db.query<{ from_id: string; to_id: string; relation: Relation }>(
    'SELECT from_id, to_id, relation FROM infra_links ORDER BY from_id, to_id, relation',
  );
  return rows.map((r) => ({ from: r.from_id, to: r.to_id, relation: r.relation }));
}

/** The links into and out of `id`. */
export async function linksOf(db: Db, id: string): Promise<Link[]> {
  const { rows } = await db.query<{ from_id: string; to_id: string; relation: Relation }>(
    `SELECT from_id, to_id, relation FROM infra_links WHERE from_id = $1 OR to_id = $1
      ORDER BY from_id, to_id, relation`,
    [id],
  );
  return rows.map((r) => ({ from: r.from_id, to: r.to_id, relation: r.relation }));
}

/** How many assets and links are stored. */
export async function networkSize(db: Db): Promise<{ assets: number; links: number }> {
  const { rows } = await db.query<{ assets: number; links: number }>(
    `SELECT (SELECT count(*) FROM infra_assets)::int AS assets, (SELECT count(*) FROM infra_links)::int AS links`,
  );
  return rows[0];
}

/** A place as the import resolves it. */
export interface PlaceRef {
  id: string;
  path: string;
  level: string;
  name: string;
}

/** The places named by id or path (unknown ones are left out), keyed by both their id and path. */
export async function placesByRef(
  db: Db,
  refs: { ids: readonly string[]; paths: readonly string[] },
): Promise<Map<string, PlaceRef>> {
  const { rows } = await db.query<PlaceRef>(
    `SELECT id, path, level, name FROM places WHERE id = ANY($1::uuid[]) OR path = ANY($2::text[])`,
    [[...new Set(refs.ids)], [...new Set(refs.paths)]],
  );
  const out = new Map<string, PlaceRef>();
  for (const r of rows) {
    out.set(r.id, r);
    out.set(r.path, r);
  }
  return out;
}

/** The cities (the places without a parent), by path. */
export async function cityPlaces(db: Db): Promise<PlaceRef[]> {
  const { rows } = await db.query<PlaceRef>(
    'SELECT id, path, level, name FROM places WHERE parent_id IS NULL ORDER BY path',
  );
  return rows;
}

/** What an import writes of an asset: places resolved to ids. */
export interface AssetRecord {
  id: string;
  kind: string;
  type: AssetType;
  name: string;
  placeId: string;
  operatorPlaceId: string;
  communityId: string | null;
  population: number;
  lon: number | null;
  lat: number | null;
}

/**
 * Inserts new assets and replaces known ones whose entry differs (same id); rows equal to what is
 * stored are left as they are. The ids created and updated.
 */
export async function upsertAssets(
  db: Db,
  records: readonly AssetRecord[],
  at: Date,
): Promise<{ created: string[]; updated: string[] }> {
  if (records.length === 0) return { created: [], updated: [] };
  const col = <K extends keyof AssetRecord>(k: K) => records.map((r) => r[k]);
  const { rows } = await db.query<{ id: string; inserted: boolean }>(
    `INSERT INTO infra_assets (id, kind, type, name, place_id, operator_place_id, community_id, population,
                               lon, lat, created_at, updated_at)
     SELECT v.id, v.kind, v.type, v.name, v.place_id, v.operator_place_id, v.community_id, v.population,
            v.lon, v.lat, $11, $11
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[],
                   $8::int[], $9::float8[], $10::float8[])
            AS v(id, kind, type, name, place_id, operator_place_id, community_id, population, lon, lat)
     ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, type = EXCLUDED.type, name = EXCLUDED.name,
            place_id = EXCLUDED.place_id, operator_place_id = EXCLUDED.operator_place_id,
            community_id = EXCLUDED.community_id, population = EXCLUDED.population, lon = EXCLUDED.lon,
            lat = EXCLUDED.lat, updated_at = EXCLUDED.updated_at
      WHERE (infra_assets.kind, infra_assets.type, infra_assets.name, infra_assets.place_id,
             infra_assets.operator_place_id, infra_assets.community_id, infra_assets.population,
             infra_assets.lon, infra_assets.lat)
            IS DISTINCT FROM
            (EXCLUDED.kind, EXCLUDED.type, EXCLUDED.name, EXCLUDED.place_id, EXCLUDED.operator_place_id,
             EXCLUDED.community_id, EXCLUDED.population, EXCLUDED.lon, EXCLUDED.lat)
     RETURNING id, (xmax = 0) AS inserted`,
    [
      col('id'),
      col('kind'),
      col('type'),
      col('name'),
      col('placeId'),
      col('operatorPlaceId'),
      col('communityId'),
      col('population'),
      col('lon'),
      col('lat'),
      at,
    ],
  );
  const created = rows.filter((r) => r.inserted).map((r) => r.id);
  const updated = rows.filter((r) => !r.inserted).map((r) => r.id);
  return { created: created.sort(), updated: updated.sort() };
}

/** Inserts the links not stored yet; the ones inserted. */
export async function insertLinks(db: Db, links: readonly Link[], at: Date): Promise<Link[]> {
  if (links.length === 0) return [];
  const { rows } = await db.query<{ from_id: string; to_id: string; relation: Relation }>(
    `INSERT INTO infra_links (from_id, to_id, relation, created_at)
     SELECT v.from_id, v.to_id, v.relation, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS v(from_id, to_id, relation)
     ON CONFLICT DO NOTHING
     RETURNING from_id, to_id, relation`,
    [links.map((l) => l.from), links.map((l) => l.to), links.map((l) => l.relation), at],
  );
  return rows.map((r) => ({ from: r.from_id, to: r.to_id, relation: r.relation }));
}

/**
 * Removes the `feeds` links that now join assets of different kinds (an asset's kind changed):
 * the contract refuses such links. The ones removed.
 */
export async function removeCrossKindFeeds(db: Db): Promise<Link[]> {
  const { rows } = await db.query<{ from_id: string; to_id: string; relation: Relation }>(
    `DELETE FROM infra_links l USING infra_assets f, infra_assets t
      WHERE l.relation = 'feeds' AND f.id = l.from_id AND t.id = l.to_id AND f.kind <> t.kind
      RETURNING l.from_id, l.to_id, l.relation`,
  );
  return rows.map((r) => ({ from: r.from_id, to: r.to_id, relation: r.relation }));
}

/** Deletes the assets `ids` (their links and N-1 rows with them); the ids deleted. */
export async function deleteAssets(db: Db, ids: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'DELETE FROM infra_assets WHERE id = ANY($1::text[]) RETURNING id',
    [[...ids]],
  );
  return rows.map((r) => r.id).sort();
}

/** Deletes the links given; the ones that were stored. */
export async function deleteLinks(db: Db, links: readonly Link[]): Promise<Link[]> {
  if (links.length === 0) return [];
  const { rows } = await db.query<{ from_id: string; to_id: string; relation: Relation }>(
    `DELETE FROM infra_links l USING unnest($1::text[], $2::text[], $3::text[]) AS v(from_id, to_id, relation)
      WHERE l.from_id = v.from_id AND l.to_id = v.to_id AND l.relation = v.relation
      RETURNING l.from_id, l.to_id, l.relation`,
    [links.map((l) => l.from), links.map((l) => l.to), links.map((l) => l.relation)],
  );
  return rows.map((r) => ({ from: r.from_id, to: r.to_id, relation: r.relation }));
}

/**
 * Serialises changes of the network until commit: every change takes this first, so the N-1
 * analysis it stores is computed from the network with every earlier change in it. Readers are
 * not blocked.
 */
export async function lockNetwork(db: Db): Promise<void> {
  await db.query('LOCK TABLE infra_n1_runs IN EXCLUSIVE MODE');
}
