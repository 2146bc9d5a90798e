/**
 * Two-person overrides: requestOverride, listOverrides (pending, in the caller's scope),
 * approveOverride and rejectOverride (a second, different user). Health officers, district
 * officers and city admins, each for people whose home place is in their scope; every request and
 * decision is audited (by the platform, in the same transaction).
 */
import { RenxingError } from '@renxing/contracts';
import { type Api, commonErrors, errorRef } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { decideHealthCodeOverride, requestHealthCodeOverride } from '../service/overrides.js';
import { overrideRequestById, pendingOverrides } from '../store/override-requests.js';
import { type HealthCodeContext, personInScope } from './context.js';
import { COLOUR_ENUM, idParams, overrideOut, overrideSchema, reasonText } from './schemas.js';

const decisionBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: reasonText },
} as const;

const decisionResponse = {
  200: {
    type: 'object',
    required: ['override', 'colour', 'changed'],
    properties: {
      override: overrideSchema,
      colour: { type: 'string', enum: COLOUR_ENUM, description: 'the person’s colour after the decision' },
      changed: { type: 'boolean' },
    },
  },
  ...commonErrors,
  409: errorRef,
} as const;

export function overrideRoutes(api: Api, ctx: HealthCodeContext): void {
  api.post(
    '/people/:id/overrides',
    {
      schema: {
        operationId: 'requestOverride',
        summary: 'Ask for a colour by hand, with a written reason; a second user must approve it',
        tags: ['health codes'],
        params: idParams,
        body: {
          type: 'object',
          required: ['to', 'reason'],
          additionalProperties: false,
          properties: { to: { type: 'string', enum: COLOUR_ENUM }, reason: reasonText },
        } as const,
        response: { 201: overrideSchema, ...commonErrors, 409: errorRef },
      },
    },
    async (request, reply) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      const stored = await requestHealthCodeOverride(ctx.db, {
        personId,
        to: request.body.to,
        requestedBy: userId,
        reason: request.body.reason,
      });
      return reply.code(201).send(overrideOut(stored));
    },
  );

  api.get(
    '/overrides',
    {
      schema: {
        operationId: 'listOverrides',
        summary: 'Pending override requests for people in your area, oldest first',
        tags: ['health codes'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            personId: { type: 'string', format: 'uuid' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['overrides'],
            properties: { overrides: { type: 'array', items: overrideSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const found = await pendingOverrides(ctx.db, scope, request.query);
      await appendAudit(ctx.db, {
        actor: user.id,
        action: 'health_code.override.list',
        reason: 'listed pending overrides',
        detail: {
          scope,
          count: found.length,
          ...(request.query.personId ? { personId: request.query.personId } : {}),
        },
      });
      return { overrides: found.map(overrideOut) };
    },
  );

  for (const approve of [true, false]) {
    api.post<{ Params: { id: string }; Body: { reason: string } }>(
      `/overrides/:id/${approve ? 'approve' : 'reject'}`,
      {
        schema: {
          operationId: approve ? 'approveOverride' : 'rejectOverride',
          summary: approve
            ? 'Approve another user’s override request (not your own), with a reason; the code changes now'
            : 'Reject another user’s override request (not your own), with a reason',
          tags: ['health codes'],
          params: idParams,
          body: decisionBody,
          response: decisionResponse,
        },
      },
      async (request) => {
        const { user, scope } = scopeOf(request);
        const found = await overrideRequestById(ctx.db, request.params.id);
        if (!found) throw new RenxingError('RX_NOT_FOUND');
        requireInScope(found.homePlacePath, scope);
        const decided = await decideHealthCodeOverride(ctx.db, found.id, {
          approve,
          decidedBy: user.id,
          reason: request.body.reason,
          preset: ctx.preset,
        });
        return {
          override: overrideOut(decided.request),
          colour: decided.state.colour,
          changed: decided.transition !== null,
        };
      },
    );
  }
}
