/**
 * Users and their sessions (migration 0003). A staff user's scope is a place, kept here as its
 * path; a session is stored by the sha256 of its bearer token, never the token itself.
 */
import { ROLES, type Role } from '@renxing/contracts';
import { type Db, subtree, type Tables } from '@renxing/db';
import type { PlacePath } from '@renxing/modules/places';

/** The roles (the contracts' vocabulary; the users table's check constraint lists the same). */
export const USER_ROLES = ROLES;
export type UserRole = Role;

export interface User {
  id: string;
  username: string;
  role: UserRole;
  /** The place whose subtree the user may see; null for a resident. */
  placePath: PlacePath | null;
  personId: string | null;
  displayName: string | null;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  /** An encoded hash (e.g. argon2id's PHC string); hashing is the caller's job. */
  passwordHash: string;
  role: UserRole;
  /** Required for every role but `resident`; must name an existing place. */
  placePath?: PlacePath | null;
  personId?: string | null;
  displayName?: string | null;
  unit?: string | null;
}

/** A `users` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type UserRow = Pick<
  Tables['users'],
  'id' | 'username' | 'role' | 'person_id' | 'display_name' | 'disabled_at'
> & {
  role: UserRole;
  place_path: string | null;
};

const USER_COLUMNS = `u.id, u.username, u.role, p.path AS place_path, u.person_id, u.display_name, u.disabled_at`;

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    placePath: r.place_path,
    personId: r.person_id,
    displayName: r.display_name,
    disabled: r.disabled_at !== null,
  };
}

/** Inserts one user; throws if `placePath` names no place. */
export async function insertUser(db: Db, user: NewUser): Promise<User> {
  const { rows } = await db.query<UserRow>(
    `WITH inserted AS (
       INSERT INTO users (username, password_hash, role, place_id, person_id, display_name, unit)
       SELECT $1, $2, $3, (SELECT id FROM places WHERE path = $4), $5, $6, $7
        WHERE $4::text IS NULL OR EXISTS (SELECT 1 FROM places WHERE path = $4)
       RETURNING *
     )
     SELECT ${USER_COLUMNS} FROM inserted u LEFT JOIN places p ON p.id = u.place_id`,
    [
      user.username,
      user.passwordHash,
      user.role,
      user.placePath ?? null,
      user.personId ?? null,
      user.displayName ?? null,
      user.unit ?? null,
    ],
  );
  if (!rows[0]) throw new Error(`insertUser: no place at ${user.placePath}`);
  return toUser(rows[0]);
}

/** One user by id, or undefined. */
export async function userById(db: Db, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN places p ON p.id = u.place_id WHERE u.id = $1`,
    [id],
  );
  return rows[0] && toUser(rows[0]);
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string | null;
  role: UserRole;
  placePath: PlacePath;
}

/**
 * The active (not disabled) users with one of `roles` whose place lies under `path`, by place and
 * username: whom work there can be assigned to. At most `limit` (default 1000); `truncated` says
 * there were more.
 */
export async function staffUnder(
  db: Db,
  path: PlacePath,
  roles: readonly UserRole[],
  limit = 1000,
): Promise<{ users: StaffMember[]; truncated: boolean }> {
  const { rows } = await db.query<{
    id: string;
    username: string;
    display_name: string | null;
    role: UserRole;
    place_path: string;
  }>(
    `SELECT u.id, u.username, u.display_name, u.role, p.path AS place_path
       FROM users u JOIN places p ON p.id = u.place_id
      WHERE ${subtree('p.path', '$1')} AND u.disabled_at IS NULL AND u.role = ANY($2::text[])
      ORDER BY p.path, u.username COLLATE "C"
      LIMIT $3`,
    [path, [...roles], limit + 1],
  );
  return {
    users: rows.slice(0, limit).map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      placePath: r.place_path,
    })),
    truncated: rows.length > limit,
  };
}

/**
 * The unit a user acts for (e.g. a health officer's CDC), as shown to the people they act on:
 * the user's `unit`, else the name of their place; undefined for no such user.
 */
export async function userUnit(db: Db, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ unit: string | null }>(
    `SELECT COALESCE(NULLIF(btrim(u.unit), ''), p.name) AS unit
       FROM users u LEFT JOIN places p ON p.id = u.place_id WHERE u.id = $1`,
    [id],
  );
  return rows[0] ? (rows[0].unit ?? '') : undefined;
}

/** The user with this username and their password hash (for signing in), or undefined. */
export async function userCredentials(
  db: Db,
  username: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const { rows } = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash
       FROM users u LEFT JOIN places p ON p.id = u.place_id
      WHERE u.username = $1`,
    [username],
  );
  const r = rows[0];
  return r ? { user: toUser(r), passwordHash: r.password_hash } : undefined;
}

export interface NewSession {
  /** sha256 (hex) of the bearer token. */
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  ip?: string | null;
  userAgent?: string | null;
}

export async function insertSession(db: Db, session: NewSession): Promise<void> {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)`,
    [session.tokenHash, session.userId, session.expiresAt, session.ip ?? null, session.userAgent ?? null],
  );
}

/**
 * The user of a live session (not expired, not revoked, user not disabled), or undefined.
 * Marks the session as seen.
 */
export async function sessionUser(db: Db, tokenHash: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    `WITH s AS (
       UPDATE sessions SET last_seen_at = now()
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
       RETURNING user_id
     )
     SELECT ${USER_COLUMNS}
       FROM s JOIN users u ON u.id = s.user_id LEFT JOIN places p ON p.id = u.place_id
      WHERE u.disabled_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ? toUser(rows[0]) : undefined;
}

/** Revokes a session; returns whether a live one was revoked. */
export async function revokeSession(db: Db, tokenHash: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return (rowCount ?? 0) > 0;
}
