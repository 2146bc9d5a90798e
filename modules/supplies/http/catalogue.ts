/** The catalogue and the norms: listSupplyItems, importSupplyItems (CSV or XLSX), listSupplyNorms. */
import { FieldError, invalid } from '@renxing/contracts';
import { type AppContext, acceptFileBodies, commonErrors, errorRef, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { importSupplyItems } from '../service/catalogue.js';
import { listItems } from '../store/items.js';
import { listNorms } from '../store/norms.js';
import { actorOf } from './actor.js';
import { itemImportSchema, itemSchema, normSchema } from './schemas.js';

const MAX_BYTES = 8 * 1024 * 1024;

export default async function catalogueRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  acceptFileBodies(fastify, TABLE_TYPES, MAX_BYTES);

  api.get(
    '/supplies/items',
    {
      schema: {
        operationId: 'listSupplyItems',
        summary: "The city's catalogue of supplies (code, name, unit, shelf life, minimum per store)",
        tags: ['supplies'],
        response: { 200: { type: 'array', items: itemSchema }, ...commonErrors },
      },
    },
    async () => listItems(ctx.db),
  );

  api.post(
    '/supplies/items/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importSupplyItems',
        summary: 'The catalogue from a file (CSV or XLSX: code,name,unit[,shelf_life_days][,min_per_store])',
        description:
          'New codes are added and changed ones rewritten; rows that cannot be used come back as rejects with ' +
          'their line and reason (a bad code, no name or unit, a shelf life or minimum that is not a whole number, a ' +
          'code repeated in the file). Importing the same file again changes nothing.',
        tags: ['supplies'],
        consumes: [...TABLE_TYPES],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200, description: "the file's name, for the audit" },
          },
        } as const,
        response: { 200: itemImportSchema, 413: errorRef, 429: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw invalid('header.content-type', `send the file as ${TABLE_TYPES.join(', ')}`);
      if (body.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
      const actor = actorOf(request, ctx);
      return ctx.imports.run(actor.userId, () =>
        importSupplyItems(ctx.db, body, {
          kind: kindOfType(request.headers['content-type']),
          source: { file: request.query.name ?? 'body', field: 'body' },
          actor,
        }),
      );
    },
  );

  api.get(
    '/supplies/norms',
    {
      schema: {
        operationId: 'listSupplyNorms',
        summary: 'The norms per resident reaching your place, by source (emergency plans, incidents)',
        tags: ['supplies'],
        response: { 200: { type: 'array', items: normSchema }, ...commonErrors },
      },
    },
    async (request) => listNorms(ctx.db, scopeOf(request).scope),
  );
}
