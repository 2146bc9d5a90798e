/** Plans: createPlan, listPlans, getPlan, savePlanDraft, publishPlanVersion, diffPlanVersions. */
import { type AppContext, commonErrors, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createPlan,
  diffPlanVersions,
  getPlan,
  type PlansActor,
  publishPlanVersion,
  savePlanDraft,
} from '../service/plans.js';
import { listPlans } from '../store/plans.js';
import {
  diffAnswer,
  diffQuery,
  draftBody,
  draftSchema,
  hazard,
  planBody,
  planSchema,
  planViewSchema,
  publishBody,
  publishedSchema,
} from './schemas.js';

/** The caller as plans' services see them. */
export function actorOf(request: FastifyRequest, ctx: AppContext): PlansActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

export default async function planRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  api.post(
    '/plans',
    {
      schema: {
        operationId: 'createPlan',
        summary: 'An emergency plan for a hazard, owned by a place within yours, covering places within it',
        tags: ['plans'],
        body: planBody,
        response: { 201: planSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createPlan(db, request.body, actorOf(request, ctx))),
  );

  api.get(
    '/plans',
    {
      schema: {
        operationId: 'listPlans',
        summary: 'Plans covering a place at, under or above yours, newest first',
        tags: ['plans'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { hazard, limit: { type: 'integer', minimum: 1, maximum: 500 } },
        } as const,
        response: { 200: { type: 'array', items: planSchema }, ...commonErrors },
      },
    },
    async (request) =>
      listPlans(db, scopeOf(request).scope, { hazard: request.query.hazard, limit: request.query.limit }),
  );

  api.get(
    '/plans/:id',
    {
      schema: {
        operationId: 'getPlan',
        summary: 'A plan with its versions, one of them whole (default the newest) and its draft',
        tags: ['plans'],
        params: uuidParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { version: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
        } as const,
        response: { 200: planViewSchema, ...commonErrors },
      },
    },
    async (request) => getPlan(db, request.params.id, scopeOf(request).scope, request.query.version),
  );

  api.put(
    '/plans/:id/draft',
    {
      schema: {
        operationId: 'savePlanDraft',
        summary: 'Save the version being edited (levels with their tasks, norms and shelters)',
        tags: ['plans'],
        params: uuidParams,
        body: draftBody,
        response: { 200: draftSchema, ...commonErrors },
      },
    },
    async (request) => savePlanDraft(db, request.params.id, request.body.levels, actorOf(request, ctx)),
  );

  api.post(
    '/plans/:id/versions',
    {
      schema: {
        operationId: 'publishPlanVersion',
        summary: 'Publish the next version: frozen from now on, used by the next activation',
        description:
          'The change note says what changed and why (required from the second version on); `closes` names the corrective actions this revision closes.',
        tags: ['plans'],
        params: uuidParams,
        body: publishBody,
        response: { 201: publishedSchema, 409: { $ref: 'Error#' }, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await publishPlanVersion(db, request.params.id, request.body, actorOf(request, ctx))),
  );

  api.get(
    '/plans/:id/diff',
    {
      schema: {
        operationId: 'diffPlanVersions',
        summary: 'What version `to` added, removed and changed against version `from`, level by level',
        tags: ['plans'],
        params: uuidParams,
        querystring: diffQuery,
        response: { 200: diffAnswer, ...commonErrors },
      },
    },
    async (request) => diffPlanVersions(db, request.params.id, request.query, scopeOf(request).scope),
  );
}
