/**
 * Phone pseudonyms: HMAC-SHA256 of the normalised phone number keyed by the city secret, as hex.
 *
 * The raw phone number lives only in `people.phone` (the system of record, read within scope and
 * audited). Everything on the trajectory side — pings, the engine's store, companions, cases —
 * carries only `phonePseudonym(secret, phone)`: compute it before a ping is stored, never after.
 * The same secret gives the same pseudonym (so a companion found by the engine resolves to a
 * person by one indexed lookup on `people.phone_pseudonym`); another secret gives unrelated ones.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file under the data directory that holds the city secret when the environment has none. */
export const CITY_SECRET_FILE = 'city-secret';
const MIN_ENV_SECRET = 32;

/**
 * The city secret: `RENXING_CITY_SECRET` (at least 32 characters, used as UTF-8 bytes) if set,
 * else the 32 random bytes in `<dataDir>/city-secret`, created (mode 0600) on first use.
 * Losing it breaks the link between stored pseudonyms and people: back it up with the database.
 */
export function citySecret(options: {
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
}): Buffer {
  return secretOf(
    'RENXING_CITY_SECRET',
    options.env.RENXING_CITY_SECRET,
    path.join(options.dataDir, CITY_SECRET_FILE),
  );
}

/**
 * A key kept outside the database: `envValue` (the variable `envName`, at least 32 characters,
 * used as UTF-8 bytes) if set, else the 32 random bytes in `file`, created (mode 0600) on first use.
 */
export function secretOf(envName: string, envValue: string | undefined, file: string): Buffer {
  if (envValue !== undefined && envValue !== '') {
    if (envValue.length < MIN_ENV_SECRET) {
      throw new RangeError(`${envName} needs at least ${MIN_ENV_SECRET} characters`);
    }
    return Buffer.from(envValue, 'utf8');
  }
  try {
    return readSecretFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: if another process created it meanwhile, keep theirs.
    fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readSecretFile(file);
}

function readSecretFile(file: string): Buffer {
  const secret = fs.readFileSync(file);
  if (secret.length < 32) throw new RangeError(`${file}: a key needs at least 32 bytes`);
  return secret;
}

/**
 * A phone number in one canonical form, or null if it is not one: separators (space, `-`, `.`,
 * parentheses) dropped, `00` → `+`, and a Chinese mobile given with +86 reduced to its 11 digits,
 * so `+86 138-0013-8000`, `0086 13800138000` and `13800138000` are one number.
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s\-.()]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!/^\+?[0-9]{5,20}$/.test(s)) return null;
  if (/^\+861[0-9]{10}$/.test(s)) s = s.slice(3);
  return s;
}

/** HMAC-SHA256 (hex) of an already normalised phone number. */
export function pseudonymOf(secret: Buffer, normalisedPhone: string): string {
  return createHmac('sha256', secret).update(normalisedPhone).digest('hex');
}

/** The pseudonym of a raw phone number, or null if it is not a phone number. */
export function phonePseudonym(secret: Buffer, rawPhone: string): string | null {
  const phone = normalisePhone(rawPhone);
  return phone === null ? null : pseudonymOf(secret, phone);
}
