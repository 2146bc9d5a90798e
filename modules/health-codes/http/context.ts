/** What the health-code routes share: the database, the preset, the keys, the clock, error mapping. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import type { AppContext } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { personById } from '@renxing/modules/people';
import { isWithin } from '@renxing/modules/places';
import type { FastifyRequest } from 'fastify';
import { presetOf } from '../service/apply.js';
import { loadPreviousKeys, loadSigningKey, type PublishedKey, type SigningKey } from '../service/signing.js';
import type { TokenContext } from '../service/tokens.js';

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

/**
 * The health codes' share of the app context: the keys from configuration (PEM text) or the data
 * directory. The previous keys are read now, so a broken one stops the start; the signing key is
 * created lazily, on first use.
 */
export function healthCodeContext(app: AppContext): HealthCodeContext {
  const preset = presetOf(app.preset).id;
  const previous = loadPreviousKeys({ pems: app.keys.previousSigningKeys, dataDir: app.dataDir });
  let key: SigningKey | undefined;
  let published: readonly PublishedKey[] | undefined;
  const signingKey = () => {
    key ??= loadSigningKey({ pem: app.keys.signingKey, dataDir: app.dataDir });
    return key;
  };
  const publishedKeys = () => {
    if (!published) {
      const current = signingKey();
      published = [current, ...previous.filter((k) => k.kid !== current.kid)];
    }
    return published;
  };
  return {
    db: app.db,
    preset,
    now: app.now,
    signingKey,
    publishedKeys,
    tokens: () => ({ key: signingKey(), verifyKeys: publishedKeys(), citySecret: app.citySecret() }),
    verifyLimit: app.limits.verify,
  };
}

/**
 * The signed-in staff user and the person, if the person's home place lies in the user's scope;
 * anything else reads as 404.
 */
export async function personInScope(
  db: Db,
  request: FastifyRequest,
  personId: string,
): Promise<{ userId: string; personId: string }> {
  const { user, scope } = scopeOf(request);
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
