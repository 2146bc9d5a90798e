/** Lab results: importTubeResults (a CSV or XLSX file resolving its tubes at once), listResultImports. */
import { FieldError, invalid } from '@renxing/contracts';
import { type AppContext, acceptFileBodies, commonErrors, errorRef, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { REJECT_REASONS } from '../rules/files.js';
import { importTubeResults } from '../service/results.js';
import { listResultImports } from '../store/results.js';
import { importSchema } from './schemas.js';

const MAX_BYTES = 64 * 1024 * 1024;

export default async function resultRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  acceptFileBodies(fastify, TABLE_TYPES, MAX_BYTES);

  api.post(
    '/screening/results',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importTubeResults',
        summary:
          "A lab's result file (CSV or XLSX: tube,result,reported_at) resolving every member of its tubes",
        description:
          'Rows that cannot be used come back as rejects with their line and reason (unknown tube, result not ' +
          'negative/positive/invalid, unparseable time, reported before sampling, a result differing from the first); ' +
          'the rest is kept. The same result again is a no-op: re-sending a file changes nothing.',
        tags: ['screening'],
        consumes: [...TABLE_TYPES],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200, description: "the file's name, kept with the import" },
          },
        } as const,
        response: { 200: importSchema, 413: errorRef, 429: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const { user } = scopeOf(request);
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw invalid('header.content-type', `send the file as ${TABLE_TYPES.join(', ')}`);
      if (body.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
      return ctx.imports.run(user.id, () =>
        importTubeResults(ctx.db, body, {
          kind: kindOfType(request.headers['content-type']),
          source: { file: request.query.name ?? 'body', field: 'body' },
          actor: user.id,
          now: new Date(ctx.now() * 1000),
          preset: ctx.preset,
        }),
      );
    },
  );

  api.get(
    '/screening/results',
    {
      schema: {
        operationId: 'listResultImports',
        summary: 'Result files imported, newest first, with their rejects',
        tags: ['screening'],
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'id',
                'fileName',
                'importedBy',
                'importedByName',
                'importedAt',
                'rows',
                'accepted',
                'unchanged',
                'rejects',
                'summary',
              ],
              properties: {
                id: { type: 'string' },
                fileName: { type: ['string', 'null'] },
                importedBy: { type: ['string', 'null'] },
                importedByName: { type: ['string', 'null'] },
                importedAt: { type: 'string', format: 'date-time' },
                rows: { type: 'integer' },
                accepted: { type: 'integer' },
                unchanged: { type: 'integer' },
                rejects: importSchema.properties.rejects,
                summary: {
                  type: 'object',
                  description: 'what the file resolved (importTubeResults without its id and rejects)',
                  properties: {
                    tubes: importSchema.properties.tubes,
                    members: importSchema.properties.members,
                    healthCodeChanges: { type: 'integer' },
                    itemsRaised: { type: 'integer' },
                    itemsClosed: { type: 'integer' },
                  },
                },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async () =>
      (await listResultImports(ctx.db)).map((i) => ({
        ...i,
        rejects: i.rejects.map((r) => ({ ...r, message: REJECT_REASONS[r.reason] })),
      })),
  );
}
