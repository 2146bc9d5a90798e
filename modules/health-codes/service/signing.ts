/**
 * Signed health-code tokens: a JWS in compact serialisation, alg EdDSA over Ed25519 (RFC 8037),
 * `kid` = the key's JWK thumbprint (RFC 7638), claims `pid` (the person's pseudonym, never the raw
 * id), `colour`, `iat`, `exp`. Any JOSE library verifies them against `jwks()`; `verifyHealthToken`
 * does the same here and says why a token is refused.
 *
 * The city's key: env `RENXING_SIGNING_KEY` (PKCS#8 PEM), else `<dataDir>/signing-key.pem`,
 * created (mode 0600) on first use, as the city secret is. Losing it invalidates every QR code
 * issued, nothing more (tokens live minutes): back it up with the data directory anyway.
 *
 * Rotation: the keys a rotation left behind still verify, and are published, until removed: env
 * `RENXING_SIGNING_KEYS_PREVIOUS` (one or more PEM blocks, private or public keys) and every
 * `*.pem` in `<dataDir>/previous-signing-keys/` (see `loadPreviousKeys`).
 */
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { COLOURS, type Colour } from '../rules/types.js';

export const SIGNING_KEY_FILE = 'signing-key.pem';
/** The folder, in the data directory, of keys that verify but no longer sign. */
export const PREVIOUS_KEYS_DIR = 'previous-signing-keys';
/** Default token lifetime: 5 minutes. */
export const DEFAULT_TOKEN_TTL = 300;

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The RFC 7638 thumbprint of the public JWK (base64url SHA-256). */
  kid: string;
  jwk: PublicJwk;
}

/** A key that only verifies (e.g. the previous key after a rotation). */
export type VerifyKey = Pick<SigningKey, 'publicKey' | 'kid'>;

/** A key that verifies and is published in the JWKS (the current key, or a previous one). */
export type PublishedKey = Pick<SigningKey, 'publicKey' | 'kid' | 'jwk'>;

/** The signing key from a PKCS#8 PEM; throws unless it is an Ed25519 private key. */
export function signingKeyFromPem(pem: string | Buffer): SigningKey {
  const privateKey = createPrivateKey({ key: pem, format: 'pem' });
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new RangeError(`the signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  }
  return fromPrivate(privateKey);
}

/** A fresh key (tests, or `loadSigningKey` on first use). */
export function generateSigningKey(): SigningKey {
  return fromPrivate(generateKeyPairSync('ed25519').privateKey);
}

function fromPrivate(privateKey: KeyObject): SigningKey {
  return { privateKey, ...fromPublic(createPublicKey(privateKey)) };
}

function fromPublic(publicKey: KeyObject): PublishedKey {
  const x = publicKey.export({ format: 'jwk' }).x as string;
  const kid = jwkThumbprint(x);
  return { publicKey, kid, jwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' } };
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * The verifying keys in a text of PEM blocks (private PKCS#8 or public SPKI, Ed25519 only, in
 * any order, anything between the blocks ignored). Throws on a block that is not such a key.
 */
export function verifyKeysFromPem(text: string | Buffer, source = 'PEM'): PublishedKey[] {
  const keys: PublishedKey[] = [];
  for (const [block, label] of String(text).matchAll(PEM_BLOCK)) {
    let publicKey: KeyObject;
    try {
      publicKey = label.includes('PRIVATE')
        ? createPublicKey(createPrivateKey({ key: block, format: 'pem' }))
        : createPublicKey({ key: block, format: 'pem' });
    } catch (e) {
      throw new RangeError(`${source}: not a usable key (${(e as Error).message})`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') {
      throw new RangeError(`${source}: a signing key must be Ed25519, not ${publicKey.asymmetricKeyType}`);
    }
    keys.push(fromPublic(publicKey));
  }
  return keys;
}

/**
 * The keys a rotation left behind: `pems` (PEM blocks, from RENXING_SIGNING_KEYS_PREVIOUS), then every
 * `*.pem` file in `<dataDir>/previous-signing-keys/` (by name; no folder: none). They verify
 * tokens and are published in the JWKS, never sign. Duplicates (same kid) are kept once; a
 * file or block that is not an Ed25519 key throws (a configuration error, found at start).
 */
export function loadPreviousKeys(options: { pems?: string; dataDir: string }): PublishedKey[] {
  const keys = verifyKeysFromPem(options.pems ?? '', 'RENXING_SIGNING_KEYS_PREVIOUS');
  const dir = path.join(options.dataDir, PREVIOUS_KEYS_DIR);
  let files: string[] = [];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.pem'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  for (const file of files.sort()) {
    const found = verifyKeysFromPem(fs.readFileSync(path.join(dir, file)), path.join(dir, file));
    if (found.length === 0) throw new RangeError(`${path.join(dir, file)}: no PEM key in it`);
    keys.push(...found);
  }
  return keys.filter((k, i) => keys.findIndex((o) => o.kid === k.kid) === i);
}

/** RFC 7638 thumbprint of an Ed25519 public key: SHA-256 of {"crv","kty","x"} in that order. */
export function jwkThumbprint(x: string): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/**
 * The city's signing key: `pem` (PKCS#8, from RENXING_SIGNING_KEY) if given, else
 * `<dataDir>/signing-key.pem`, created with mode 0600 on first use (a file another process
 * created meanwhile is kept).
 */
export function loadSigningKey(options: { pem?: string; dataDir: string }): SigningKey {
  if (options.pem !== undefined && options.pem !== '') return signingKeyFromPem(options.pem);
  const file = path.join(options.dataDir, SIGNING_KEY_FILE);
  try {
    return signingKeyFromPem(fs.readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const pem = generateSigningKey().privateKey.export({ format: 'pem', type: 'pkcs8' });
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return signingKeyFromPem(fs.readFileSync(file));
}

/** The JWKS document that publishes the public keys (first: the current signing key). */
export function jwks(...keys: Pick<SigningKey, 'jwk'>[]): { keys: PublicJwk[] } {
  return { keys: keys.map((k) => ({ ...k.jwk })) };
}

/** The pseudonym a token carries for a person: HMAC-SHA256(person id) keyed by the city secret, base64url. */
export function personPseudonym(citySecret: Buffer, personId: string): string {
  return createHmac('sha256', citySecret).update(`health-code-pid\0${personId}`).digest('base64url');
}

export interface HealthTokenClaims {
  pid: string;
  colour: Colour;
  /** Epoch seconds. */
  iat: number;
  exp: number;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs a token for `pid` with `colour`, valid from `now` (epoch seconds) for `ttl` seconds. */
export function issueHealthToken(
  key: SigningKey,
  claims: { pid: string; colour: Colour },
  options: { now?: number; ttl?: number } = {},
): { token: string; claims: HealthTokenClaims } {
  const iat = Math.floor(options.now ?? Date.now() / 1000);
  const full: HealthTokenClaims = {
    pid: claims.pid,
    colour: claims.colour,
    iat,
    exp: iat + (options.ttl ?? DEFAULT_TOKEN_TTL),
  };
  const input = `${b64({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })}.${b64(full)}`;
  const signature = sign(null, Buffer.from(input), key.privateKey).toString('base64url');
  return { token: `${input}.${signature}`, claims: full };
}

/** Why a token is refused (stable codes). */
export const TOKEN_REFUSALS = [
  'malformed',
  'unsupported_alg',
  'unknown_key',
  'bad_signature',
  'bad_claims',
  'not_yet_valid',
  'expired',
  /** Offline, with `maxAge`: issued longer ago than the scanner accepts. */
  'too_old',
  /** Online only: the person's colour is worse now than the token's (see tokens.ts). */
  'superseded',
] as const;
export type TokenRefusal = (typeof TOKEN_REFUSALS)[number];

export type TokenCheck =
  | { valid: true; claims: HealthTokenClaims; kid: string }
  | {
      valid: false;
      reason: TokenRefusal;
      /** Present when the signature was good (an expired or not-yet-valid token). */
      claims?: HealthTokenClaims;
    };

const B64URL = /^[A-Za-z0-9_-]*$/;
const MAX_TOKEN = 2048;

function parseJson(segment: string): Record<string, unknown> | null {
  if (!B64URL.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Verifies a token against the keys (by kid) at `now` (epoch seconds; `leeway` seconds of clock
 * skew allowed, default 0): refused as malformed, unsupported_alg, unknown_key, bad_signature,
 * bad_claims, not_yet_valid or expired, in that order of checking.
 */
export function verifyHealthToken(
  keys: readonly VerifyKey[],
  token: unknown,
  options: {
    now?: number;
    leeway?: number;
    /**
     * Seconds since issue a scanner accepts (below the token's own lifetime): a checkpoint that
     * wants to know the colour of the last minute, not of the last five, says so here.
     */
    maxAge?: number;
  } = {},
): TokenCheck {
  if (typeof token !== 'string' || token.length > MAX_TOKEN) return { valid: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || !B64URL.test(parts[2]) || parts[2] === '')
    return { valid: false, reason: 'malformed' };
  const header = parseJson(parts[0]);
  const payload = parseJson(parts[1]);
  if (!header || !payload) return { valid: false, reason: 'malformed' };
  if (header.alg !== 'EdDSA' || header.crit !== undefined) return { valid: false, reason: 'unsupported_alg' };
  const key = keys.find((k) => k.kid === header.kid);
  if (!key) return { valid: false, reason: 'unknown_key' };
  const signature = Buffer.from(parts[2], 'base64url');
  // Canonical base64url only: a re-encoded signature must give back the very same text.
  if (signature.length !== 64 || signature.toString('base64url') !== parts[2]) {
    return { valid: false, reason: 'bad_signature' };
  }
  if (!verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, signature)) {
    return { valid: false, reason: 'bad_signature' };
  }
  const { pid, colour, iat, exp } = payload;
  if (
    typeof pid !== 'string' ||
    pid === '' ||
    !(COLOURS as readonly unknown[]).includes(colour) ||
    !isSeconds(iat) ||
    !isSeconds(exp) ||
    exp <= iat
  ) {
    return { valid: false, reason: 'bad_claims' };
  }
  const claims: HealthTokenClaims = { pid, colour: colour as Colour, iat, exp };
  const now = Math.floor(options.now ?? Date.now() / 1000);
  const leeway = options.leeway ?? 0;
  if (iat > now + leeway) return { valid: false, reason: 'not_yet_valid', claims };
  if (now - leeway >= exp) return { valid: false, reason: 'expired', claims };
  if (options.maxAge !== undefined && now - leeway > iat + options.maxAge)
    return { valid: false, reason: 'too_old', claims };
  return { valid: true, claims, kid: key.kid };
}
