/**
 * The dashboard's figures, each its own small request so widgets load on their own:
 * getPlaceStats (codes, cases, companions and tasks for a place and each place under it) and
 * getCompanionCells (grid cells as GeoJSON squares shaded by companion counts).
 */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, placePath, recent, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { caseVisible, cellFeatures, companionCells } from '@renxing/modules/cases';
import { isWithin } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { type PlaceStats, placeStats } from '../store/stats.js';

/** How old the dashboard's figures may be (a viewer polling it sees changes within this). */
export const DASHBOARD_MAX_AGE_MS = 2000;

const count = { type: 'integer' } as const;

const statsSchema = {
  type: 'object',
  required: ['path', 'name', 'level', 'people', 'green', 'yellow', 'red', 'cases', 'companions'],
  properties: {
    path: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    level: { type: 'string' },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    people: count,
    green: count,
    yellow: count,
    red: count,
    cases: count,
    companions: count,
    openTasks: count,
    overdueTasks: count,
    doneTasks: count,
  },
} as const;

export default async function statsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  // Figures at most DASHBOARD_MAX_AGE_MS old, one computation per place (or scope and case) however
  // many are watching: the scope is checked on every request, the counting is shared.
  const stats = recent<PlaceStats[]>(DASHBOARD_MAX_AGE_MS);
  const cells = recent<ReturnType<typeof cellFeatures>>(DASHBOARD_MAX_AGE_MS);

  api.get(
    '/stats/places',
    {
      schema: {
        operationId: 'getPlaceStats',
        summary: 'Counts for a place (default: yours) and for each place directly under it',
        description: 'The figures are at most 2 s old: one count serves everyone watching the place.',
        tags: ['dashboard'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { under: placePath },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['place', 'children'],
            properties: { place: statsSchema, children: { type: 'array', items: statsSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const path = request.query.under ?? scope;
      if (!isWithin(path, scope)) throw new RenxingError('RX_NOT_FOUND');
      const [place, ...children] = await stats.get(path, () =>
        placeStats(db, path, new Date(ctx.now() * 1000)),
      );
      if (!place) throw new RenxingError('RX_NOT_FOUND');
      return { place, children };
    },
  );

  api.get(
    '/stats/cells',
    {
      schema: {
        operationId: 'getCompanionCells',
        summary: 'Grid cells where companions living under your place met a case, as GeoJSON squares',
        description: 'At most 2 s old, like getPlaceStats.',
        tags: ['dashboard'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { caseId: { type: 'string', format: 'uuid' } },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['type', 'features'],
            properties: {
              type: { type: 'string', enum: ['FeatureCollection'] },
              features: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    type: { type: 'string' },
                    properties: {
                      type: 'object',
                      properties: { cell: { type: 'string' }, companions: count },
                    },
                    geometry: {
                      type: 'object',
                      properties: {
                        type: { type: 'string' },
                        coordinates: { type: 'array', items: { type: 'array', items: { type: 'array' } } },
                      },
                    },
                  },
                },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const { caseId } = request.query;
      if (caseId && !(await caseVisible(db, caseId, scope))) throw new RenxingError('RX_NOT_FOUND');
      return cells.get(`${scope} ${caseId ?? ''}`, async () =>
        cellFeatures(await companionCells(db, { scope, caseId }), ctx.grid),
      );
    },
  );
}
