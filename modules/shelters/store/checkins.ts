/**
 * Check-ins: who is in which shelter, how many, since when. The only file that knows the
 * `shelter_checkins` table; it reads the registry's people and households to name them.
 */
import { type Db, subtree, type Tables } from '@renxing/db';

export interface CheckIn {
  id: string;
  shelterId: string;
  personId: string | null;
  householdId: string | null;
  /** The person's name, the household's label, or the name a count was given under. */
  name: string;
  people: number;
  note: string | null;
  checkedInAt: Date;
  checkedInBy: string | null;
  checkedOutAt: Date | null;
  checkedOutBy: string | null;
}

/** A `shelter_checkins` row, typed from the generated Tables (a renamed column breaks the build). */
type Row = Tables['shelter_checkins'];

const COLUMNS = `c.id, c.shelter_id, c.person_id, c.household_id, c.name, c.people, c.note, c.checked_in_at,
  c.checked_in_by, c.checked_out_at, c.checked_out_by`;

const toCheckIn = (r: Row): CheckIn => ({
  id: r.id,
  shelterId: r.shelter_id,
  personId: r.person_id,
  householdId: r.household_id,
  name: r.name,
  people: r.people,
  note: r.note,
  checkedInAt: new Date(r.checked_in_at),
  checkedInBy: r.checked_in_by,
  checkedOutAt: r.checked_out_at && new Date(r.checked_out_at),
  checkedOutBy: r.checked_out_by,
});

export interface NewCheckIn {
  shelterId: string;
  personId: string | null;
  householdId: string | null;
  name: string;
  people: number;
  note: string | null;
  at: Date;
  by: string;
}

/**
 * Takes `people` places at an open shelter and records the check-in, in one statement: the
 * shelter's row is updated only while it is open and occupancy + people stays within the capacity
 * holding now (`night`: the night capacity; rules/capacity.ts decides which and says why when it is
 * refused). Concurrent claims on one shelter queue on its row, each seeing the occupancy the one
 * before it left. Undefined when refused (closed, or not enough places).
 */
export async function claimPlaces(
  db: Db,
  c: NewCheckIn & { night: boolean },
): Promise<{ checkIn: CheckIn; occupancy: number } | undefined> {
  const { rows } = await db.query<Row & { occupancy: number }>(
    `WITH claimed AS (
       UPDATE shelters SET occupancy = occupancy + $5, updated_at = $7
        WHERE id = $1 AND state = 'open'
          AND occupancy + $5 <= CASE WHEN $9::boolean THEN capacity_night ELSE capacity_day END
       RETURNING id, occupancy
     ), inserted AS (
       INSERT INTO shelter_checkins AS c (shelter_id, person_id, household_id, name, people, note, checked_in_at, checked_in_by)
       SELECT claimed.id, $2, $3, $4, $5, $6, $7, $8 FROM claimed
       RETURNING ${COLUMNS}
     )
     SELECT inserted.*, claimed.occupancy FROM inserted, claimed`,
    [c.shelterId, c.personId, c.householdId, c.name, c.people, c.note, c.at, c.by, c.night],
  );
  const r = rows[0];
  return r && { checkIn: toCheckIn(r), occupancy: r.occupancy };
}

/** A check-in by id. */
export async function checkInById(db: Db, id: string): Promise<CheckIn | undefined> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM shelter_checkins c WHERE c.id = $1`, [id]);
  return rows[0] && toCheckIn(rows[0]);
}

/**
 * Marks an open check-in as left (at the later of `at` and its check-in time); undefined when it
 * had already left. One statement: of two concurrent check-outs, one changes it.
 */
export async function markCheckedOut(
  db: Db,
  id: string,
  o: { at: Date; by: string },
): Promise<CheckIn | undefined> {
  const { rows } = await db.query<Row>(
    `UPDATE shelter_checkins AS c SET checked_out_at = greatest($2::timestamptz, c.checked_in_at), checked_out_by = $3
      WHERE c.id = $1 AND c.checked_out_at IS NULL RETURNING ${COLUMNS}`,
    [id, o.at, o.by],
  );
  return rows[0] && toCheckIn(rows[0]);
}

/**
 * An open check-in that already holds the person (theirs, or their household's) or the household
 * (its own, or one of its members'), with its shelter's name.
 */
export async function openCheckInOf(
  db: Db,
  who: { personId: string } | { householdId: string },
): Promise<{ name: string; shelter: string } | undefined> {
  const where =
    'personId' in who
      ? `c.person_id = $1 OR c.household_id = (SELECT household_id FROM people WHERE id = $1)`
      : `c.household_id = $1 OR c.person_id IN (SELECT id FROM people WHERE household_id = $1)`;
  const { rows } = await db.query<{ name: string; shelter: string }>(
    `SELECT c.name, s.name AS shelter FROM shelter_checkins c JOIN shelters s ON s.id = c.shelter_id
      WHERE c.checked_out_at IS NULL AND (${where}) LIMIT 1`,
    ['personId' in who ? who.personId : who.householdId],
  );
  return rows[0];
}

/** The sum of people over a shelter's open check-ins (its occupancy, counted). */
export async function countedOccupancy(db: Db, shelterId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT coalesce(sum(people), 0)::int AS n FROM shelter_checkins WHERE shelter_id = $1 AND checked_out_at IS NULL',
    [shelterId],
  );
  return rows[0].n;
}

export interface Occupant extends CheckIn {
  /** Where the person or household is homed (null: a count under a name, or homed nowhere known). */
  homePath: string | null;
  homeName: string | null;
  checkedInByName: string | null;
}

/**
 * A shelter's open check-ins, newest first. With `visibleTo`, only those homed at or under its
 * place, or checked in by its user: a shelter above the caller's place shows them their own people.
 */
export async function occupantsOf(
  db: Db,
  shelterId: string,
  visibleTo?: { scope: string; userId: string },
): Promise<Occupant[]> {
  const params: unknown[] = [shelterId];
  let filter = '';
  if (visibleTo) {
    params.push(visibleTo.scope, visibleTo.userId);
    filter = ` AND ((home.path IS NOT NULL AND ${subtree('home.path', '$2')}) OR c.checked_in_by = $3)`;
  }
  const { rows } = await db.query<
    Row & { home_path: string | null; home_name: string | null; by_name: string | null }
  >(
    `SELECT ${COLUMNS}, home.path AS home_path, home.name AS home_name, coalesce(u.display_name, u.username) AS by_name
       FROM shelter_checkins c
       LEFT JOIN people pe ON pe.id = c.person_id
       LEFT JOIN households h ON h.id = c.household_id
       LEFT JOIN places home ON home.id = coalesce(pe.home_place_id, h.place_id)
       LEFT JOIN users u ON u.id = c.checked_in_by
      WHERE c.shelter_id = $1 AND c.checked_out_at IS NULL${filter}
      ORDER BY c.checked_in_at DESC, c.id`,
    params,
  );
  return rows.map((r) => ({
    ...toCheckIn(r),
    homePath: r.home_path,
    homeName: r.home_name,
    checkedInByName: r.by_name,
  }));
}

// ---------------------------------------------------------------------------------------------
// The registry's people and households, as a check-in needs them.

export interface Evacuee {
  id: string;
  name: string;
  homePath: string | null;
  householdId: string | null;
}

export async function personForCheckIn(db: Db, personId: string): Promise<Evacuee | undefined> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    home_path: string | null;
    household_id: string | null;
  }>(
    `SELECT pe.id, pe.name, h.path AS home_path, pe.household_id
       FROM people pe LEFT JOIN places h ON h.id = pe.home_place_id WHERE pe.id = $1`,
    [personId],
  );
  const r = rows[0];
  return r && { id: r.id, name: r.name, homePath: r.home_path, householdId: r.household_id };
}

export interface Household {
  id: string;
  /** Its place (else its first member's home). */
  homePath: string | null;
  address: string | null;
  /** Registry members, and their names in a stable order. */
  members: number;
  names: string[];
}

export async function householdForCheckIn(db: Db, householdId: string): Promise<Household | undefined> {
  const found = await households(db, [householdId]);
  return found.get(householdId);
}

/** Households by id with their members (for a check-in and the evacuee search). */
export async function households(db: Db, ids: readonly string[]): Promise<Map<string, Household>> {
  const { rows } = await db.query<{
    id: string;
    home_path: string | null;
    address: string | null;
    names: string[] | null;
  }>(
    `SELECT h.id, coalesce(hp.path, (SELECT mp.path FROM people m JOIN places mp ON mp.id = m.home_place_id
                                      WHERE m.household_id = h.id ORDER BY m.id LIMIT 1)) AS home_path,
            h.address,
            (SELECT array_agg(m.name ORDER BY m.id_number NULLS LAST, m.id) FROM people m WHERE m.household_id = h.id) AS names
       FROM households h LEFT JOIN places hp ON hp.id = h.place_id
      WHERE h.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        homePath: r.home_path,
        address: r.address,
        members: r.names?.length ?? 0,
        names: r.names ?? [],
      },
    ]),
  );
}

/** People's households (id → household id) and their open check-ins (person or household id → check-in). */
export async function checkInsOf(
  db: Db,
  personIds: readonly string[],
): Promise<{
  householdOf: Map<string, string | null>;
  open: Map<string, { id: string; shelterId: string; shelter: string; people: number }>;
}> {
  const { rows } = await db.query<{ id: string; household_id: string | null }>(
    'SELECT id, household_id FROM people WHERE id = ANY($1::uuid[])',
    [[...new Set(personIds)]],
  );
  const householdOf = new Map(rows.map((r) => [r.id, r.household_id]));
  const householdIds = [...new Set(rows.map((r) => r.household_id).filter((h): h is string => h !== null))];
  const open = await db.query<{
    id: string;
    shelter_id: string;
    shelter: string;
    people: number;
    person_id: string | null;
    household_id: string | null;
  }>(
    `SELECT c.id, c.shelter_id, s.name AS shelter, c.people, c.person_id, c.household_id
       FROM shelter_checkins c JOIN shelters s ON s.id = c.shelter_id
      WHERE c.checked_out_at IS NULL AND (c.person_id = ANY($1::uuid[]) OR c.household_id = ANY($2::uuid[]))`,
    [[...householdOf.keys()], householdIds],
  );
  const byKey = new Map<string, { id: string; shelterId: string; shelter: string; people: number }>();
  for (const r of open.rows) {
    const v = { id: r.id, shelterId: r.shelter_id, shelter: r.shelter, people: r.people };
    byKey.set((r.person_id ?? r.household_id)!, v);
  }
  return { householdOf, open: byKey };
}

/**
 * Where a home is on the map: its community's centre (the contract's rule when the home itself has
 * no location), else the nearest place above it that has one. undefined when none has.
 */
export async function homeLocation(
  db: Db,
  path: string,
): Promise<{ lon: number; lat: number; path: string; name: string; level: string } | undefined> {
  const parts = path.split('.');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const { rows } = await db.query<{ lon: number; lat: number; path: string; name: string; level: string }>(
    `SELECT lon, lat, path, name, level FROM places
      WHERE path = ANY($1::text[]) AND lon IS NOT NULL AND lat IS NOT NULL
      ORDER BY (level = 'community') DESC, length(path) DESC LIMIT 1`,
    [prefixes],
  );
  return rows[0];
}
