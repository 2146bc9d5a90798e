/**
 * The people registry (migration 0002): batch upserts keyed on the phone pseudonym, so re-running
 * an interrupted import neither loses nor duplicates anyone; reads by id and by place subtree.
 *
 * Each batch is one transaction of four statements whatever its size (resolve communities, check
 * ID numbers, upsert households, upsert people): no per-row round trips.
 */
import { randomBytes } from 'node:crypto';
import { type Db, normalisePhone, pseudonymOf, subtree, type Tables, UUID } from '@renxing/db';
import { isWithin, type PlacePath } from '@renxing/modules/places';

export interface NewPerson {
  name: string;
  /** Required: its pseudonym is the key a re-run import finds the person by. */
  phone: string;
  idNumber?: string | null;
  address?: string | null;
  /** The home community (or grid): a place path (`cq.yz.jd01.sq01`) or a code unique in the city. */
  community: string;
  /** A household key from the source; people with the same key share one household. */
  household?: string | null;
}

export interface Person {
  id: string;
  name: string;
  phone: string | null;
  phonePseudonym: string | null;
  idNumber: string | null;
  address: string | null;
  homePlaceId: string | null;
  homePlacePath: string | null;
  householdId: string | null;
  householdKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BatchReject {
  /** Index of the person in the batch given. */
  index: number;
  field: string;
  reason: string;
}

export interface BatchResult {
  inserted: number;
  updated: number;
  rejects: BatchReject[];
}

export interface UpsertOptions {
  /** The city secret that keys the phone pseudonyms. */
  secret: Buffer;
  /** Refuse people whose community is not under this place (reported as an unknown community). */
  within?: PlacePath | null;
}

const HOME_LEVELS = new Set(['community', 'grid']);

/**
 * Upserts one batch (keep it to a few thousand) in one transaction. A person whose phone is
 * already stored is updated in place; rows that cannot be stored are returned as rejects and the
 * rest are kept. Within a batch the last row for a phone wins.
 */
export async function upsertPeople(
  db: Db,
  people: readonly NewPerson[],
  options: UpsertOptions,
): Promise<BatchResult> {
  const rejects: BatchReject[] = [];
  const reject = (index: number, field: string, reason: string) => rejects.push({ index, field, reason });

  // Normalise and key; the last row for a phone wins.
  const byPseudonym = new Map<string, { index: number; person: NewPerson; phone: string }>();
  for (const [index, person] of people.entries()) {
    const phone = normalisePhone(person.phone);
    if (phone === null) reject(index, 'phone', 'not a phone number');
    else if (!person.name?.trim()) reject(index, 'name', 'empty');
    else byPseudonym.set(pseudonymOf(options.secret, phone), { index, person, phone });
  }
  if (byPseudonym.size === 0) return { inserted: 0, updated: 0, rejects };

  return db.transaction(async (tx) => {
    // 1. Communities: by path, or by code when the reference has no dot (one query; two joins, not
    // one with OR, so the path is found by its index).
    const refs = [...new Set([...byPseudonym.values()].map((v) => v.person.community))];
    const { rows: places } = await tx.query<{ ref: string; id: string; path: string; level: string }>(
      `SELECT v.ref, p.id, p.path, p.level FROM unnest($1::text[]) AS v(ref) JOIN places p ON p.path = v.ref
       UNION
       SELECT v.ref, p.id, p.path, p.level FROM unnest($1::text[]) AS v(ref) JOIN places p ON p.code = v.ref
        WHERE strpos(v.ref, '.') = 0`,
      [refs],
    );
    const matches = new Map<string, { id: string; path: string; level: string }[]>();
    for (const r of places) matches.set(r.ref, [...(matches.get(r.ref) ?? []), r]);

    const kept: { pseudonym: string; index: number; person: NewPerson; phone: string; placeId: string }[] =
      [];
    for (const [pseudonym, v] of byPseudonym) {
      const found = (matches.get(v.person.community) ?? []).filter(
        (p) => !options.within || isWithin(p.path, options.within),
      );
      if (found.length === 0) reject(v.index, 'community', `unknown community ${v.person.community}`);
      else if (found.length > 1)
        reject(v.index, 'community', `ambiguous code ${v.person.community}: use the path`);
      else if (!HOME_LEVELS.has(found[0].level)) {
        reject(v.index, 'community', `${found[0].path} is a ${found[0].level}, not a community`);
      } else kept.push({ pseudonym, ...v, placeId: found[0].id });
    }

    // 2. An ID number already held by someone with another phone is not taken over.
    const idNumbers = kept.map((k) => k.person.idNumber).filter((x): x is string => !!x);
    let rows = kept;
    if (idNumbers.length > 0) {
      const { rows: owners } = await tx.query<{ id_number: string; phone_pseudonym: string | null }>(
        'SELECT id_number, phone_pseudonym FROM people WHERE id_number = ANY($1::text[])',
        [idNumbers],
      );
      const owner = new Map(owners.map((o) => [o.id_number, o.phone_pseudonym]));
      const seen = new Map<string, string>();
      rows = kept.filter((k) => {
        const idn = k.person.idNumber;
        if (!idn) return true;
        const taken = owner.has(idn) && owner.get(idn) !== k.pseudonym;
        const twice = seen.has(idn) && seen.get(idn) !== k.pseudonym;
        if (taken || twice) {
          reject(k.index, 'id_number', 'belongs to another person');
          return false;
        }
        seen.set(idn, k.pseudonym);
        return true;
      });
    }
    if (rows.length === 0) return { inserted: 0, updated: 0, rejects: sortRejects(rejects) };
    // One lock order for every batch, so concurrent batches wait for each other, never deadlock.
    rows.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));

    // 3. Households by key (the first row of a key gives its place and address).
    const households = new Map<string, { placeId: string; address: string | null }>();
    for (const r of rows) {
      const key = r.person.household?.trim();
      if (key && !households.has(key))
        households.set(key, { placeId: r.placeId, address: r.person.address ?? null });
    }
    const householdIds = new Map<string, string>();
    if (households.size > 0) {
      const keys = [...households.keys()].sort();
      const { rows: hh } = await tx.query<{ id: string; import_key: string }>(
        `INSERT INTO households (id, import_key, place_id, address)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[])
         ON CONFLICT (import_key) DO UPDATE SET place_id = EXCLUDED.place_id, address = EXCLUDED.address
         RETURNING id, import_key`,
        [
          orderedIds(keys.length),
          keys,
          keys.map((k) => households.get(k)!.placeId),
          keys.map((k) => households.get(k)!.address),
        ],
      );
      for (const h of hh) householdIds.set(h.import_key, h.id);
    }

    // 4. People, keyed on the phone pseudonym.
    const { rows: done } = await tx.query<{ inserted: boolean }>(
      `INSERT INTO people (name, phone, phone_pseudonym, id_number, home_address, home_place_id, household_id, id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
                            $8::uuid[])
       ON CONFLICT (phone_pseudonym) DO UPDATE SET
         name = EXCLUDED.name, phone = EXCLUDED.phone, id_number = EXCLUDED.id_number,
         home_address = EXCLUDED.home_address, home_place_id = EXCLUDED.home_place_id,
         household_id = EXCLUDED.household_id
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.person.name.trim()),
        rows.map((r) => r.phone),
        rows.map((r) => r.pseudonym),
        rows.map((r) => r.person.idNumber || null),
        rows.map((r) => r.person.address ?? null),
        rows.map((r) => r.placeId),
        rows.map((r) => (r.person.household?.trim() ? householdIds.get(r.person.household.trim())! : null)),
        orderedIds(rows.length), // used only by new people
      ],
    );
    const inserted = done.filter((d) => d.inserted).length;
    return { inserted, updated: done.length - inserted, rejects: sortRejects(rejects) };
  });
}

let lastMs = 0;
let sequence = 0;

/**
 * Time-ordered ids for new rows (UUID version 7, RFC 9562: 48-bit milliseconds, a 12-bit counter
 * in rand_a, 62 random bits). A bulk import's new people and households then go to the right
 * edge of the primary-key and household_id indexes instead of random pages all over them: with
 * gen_random_uuid() those indexes outgrow shared_buffers at a few hundred thousand people and a
 * 1M import runs at half the speed. Where the counter runs out the clock is run ahead by 1 ms.
 */
export function orderedIds(count: number): string[] {
  const random = randomBytes(count * 8).toString('hex');
  const ids = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      sequence = 0;
    } else if (++sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
    const ms = lastMs.toString(16).padStart(12, '0');
    const r = random.slice(k * 16, k * 16 + 16);
    const variant = ((Number.parseInt(r[0], 16) & 0x3) | 0x8).toString(16);
    ids[k] =
      `${ms.slice(0, 8)}-${ms.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-` +
      `${variant}${r.slice(1, 4)}-${r.slice(4)}`;
  }
  return ids;
}

function sortRejects(rejects: BatchReject[]): BatchReject[] {
  return rejects.sort((a, b) => a.index - b.index);
}

const COLUMNS = `p.id, p.name, p.phone, p.phone_pseudonym, p.id_number, p.home_address, p.home_place_id,
  pl.path AS home_place_path, p.household_id, h.import_key AS household_key, p.created_at, p.updated_at`;
const FROM = `people p
  LEFT JOIN places pl ON pl.id = p.home_place_id
  LEFT JOIN households h ON h.id = p.household_id`;

/** A `people` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type PersonRow = Pick<
  Tables['people'],
  | 'id'
  | 'name'
  | 'phone'
  | 'phone_pseudonym'
  | 'id_number'
  | 'home_address'
  | 'home_place_id'
  | 'household_id'
  | 'created_at'
  | 'updated_at'
> & {
  home_place_path: string | null;
  household_key: string | null;
};

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    phonePseudonym: r.phone_pseudonym,
    idNumber: r.id_number,
    address: r.home_address,
    homePlaceId: r.home_place_id,
    homePlacePath: r.home_place_path,
    householdId: r.household_id,
    householdKey: r.household_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function personById(db: Db, id: string): Promise<Person | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

/** The person holding the phone whose pseudonym this is. */
export async function personByPseudonym(db: Db, pseudonym: string): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.phone_pseudonym = $1`, [
    pseudonym,
  ]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

export interface Paging {
  /** Default 100, at most 1000. */
  limit?: number;
  /** The `next` of the previous page. */
  after?: string | null;
}

/** People whose home place lies under `path`, in id order, a page at a time (keyset paging). */
export async function peopleUnder(
  db: Db,
  path: PlacePath,
  paging: Paging = {},
): Promise<{ people: Person[]; next: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(paging.limit ?? 100), 1), 1000);
  const after = paging.after && UUID.test(paging.after) ? paging.after : null;
  const { rows } = await db.query<PersonRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE ${subtree('pl.path', '$1')} AND ($2::uuid IS NULL OR p.id > $2::uuid)
      ORDER BY p.id LIMIT $3`,
    [path, after, limit + 1],
  );
  const more = rows.length > limit;
  const people = rows.slice(0, limit).map(toPerson);
  return { people, next: more ? people[people.length - 1].id : null };
}

/** How many people are stored (all, or under a place). */
export async function countPeople(db: Db, path?: PlacePath): Promise<number> {
  const { rows } = path
    ? await db.query<{ n: number }>(
        `SELECT count(*) AS n FROM people p JOIN places pl ON pl.id = p.home_place_id
          WHERE ${subtree('pl.path', '$1')}`,
        [path],
      )
    : await db.query<{ n: number }>('SELECT count(*) AS n FROM people');
  return Number(rows[0].n);
}

/** The person with this ID number (a hand-off from another city that shares identity). */
export async function personByIdNumber(db: Db, idNumber: string): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id_number = $1`, [
    idNumber,
  ]);
  return rows[0] ? toPerson(rows[0]) : undefined;
}

/**
 * A person another city handed over without a phone this city can resolve: found again by
 * `importKey` (`handoff:<city>:<pseudonym>`), or registered at `homePlaceId` under it. Answers the id.
 */
export async function registerHandedPerson(
  db: Db,
  p: { importKey: string; name: string; idNumber?: string | null; homePlaceId: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO people (name, id_number, home_place_id, import_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (import_key) DO UPDATE SET home_place_id = EXCLUDED.home_place_id
     RETURNING id`,
    [p.name, p.idNumber ?? null, p.homePlaceId, p.importKey],
  );
  return rows[0].id;
}
