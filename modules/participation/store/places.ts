/** Places as participation needs them: a reporter's community, a place's community, its staff. */
import { type Db, subtree } from '@renxing/db';

export interface Community {
  id: string;
  path: string;
  name: string;
}

/** The community at or above the place with this path (null: the place is above community level, or none). */
export async function communityOfPath(db: Db, path: string): Promise<Community | null> {
  const { rows } = await db.query<Community>(
    `SELECT c.id, c.path, c.name FROM places c
      WHERE c.level = 'community' AND ($1 = c.path OR ${subtree('$1', 'c.path')})
      LIMIT 1`,
    [path],
  );
  return rows[0] ?? null;
}

/** The community of a person's home (null: no home place, or one above community level). */
export async function homeCommunityOf(db: Db, personId: string): Promise<Community | null> {
  const { rows } = await db.query<{ path: string }>(
    'SELECT h.path FROM people pe JOIN places h ON h.id = pe.home_place_id WHERE pe.id = $1',
    [personId],
  );
  return rows[0] ? communityOfPath(db, rows[0].path) : null;
}

/** A person's home path (null: none known) — whether staff may act for them. */
export async function homePathOf(db: Db, personId: string): Promise<string | null | undefined> {
  const { rows } = await db.query<{ path: string | null }>(
    'SELECT h.path FROM people pe LEFT JOIN places h ON h.id = pe.home_place_id WHERE pe.id = $1',
    [personId],
  );
  return rows[0] === undefined ? undefined : rows[0].path;
}

/** The health officers of the district (or the city) above a community: active users. */
export async function healthOfficersAbove(
  db: Db,
  communityPath: string,
): Promise<{ id: string; personId: string | null }[]> {
  const { rows } = await db.query<{ id: string; person_id: string | null }>(
    `SELECT u.id, u.person_id FROM users u JOIN places p ON p.id = u.place_id
      WHERE u.role = 'health_officer' AND u.disabled_at IS NULL AND p.level IN ('city', 'district')
        AND ${subtree('$1', 'p.path')}
      ORDER BY u.username COLLATE "C"`,
    [communityPath],
  );
  return rows.map((r) => ({ id: r.id, personId: r.person_id }));
}
