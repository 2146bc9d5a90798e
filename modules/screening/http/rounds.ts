/** Rounds: createScreeningRound, listScreeningRounds, getScreeningRound, addScreeningSite, setScreeningExemption. */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addScreeningSite,
  createScreeningRound,
  type ScreeningActor,
  setScreeningExemption,
} from '../service/rounds.js';
import { listRounds, roundById, sitesOf } from '../store/rounds.js';
import { exemptionBody, roundBody, roundSchema, siteBody, siteSchema } from './schemas.js';

/** The caller as screening's services see them. */
export function actorOf(request: FastifyRequest, ctx: AppContext): ScreeningActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

export default async function roundRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  api.post(
    '/screening/rounds',
    {
      schema: {
        operationId: 'createScreeningRound',
        summary: 'A screening round over places and a window, with its sites and pooling per zone',
        description:
          'The round expects the residents homed under its places now; pooling defaults to sealed 1, controlled 10, prevention 20 per tube.',
        tags: ['screening'],
        body: roundBody,
        response: {
          201: {
            type: 'object',
            required: ['round', 'sites', 'expected'],
            properties: {
              round: roundSchema,
              sites: { type: 'array', items: siteSchema },
              expected: { type: 'integer' },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await createScreeningRound(
        db,
        {
          name: b.name,
          from: new Date(b.from),
          to: new Date(b.to),
          pooling: b.pooling,
          places: b.places,
          sites: b.sites,
        },
        actorOf(request, ctx),
      );
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/screening/rounds',
    {
      schema: {
        operationId: 'listScreeningRounds',
        summary: 'Rounds reaching your place, newest first',
        tags: ['screening'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 200 } },
        } as const,
        response: { 200: { type: 'array', items: roundSchema }, ...commonErrors },
      },
    },
    async (request) => listRounds(db, scopeOf(request).scope, request.query.limit ?? 100),
  );

  api.get(
    '/screening/rounds/:id',
    {
      schema: {
        operationId: 'getScreeningRound',
        summary: 'A round with its sites',
        tags: ['screening'],
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['round', 'sites'],
            properties: { round: roundSchema, sites: { type: 'array', items: siteSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const round = await roundById(db, request.params.id, scopeOf(request).scope);
      if (!round) throw new RenxingError('RX_NOT_FOUND');
      return { round, sites: await sitesOf(db, round.id) };
    },
  );

  api.post(
    '/screening/rounds/:id/sites',
    {
      schema: {
        operationId: 'addScreeningSite',
        summary: 'Add a sampling site to a round (its zone defaults to its place’s zone in the round)',
        tags: ['screening'],
        params: uuidParams,
        body: siteBody,
        response: { 201: siteSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const site = await addScreeningSite(db, request.params.id, request.body, actorOf(request, ctx));
      return reply.code(201).send(site);
    },
  );

  api.put(
    '/screening/rounds/:id/exemptions/:personId',
    {
      schema: {
        operationId: 'setScreeningExemption',
        summary:
          'Exempt an expected person from a round with a reason (bedridden, away, infant, other), or clear it',
        tags: ['screening'],
        params: {
          type: 'object',
          required: ['id', 'personId'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', format: 'uuid' },
            personId: { type: 'string', format: 'uuid' },
          },
        } as const,
        body: exemptionBody,
        response: { 204: { type: 'null' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const reason = request.body.reason === 'none' ? null : request.body.reason;
      await setScreeningExemption(
        db,
        {
          roundId: request.params.id,
          personId: request.params.personId,
          reason,
          note: request.body.note ?? null,
        },
        actorOf(request, ctx),
      );
      return reply.code(204).send();
    },
  );
}
