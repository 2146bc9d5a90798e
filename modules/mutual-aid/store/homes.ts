/**
 * Where a requester lives, as a request needs it: the person's home place and its ancestors (the
 * community whose inbox and workers the request belongs to; the nearest place with a centre, the
 * default point of the request).
 */
import { type Db, UUID } from '@renxing/db';

export interface HomePlace {
  id: string;
  path: string;
  level: string;
  lon: number | null;
  lat: number | null;
}

export interface Requester {
  personId: string;
  name: string;
  /** The home place and its ancestors, the home place first (empty when the person has no home place). */
  places: HomePlace[];
}

/** A person and their home's places; undefined for no such person. */
export async function requesterOf(db: Db, personId: string): Promise<Requester | undefined> {
  if (!UUID.test(personId)) return undefined;
  const { rows } = await db.query<{ id: string; name: string; home_path: string | null }>(
    `SELECT pe.id, pe.name, pl.path AS home_path FROM people pe LEFT JOIN places pl ON pl.id = pe.home_place_id
      WHERE pe.id = $1`,
    [personId],
  );
  const person = rows[0];
  if (!person) return undefined;
  if (person.home_path === null) return { personId: person.id, name: person.name, places: [] };
  const places = await db.query<HomePlace>(
    `SELECT id, path, level, lon, lat FROM places
      WHERE path = $1 OR starts_with($1, path || '.')
      ORDER BY length(path) DESC`,
    [person.home_path],
  );
  return {
    personId: person.id,
    name: person.name,
    places: places.rows.map((p) => ({
      ...p,
      lon: p.lon === null ? null : Number(p.lon),
      lat: p.lat === null ? null : Number(p.lat),
    })),
  };
}
