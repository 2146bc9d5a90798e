/**
 * Reports: submitReport, attachReportPhoto, listReports, getReport, getReportPhoto, respondReport,
 * reopenReport, listPublicResponses. A resident sees only their own reports; staff those within
 * their place. A photo is served as the image it was proved to be, never as HTML.
 */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, acceptFileBodies, commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { isResident } from '../service/actor.js';
import { attachReportPhoto, MAX_PHOTO_BYTES } from '../service/photos.js';
import { reopenReport, reportFor, respondReport, submitReport } from '../service/reports.js';
import { photoOf } from '../store/photos.js';
import { eventsOf, listReports, publicResponses, type Report } from '../store/reports.js';
import { actorOf, staffScope } from './actor.js';
import {
  listQuery,
  listSchema,
  photoSchema,
  publicQuery,
  publicResponseSchema,
  reopenBody,
  reportPageSchema,
  reportSchema,
  respondBody,
  submitBody,
  submittedSchema,
} from './schemas.js';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

/** A report as the API shows it. */
export const reportView = (r: Report) => r;

export default async function reportRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db, notifier } = ctx;
  acceptFileBodies(fastify, PHOTO_TYPES, MAX_PHOTO_BYTES);

  api.post(
    '/participation/reports',
    {
      schema: {
        operationId: 'submitReport',
        summary:
          'Submit a report (a resident; or staff for a resident): hazard, suggestion, complaint, health_symptom, need',
        description:
          'Place: the reporter’s home community unless named. A near-duplicate (same category and community, text trigram ' +
          'Jaccard ≥ 0.6, last 7 days) is linked to the earliest report of its issue and counted as a supporter. At most 10 ' +
          'reports per resident per hour (429). The text is stored as plain text. 提交居民报告（隐患、建议、投诉、健康症状、需求）。',
        tags: ['participation'],
        body: submitBody,
        response: { 201: submittedSchema, 429: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const done = await submitReport(db, notifier, actorOf(request, ctx), request.body);
      return reply.code(201).send({ report: reportView(done.report), duplicateOf: done.duplicateOf });
    },
  );

  api.put(
    '/participation/reports/:id/photo',
    {
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        operationId: 'attachReportPhoto',
        summary:
          'Attach the report’s photo (the image file itself: JPEG, PNG or WebP by its bytes, at most 5 MB)',
        tags: ['participation'],
        consumes: PHOTO_TYPES,
        params: uuidParams,
        response: { 200: photoSchema, 413: errorRef, 415: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new RenxingError('RX_PHOTO_TYPE');
      return attachReportPhoto(db, actorOf(request, ctx), request.params.id, body);
    },
  );

  api.get(
    '/participation/reports',
    {
      schema: {
        operationId: 'listReports',
        summary:
          'Reports: a resident’s own, or those within your place (filters: category, state, place, period)',
        tags: ['participation'],
        querystring: listQuery,
        response: { 200: listSchema, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const q = request.query;
      const own = isResident(actor);
      const page = await listReports(db, {
        ...(own
          ? { reporter: { userId: actor.userId!, personId: actor.personId }, scope: q.placePath }
          : { scope: staffScope(request, q.placePath) }),
        category: q.category,
        state: q.state,
        from: q.from === undefined ? undefined : new Date(q.from),
        to: q.to === undefined ? undefined : new Date(q.to),
        originalsOnly: q.originalsOnly,
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      });
      return { reports: page.reports.map(reportView), total: page.total };
    },
  );

  api.get(
    '/participation/reports/:id',
    {
      schema: {
        operationId: 'getReport',
        summary: 'A report with its history (a resident: their own)',
        tags: ['participation'],
        params: uuidParams,
        response: { 200: reportPageSchema, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const report = await reportFor(db, actor, request.params.id);
      const events = await eventsOf(db, report.id);
      // A resident reads what happened, not which staff account did it.
      return {
        report: reportView(report),
        events: isResident(actor) ? events.map(({ actor: _a, ...e }) => e) : events,
      };
    },
  );

  api.get(
    '/participation/reports/:id/photo',
    {
      schema: {
        operationId: 'getReportPhoto',
        summary: 'The report’s photo, as the image type its bytes proved (never HTML)',
        tags: ['participation'],
        params: uuidParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: {
          200: {
            description: 'the image',
            content: {
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
              'image/webp': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const report = await reportFor(db, actorOf(request, ctx), request.params.id);
      const photo = await photoOf(db, report.id);
      if (!photo) throw new RenxingError('RX_NO_PHOTO', { report: report.id });
      reply
        .header('content-disposition', `inline; filename="report-${report.id}.${photo.contentType.slice(6)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .header('etag', `"${photo.sha256}"`)
        .type(photo.contentType);
      return reply.send(photo.bytes);
    },
  );

  api.post(
    '/participation/reports/:id/respond',
    {
      schema: {
        operationId: 'respondReport',
        summary:
          'Act on a report: acknowledge, assign, respond (with words; public if both you and the reporter allow), close',
        description:
          'Its near-duplicates follow their original; every reporter is told. 受理、分派、答复、办结。',
        tags: ['participation'],
        params: uuidParams,
        body: respondBody,
        response: { 200: reportSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request) =>
      reportView(await respondReport(db, notifier, actorOf(request, ctx), request.params.id, request.body)),
  );

  api.post(
    '/participation/reports/:id/reopen',
    {
      schema: {
        operationId: 'reopenReport',
        summary: 'Reopen your report within 7 days of its response',
        tags: ['participation'],
        params: uuidParams,
        body: reopenBody,
        response: { 200: reportSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request) =>
      reportView(
        await reopenReport(
          db,
          notifier,
          actorOf(request, ctx),
          request.params.id,
          request.body?.reason ?? null,
        ),
      ),
  );

  api.get(
    '/participation/public-responses',
    {
      schema: {
        operationId: 'listPublicResponses',
        summary: 'Responses made public (where the reporter allowed it), without who reported',
        tags: ['participation'],
        querystring: publicQuery,
        response: {
          200: {
            type: 'object',
            required: ['responses'],
            properties: { responses: { type: 'array', items: publicResponseSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const q = request.query;
      const scope = actor.scope === null ? (q.placePath ?? null) : staffScope(request, q.placePath);
      const rows = await publicResponses(db, { scope, limit: q.limit ?? 50, offset: q.offset ?? 0 });
      return {
        responses: rows.map((r) => ({
          id: r.id,
          category: r.category,
          text: r.text,
          response: r.response ?? '',
          placePath: r.placePath,
          placeName: r.placeName,
          state: r.state,
          submittedAt: r.submittedAt,
          respondedAt: r.respondedAt,
          supporters: r.supporters,
        })),
      };
    },
  );
}
