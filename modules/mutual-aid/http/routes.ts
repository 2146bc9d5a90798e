/**
 * Mutual aid under /api/aid: requests (createAidRequest, findAidDuplicate, listAidRequests,
 * getAidRequest, cancelAidRequest, completeAidRequest), matching (runAidMatching, listAidRuns)
 * and a volunteer's offers (listMyOffers, respondAidMatch). The plugin also runs the scheduled
 * matcher while the app is up, when the context asks for it (`ctx.aidMatching.everySeconds` > 0).
 */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AidActor } from '../service/actor.js';
import { listAidRuns, runBoard } from '../service/board.js';
import { runAidMatching } from '../service/matching.js';
import { completeAidRequest, listMyOffers, respondAidMatch } from '../service/offers.js';
import {
  cancelAidRequest,
  createAidRequest,
  findAidDuplicate,
  getAidRequest,
  listAidRequests,
} from '../service/requests.js';
import { type AidMatcher, startAidMatcher } from '../service/scheduler.js';
import {
  completeBody,
  createBody,
  createdSchema,
  detailSchema,
  duplicateQuery,
  listQuery,
  matchQuery,
  myOfferSchema,
  offerSchema,
  offersQuery,
  reasonBody,
  requestSchema,
  respondBody,
  runResultSchema,
  runsAnswer,
} from './schemas.js';

function actorOf(request: FastifyRequest, ctx: AppContext): AidActor {
  const user = request.user;
  if (!user) throw new RenxingError('RX_NOT_FOUND');
  return {
    userId: user.id,
    role: user.role,
    scope: user.placePath,
    personId: user.personId,
    now: new Date(ctx.now() * 1000),
  };
}

/** Runs the scheduled matcher for the app's lifetime (from ready to close), when asked. */
function runMatcher(fastify: FastifyInstance, ctx: AppContext): void {
  const every = ctx.aidMatching?.everySeconds ?? 0;
  if (every <= 0) return;
  let matcher: AidMatcher | null = null;
  fastify.addHook('onReady', async () => {
    matcher = startAidMatcher({
      db: ctx.db,
      now: ctx.now,
      notifier: ctx.notifier,
      everySeconds: every,
      maxKm: ctx.aidMatching?.maxKm,
      log: fastify.log.child({ matcher: 'mutual-aid' }),
    });
  });
  fastify.addHook('onClose', async () => {
    await matcher?.stop();
  });
}

const date = (s: string) => new Date(s);

export default async function aidRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  runMatcher(fastify, ctx);

  api.post(
    '/aid/requests',
    {
      schema: {
        operationId: 'createAidRequest',
        summary: 'Ask for help: a resident for themself, staff for a person of their place (audited)',
        description:
          'A live request (open, matched or accepted) with the same requester, need and an overlapping window is the same ' +
          'request: nothing is created, the answer is 200 with created false and duplicateOf naming it. A new one is 201. ' +
          "The point defaults to the home's (the centre of the person's home place).",
        tags: ['mutual aid'],
        body: createBody,
        response: { 200: createdSchema, 201: createdSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await createAidRequest(
        db,
        {
          personId: b.personId,
          need: b.need,
          urgency: b.urgency,
          from: date(b.window.from),
          to: date(b.window.to),
          location: b.location ?? null,
          notes: b.notes,
        },
        actorOf(request, ctx),
        ctx.notifier,
      );
      return reply
        .code(r.created ? 201 : 200)
        .send({ request: r.request, created: r.created, duplicateOf: r.created ? null : r.request.id });
    },
  );

  api.get(
    '/aid/requests/duplicate',
    {
      schema: {
        operationId: 'findAidDuplicate',
        summary:
          'As the form is filled: the live request a new one would duplicate (same requester, need, overlapping window)',
        tags: ['mutual aid'],
        querystring: duplicateQuery,
        response: {
          200: {
            type: 'object',
            required: ['duplicate'],
            properties: { duplicate: { ...requestSchema, type: ['object', 'null'] } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const duplicate = await findAidDuplicate(
        db,
        { personId: q.personId, need: q.need, from: date(q.from), to: date(q.to) },
        actorOf(request, ctx),
      );
      return { duplicate };
    },
  );

  api.get(
    '/aid/requests',
    {
      schema: {
        operationId: 'listAidRequests',
        summary: 'Aid requests: staff see those of their place, a resident only their own; newest first',
        tags: ['mutual aid'],
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            required: ['requests', 'total'],
            properties: {
              requests: { type: 'array', items: requestSchema },
              total: { type: 'integer', description: 'how many match (limit aside)' },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listAidRequests(
        db,
        { states: q.state ? [...q.state] : undefined, need: q.need, personId: q.personId, limit: q.limit },
        actorOf(request, ctx),
      );
    },
  );

  api.get(
    '/aid/requests/:id',
    {
      schema: {
        operationId: 'getAidRequest',
        summary:
          "A request with its history (every state change) and its offers (the volunteer's phone once accepted)",
        tags: ['mutual aid'],
        params: uuidParams,
        response: { 200: detailSchema, ...commonErrors },
      },
    },
    async (request) => getAidRequest(db, request.params.id, actorOf(request, ctx)),
  );

  api.post(
    '/aid/requests/:id/cancel',
    {
      schema: {
        operationId: 'cancelAidRequest',
        summary: 'Cancel a live request (its offer with it); the requester is told (audited)',
        tags: ['mutual aid'],
        params: uuidParams,
        body: reasonBody,
        response: {
          200: { type: 'object', required: ['request'], properties: { request: requestSchema } },
          409: errorRef,
          ...commonErrors,
        },
      },
    },
    async (request) => ({
      request: await cancelAidRequest(
        db,
        request.params.id,
        request.body?.reason ?? '',
        actorOf(request, ctx),
        ctx.notifier,
      ),
    }),
  );

  api.post(
    '/aid/requests/:id/complete',
    {
      schema: {
        operationId: 'completeAidRequest',
        summary:
          "Mark an accepted request done (its volunteer, or staff of its place): the volunteer's hours are recorded",
        tags: ['mutual aid'],
        params: uuidParams,
        body: completeBody,
        response: {
          200: {
            type: 'object',
            required: ['request', 'offer'],
            properties: { request: requestSchema, offer: offerSchema },
          },
          409: errorRef,
          ...commonErrors,
        },
      },
    },
    async (request) =>
      completeAidRequest(
        db,
        request.params.id,
        { hours: request.body?.hours, note: request.body?.note },
        actorOf(request, ctx),
        ctx.notifier,
      ),
  );

  api.post(
    '/aid/match',
    {
      schema: {
        operationId: 'runAidMatching',
        summary: 'Run the optimal batch matching now over the open requests of your place (audited)',
        description:
          'Expired requests are swept first (into their community’s inbox). Verified volunteers with capacity left today ' +
          'are matched: most weight (urgent 3, normal 1), then least distance. Each match is an offer to the volunteer; ' +
          'each unmatched request has its reason.',
        tags: ['mutual aid'],
        querystring: matchQuery,
        response: { 200: runResultSchema, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const r = await runAidMatching(db, {
        actor,
        trigger: 'on_demand',
        maxKm: request.query.maxKm ?? ctx.aidMatching?.maxKm,
        notifier: ctx.notifier,
      });
      return runBoard(db, r.run, actor, r.matches, r.expired);
    },
  );

  api.get(
    '/aid/runs',
    {
      schema: {
        operationId: 'listAidRuns',
        summary:
          'Matching runs, newest first, and the newest one’s matches and unmatched requests (of your place)',
        tags: ['mutual aid'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 200 } },
        } as const,
        response: { 200: runsAnswer, ...commonErrors },
      },
    },
    async (request) => listAidRuns(db, { limit: request.query.limit }, actorOf(request, ctx)),
  );

  api.get(
    '/aid/offers',
    {
      schema: {
        operationId: 'listMyOffers',
        summary:
          "Your offers as a volunteer: who, where, what, when — the requester's phone only once you accepted",
        tags: ['mutual aid'],
        querystring: offersQuery,
        response: {
          200: {
            type: 'object',
            required: ['volunteerId', 'offers'],
            properties: { volunteerId: { type: 'string' }, offers: { type: 'array', items: myOfferSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) =>
      listMyOffers(
        db,
        { states: request.query.state ? [...request.query.state] : undefined, limit: request.query.limit },
        actorOf(request, ctx),
      ),
  );

  api.post(
    '/aid/offers/:id/respond',
    {
      schema: {
        operationId: 'respondAidMatch',
        summary: 'Accept or decline an offer made to you (audited)',
        description:
          "Accept: the request is accepted, the requester's phone is in the answer and yours is told to the requester. " +
          'Decline: the request is open again for the next run (you are not offered it again).',
        tags: ['mutual aid'],
        params: uuidParams,
        body: respondBody,
        response: {
          200: {
            type: 'object',
            required: ['offer', 'accepted'],
            properties: { offer: myOfferSchema, accepted: { type: 'boolean' } },
          },
          409: errorRef,
          ...commonErrors,
        },
      },
    },
    async (request) =>
      respondAidMatch(
        db,
        request.params.id,
        { accept: request.body.answer === 'accept', note: request.body.note },
        actorOf(request, ctx),
        ctx.notifier,
      ),
  );
}
