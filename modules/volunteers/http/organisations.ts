/** Organisations: listOrganisations, createOrganisation. */
import { type AppContext, commonErrors, errorRef, typed } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { ORGANISATION_KINDS } from '../rules/skills.js';
import { createOrganisation } from '../service/organisations.js';
import { listOrganisations } from '../store/organisations.js';
import { organisationBody, organisationSchema } from './schemas.js';
import { actorOf } from './view.js';

export default async function organisationRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  api.get(
    '/volunteers/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        summary:
          'Organisations reaching your place (at, under or above it): social organisations, teams, property managers, enterprises, units',
        tags: ['volunteers'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ORGANISATION_KINDS },
            q: { type: 'string', minLength: 1, maxLength: 50, description: 'part of the name' },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['organisations'],
            properties: { organisations: { type: 'array', items: organisationSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      return { organisations: await listOrganisations(db, { scope, ...request.query }) };
    },
  );

  api.post(
    '/volunteers/organisations',
    {
      schema: {
        operationId: 'createOrganisation',
        summary: 'Register an organisation at a place within yours (audited; names are unique in the city)',
        tags: ['volunteers'],
        body: organisationBody,
        response: { 201: organisationSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request, ctx);
      requireInScope(request.body.place, actor.scope!);
      return reply.code(201).send(await createOrganisation(db, request.body, actor));
    },
  );
}
