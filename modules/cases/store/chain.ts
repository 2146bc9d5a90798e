/** The people behind a chain's pseudonyms (people.phone_pseudonym), with their home place. */
import type { Db } from '@renxing/db';
import type { ChainPerson } from '../rules/chain.js';

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
