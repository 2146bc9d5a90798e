/** The people behind a chain's pseudonyms (people.phone_pseudonym), with their home place. */
import type { Db } from '@renxing/db';
import type { ChainHandoff, ChainPerson } from '../rules/chain.js';

const BATCH = 5000;

/** The registered people among `pseudonyms`, by pseudonym (the unknown ones are absent). */
export async function chainPeople(db: Db, pseudonyms: readonly string[]): Promise<Map<string, ChainPerson>> {
  const out = new Map<string, ChainPerson>();
  for (let k = 0; k < pseudonyms.length; k += BATCH) {
    const { rows } = await db.query<{
      phone_pseudonym: string;
      id: string;
      name: string;
      home_path: string | null;
      home_name: string | null;
    }>(
      `SELECT p.phone_pseudonym, p.id, p.name, hp.path AS home_path, hp.name AS home_name
         FROM people p LEFT JOIN places hp ON hp.id = p.home_place_id
        WHERE p.phone_pseudonym = ANY($1::text[])`,
      [pseudonyms.slice(k, k + BATCH)],
    );
    for (const r of rows)
      out.set(r.phone_pseudonym, {
        personId: r.id,
        name: r.name,
        homePlace: r.home_path,
        homePlaceName: r.home_name,
      });
  }
  return out;
}

/**
 * The hand-offs to other cities of the chain's subjects (by the pseudonym they carried), oldest
 * first. Reads federation's tables (migration 0031) without depending on its module, which itself
 * builds on this one; a database without them has none.
 */
export async function chainHandoffs(
  db: Db,
  pseudonyms: readonly string[],
): Promise<Map<string, ChainHandoff[]>> {
  const out = new Map<string, ChainHandoff[]>();
  const { rows: present } = await db.query<{ ok: boolean }>(
    `SELECT to_regclass('handoffs') IS NOT NULL AS ok`,
  );
  if (!present[0]?.ok) return out;
  for (let k = 0; k < pseudonyms.length; k += BATCH) {
    const { rows } = await db.query<{ ref: string; city: string; state: string; at: Date }>(
      `SELECT h.body->'person'->>'ref' AS ref, pc.name AS city, h.state, h.created_at AS at
         FROM handoffs h JOIN peer_cities pc ON pc.code = h.peer
        WHERE h.direction = 'out' AND h.body->'person'->>'ref' = ANY($1::text[])
        ORDER BY h.created_at`,
      [pseudonyms.slice(k, k + BATCH)],
    );
    for (const r of rows) {
      const list = out.get(r.ref) ?? [];
      list.push({ city: r.city, state: r.state, at: Math.floor(r.at.getTime() / 1000) });
      out.set(r.ref, list);
    }
  }
  return out;
}
