/** What the health-code routes share: the database, the preset, the keys, the clock, error mapping. */
import { RenxingError } from '@renxing/contracts';
import { citySecret, type Db, renxingDataDir } from '@renxing/db';
import { FieldError, invalid } from '@renxing/http';
import { type RoleSet, scopeOf } from '@renxing/modules/access';
import { personById } from '@renxing/modules/people';
import { isWithin } from '@renxing/modules/places';
import type { FastifyRequest } from 'fastify';
import { HealthCodeServiceError, presetOf } from '../service/apply.js';
import { loadPreviousKeys, loadSigningKey, type PublishedKey, type SigningKey } from '../service/signing.js';
import type { TokenContext } from '../service/tokens.js';

export interface HealthCodeRouteOptions {
  db: Db;
  /** The city's rule preset; default env RENXING_PRESET, else `default`. */
  preset?: string;
  /** The key of pseudonyms; default RENXING_CITY_SECRET or `<RENXING_DATA_DIR>/city-secret`. */
  citySecret?: Buffer | (() => Buffer);
  /** The signing key; default RENXING_SIGNING_KEY or `<RENXING_DATA_DIR>/signing-key.pem`. */
  signingKey?: SigningKey;
  /**
   * Keys of earlier rotations: they still verify and are published, never sign. Default
   * RENXING_SIGNING_KEYS_PREVIOUS and `<RENXING_DATA_DIR>/previous-signing-keys/*.pem`.
   */
  previousKeys?: readonly PublishedKey[];
  /** The clock, epoch seconds. */
  now?: () => number;
  /** verifyHealthCode requests per IP per minute (default 600). */
  verifyLimit?: number;
}

const dataDir = () => renxingDataDir();

export interface HealthCodeContext {
  db: Db;
  preset: string;
  now: () => number;
  tokens: () => TokenContext;
  signingKey: () => SigningKey;
  /** The published keys: the signing key first, then those of earlier rotations. */
  publishedKeys: () => readonly PublishedKey[];
  verifyLimit: number;
}

/** Default verifyHealthCode requests per IP per minute: generous, a checkpoint scans often. */
export const DEFAULT_VERIFY_LIMIT = 600;

export function healthCodeContext(options: HealthCodeRouteOptions): HealthCodeContext {
  // Checked at start-up: an unknown preset is a configuration error, not a request's.
  const preset = presetOf(options.preset || process.env.RENXING_PRESET || 'default').id;
  let key = options.signingKey;
  // Read now, so a broken previous key stops the start (the signing key is created lazily).
  const previous = options.previousKeys ?? loadPreviousKeys({ env: process.env, dataDir: dataDir() });
  let published: readonly PublishedKey[] | undefined;
  let secret: Buffer | undefined;
  const signingKey = () => {
    key ??= loadSigningKey({ env: process.env, dataDir: dataDir() });
    return key;
  };
  const publishedKeys = () => {
    if (!published) {
      const current = signingKey();
      published = [current, ...previous.filter((k) => k.kid !== current.kid)];
    }
    return published;
  };
  const secretOf = () => {
    const given = options.citySecret;
    secret ??=
      typeof given === 'function' ? given() : (given ?? citySecret({ env: process.env, dataDir: dataDir() }));
    return secret;
  };
  return {
    db: options.db,
    preset,
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    signingKey,
    publishedKeys,
    tokens: () => ({ key: signingKey(), verifyKeys: publishedKeys(), citySecret: secretOf() }),
    verifyLimit: options.verifyLimit ?? DEFAULT_VERIFY_LIMIT,
  };
}

/**
 * The signed-in staff user (role in `allowed`) and the person, if the person's home place lies in
 * the user's scope; anything else reads as 404.
 */
export async function personInScope(
  db: Db,
  request: FastifyRequest,
  allowed: RoleSet,
  personId: string,
): Promise<{ userId: string; personId: string }> {
  const { user, scope } = scopeOf(request, allowed);
  const person = await personById(db, personId);
  if (!person?.homePlacePath || !isWithin(person.homePlacePath, scope))
    throw new RenxingError('RX_NOT_FOUND');
  return { userId: user.id, personId: person.id };
}

/** The signed-in user's own person record, or 404. */
export function ownPerson(request: FastifyRequest): string {
  const personId = request.user?.personId;
  if (!personId) throw new RenxingError('RX_NOT_FOUND');
  return personId;
}

/** A service refusal as the API's error. */
export function apiError(error: unknown): unknown {
  if (!(error instanceof HealthCodeServiceError)) return error;
  const context = error.detail;
  switch (error.refusal) {
    case 'unknown_person':
    case 'override_not_found':
      return new RenxingError('RX_NOT_FOUND');
    case 'same_person':
      return new RenxingError('RX_OVERRIDE_SELF');
    case 'empty_reason':
      return invalid('body.reason', 'write a reason');
    case 'override_decided':
      return new RenxingError('RX_OVERRIDE_DECIDED', { state: context.state ?? 'decided' });
    case 'no_change':
      return new FieldError('RX_OVERRIDE_NO_CHANGE', 'body.to', { colour: context.colour ?? '' });
    case 'already_red':
      return new RenxingError('RX_ALREADY_RED', { basis: context.basis ?? 'red' });
    case 'not_close_contact':
      return new RenxingError('RX_NOT_CLOSE_CONTACT', {
        colour: context.colour ?? '',
        basis: context.basis ?? '',
      });
    case 'isolation_started':
      return new RenxingError('RX_ISOLATION_STARTED', { at: context.at ?? '' });
    case 'not_a_case':
      return new RenxingError('RX_NOT_A_CASE', { colour: context.colour ?? '', basis: context.basis ?? '' });
    case 'already_discharged':
      return new RenxingError('RX_ALREADY_DISCHARGED', { at: context.at ?? '' });
    case 'before_case':
      return invalid('body.dischargedAt', `before the code turned red (${context.since ?? ''})`);
    case 'result_conflict':
      return new FieldError('RX_TEST_RESULT_CONFLICT', 'body.result', {
        sampleId: context.sampleId ?? '',
        lab: context.lab ?? '',
        result: context.result ?? '',
      });
    default:
      return error;
  }
}
