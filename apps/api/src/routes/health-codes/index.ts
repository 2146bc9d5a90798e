/**
 * Health codes (shared/contracts/health-code.md): reading a code and its QR token, verifying a
 * token, two-person overrides, PCR results. `wellKnownRoutes` publishes the signing key at
 * /.well-known/jwks.json and is registered at the root, outside /api.
 */
import type { FastifyInstance } from 'fastify';
import { codeRoutes } from './codes.js';
import { type HealthCodeRouteOptions, healthCodeContext } from './context.js';
import { overrideRoutes } from './overrides.js';
import { testResultRoutes } from './test-results.js';

export type { HealthCodeRouteOptions } from './context.js';

export default async function healthCodeRoutes(
  api: FastifyInstance,
  options: HealthCodeRouteOptions,
): Promise<void> {
  const ctx = healthCodeContext(options);
  codeRoutes(api, ctx);
  overrideRoutes(api, ctx);
  testResultRoutes(api, ctx);
}

/** GET /.well-known/jwks.json: the public key scanners verify tokens with, offline. */
export async function wellKnownRoutes(app: FastifyInstance, options: HealthCodeRouteOptions): Promise<void> {
  const ctx = healthCodeContext(options);
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        operationId: 'getJwks',
        summary: 'The public key (JWKS, Ed25519 / EdDSA) that signs health-code tokens',
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
      return { keys: [{ ...ctx.signingKey().jwk }] };
    },
  );
}
