/** exportShelters: shelter status as GeoJSON or as an EDXL-HAVE-style XML document. */
import { type AppContext, commonErrors, placePath, typed } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { GEOJSON_TYPE, sheltersEdxl, sheltersGeoJson } from '../rules/exports.js';
import { listShelters } from '../store/shelters.js';

export default async function exportRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);

  api.get(
    '/shelters/export',
    {
      schema: {
        operationId: 'exportShelters',
        summary:
          'Shelter status for other systems: GeoJSON points (capacity, available, state) or OASIS EDXL-HAVE-style XML',
        description:
          'The shelters reaching your place (or under `under`), as of now. GeoJSON: a FeatureCollection of points ' +
          '(lon, lat; WGS 84) with their capacities, occupancy, available and state. EDXL-HAVE: a HospitalStatus document, ' +
          'one Hospital per shelter, its places as bed capacity (day and night), its state as facility status.',
        tags: ['shelters'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            format: { type: 'string', enum: ['geojson', 'edxl'], default: 'geojson' },
            under: placePath,
          },
        } as const,
        produces: [GEOJSON_TYPE, 'application/xml'],
        response: { ...commonErrors },
      },
    },
    async (request, reply) => {
      const { scope } = scopeOf(request);
      const q = request.query;
      if (q.under) requireInScope(q.under, scope);
      const now = new Date(ctx.now() * 1000);
      const shelters = await listShelters(ctx.db, { scope, under: q.under, limit: 100_000 });
      const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '');
      if (q.format === 'edxl') {
        return reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="shelters-${stamp}.xml"`)
          .send(Buffer.from(sheltersEdxl(shelters, now)));
      }
      return reply
        .type(`${GEOJSON_TYPE}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="shelters-${stamp}.geojson"`)
        .send(Buffer.from(JSON.stringify(sheltersGeoJson(shelters, now))));
    },
  );
}
