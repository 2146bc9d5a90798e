/** Shelters' registry: the only file that knows the `shelters` table. */
import { type Db, subtree, type Tables } from '@renxing/db';
import type { ShelterInput } from '../rules/registry.js';
import type { Offer, ShelterState, ShelterType } from '../rules/types.js';

export interface Shelter {
  id: string;
  /** Its place's path and name. */
  place: string;
  placeName: string;
  name: string;
  address: string | null;
  lon: number;
  lat: number;
  capacityDay: number;
  capacityNight: number;
  type: ShelterType;
  offers: Offer[];
  state: ShelterState;
  stateChangedAt: Date | null;
  /** People checked in and not yet out. */
  occupancy: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A `shelters` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type Row = Pick<
  Tables['shelters'],
  | 'id'
  | 'name'
  | 'address'
  | 'lon'
  | 'lat'
  | 'capacity_day'
  | 'capacity_night'
  | 'state_changed_at'
  | 'occupancy'
  | 'created_at'
  | 'updated_at'
> & {
  place: string;
  place_name: string;
  type: ShelterType;
  offers: Offer[];
  state: ShelterState;
};

const toShelter = (r: Row): Shelter => ({
  id: r.id,
  place: r.place,
  placeName: r.place_name,
  name: r.name,
  address: r.address,
  lon: r.lon,
  lat: r.lat,
  capacityDay: r.capacity_day,
  capacityNight: r.capacity_night,
  type: r.type,
  offers: r.offers,
  state: r.state,
  stateChangedAt: r.state_changed_at && new Date(r.state_changed_at),
  occupancy: r.occupancy,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const SELECT = `SELECT s.id, p.path AS place, p.name AS place_name, s.name, s.address, s.lon, s.lat,
    s.capacity_day, s.capacity_night, s.type, s.offers, s.state, s.state_changed_at, s.occupancy,
    s.created_at, s.updated_at
  FROM shelters s JOIN places p ON p.id = s.place_id`;

/**
 * SQL: the shelter's place (column `place`) reaches the caller at `scope`: it lies at or under the
 * scope (theirs to run), or above it (a street's or district's shelter serves the places below).
 */
export function reaches(place: string, scope: string): string {
  return `(${subtree(place, scope)} OR ${subtree(scope, place)})`;
}

/** The shelter `id` if it reaches `scope` (any shelter without a scope); `lock` takes its row until commit. */
export async function shelterById(
  db: Db,
  id: string,
  o: { scope?: string; lock?: boolean } = {},
): Promise<Shelter | undefined> {
  const params: unknown[] = [id];
  let where = 's.id = $1';
  if (o.scope !== undefined) {
    params.push(o.scope);
    where += ` AND ${reaches('p.path', '$2')}`;
  }
  const { rows } = await db.query<Row>(`${SELECT} WHERE ${where}${o.lock ? ' FOR UPDATE OF s' : ''}`, params);
  return rows[0] && toShelter(rows[0]);
}

export interface ShelterFilter {
  /** Shelters reaching this place (at, under or above it). */
  scope: string;
  /** Only those at or under this place (within the scope). */
  under?: string;
  state?: ShelterState;
  /** Part of the name or address. */
  q?: string;
  limit?: number;
}

/** Shelters reaching `scope` (or under `under`), by place then name. */
export async function listShelters(db: Db, f: ShelterFilter): Promise<Shelter[]> {
  const params: unknown[] = [f.under ?? f.scope, f.limit ?? 2000];
  const where = [f.under ? subtree('p.path', '$1') : reaches('p.path', '$1')];
  if (f.state) {
    params.push(f.state);
    where.push(`s.state = $${params.length}`);
  }
  if (f.q?.trim()) {
    params.push(
      `%${f.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
    where.push(
      `(lower(s.name) LIKE $${params.length} OR lower(coalesce(s.address, '')) LIKE $${params.length})`,
    );
  }
  const { rows } = await db.query<Row>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY p.path, s.name, s.id LIMIT $2`,
    params,
  );
  return rows.map(toShelter);
}

/** Every shelter at or under `path`, by place then name (plans open a level's shelters from these). */
export async function sheltersUnder(db: Db, path: string): Promise<Shelter[]> {
  return listShelters(db, { scope: path, under: path, limit: 100_000 });
}

/** Inserts a shelter at its place; undefined when the place does not exist. */
export async function insertShelter(
  db: Db,
  s: ShelterInput,
  o: { by: string | null; at: Date },
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO shelters (place_id, name, address, lon, lat, capacity_day, capacity_night, type, offers,
                           created_by, created_at, updated_at)
     SELECT p.id, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $11 FROM places p WHERE p.path = $1
     RETURNING id`,
    [s.place, s.name, s.address, s.lon, s.lat, s.capacityDay, s.capacityNight, s.type, s.offers, o.by, o.at],
  );
  return rows[0]?.id;
}

/** Replaces a shelter's entry (its place, name, location, capacities, type, offers); false when the place does not exist. */
export async function replaceShelter(db: Db, id: string, s: ShelterInput, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE shelters SET place_id = p.id, name = $3, address = $4, lon = $5, lat = $6, capacity_day = $7,
            capacity_night = $8, type = $9, offers = $10::text[], updated_at = $11
       FROM places p WHERE p.path = $2 AND shelters.id = $1`,
    [id, s.place, s.name, s.address, s.lon, s.lat, s.capacityDay, s.capacityNight, s.type, s.offers, at],
  );
  return rowCount > 0;
}

/** The shelters among `ids` now in another state, set to `state` (locked in id order); their ids and names. */
export async function setStates(
  db: Db,
  ids: readonly string[],
  state: ShelterState,
  o: { by: string; at: Date },
): Promise<{ id: string; name: string }[]> {
  await db.query('SELECT id FROM shelters WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
  const { rows } = await db.query<{ id: string; name: string }>(
    `UPDATE shelters SET state = $2, state_changed_at = $3, state_changed_by = $4, updated_at = $3
      WHERE id = ANY($1::uuid[]) AND state <> $2 RETURNING id, name`,
    [ids, state, o.at, o.by],
  );
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Adds `delta` (negative: people left) to a shelter's occupancy; the new occupancy. */
export async function addOccupancy(db: Db, id: string, delta: number, at: Date): Promise<number> {
  const { rows } = await db.query<{ occupancy: number }>(
    'UPDATE shelters SET occupancy = occupancy + $2, updated_at = $3 WHERE id = $1 RETURNING occupancy',
    [id, delta, at],
  );
  return rows[0].occupancy;
}

/** The shelters named by (place path, name) pairs, for an import to find what exists: key `path\0name`. */
export async function sheltersByKey(
  db: Db,
  keys: readonly { place: string; name: string }[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; place: string; name: string }>(
    `SELECT s.id, p.path AS place, s.name
       FROM unnest($1::text[], $2::text[]) AS k(place, name)
       JOIN places p ON p.path = k.place JOIN shelters s ON s.place_id = p.id AND s.name = k.name`,
    [keys.map((k) => k.place), keys.map((k) => k.name)],
  );
  return new Map(rows.map((r) => [`${r.place}\0${r.name}`, r.id]));
}

/** Paths among `paths` that name a place. */
export async function knownPlaces(db: Db, paths: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ path: string }>('SELECT path FROM places WHERE path = ANY($1::text[])', [
    [...new Set(paths)],
  ]);
  return new Set(rows.map((r) => r.path));
}
