/**
 * Finding a person: the people whose home lies under a place, optionally matching a query — part of
 * the name, or exactly a phone number or an ID number. A phone is compared by its pseudonym (one
 * indexed lookup on `people.phone_pseudonym`), never by a pattern over the raw numbers; the answer
 * carries the phone masked (138****8000), the full number only through getPerson.
 */
import type { Db } from '@renxing/db';
import { normalisePhone, pseudonymOf, subtree } from '@renxing/db';
import { maskPhone } from '@renxing/modules/follow-up';
import type { PlacePath } from '@renxing/modules/places';

export interface PeopleSearch {
  /** The place whose subtree is searched (the caller checks it lies within their own). */
  under: PlacePath;
  /** Part of the name, or a whole phone number or ID number; blank: everyone under the place. */
  q?: string;
  /** The city secret that keys the phone pseudonyms. */
  secret: Buffer;
  offset?: number;
  /** 1–200, default 50. */
  limit?: number;
}

export type HitColour = 'green' | 'yellow' | 'red';

export interface PersonHit {
  id: string;
  name: string;
  phoneMasked: string | null;
  homePlacePath: string;
  homePlaceName: string;
  /** The current health code; green for someone who has none yet. */
  colour: HitColour;
}

/** What a query can match besides a part of the name. */
interface SearchKeys {
  name: string | null;
  phonePseudonym: string | null;
  idNumber: string | null;
}

const ID_NUMBER = /^[0-9]{17}[0-9X]$|^[0-9]{15}$/;

/** The name fragment, phone pseudonym and ID number a query stands for (null: none of that kind). */
function searchKeys(q: string | undefined, secret: Buffer): SearchKeys {
  const text = (q ?? '').trim();
  if (!text) return { name: null, phonePseudonym: null, idNumber: null };
  const phone = normalisePhone(text);
  const upper = text.toUpperCase();
  return {
    name: text.toLowerCase(),
    phonePseudonym: phone === null ? null : pseudonymOf(secret, phone),
    idNumber: ID_NUMBER.test(upper) ? upper : null,
  };
}

/**
 * The query as the audit trail may keep it: a phone number as its pseudonym and masked
 * (138****8000), an ID number masked (500101********1234), a name fragment as typed. Nobody reading
 * the log learns a number they did not already know; the pseudonym still says whose it was.
 */
export function auditedQuery(q: string | undefined, secret: Buffer): Record<string, string> {
  const text = (q ?? '').trim();
  const keys = searchKeys(text, secret);
  const out: Record<string, string> = { q: text };
  if (keys.phonePseudonym !== null) {
    out.q = maskPhone(normalisePhone(text)) ?? '';
    out.phonePseudonym = keys.phonePseudonym;
  }
  const id = keys.idNumber;
  if (id !== null) out.q = `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
  return out;
}

const FROM = `people p JOIN places pl ON pl.id = p.home_place_id`;
// $1 the place; $2 a name fragment (lower case); $3 a phone pseudonym; $4 an ID number. The `$2 IS
// NULL` arm keeps a blank query to the subtree alone.
// A name fragment goes through the index of names' characters (migration 0011), then the substring.
const WHERE = `${subtree('pl.path', '$1')}
  AND ($2::text IS NULL
       OR (string_to_array(lower(p.name), NULL) @> string_to_array($2::text, NULL)
           AND strpos(lower(p.name), $2::text) > 0)
       OR p.phone_pseudonym = $3::text
       OR p.id_number = $4::text)`;

interface HitRow {
  id: string;
  name: string;
  phone: string | null;
  path: string;
  place_name: string;
  colour: HitColour | null;
}

/** One page of the people under `under` matching `q`, by name, and how many match in all. */
export async function searchPeople(
  db: Db,
  search: PeopleSearch,
): Promise<{ total: number; people: PersonHit[] }> {
  const keys = searchKeys(search.q, search.secret);
  const limit = Math.min(Math.max(Math.trunc(search.limit ?? 50), 1), 200);
  const offset = Math.max(Math.trunc(search.offset ?? 0), 0);
  const params = [search.under, keys.name, keys.phonePseudonym, keys.idNumber];
  const everyone = keys.name === null && keys.phonePseudonym === null && keys.idNumber === null;
  const [count, page] = await Promise.all([
    everyone
      ? // The total from the per-place counters (migration 0011), not a count of the rows.
        db.query<{ n: number | string }>(
          `SELECT coalesce(sum(c.people), 0) AS n FROM people_place_counts c
             JOIN places pl ON pl.id = c.place_id WHERE ${subtree('pl.path', '$1')}`,
          [search.under],
        )
      : db.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${FROM} WHERE ${WHERE}`, params),
    everyone
      ? // Each place's first offset+limit names from its (home place, name) index, then merged: a
        // page of a city costs a few rows per place, not a sort of every resident.
        db.query<HitRow>(
          `SELECT p.id, p.name, p.phone, pl.path, pl.name AS place_name, hc.colour
             FROM places pl
             CROSS JOIN LATERAL (SELECT id, name, phone FROM people WHERE home_place_id = pl.id
                                  ORDER BY name COLLATE "C", id LIMIT $2) p
             LEFT JOIN health_codes hc ON hc.person_id = p.id
            WHERE ${subtree('pl.path', '$1')}
            ORDER BY p.name COLLATE "C", p.id
            LIMIT $3 OFFSET $4`,
          [search.under, offset + limit, limit, offset],
        )
      : db.query<HitRow>(
          `SELECT p.id, p.name, p.phone, pl.path, pl.name AS place_name, hc.colour
             FROM ${FROM} LEFT JOIN health_codes hc ON hc.person_id = p.id
            WHERE ${WHERE}
            ORDER BY p.name COLLATE "C", p.id
            LIMIT $5 OFFSET $6`,
          [...params, limit, offset],
        ),
  ]);
  return {
    total: Number(count.rows[0].n),
    people: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      phoneMasked: maskPhone(r.phone),
      homePlacePath: r.path,
      homePlaceName: r.place_name,
      colour: r.colour ?? 'green',
    })),
  };
}
