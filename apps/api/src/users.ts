/** Creating users and checking their passwords: argon2id (OWASP's minimum: 19 MiB, t=2, p=1). */
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { type Db, insertUser, type User, type UserRole } from '@renxing/db';

// Algorithm.Argon2id is an ambient const enum, which verbatimModuleSyntax cannot read: its value is 2.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** A hash to verify against when the username is unknown, so both paths take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('renxing-decoy-password');
  return decoy;
}

export interface CreateUser {
  username: string;
  password: string;
  role: UserRole;
  placePath?: string | null;
  personId?: string | null;
  displayName?: string | null;
  unit?: string | null;
}

export async function createUser(db: Db, user: CreateUser): Promise<User> {
  if (user.password.length < 8) throw new RangeError('createUser: a password needs at least 8 characters');
  const { password, ...rest } = user;
  return insertUser(db, { ...rest, passwordHash: await hashPassword(password) });
}
