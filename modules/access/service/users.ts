/** Creating users and checking their passwords (hashing lives in @renxing/db/password, shared with the CLI). */
import type { Db } from '@renxing/db';
import { insertUser, type User, type UserRole } from '../store/users.js';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './password.js';

export { hashPassword, verifyPassword };

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
  if (user.password.length < PASSWORD_MIN_LENGTH)
    throw new RangeError('createUser: a password needs at least 8 characters');
  const { password, ...rest } = user;
  return insertUser(db, { ...rest, passwordHash: await hashPassword(password) });
}
