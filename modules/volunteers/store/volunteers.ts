/**
 * Volunteers, their windows and their accounts (migration 0025). The phone is selected only by
 * `phoneOf`; every other read carries it masked.
 */
import { type Db, subtree, UUID } from '@renxing/db';
import { maskPhone } from '../rules/phone.js';
import type { OrganisationKind, Skill, VolunteerState } from '../rules/skills.js';
import type { AvailabilityWindow } from '../rules/windows.js';

export interface Volunteer {
  id: string;
  personId: string | null;
  name: string;
  /** The phone with its middle digits hidden (138****0001). */
  phoneMasked: string;
  skills: Skill[];
  lon: number;
  lat: number;
  /** The community (or grid) they volunteer in: for an official posted down, where they are posted. */
  community: string;
  communityName: string;
  capacity: number;
  state: VolunteerState;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  posted: boolean;
  userId: string | null;
  createdAt: Date;
  /** Availability windows, by start. */
  windows: AvailabilityWindow[];
  /** Hours served in all. */
  hours: number;
}

export interface NewVolunteer {
  personId: string | null;
  name: string;
  phone: string;
  skills: Skill[];
  lon: number;
  lat: number;
  placeId: string;
  capacity: number;
  organisationId: string | null;
  posted: boolean;
  userId: string | null;
}

interface Row {
  id: string;
  person_id: string | null;
  name: string;
  phone: string;
  skills: Skill[];
  lon: number;
  lat: number;
  community: string;
  community_name: string;
  capacity: number;
  state: VolunteerState;
  verified_by: string | null;
  verified_at: Date | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
  posted: boolean;
  user_id: string | null;
  created_at: Date;
  windows: { from: string; to: string }[] | string;
  hours: string | number;
}

const SELECT = `SELECT v.id, v.person_id, v.name, v.phone, v.skills, v.lon, v.lat, pl.path AS community,
       pl.name AS community_name, v.capacity, v.state, v.verified_by, v.verified_at, v.organisation_id,
       o.name AS organisation_name, o.kind AS organisation_kind, v.posted, v.user_id, v.created_at,
       COALESCE((SELECT json_agg(json_build_object('from', w.from_at, 'to', w.to_at) ORDER BY w.from_at, w.to_at)
                   FROM volunteer_windows w WHERE w.volunteer_id = v.id), '[]'::json) AS windows,
       COALESCE((SELECT sum(h.hours) FROM volunteer_hours h WHERE h.volunteer_id = v.id), 0) AS hours
  FROM volunteers v
  JOIN places pl ON pl.id = v.place_id
  LEFT JOIN organisations o ON o.id = v.organisation_id`;

function toVolunteer(r: Row): Volunteer {
  const windows = typeof r.windows === 'string' ? JSON.parse(r.windows) : r.windows;
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    phoneMasked: maskPhone(r.phone),
    skills: r.skills,
    lon: r.lon,
    lat: r.lat,
    community: r.community,
    communityName: r.community_name,
    capacity: r.capacity,
    state: r.state,
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    organisation:
      r.organisation_id && r.organisation_name && r.organisation_kind
        ? { id: r.organisation_id, name: r.organisation_name, kind: r.organisation_kind }
        : null,
    posted: r.posted,
    userId: r.user_id,
    createdAt: r.created_at,
    windows: (windows as { from: string; to: string }[]).map((w) => ({
      from: new Date(w.from),
      to: new Date(w.to),
    })),
    hours: Number(r.hours),
  };
}

/** Inserts a volunteer (unverified); its id. */
export async function insertVolunteer(
  db: Db,
  v: NewVolunteer,
  meta: { by: string | null; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO volunteers (person_id, name, phone, skills, lon, lat, place_id, capacity, organisation_id,
                             posted, user_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     RETURNING id`,
    [
      v.personId,
      v.name,
      v.phone,
      v.skills,
      v.lon,
      v.lat,
      v.placeId,
      v.capacity,
      v.organisationId,
      v.posted,
      v.userId,
      meta.by,
      meta.at,
    ],
  );
  return rows[0].id;
}

/** Changes what a file says of a known volunteer (not their state, person or account). */
export async function updateVolunteer(
  db: Db,
  id: string,
  v: Pick<NewVolunteer, 'name' | 'skills' | 'lon' | 'lat' | 'placeId' | 'capacity' | 'organisationId'>,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE volunteers SET name = $2, skills = $3::text[], lon = $4, lat = $5, place_id = $6, capacity = $7,
            organisation_id = $8, updated_at = $9
      WHERE id = $1`,
    [id, v.name, v.skills, v.lon, v.lat, v.placeId, v.capacity, v.organisationId, at],
  );
}

/** One volunteer (within `scope` when given; locked FOR UPDATE with `lock`), or undefined. */
export async function volunteerById(
  db: Db,
  id: string,
  o: { scope?: string | null; lock?: boolean } = {},
): Promise<Volunteer | undefined> {
  if (!UUID.test(id)) return undefined;
  if (o.lock) await db.query('SELECT 1 FROM volunteers WHERE id = $1 FOR UPDATE', [id]);
  const params: unknown[] = [id];
  let where = 'v.id = $1';
  if (o.scope) {
    params.push(o.scope);
    where += ` AND ${subtree('pl.path', '$2')}`;
  }
  const { rows } = await db.query<Row>(`${SELECT} WHERE ${where}`, params);
  return rows[0] && toVolunteer(rows[0]);
}

/** The volunteer with this account, phone or person, or undefined. */
export async function volunteerBy(
  db: Db,
  key: { userId: string } | { phone: string } | { personId: string },
): Promise<Volunteer | undefined> {
  const [column, value] =
    'userId' in key
      ? ['user_id', key.userId]
      : 'phone' in key
        ? ['phone', key.phone]
        : ['person_id', key.personId];
  if (column !== 'phone' && !UUID.test(value)) return undefined;
  const { rows } = await db.query<Row>(`${SELECT} WHERE v.${column} = $1`, [value]);
  return rows[0] && toVolunteer(rows[0]);
}

/** Volunteers by phone (for an import), with their community. */
export async function volunteersByPhone(
  db: Db,
  phones: readonly string[],
): Promise<Map<string, { id: string; community: string }>> {
  if (phones.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; phone: string; community: string }>(
    `SELECT v.id, v.phone, pl.path AS community FROM volunteers v JOIN places pl ON pl.id = v.place_id
      WHERE v.phone = ANY($1::text[])`,
    [[...new Set(phones)]],
  );
  return new Map(rows.map((r) => [r.phone, { id: r.id, community: r.community }]));
}

/** The phone as given (normalised), or undefined. The only read of it. */
export async function phoneOf(db: Db, id: string): Promise<string | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<{ phone: string }>('SELECT phone FROM volunteers WHERE id = $1', [id]);
  return rows[0]?.phone;
}

/** Marks a volunteer verified (if not already); whether it changed. */
export async function setVerified(db: Db, id: string, by: string | null, at: Date): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE volunteers SET state = 'verified', verified_by = $2, verified_at = $3, updated_at = $3
      WHERE id = $1 AND state <> 'verified' RETURNING id`,
    [id, by, at],
  );
  return rows.length > 0;
}

/** Replaces a volunteer's windows. */
export async function replaceWindows(
  db: Db,
  id: string,
  windows: readonly AvailabilityWindow[],
): Promise<void> {
  await db.query('DELETE FROM volunteer_windows WHERE volunteer_id = $1', [id]);
  await addWindows(db, id, windows);
}

/** Adds windows not already there; how many were added. */
export async function addWindows(
  db: Db,
  id: string,
  windows: readonly AvailabilityWindow[],
): Promise<number> {
  if (windows.length === 0) return 0;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO volunteer_windows (volunteer_id, from_at, to_at)
     SELECT $1, f, t FROM unnest($2::timestamptz[], $3::timestamptz[]) AS w(f, t)
     ON CONFLICT (volunteer_id, from_at, to_at) DO NOTHING
     RETURNING id`,
    [id, windows.map((w) => w.from), windows.map((w) => w.to)],
  );
  return rows.length;
}

export interface VolunteerFilter {
  /** The caller's place (null: the whole city). */
  scope: string | null;
  /** Only those at or under this place. */
  under?: string;
  skill?: Skill;
  state?: VolunteerState;
  organisationId?: string;
  posted?: boolean;
  /** Part of the name. */
  q?: string;
  limit?: number;
  offset?: number;
}

export interface VolunteerPage {
  volunteers: Volunteer[];
  total: number;
}

/** Volunteers within the filter, by community then name. */
export async function listVolunteers(db: Db, f: VolunteerFilter): Promise<VolunteerPage> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown, clause: (p: string) => string) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.scope) add(f.scope, (p) => subtree('pl.path', p));
  if (f.under) add(f.under, (p) => subtree('pl.path', p));
  if (f.skill) add(f.skill, (p) => `${p} = ANY(v.skills)`);
  if (f.state) add(f.state, (p) => `v.state = ${p}`);
  if (f.organisationId)
    add(UUID.test(f.organisationId) ? f.organisationId : null, (p) => `v.organisation_id = ${p}`);
  if (f.posted !== undefined) add(f.posted, (p) => `v.posted = ${p}`);
  if (f.q) add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, (p) => `v.name LIKE ${p}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = Math.min(Math.max(Math.trunc(f.limit ?? 200), 1), 1000);
  const offset = Math.max(Math.trunc(f.offset ?? 0), 0);
  const total = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM volunteers v JOIN places pl ON pl.id = v.place_id ${w}`,
    params,
  );
  const { rows } = await db.query<Row>(
    `${SELECT} ${w} ORDER BY pl.path, v.name, v.id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { volunteers: rows.map(toVolunteer), total: Number(total.rows[0].n) };
}

export interface MatchRow {
  id: string;
  skills: Skill[];
  lon: number;
  lat: number;
  capacity: number;
  windows: AvailabilityWindow[];
  usedToday: number;
}

/**
 * Verified volunteers (of communities at or under `placePath`, when given) with their windows that
 * end after `at`, and the tasks recorded for them on the city day `date`.
 */
export async function verifiedForMatching(
  db: Db,
  o: { placePath?: string; at: Date; date: string },
): Promise<MatchRow[]> {
  const params: unknown[] = [o.at, o.date];
  let where = `v.state = 'verified'`;
  if (o.placePath) {
    params.push(o.placePath);
    where += ` AND ${subtree('pl.path', '$3')}`;
  }
  const { rows } = await db.query<{
    id: string;
    skills: Skill[];
    lon: number;
    lat: number;
    capacity: number;
    windows: { from: string; to: string }[] | string;
    used: string | number;
  }>(
    `SELECT v.id, v.skills, v.lon, v.lat, v.capacity,
            COALESCE((SELECT json_agg(json_build_object('from', w.from_at, 'to', w.to_at) ORDER BY w.from_at)
                        FROM volunteer_windows w WHERE w.volunteer_id = v.id AND w.to_at > $1), '[]'::json) AS windows,
            (SELECT count(*) FROM volunteer_hours h WHERE h.volunteer_id = v.id AND h.date = $2::date) AS used
       FROM volunteers v JOIN places pl ON pl.id = v.place_id
      WHERE ${where}
      ORDER BY v.id`,
    params,
  );
  return rows.map((r) => {
    const windows = typeof r.windows === 'string' ? JSON.parse(r.windows) : r.windows;
    return {
      id: r.id,
      skills: r.skills,
      lon: r.lon,
      lat: r.lat,
      capacity: r.capacity,
      windows: (windows as { from: string; to: string }[]).map((w) => ({
        from: new Date(w.from),
        to: new Date(w.to),
      })),
      usedToday: Number(r.used),
    };
  });
}
