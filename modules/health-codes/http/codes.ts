/**
 * Reading codes and their QR tokens: getHealthCode, getHealthCodeQr (staff, within scope, every
 * read audited), getMyHealthCode, getMyHealthCodeQr (a signed-in person's own code), and the
 * public verifyHealthCode.
 */

import { type Api, commonErrors, errorRef, requestLocale } from '@renxing/http';
import { appendAudit } from '@renxing/modules/audit';
import type { FastifyReply } from 'fastify';
import { qrPng } from '../service/qr.js';
import { issuePersonToken, verifyPersonToken } from '../service/tokens.js';
import { healthCodeView } from '../service/view.js';
import { type HealthCodeContext, ownPerson, personInScope } from './context.js';
import {
  COLOUR_ENUM,
  healthCodeSchema,
  idParams,
  qrQuery,
  readQuery,
  tokenSchema,
  viewOut,
} from './schemas.js';

export const TOKEN_HEADER = 'x-health-code-token';

const qrResponse = {
  200: {
    description: `PNG of a QR code holding the signed token (also in the ${TOKEN_HEADER} header); JSON with ?format=json`,
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: tokenSchema },
    },
  },
  ...commonErrors,
} as const;

export function codeRoutes(api: Api, ctx: HealthCodeContext): void {
  const view = (personId: string, request: Parameters<typeof requestLocale>[0]) =>
    healthCodeView(ctx.db, personId, { preset: ctx.preset, locale: requestLocale(request), now: ctx.now() });

  async function qr(personId: string, format: string | undefined, reply: FastifyReply) {
    // The colour now (time rules due by now applied first).
    const { colour } = await healthCodeView(ctx.db, personId, {
      preset: ctx.preset,
      locale: 'en',
      now: ctx.now(),
    });
    const { token, claims } = await issuePersonToken(ctx.db, ctx.tokens(), personId, colour, {
      now: ctx.now(),
    });
    reply.header('cache-control', 'no-store');
    if (format === 'json') return reply.type('application/json').send({ token, ...claims });
    reply.header(TOKEN_HEADER, token);
    reply.header('x-health-code-expires', String(claims.exp));
    return reply.type('image/png').send(await qrPng(token));
  }

  api.get(
    '/people/:id/health-code',
    {
      schema: {
        operationId: 'getHealthCode',
        summary:
          'A person’s health code: colour, why, what turns it green, history, pending overrides (audited)',
        tags: ['health codes'],
        params: idParams,
        querystring: readQuery,
        response: { 200: healthCodeSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      await appendAudit(ctx.db, {
        actor: userId,
        action: 'health_code.read',
        subjectType: 'person',
        subjectId: personId,
        reason: request.query.reason ?? 'viewed the health code',
        detail: { via: 'getHealthCode' },
      });
      return viewOut(await view(personId, request), true);
    },
  );

  api.get(
    '/people/:id/health-code/qr',
    {
      schema: {
        operationId: 'getHealthCodeQr',
        summary:
          'A person’s QR code (signed token, valid 5 minutes) as PNG, or JSON with ?format=json (audited)',
        tags: ['health codes'],
        params: idParams,
        querystring: qrQuery,
        produces: ['image/png', 'application/json'],
        response: qrResponse,
      },
    },
    async (request, reply) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      await appendAudit(ctx.db, {
        actor: userId,
        action: 'health_code.qr',
        subjectType: 'person',
        subjectId: personId,
        reason: request.query.reason ?? 'issued the QR code',
        detail: { via: 'getHealthCodeQr', format: request.query.format ?? 'png' },
      });
      return qr(personId, request.query.format, reply);
    },
  );

  api.get(
    '/me/health-code',
    {
      schema: {
        operationId: 'getMyHealthCode',
        summary: 'Your own health code: colour, why, what turns it green, history',
        tags: ['health codes'],
        response: { 200: healthCodeSchema, ...commonErrors },
      },
    },
    async (request) => viewOut(await view(ownPerson(request), request), false),
  );

  api.get(
    '/me/health-code/qr',
    {
      schema: {
        operationId: 'getMyHealthCodeQr',
        summary: 'Your own QR code (signed token, valid 5 minutes) as PNG, or JSON with ?format=json',
        tags: ['health codes'],
        querystring: { ...qrQuery, properties: { format: qrQuery.properties.format } } as const,
        produces: ['image/png', 'application/json'],
        response: qrResponse,
      },
    },
    async (request, reply) => qr(ownPerson(request), request.query.format, reply),
  );

  api.post(
    '/health-codes/verify',
    {
      // Public, so limited per IP (generous: a checkpoint scans all day).
      config: { rateLimit: { max: ctx.verifyLimit, timeWindow: 60_000 } },
      schema: {
        operationId: 'verifyHealthCode',
        summary:
          'Verify a scanned token online (no sign-in): valid or the reason, its claims, and the colour now',
        tags: ['health codes'],
        security: [],
        body: {
          type: 'object',
          required: ['token'],
          additionalProperties: false,
          properties: { token: { type: 'string', minLength: 1, maxLength: 4096 } },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['valid'],
            properties: {
              valid: { type: 'boolean' },
              reason: {
                type: 'string',
                description:
                  'why it is refused: malformed, unsupported_alg, unknown_key, bad_signature, bad_claims, not_yet_valid, expired, superseded (the person’s colour is worse now: currentColour)',
              },
              colour: {
                type: 'string',
                enum: COLOUR_ENUM,
                description: 'the colour the token was issued with',
              },
              pid: { type: 'string' },
              iat: { type: 'integer' },
              exp: { type: 'integer' },
              currentColour: {
                type: 'string',
                enum: COLOUR_ENUM,
                description:
                  'the person’s colour now, present only when it changed since the token was issued',
              },
            },
          },
          400: errorRef,
          429: errorRef,
        },
      },
    },
    async (request) => {
      const check = await verifyPersonToken(ctx.db, ctx.tokens(), request.body.token, { now: ctx.now() });
      if (!check.valid) {
        // Claims are shown only for a token whose signature held (expired, not yet valid).
        return {
          valid: false,
          reason: check.reason,
          ...(check.claims ?? {}),
          ...(check.currentColour ? { currentColour: check.currentColour } : {}),
        };
      }
      return {
        valid: true,
        ...check.claims,
        ...(check.currentColour ? { currentColour: check.currentColour } : {}),
      };
    },
  );
}
