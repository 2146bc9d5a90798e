/**
 * listStaff: `GET /api/users?under=` — the active staff users (place staff and health officers)
 * whose place lies under the caller's place (or `under`, which must lie within it): whom tasks
 * there can be assigned to. Ids, usernames, display names, roles and places; no contact details.
 */
import { type AppContext, commonErrors, placePath, typed } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from '../access.js';
import { staffUnder } from '../store/users.js';
import { requireInScope, scopeOf } from './scope.js';

/** Who is listed: those who may list staff, i.e. those a task may be assigned to (follow-up). */
const STAFF = ACCESS.listStaff;
const MAX = 1000;

export default async function userRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  api.get(
    '/users',
    {
      schema: {
        operationId: 'listStaff',
        summary: 'The active staff users in your area, to assign work to',
        tags: ['users'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            under: { ...placePath, description: 'a place within yours; default your place' },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['users', 'truncated'],
            properties: {
              users: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'username', 'displayName', 'role', 'placePath'],
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    username: { type: 'string' },
                    displayName: { type: ['string', 'null'] },
                    role: { type: 'string', enum: [...STAFF] },
                    placePath: { type: 'string' },
                  },
                },
              },
              truncated: { type: 'boolean', description: `more than ${MAX}: narrow with under` },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const under = request.query.under ?? scope;
      requireInScope(under, scope);
      return staffUnder(ctx.db, under, STAFF, MAX);
    },
  );
}
