/**
 * Issuing a person's signed token (remembering which person its pseudonym stands for) and
 * verifying one online: the offline check of signing.ts, plus the person's current colour when it
 * changed since the token was issued.
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
  if (colour === undefined) return check;
  return colour === check.claims.colour ? check : { ...check, currentColour: colour };
}
