import { typed } from '@renxing/http';
/**
 * Health codes (shared/contracts/health-code.md): reading a code and its QR token, verifying a
 * token, two-person overrides, PCR results, the health officers' actions (close contact,
 * isolation, discharge). `wellKnownRoutes` publishes the signing key (and those of earlier
 * rotations) at /.well-known/jwks.json and is registered at the root, outside /api.
 */
import type { FastifyInstance } from 'fastify';
import { codeRoutes } from './codes.js';
import type { HealthCodeContext } from './context.js';
import { officerRoutes } from './officer.js';
import { overrideRoutes } from './overrides.js';
import { testResultRoutes } from './test-results.js';

export { type HealthCodeContext, healthCodeContext } from './context.js';

/** The routes under /api; `ctx` is built once by the app and shared with `wellKnownRoutes`. */
export default async function healthCodeRoutes(
  fastify: FastifyInstance,
  ctx: HealthCodeContext,
): Promise<void> {
  const api = typed(fastify);
  codeRoutes(api, ctx);
  overrideRoutes(api, ctx);
  testResultRoutes(api, ctx);
  officerRoutes(api, ctx);
}

/**
 * GET /.well-known/jwks.json: the public keys scanners verify tokens with, offline: the signing
 * key first, then the keys of earlier rotations still accepted.
 */
export async function wellKnownRoutes(app: FastifyInstance, ctx: HealthCodeContext): Promise<void> {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        operationId: 'getJwks',
        summary:
          'The public keys (JWKS, Ed25519 / EdDSA) of health-code tokens: the signing key first, then earlier keys still accepted',
        tags: ['health codes'],
        security: [],
        response: {
          200: {
            type: 'object',
            required: ['keys'],
            properties: {
              keys: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['kty', 'crv', 'x', 'kid', 'alg', 'use'],
                  properties: {
                    kty: { type: 'string' },
                    crv: { type: 'string' },
                    x: { type: 'string' },
                    kid: { type: 'string' },
                    alg: { type: 'string' },
                    use: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { keys: ctx.publishedKeys().map((k) => ({ ...k.jwk })) };
    },
  );
}
