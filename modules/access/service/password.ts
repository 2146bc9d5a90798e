/**
 * Password hashing shared by the API (sign-in) and the CLI (`renxing user add`): argon2id with
 * OWASP's minimum (19 MiB, t=2, p=1). A subpath export (`@renxing/db/password`) so the native
 * module loads only where passwords are handled.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** The shortest password accepted anywhere. */
export const PASSWORD_MIN_LENGTH = 8;

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
