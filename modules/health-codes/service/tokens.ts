/**
 * Issuing a person's signed token (remembering which person its pseudonym stands for) and
 * verifying one online: the offline check of signing.ts, plus the person's current colour when it
 * changed since the token was issued.
 *
 * What a scanner can rely on. Offline (the JWKS alone): the city signed this colour for this
 * pseudonymous person at `iat`, and the token has not expired — it cannot know of a change after
 * `iat`, so a token may be up to its lifetime (5 minutes by default) behind the person's colour; a
 * scanner that needs less passes `maxAge`. Online: a token whose colour is better than the
 * person's colour now (green or yellow issued, red since) is refused as `superseded` with the
 * current colour, so a code turned red stops passing at once; a colour that improved since keeps
 * the token valid and reports the new colour beside it.
 */

import type { Db } from '@renxing/db';
import type { Colour } from '../rules/types.js';
import { colourOfHealthCodePid, rememberHealthCodePid } from '../store/health-codes.js';
import {
  type HealthTokenClaims,
  issueHealthToken,
  personPseudonym,
  type SigningKey,
  type TokenCheck,
  type VerifyKey,
  verifyHealthToken,
} from './signing.js';

export interface TokenContext {
  key: SigningKey;
  /** Keys that still verify (the current one included); default [key]. */
  verifyKeys?: readonly VerifyKey[];
  citySecret: Buffer;
}

/** A signed token for the person's `colour`, valid `ttl` seconds (default 5 minutes) from `now`. */
export async function issuePersonToken(
  db: Db,
  ctx: TokenContext,
  personId: string,
  colour: Colour,
  options: { now?: number; ttl?: number } = {},
): Promise<{ token: string; claims: HealthTokenClaims }> {
  const pid = personPseudonym(ctx.citySecret, personId);
  await rememberHealthCodePid(db, pid, personId);
  return issueHealthToken(ctx.key, { pid, colour }, options);
}

const SEVERITY: Record<Colour, number> = { green: 0, yellow: 1, red: 2 };

export type OnlineCheck = TokenCheck & {
  /** For a valid token of a known person: their colour now, when it differs from the token's. */
  currentColour?: Colour;
};

/** Verifies a token, and for a valid one looks up whether the person's colour changed since. */
export async function verifyPersonToken(
  db: Db,
  ctx: TokenContext,
  token: unknown,
  options: { now?: number } = {},
): Promise<OnlineCheck> {
  const check = verifyHealthToken(ctx.verifyKeys ?? [ctx.key], token, options);
  if (!check.valid) return check;
  // One round trip for the person and their colour (a person without a stored code is green).
  const colour = await colourOfHealthCodePid(db, check.claims.pid);
  if (colour === undefined || colour === check.claims.colour) return check;
  if (SEVERITY[colour] > SEVERITY[check.claims.colour])
    return { valid: false, reason: 'superseded', claims: check.claims, currentColour: colour };
  return { ...check, currentColour: colour };
}
