/** The network's routes: importAssets, listAssets, getAsset, getN1Analysis, runN1Analysis, runDrill. */
import { FieldError, invalid } from '@renxing/contracts';
import { type AppContext, commonErrors, errorRef, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_KIND } from '../rules/network-file.js';
import type { InfraActor } from '../service/actor.js';
import { runDrill } from '../service/drill.js';
import { importAssets, type NetworkFileKind } from '../service/import.js';
import { getN1Analysis, runN1Analysis } from '../service/n1.js';
import { getAsset, listAssets } from '../service/network.js';
import { sensorView } from './alarms.js';
import {
  assetListSchema,
  assetPageSchema,
  assetParams,
  drillBody,
  drillSchema,
  importSchema,
  n1Schema,
} from './schemas-network.js';

const MAX_BYTES = 32 * 1024 * 1024;
export const GEOJSON_TYPE = 'application/geo+json';

/** The caller as the network's services see them. */
export function actorOf(request: FastifyRequest, ctx: AppContext): InfraActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

/** The file's kind by its Content-Type (GeoJSON, XLSX), else sniffed from the bytes. */
function fileKind(contentType: string | undefined): NetworkFileKind | undefined {
  if (contentType?.startsWith(GEOJSON_TYPE) || contentType?.startsWith('application/json')) return 'geojson';
  return kindOfType(contentType);
}

export default async function networkRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  api.addContentTypeParser(
    [...TABLE_TYPES, GEOJSON_TYPE],
    { parseAs: 'buffer', bodyLimit: MAX_BYTES },
    (_r, body, done) => done(null, body),
  );

  api.post(
    '/infra/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importAssets',
        summary:
          'Import the network: assets or links (CSV or XLSX), or both as GeoJSON; the N-1 analysis is recomputed',
        description:
          'Assets: id, kind, type (source/node/sink) and, as needed, community and population (sinks: the community served, as a ' +
          'place path or id, and its people), name, place, operator (place path or id: whose inbox gets its alarms; default its ' +
          "place's district), lon, lat. Links: from, to, relation (feeds: same kind; needs: `to` needs `from`). GeoJSON: a " +
          'FeatureCollection of Point features (assets, properties as the columns) and LineString features (links). New ids are ' +
          'created, known ones updated; rows that cannot be used come back as rejects with their line (or feature index) and ' +
          'reason, the rest is kept. The same file again changes nothing. 设施、连接导入；导入后重新计算 N-1 分析。',
        tags: ['infrastructure'],
        consumes: [...TABLE_TYPES, GEOJSON_TYPE, 'application/json'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            what: {
              type: 'string',
              enum: ['assets', 'links'],
              description:
                'what a table holds (default: links when its header has from and to); GeoJSON holds both',
            },
            name: { type: 'string', maxLength: 200, description: "the file's name, for the audit trail" },
          },
        } as const,
        response: { 200: importSchema, 413: errorRef, 429: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const body: unknown = request.body;
      const type = request.headers['content-type'];
      let bytes: Buffer;
      if (Buffer.isBuffer(body)) bytes = body;
      else if (body !== null && typeof body === 'object') bytes = Buffer.from(JSON.stringify(body));
      else
        throw invalid('header.content-type', `send the file as ${[...TABLE_TYPES, GEOJSON_TYPE].join(', ')}`);
      if (bytes.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
      return ctx.imports.run(actor.userId!, () =>
        importAssets(db, actor, bytes, {
          what: request.query.what,
          kind: fileKind(type),
          source: { file: request.query.name ?? 'body', field: 'body' },
        }),
      );
    },
  );

  api.get(
    '/infra/assets',
    {
      schema: {
        operationId: 'listAssets',
        summary:
          'The network you see: assets (with working, offline, open alarms), the links between them, the kinds',
        description:
          'You see the assets standing at or under your place, or operated from a place at or under it. Working: the asset ' +
          'reaches working sources and providers with nothing failed.',
        tags: ['infrastructure'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kind: {
              type: 'string',
              minLength: 1,
              maxLength: MAX_KIND,
              description: 'only assets of this kind',
            },
            placeId: {
              type: 'string',
              format: 'uuid',
              description: 'only assets standing at or under this place',
            },
          },
        } as const,
        response: { 200: assetListSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      return listAssets(db, scope, { kind: request.query.kind, placeId: request.query.placeId });
    },
  );

  api.get(
    '/infra/assets/:id',
    {
      schema: {
        operationId: 'getAsset',
        summary: 'An asset: its links in and out, sensors, open alarms, and the N-1 impact of its failure',
        tags: ['infrastructure'],
        params: assetParams,
        response: { 200: assetPageSchema, ...commonErrors },
      },
    },
    async (request) => {
      const page = await getAsset(db, scopeOf(request).scope, request.params.id);
      return { ...page, sensors: page.sensors.map(sensorView) };
    },
  );

  api.get(
    '/infra/n-1',
    {
      schema: {
        operationId: 'getN1Analysis',
        summary: 'The stored N-1 analysis: rows of your communities and their single points of failure',
        description:
          'Recomputed after every change of the network. People at risk of a community: the largest population lost of its ' +
          'rows (the most people there one failure leaves without a service).',
        tags: ['infrastructure'],
        response: { 200: n1Schema, ...commonErrors },
      },
    },
    async (request) => getN1Analysis(db, scopeOf(request).scope),
  );

  api.post(
    '/infra/n-1',
    {
      schema: {
        operationId: 'runN1Analysis',
        summary: 'Recompute the N-1 analysis of the whole network now and store it (audited)',
        tags: ['infrastructure'],
        response: { 200: n1Schema, ...commonErrors },
      },
    },
    async (request) => runN1Analysis(db, actorOf(request, ctx)),
  );

  api.post(
    '/infra/drills',
    {
      schema: {
        operationId: 'runDrill',
        summary: 'A drill: fail assets at once (by id, or every asset inside an area) and see what is lost',
        description:
          'The communities at or under your place that lose a service, with their people, and the shelters and supply ' +
          'stores in them. Nothing is changed; the drill is audited. 演练：多个设施同时失效的影响。',
        tags: ['infrastructure'],
        body: drillBody,
        response: { 200: drillSchema, ...commonErrors },
      },
    },
    async (request) => {
      const b = request.body;
      return runDrill(db, actorOf(request, ctx), {
        assetIds: b.assetIds,
        polygon: b.polygon?.map((p) => [p[0], p[1]] as const),
      });
    },
  );
}
