/**
 * The trajectory store over HTTP: importPings, listTrajectoryDays, purgeTrajectories,
 * verifyTrajectoryRetention.
 *
 * `POST /api/pings/import` takes the pings CSV itself as the body (`text/csv` or
 * `application/octet-stream`, up to 512 MiB), streamed into the importer without being buffered
 * whole: phone numbers are pseudonymised before anything is stored, bad rows come back as rejects
 * (line, reason; the first 1000), and the same file again is a no-op that says so; pings already
 * stored by earlier imports are not stored again (the answer's `kept` counts only the new ones; the
 * audit row also names how many were already stored). Each upload is audited (`trajectory.import`).
 *
 * Trajectories are city-wide (not tied to a place): city admins and health officers import and list
 * them; only city admins purge. Anyone else gets 404.
 */
import { Readable } from 'node:stream';
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, FieldError, invalid, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_RETENTION_DAYS } from '../rules/days.js';
import { type ImportPingsResult, importPings } from '../service/import-pings.js';
import { purgeTrajectories, verifyRetention } from '../service/load.js';
import { trajectoryDays } from '../store/trajectories.js';

export const MAX_PINGS_BYTES = 512 * 1024 * 1024;
const MAX_REJECTS = 1000;
const CSV_TYPES = ['text/csv', 'application/octet-stream'];

const day = { type: 'string', format: 'date', description: 'local date at the city offset' } as const;

const purgeSchema = {
  type: 'object',
  required: ['id', 'cutoff', 'retentionDays', 'days', 'chunks', 'pings', 'purgedAt', 'purgedBy'],
  properties: {
    id: { type: 'integer' },
    cutoff: { ...day, description: 'days before this one were deleted' },
    retentionDays: { type: 'integer' },
    days: { type: 'array', items: day },
    chunks: { type: 'integer' },
    pings: { type: 'integer' },
    purgedAt: { type: 'string', format: 'date-time' },
    purgedBy: { type: 'string', description: 'a user id, or system:<job>' },
  },
} as const;

const retentionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    retentionDays: { type: 'integer', minimum: 1, maximum: 3650, default: DEFAULT_RETENTION_DAYS },
  },
} as const;

export default async function pingRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  // The body stays a stream (this plugin only): the importer reads it as it arrives.
  api.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));

  api.post(
    '/pings/import',
    {
      schema: {
        operationId: 'importPings',
        summary: 'Import a pings CSV (subject,ts,lon,lat) sent as the body into the trajectory store',
        description:
          'Phone numbers are replaced by their pseudonyms before anything is stored; bad rows come back ' +
          'as rejects (line, reason), the rest are kept; the same file twice is stored once. Up to 512 MiB.',
        tags: ['trajectories'],
        consumes: CSV_TYPES,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { reason: { type: 'string', minLength: 1, maxLength: 200 } },
        } as const,
        response: {
          200: {
            type: 'object',
            required: [
              'importId',
              'alreadyImported',
              'rows',
              'kept',
              'rejected',
              'duplicates',
              'alreadyStored',
              'days',
              'rejects',
              'rejectsTruncated',
            ],
            properties: {
              importId: { type: 'string', format: 'uuid' },
              alreadyImported: {
                type: 'boolean',
                description: 'the same bytes were imported before: nothing stored, the first counts',
              },
              rows: { type: 'integer', description: 'data rows read (the header not counted)' },
              kept: { type: 'integer', description: 'pings stored' },
              rejected: { type: 'integer' },
              alreadyStored: {
                type: 'integer',
                description: 'pings already stored by earlier imports (a day holds each ping once)',
              },
              duplicates: {
                type: 'integer',
                description: 'rows with the subject and instant of an earlier row',
              },
              days: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['day', 'pings'],
                  properties: { day, pings: { type: 'integer' } },
                },
              },
              rejects: {
                type: 'array',
                description: `the first ${MAX_REJECTS}`,
                items: {
                  type: 'object',
                  required: ['line', 'reason'],
                  properties: { line: { type: 'integer' }, reason: { type: 'string' } },
                },
              },
              rejectsTruncated: { type: 'boolean' },
            },
          },
          413: { $ref: 'Error#' },
          429: { $ref: 'Error#' },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user } = scopeOf(request);
      const body = request.body;
      if (!(body instanceof Readable)) {
        throw invalid('header.content-type', `send the pings CSV as ${CSV_TYPES.join(' or ')}`);
      }
      const declared = Number(request.headers['content-length']);
      if (declared > MAX_PINGS_BYTES) throw tooLarge();
      let result: ImportPingsResult;
      try {
        result = await ctx.imports.run(user.id, () =>
          importPings(ctx.db, limited(body, MAX_PINGS_BYTES), {
            secret: ctx.citySecret(),
            source: 'body',
            actorId: user.id,
            maxRejects: MAX_REJECTS + 1,
            stream: ctx.queues.pingsStream,
          }),
        );
      } catch (e) {
        if (e instanceof RenxingError && e.code === 'RX_MISSING_COLUMN') {
          const missing = String(e.params.detail ?? '').split(', ')[0];
          throw new FieldError('RX_MISSING_COLUMN', `body.${missing}`, {
            file: 'body',
            detail: e.params.detail,
          });
        }
        if (e instanceof RenxingError && e.code === 'RX_FILE_EMPTY')
          throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
        throw e;
      }
      await appendAudit(ctx.db, {
        actor: user.id,
        action: 'trajectory.import',
        subjectType: 'trajectory_import',
        subjectId: result.importId,
        reason: request.query.reason ?? 'pings upload',
        detail: {
          alreadyImported: result.alreadyImported,
          rows: result.rows,
          kept: result.kept,
          rejected: result.rejected,
          duplicates: result.duplicates,
          alreadyStored: result.alreadyStored,
          days: result.days.map((d) => d.day),
        },
      });
      return {
        importId: result.importId,
        alreadyImported: result.alreadyImported,
        rows: result.rows,
        kept: result.kept,
        rejected: result.rejected,
        duplicates: result.duplicates,
        alreadyStored: result.alreadyStored,
        days: result.days,
        rejects: result.rejects.slice(0, MAX_REJECTS),
        rejectsTruncated: result.rejected > MAX_REJECTS,
      };
    },
  );

  api.get(
    '/trajectories/days',
    {
      schema: {
        operationId: 'listTrajectoryDays',
        summary: 'The stored trajectory days: pings, chunks and stored bytes each, oldest first',
        tags: ['trajectories'],
        response: {
          200: {
            type: 'object',
            required: ['days'],
            properties: {
              days: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['day', 'pings', 'chunks', 'bytes'],
                  properties: {
                    day,
                    pings: { type: 'integer' },
                    chunks: { type: 'integer' },
                    bytes: { type: 'integer', description: 'stored (compressed) bytes' },
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
      scopeOf(request);
      return { days: await trajectoryDays(ctx.db) };
    },
  );

  api.post(
    '/trajectories/purge',
    {
      schema: {
        operationId: 'purgeTrajectories',
        summary:
          'Delete the stored days wholly before the retention window (default 21 days); logged and audited',
        tags: ['trajectories'],
        querystring: retentionQuery,
        response: { 200: purgeSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { user } = scopeOf(request);
      const purge = await purgeTrajectories(ctx.db, {
        now: ctx.now(),
        retentionDays: request.query.retentionDays,
        actor: user.id,
      });
      return { ...purge, purgedAt: purge.purgedAt.toISOString() };
    },
  );

  api.get(
    '/trajectories/retention',
    {
      schema: {
        operationId: 'verifyTrajectoryRetention',
        summary: 'Whether any stored day is older than the retention window, and the latest purge runs',
        tags: ['trajectories'],
        querystring: retentionQuery,
        response: {
          200: {
            type: 'object',
            required: ['ok', 'cutoff', 'staleDays', 'oldestDay', 'purges'],
            properties: {
              ok: { type: 'boolean' },
              cutoff: day,
              staleDays: { type: 'array', items: day },
              oldestDay: { type: ['string', 'null'], format: 'date' },
              purges: { type: 'array', items: purgeSchema },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      scopeOf(request);
      const check = await verifyRetention(ctx.db, {
        now: ctx.now(),
        retentionDays: request.query.retentionDays,
      });
      return { ...check, purges: check.purges.map((p) => ({ ...p, purgedAt: p.purgedAt.toISOString() })) };
    },
  );
}

function tooLarge(): FieldError {
  return new FieldError('RX_TOO_LARGE', 'body', { limit: '512 MiB' });
}

/**
 * The body's chunks, failing with 413 once more than `max` bytes have come. The request is not
 * destroyed (that would reset the connection before the client reads the 413): the rest of the body
 * is read and thrown away, holding no memory, while the answer goes out.
 */
export async function* limited(body: Readable, max: number): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > max) {
      body.resume();
      throw tooLarge();
    }
    yield chunk;
  }
}
