/**
 * Federation: the peer-city registry (listPeerCities, registerPeerCity), hand-offs
 * (sendHandoff, listHandoffs, getHandoff, acceptHandoff, rejectHandoff) and the endpoint peers
 * deliver signed messages to (receiveHandoff: no session, the signature is the credential).
 */
import { commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, FederationContext } from '../service/context.js';
import { acceptHandoff, rejectHandoff } from '../service/decide.js';
import { registerPeerCity } from '../service/peers.js';
import { receiveMessage } from '../service/receive.js';
import { sendHandoff } from '../service/send.js';
import { getHandoff, listHandoffs } from '../service/view.js';
import type { Handoff } from '../store/handoffs.js';
import { listPeers, type PeerCity } from '../store/peers.js';
import {
  acceptBody,
  handoffSchema,
  handoffViewSchema,
  listQuery,
  messageBody,
  peerBody,
  peerSchema,
  readQuery,
  receivedSchema,
  rejectBody,
  sendBody,
} from './schemas.js';

const actorOf = (request: FastifyRequest): Actor => {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope };
};

const peerOut = (p: PeerCity) => ({
  code: p.code,
  name: p.name,
  kind: p.kind,
  baseUrl: p.baseUrl,
  places: p.places,
  shareIdentity: p.shareIdentity,
  keys: p.jwks.keys.map((k) => String(k.kid ?? '')),
  keysFetchedAt: p.jwksFetchedAt,
  registeredAt: p.registeredAt,
});

/** A hand-off as the API shows it: its body's person and evidence lifted out. */
export const handoffOut = <T extends Handoff>({ body, decidedBy: _d, createdBy: _c, ...h }: T) => ({
  ...h,
  purpose: body.purpose ?? null,
  person: body.person,
  evidence: body.evidence as Record<string, unknown>,
});

export default async function federationRoutes(
  fastify: FastifyInstance,
  ctx: FederationContext,
): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  const tags = ['federation'];

  api.get(
    '/federation/peers',
    {
      schema: {
        operationId: 'listPeerCities',
        summary: 'The peer cities this city exchanges hand-offs with',
        tags,
        response: { 200: { type: 'array', items: peerSchema }, ...commonErrors },
      },
    },
    async () => (await listPeers(db)).map(peerOut),
  );

  api.post(
    '/federation/peers',
    {
      schema: {
        operationId: 'registerPeerCity',
        summary:
          'Registers (or updates) a peer city: its URL, the places it covers, the agreement; its keys read from its JWKS',
        tags,
        body: peerBody,
        response: { 200: peerSchema, 201: peerSchema, 409: errorRef, 422: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { peer, created } = await registerPeerCity(ctx, request.body, actorOf(request));
      return reply.code(created ? 201 : 200).send(peerOut(peer));
    },
  );

  api.post(
    '/handoffs',
    {
      schema: {
        operationId: 'sendHandoff',
        summary:
          'Hands a case, companion, close contact or resident to the peer city they live in (signed, delivered until acknowledged)',
        tags,
        body: sendBody,
        response: { 201: handoffSchema, 409: errorRef, 422: errorRef, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(handoffOut(await sendHandoff(ctx, request.body, actorOf(request)))),
  );

  api.get(
    '/handoffs',
    {
      schema: {
        operationId: 'listHandoffs',
        summary: 'Hand-offs sent and received that concern places within yours, newest first',
        tags,
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            required: ['total', 'handoffs'],
            properties: { total: { type: 'integer' }, handoffs: { type: 'array', items: handoffSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { total, handoffs } = await listHandoffs(db, { scope: scopeOf(request).scope, ...request.query });
      return { total, handoffs: handoffs.map(handoffOut) };
    },
  );

  api.get(
    '/handoffs/:id',
    {
      schema: {
        operationId: 'getHandoff',
        summary: 'One hand-off with its deliveries and its audit trail',
        tags,
        params: uuidParams,
        querystring: readQuery,
        response: { 200: handoffViewSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const view = await getHandoff(db, request.params.id, {
        userId: user.id,
        role: user.role,
        scope,
        purpose: request.query.purpose,
      });
      return { ...handoffOut(view), deliveries: view.deliveries, trail: view.trail, reads: view.reads };
    },
  );

  api.post(
    '/handoffs/:id/accept',
    {
      schema: {
        operationId: 'acceptHandoff',
        summary:
          "Accepts a received hand-off: the person's case or companion, health-code event, task and inbox item here; the answer goes back",
        tags,
        params: uuidParams,
        body: acceptBody,
        response: { 200: handoffSchema, 409: errorRef, 422: errorRef, ...commonErrors },
      },
    },
    async (request) =>
      handoffOut(await acceptHandoff(ctx, request.params.id, request.body ?? {}, actorOf(request))),
  );

  api.post(
    '/handoffs/:id/reject',
    {
      schema: {
        operationId: 'rejectHandoff',
        summary: 'Rejects a received hand-off with a reason, which goes back to the sender',
        tags,
        params: uuidParams,
        body: rejectBody,
        response: { 200: handoffSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request) =>
      handoffOut(await rejectHandoff(ctx, request.params.id, request.body, actorOf(request))),
  );

  api.post(
    '/federation/messages',
    {
      config: { rateLimit: { max: 6000, timeWindow: 60_000 } },
      schema: {
        operationId: 'receiveHandoff',
        summary:
          "A peer city's signed message (a hand-off or the answer to one): refused with a reason, or stored once",
        tags,
        security: [],
        body: messageBody,
        response: { 202: receivedSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(202).send(await receiveMessage(ctx, request.body.message)),
  );
}
