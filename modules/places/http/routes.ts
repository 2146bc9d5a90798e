/** listPlaces: the places under the caller's own place, never outside it (outside → 404). */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, placePath, typed } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { isPlacePath, isWithin, PLACE_LEVELS } from '../rules/paths.js';
import { placeByPath, under } from '../store/places.js';

export default async function placeRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  api.get(
    '/places',
    {
      schema: {
        operationId: 'listPlaces',
        summary: 'The place at `under` (default: your own) and everything under it, in path order',
        tags: ['places'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            under: placePath,
            level: { type: 'string', enum: [...PLACE_LEVELS] },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['places'],
            properties: { places: { type: 'array', items: { $ref: 'Place#' } } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const scope = request.user!.placePath;
      const path = request.query.under ?? scope;
      // Outside the caller's scope reads exactly like a place that does not exist.
      if (!scope || !path || !isPlacePath(path) || !isWithin(path, scope)) {
        throw new RenxingError('RX_NOT_FOUND');
      }
      const all = await under(ctx.db, path, request.query.level ? { level: request.query.level } : {});
      if (all.length === 0 && !(await placeByPath(ctx.db, path))) throw new RenxingError('RX_NOT_FOUND');
      return { places: all };
    },
  );
}
