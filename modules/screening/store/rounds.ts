/** Rounds, their places and sites, and the snapshot of the people each round expects. */
import { type Db, subtree } from '@renxing/db';
import type { Pooling, Zone } from '../rules/rounds.js';
import { recountRound } from './counts.js';

export interface RoundPlace {
  path: string;
  name: string;
  zone: Zone;
}

export interface Site {
  id: string;
  roundId: string;
  name: string;
  place: string;
  zone: Zone;
  lon: number | null;
  lat: number | null;
  opens: string;
  closes: string;
  capacityPerHour: number;
}

export interface Round {
  id: string;
  name: string;
  from: Date;
  to: Date;
  pooling: Pooling;
  places: RoundPlace[];
  createdBy: string | null;
  createdAt: Date;
}

export interface NewSite {
  name: string;
  place: string;
  zone: Zone;
  lon: number | null;
  lat: number | null;
  opens: string;
  closes: string;
  capacityPerHour: number;
}

interface RoundRow {
  id: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  pooling: Pooling;
  places: RoundPlace[];
  created_by: string | null;
  created_at: Date;
}

const ROUND_SELECT = `SELECT r.id, r.name, r.starts_at, r.ends_at, r.pooling, r.created_by, r.created_at,
    coalesce((SELECT json_agg(json_build_object('path', p.path, 'name', p.name, 'zone', rp.zone) ORDER BY p.path)
                FROM screening_round_places rp JOIN places p ON p.id = rp.place_id WHERE rp.round_id = r.id), '[]') AS places
  FROM screening_rounds r`;

const toRound = (r: RoundRow): Round => ({
  id: r.id,
  name: r.name,
  from: new Date(r.starts_at),
  to: new Date(r.ends_at),
  pooling: r.pooling,
  places: r.places,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

export async function insertRound(
  db: Db,
  r: {
    name: string;
    from: Date;
    to: Date;
    pooling: Pooling;
    places: { path: string; zone: Zone }[];
    createdBy: string;
    createdAt: Date;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO screening_rounds (name, starts_at, ends_at, pooling, created_by, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING id`,
    [r.name, r.from, r.to, JSON.stringify(r.pooling), r.createdBy, r.createdAt],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO screening_round_places (round_id, place_id, zone)
     SELECT $1, p.id, t.zone FROM unnest($2::text[], $3::text[]) AS t(path, zone) JOIN places p ON p.path = t.path`,
    [id, r.places.map((p) => p.path), r.places.map((p) => p.zone)],
  );
  return id;
}

/**
 * Snapshots the round's expected people: the residents homed at or under any of its places, each
 * with their community (the home's ancestor at community level) and household; those already
 * sampled in the window are marked tested. Returns how many are expected.
 */
export async function snapshotExpected(db: Db, roundId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH roots AS (
       SELECT p.path FROM screening_round_places rp JOIN places p ON p.id = rp.place_id WHERE rp.round_id = $1
     ), homes AS (
       SELECT h.id, c.id AS community_id
         FROM places h
         LEFT JOIN places c ON c.level = 'community'
              AND c.path = array_to_string((string_to_array(h.path, '.'))[1:4], '.')
              AND h.level IN ('community', 'grid')
        WHERE EXISTS (SELECT 1 FROM roots WHERE ${subtree('h.path', 'roots.path')})
     ), inserted AS (
       INSERT INTO screening_expected (round_id, person_id, community_id, household_id)
       SELECT $1, pe.id, homes.community_id, pe.household_id FROM people pe JOIN homes ON homes.id = pe.home_place_id
       ON CONFLICT DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS n FROM inserted`,
    [roundId],
  );
  await db.query(
    `UPDATE screening_expected e SET first_sampled_at = s.first
       FROM (SELECT m.person_id, min(t.sampled_at) AS first
               FROM screening_members m JOIN screening_tubes t ON t.barcode = m.barcode
               JOIN screening_rounds r ON r.id = $1
              WHERE t.sampled_at BETWEEN r.starts_at AND r.ends_at GROUP BY m.person_id) s
      WHERE e.round_id = $1 AND e.person_id = s.person_id`,
    [roundId],
  );
  await recountRound(db, roundId);
  return rows[0].n;
}

/** The round if the caller at `scope` reaches it: one of its places is at, under or above the scope. */
export async function roundById(db: Db, id: string, scope: string): Promise<Round | undefined> {
  const { rows } = await db.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1 AND ${reaches('r.id', '$2')}`, [
    id,
    scope,
  ]);
  return rows[0] && toRound(rows[0]);
}

/** Rounds reaching `scope`, newest first. */
export async function listRounds(db: Db, scope: string, limit = 100): Promise<Round[]> {
  const { rows } = await db.query<RoundRow>(
    `${ROUND_SELECT} WHERE ${reaches('r.id', '$1')} ORDER BY r.starts_at DESC, r.seq DESC LIMIT $2`,
    [scope, limit],
  );
  return rows.map(toRound);
}

/** SQL: the round `id` has a place at, under or above the place path `scope`. */
function reaches(id: string, scope: string): string {
  return `EXISTS (SELECT 1 FROM screening_round_places rp JOIN places p ON p.id = rp.place_id
                   WHERE rp.round_id = ${id}
                     AND (${subtree('p.path', scope)} OR ${subtree(scope, 'p.path')}))`;
}

interface SiteRow {
  id: string;
  round_id: string;
  name: string;
  place: string;
  zone: Zone;
  lon: number | null;
  lat: number | null;
  opens: string;
  closes: string;
  capacity_per_hour: number;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  roundId: r.round_id,
  name: r.name,
  place: r.place,
  zone: r.zone,
  lon: r.lon,
  lat: r.lat,
  opens: r.opens,
  closes: r.closes,
  capacityPerHour: r.capacity_per_hour,
});

const SITE_SELECT = `SELECT s.id, s.round_id, s.name, p.path AS place, s.zone, s.lon, s.lat, s.opens, s.closes, s.capacity_per_hour
  FROM screening_sites s JOIN places p ON p.id = s.place_id`;

export async function insertSites(db: Db, roundId: string, sites: readonly NewSite[]): Promise<Site[]> {
  const out: Site[] = [];
  for (const s of sites) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO screening_sites (round_id, name, place_id, zone, lon, lat, opens, closes, capacity_per_hour)
       SELECT $1, $2, p.id, $4, $5, $6, $7, $8, $9 FROM places p WHERE p.path = $3 RETURNING id`,
      [roundId, s.name, s.place, s.zone, s.lon, s.lat, s.opens, s.closes, s.capacityPerHour],
    );
    out.push({ ...s, id: rows[0].id, roundId });
  }
  return out;
}

export async function sitesOf(db: Db, roundId: string): Promise<Site[]> {
  const { rows } = await db.query<SiteRow>(`${SITE_SELECT} WHERE s.round_id = $1 ORDER BY s.name, s.id`, [
    roundId,
  ]);
  return rows.map(toSite);
}

export async function siteById(db: Db, id: string): Promise<Site | undefined> {
  const { rows } = await db.query<SiteRow>(`${SITE_SELECT} WHERE s.id = $1`, [id]);
  return rows[0] && toSite(rows[0]);
}

/** Sets (reason) or clears (null) a person's exemption from a round; false when they are not expected in it. */
export async function setExemption(
  db: Db,
  e: { roundId: string; personId: string; reason: string | null; note: string | null; by: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE screening_expected SET exempt_reason = $3, exempt_note = $4, exempted_by = CASE WHEN $3::text IS NULL THEN NULL ELSE $5::uuid END
      WHERE round_id = $1 AND person_id = $2`,
    [e.roundId, e.personId, e.reason, e.reason === null ? null : e.note, e.by],
  );
  return rowCount > 0;
}
