/**
 * Cases: createCase (registers a confirmed case and queues its detection), listCases, getCase
 * (with the detection's state and progress), listCaseCompanions (one page of companions with
 * their evidence; every read of it is audited), and getTransmissionChain (./chain.ts).
 *
 * Who: health officers and city admins register cases; place staff and health officers read the
 * cases visible from their place (registered under it, or with a companion living under it) and
 * the companions living under it. Anything else is 404.
 */
import { type Locale, RenxingError } from '@renxing/contracts';
import {
  type AppContext,
  commonErrors,
  placePath,
  requestLocale,
  searchText,
  typed,
  uuidParams,
} from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { detectionErrorText } from '../service/detect.js';
import { registerCase } from '../service/register.js';
import { type Case, caseById, caseVisible, listCases, listCompanions } from '../store/cases.js';
import { chainRoutes } from './chain.js';

const instant = { type: 'string', format: 'date-time' } as const;

const caseSchema = {
  $id: 'Case',
  type: 'object',
  required: ['id', 'number', 'label', 'status', 'confirmedAt', 'preset', 'detection', 'companionCount'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    number: { type: 'integer' },
    label: { type: 'string', description: 'the anonymised label residents see' },
    personId: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['confirmed', 'discharged', 'closed'] },
    confirmedAt: instant,
    windowFrom: { type: ['string', 'null'], format: 'date-time' },
    windowTo: { type: ['string', 'null'], format: 'date-time' },
    preset: { type: 'string' },
    placePath: { type: ['string', 'null'] },
    detection: {
      type: 'object',
      required: ['state'],
      properties: {
        state: { type: 'string', enum: ['pending', 'running', 'done', 'failed'] },
        progress: {
          type: ['object', 'null'],
          properties: {
            phase: { type: 'string', enum: ['loading', 'indexing', 'querying', 'storing'] },
            done: { type: 'number' },
            total: { type: 'number' },
          },
        },
        error: { type: ['string', 'null'] },
        startedAt: { type: ['string', 'null'], format: 'date-time' },
        finishedAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
    companionCount: { type: 'integer' },
    createdAt: instant,
  },
} as const;

const companionSchema = {
  type: 'object',
  required: ['id', 'cell', 'overlapStart', 'overlapEnd', 'overlapS', 'colour'],
  properties: {
    id: { type: 'integer' },
    personId: { type: ['string', 'null'], description: 'null: the phone is not in the registry' },
    name: { type: ['string', 'null'] },
    homePlacePath: { type: ['string', 'null'] },
    homePlaceName: { type: ['string', 'null'] },
    cell: { type: 'string', description: 'the grid cell shared with the case, i:j' },
    overlapStart: instant,
    overlapEnd: instant,
    overlapS: { type: 'integer', description: 'seconds together in the cell' },
    colour: { type: 'string', enum: ['green', 'yellow', 'red'] },
    taskId: { type: ['string', 'null'] },
    taskState: { type: ['string', 'null'] },
  },
} as const;

/** The case with its detection failure (if any) worded in the reader's language. */
function worded(c: Case, locale: Locale): Case {
  const error = c.detection.error;
  return error ? { ...c, detection: { ...c.detection, error: detectionErrorText(error, locale) } } : c;
}

const secondsOf = (s: string | undefined) => (s === undefined ? null : Math.floor(Date.parse(s) / 1000));

export default async function caseRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  api.addSchema(caseSchema);

  const visibleCase = async (id: string, scope: string): Promise<Case> => {
    const found = await caseById(db, id);
    if (!found || !(await caseVisible(db, id, scope))) throw new RenxingError('RX_NOT_FOUND');
    return found;
  };

  api.post(
    '/cases',
    {
      schema: {
        operationId: 'createCase',
        summary:
          'Register a confirmed case (a person or a phone, and the window to search); detection starts',
        tags: ['cases'],
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            personId: { type: 'string', format: 'uuid' },
            phone: { type: 'string', minLength: 5, maxLength: 30 },
            label: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[^\\x00]*\\S[^\\x00]*$' },
            confirmedAt: { ...instant, description: 'default now' },
            from: { ...instant, description: 'start of the window to search; absent: unbounded' },
            to: { ...instant, description: 'end of the window; absent: unbounded' },
          },
        } as const,
        response: { 201: { $ref: 'Case#' }, 409: { $ref: 'Error#' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { user, scope } = scopeOf(request);
      const b = request.body;
      const result = await registerCase(
        db,
        {
          personId: b.personId,
          phone: b.phone,
          label: b.label,
          confirmedAt: secondsOf(b.confirmedAt) ?? ctx.now(),
          from: secondsOf(b.from),
          to: secondsOf(b.to),
        },
        {
          secret: ctx.citySecret(),
          preset: ctx.preset,
          actorId: user.id,
          byPhone: Boolean(b.phone),
          now: ctx.now(),
          within: (p) => p.homePlacePath !== null && isWithin(p.homePlacePath, scope),
        },
      );
      ctx.queues.detection.enqueue(result.case.id);
      reply.code(201);
      return result.case;
    },
  );

  api.get(
    '/cases',
    {
      schema: {
        operationId: 'listCases',
        summary: 'Cases visible from your place, newest first',
        tags: ['cases'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'string', enum: ['pending', 'running', 'done', 'failed'] },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'cases'],
            properties: { total: { type: 'integer' }, cases: { type: 'array', items: { $ref: 'Case#' } } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const page = await listCases(db, { scope, ...request.query });
      const locale = requestLocale(request);
      return { total: page.total, cases: page.cases.map((c) => worded(c, locale)) };
    },
  );

  api.get(
    '/cases/:id',
    {
      schema: {
        operationId: 'getCase',
        summary: 'One case, with the state and progress of its detection',
        tags: ['cases'],
        params: uuidParams,
        response: { 200: { $ref: 'Case#' }, ...commonErrors },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      return worded(await visibleCase(request.params.id, scope), requestLocale(request));
    },
  );

  api.get(
    '/cases/:id/companions',
    {
      schema: {
        operationId: 'listCaseCompanions',
        summary:
          'One page of the companions of a case living under your place, with their evidence (audited)',
        tags: ['cases'],
        params: uuidParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            cell: { type: 'string', pattern: '^-?[0-9]{1,9}:-?[0-9]{1,9}$' },
            place: placePath,
            minOverlap: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            q: searchText,
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'companions'],
            properties: { total: { type: 'integer' }, companions: { type: 'array', items: companionSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const c = await visibleCase(request.params.id, scope);
      const { place, ...filters } = request.query;
      if (place !== undefined && !isWithin(place, scope)) throw new RenxingError('RX_NOT_FOUND');
      const page = await listCompanions(db, c.id, { scope, place, ...filters });
      await appendAudit(db, {
        actor: user.id,
        action: 'companions.read',
        subjectType: 'case',
        subjectId: c.id,
        reason: 'viewed trajectory evidence of companions',
        detail: { shown: page.companions.length, total: page.total, filters: request.query },
      });
      return page;
    },
  );

  await chainRoutes(fastify, ctx);
}
