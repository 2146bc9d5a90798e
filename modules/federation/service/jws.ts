/**
 * Signing and verifying federation messages with `jose`: a compact JWS, alg EdDSA (Ed25519, the
 * city key that signs health codes), `kid` its JWK thumbprint, verified against the sending
 * city's published JWKS. The claims are checked afterwards (rules/messages.ts).
 */
import type { KeyObject } from 'node:crypto';
import {
  CompactSign,
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
} from 'jose';
import type { MessageClaims, Refusal } from '../rules/messages.js';

/** The media type of a federation message (the JWS header's `typ`). */
export const MESSAGE_MEDIA_TYPE = 'renxing-federation+jws';

export async function signMessage(
  key: { privateKey: KeyObject; kid: string },
  claims: MessageClaims,
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: MESSAGE_MEDIA_TYPE })
    .sign(key.privateKey);
}

/** The sender a message claims (`iss`), read before verifying it, to find the sender's keys. */
export function claimedSender(jws: string): string | null {
  try {
    decodeProtectedHeader(jws);
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload?.iss === 'string' ? payload.iss : null;
  } catch {
    return null;
  }
}

/** Whether the message is a JWS at all, signed with EdDSA (not `none`, not another alg). */
export function signedShape(jws: unknown): jws is string {
  if (typeof jws !== 'string' || jws.length > 64 * 1024) return false;
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[2] === '') return false;
  try {
    return decodeProtectedHeader(jws).alg === 'EdDSA';
  } catch {
    return false;
  }
}

export type Verified =
  | { ok: true; claims: unknown; kid: string }
  | { ok: false; refusal: Refusal; unknownKey?: boolean };

/** Verifies the signature against the sender's keys; the payload is returned unchecked. */
export async function verifyMessage(jws: string, jwks: JSONWebKeySet): Promise<Verified> {
  try {
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
    });
    return {
      ok: true,
      claims: JSON.parse(new TextDecoder().decode(payload)),
      kid: String(protectedHeader.kid ?? ''),
    };
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys)
      return { ok: false, refusal: 'forged', unknownKey: true };
    if (e instanceof errors.JWSSignatureVerificationFailed) return { ok: false, refusal: 'forged' };
    if (e instanceof SyntaxError) return { ok: false, refusal: 'malformed' };
    return { ok: false, refusal: 'malformed' };
  }
}
