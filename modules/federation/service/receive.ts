/**
 * receiveHandoff: a message from a peer city. Refused with a reason — unsigned, malformed,
 * unknown sender, forged, wrong audience, expired, not yet valid, replayed — before anything is
 * stored; a hand-off is stored as received (a person decides), a decision updates the hand-off it
 * answers. A message id is applied once: its second arrival is a replay.
 */
import { type ErrorCode, RenxingError } from '@renxing/contracts';
import { appendAudit } from '@renxing/modules/audit';
import { closePlatformItems } from '@renxing/modules/inbox';
import { placeByPath } from '@renxing/modules/places';
import type { JSONWebKeySet } from 'jose';
import { checkClaims, type MessageClaims, type Refusal } from '../rules/messages.js';
import { handoffById, insertHandoff, rememberMessage, setHandoffState } from '../store/handoffs.js';
import { type PeerCity, peerByCode, setPeerKeys } from '../store/peers.js';
import { type FederationContext, fetchJwks, SYSTEM, selfCode } from './context.js';
import { claimedSender, signedShape, verifyMessage } from './jws.js';

/** A peer's keys are read again for an unknown key id at most this often (seconds). */
const REFETCH_AFTER = 60;

const CODES: Record<Refusal, ErrorCode> = {
  unsigned: 'RX_HANDOFF_UNSIGNED',
  malformed: 'RX_HANDOFF_MALFORMED',
  unknown_sender: 'RX_HANDOFF_UNKNOWN_SENDER',
  forged: 'RX_HANDOFF_FORGED',
  wrong_audience: 'RX_HANDOFF_WRONG_AUDIENCE',
  expired: 'RX_HANDOFF_EXPIRED',
  not_yet_valid: 'RX_HANDOFF_NOT_YET_VALID',
  replayed: 'RX_HANDOFF_REPLAYED',
  unknown_handoff: 'RX_HANDOFF_UNKNOWN_HANDOFF',
};

/** The catalogue error of a refusal. */
export function refusalError(refusal: Refusal, params: Record<string, string> = {}): RenxingError {
  return new RenxingError(CODES[refusal], params);
}

/** The refusal a catalogue code stands for (the outbox reads a peer's answer with it). */
export function refusalOf(code: unknown): Refusal | null {
  const found = Object.entries(CODES).find(([, c]) => c === code);
  return found ? (found[0] as Refusal) : null;
}

/** Verifies against the peer's keys; an unknown key id reads the peer's JWKS again (a rotation), once a minute. */
async function verified(ctx: FederationContext, peer: PeerCity, jws: string) {
  const first = await verifyMessage(jws, peer.jwks);
  const fetched = peer.jwksFetchedAt ? peer.jwksFetchedAt.getTime() / 1000 : null;
  if (first.ok || !first.unknownKey || fetched === null || ctx.now() - fetched < REFETCH_AFTER) return first;
  let jwks: JSONWebKeySet;
  try {
    jwks = (await fetchJwks(ctx, peer.baseUrl)) as unknown as JSONWebKeySet;
  } catch {
    return first;
  }
  await setPeerKeys(ctx.db, peer.code, jwks, new Date(ctx.now() * 1000));
  return verifyMessage(jws, jwks);
}

export interface Received {
  type: 'handoff' | 'decision';
  id: string;
  /** The hand-off's state here after the message. */
  state: string;
}

export async function receiveMessage(ctx: FederationContext, jws: unknown): Promise<Received> {
  if (!signedShape(jws)) throw refusalError('unsigned');
  const sender = claimedSender(jws);
  if (!sender) throw refusalError('malformed', { field: 'iss', detail: 'missing' });
  const peer = await peerByCode(ctx.db, sender);
  if (!peer) throw refusalError('unknown_sender', { city: sender });
  const signature = await verified(ctx, peer, jws);
  if (!signature.ok)
    throw refusalError(signature.refusal, { city: sender, field: 'jws', detail: 'unreadable' });
  const city = await selfCode(ctx);
  const checked = checkClaims(signature.claims, { city, now: ctx.now() });
  if (!checked.ok) {
    const aud = (signature.claims as { aud?: unknown })?.aud;
    throw refusalError(checked.refusal, {
      field: checked.field ?? '',
      detail: checked.reason ?? '',
      aud: String(aud ?? ''),
      city: sender,
    });
  }
  const claims = checked.claims;
  if (claims.iss !== sender) throw refusalError('malformed', { field: 'iss', detail: 'changed' });
  if (claims.typ === 'handoff') {
    const home = await placeByPath(ctx.db, (claims as MessageClaims<'handoff'>).body.homePlace);
    if (!home)
      throw refusalError('malformed', { field: 'body.homePlace', detail: 'not a place of this city' });
  }
  return ctx.db.transaction(async (tx) => {
    if (!(await rememberMessage(tx, sender, claims.jti, claims.typ)))
      throw refusalError('replayed', { id: claims.jti });
    return claims.typ === 'handoff'
      ? storeHandoff(ctx, tx, claims as MessageClaims<'handoff'>)
      : storeDecision(ctx, tx, claims as MessageClaims<'decision'>);
  });
}

async function storeHandoff(
  ctx: FederationContext,
  tx: FederationContext['db'],
  claims: MessageClaims<'handoff'>,
): Promise<Received> {
  const at = new Date(ctx.now() * 1000);
  await insertHandoff(tx, {
    id: claims.jti,
    direction: 'in',
    peer: claims.iss,
    state: 'received',
    body: claims.body,
    at,
  });
  await appendAudit(tx, {
    actor: SYSTEM,
    action: 'federation.handoff.receive',
    subjectType: 'handoff',
    subjectId: claims.jti,
    reason: claims.body.reason,
    detail: {
      peer: claims.iss,
      kind: claims.body.kind,
      homePlace: claims.body.homePlace,
      iat: claims.iat,
      ...(claims.body.purpose ? { purpose: claims.body.purpose } : {}),
    },
  });
  return { type: 'handoff', id: claims.jti, state: 'received' };
}

async function storeDecision(
  ctx: FederationContext,
  tx: FederationContext['db'],
  claims: MessageClaims<'decision'>,
): Promise<Received> {
  const { handoff: id, decision, reason } = claims.body;
  const h = await handoffById(tx, id, true);
  if (h?.direction !== 'out' || h.peer !== claims.iss)
    throw refusalError('unknown_handoff', { id, city: claims.iss });
  const at = new Date(ctx.now() * 1000);
  await setHandoffState(tx, id, { state: decision, decisionReason: reason, decidedBy: null, at });
  // The item the hand-off raised in the person's home community here is done with the answer.
  if (h.personId)
    await closePlatformItems(
      tx,
      { origin: 'federation.handoff', personIds: [h.personId], ref: id },
      at,
      `${claims.iss}: ${decision} — ${reason}`,
    );
  await appendAudit(tx, {
    actor: SYSTEM,
    action: `federation.handoff.${decision === 'accepted' ? 'accepted' : 'rejected'}_by_peer`,
    subjectType: 'handoff',
    subjectId: id,
    reason,
    detail: { peer: claims.iss, message: claims.jti, from: h.state },
  });
  return { type: 'decision', id, state: decision };
}
