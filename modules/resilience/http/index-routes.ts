/**
 * The computed index: listResilienceIndicators, updateResilienceIndicator, importResilienceIndicators,
 * importResilienceValues, computeResilienceIndex, getResilienceIndex, getCommunityResilience,
 * explainResilienceScore, sendResilienceTask. Staff see the communities at or under their place.
 */
import { FieldError, invalid } from '@renxing/contracts';
import { type AppContext, acceptFileBodies, commonErrors, errorRef, typed } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResilienceActor } from '../service/actor.js';
import { getCommunityResilience } from '../service/community.js';
import { computeResilienceIndex } from '../service/compute.js';
import { explainResilienceScore } from '../service/explain.js';
import { importResilienceIndicators } from '../service/import-indicators.js';
import { importResilienceValues } from '../service/import-values.js';
import { getResilienceIndex } from '../service/index-view.js';
import { listResilienceIndicators, updateResilienceIndicator } from '../service/settings.js';
import { sendResilienceTask } from '../service/tasks.js';
import {
  communityResilienceSchema,
  dateQuery,
  explainQuery,
  explainSchema,
  taskBody,
  taskSchema,
} from './schemas-community.js';
import {
  computeBody,
  importQuery,
  importSchema,
  indexQuery,
  indexSchema,
  indicatorSchema,
  indicatorsSchema,
  keyParams,
  pathParams,
  runSchema,
  updateIndicatorBody,
} from './schemas-index.js';

const MAX_BYTES = 8 * 1024 * 1024;
const TAGS = ['resilience'];

export default async function indexRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  acceptFileBodies(fastify, TABLE_TYPES, MAX_BYTES);
  const actorOf = (request: FastifyRequest): ResilienceActor => {
    const { user, scope } = scopeOf(request);
    return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
  };
  const fileOf = (request: FastifyRequest): Buffer => {
    const body = request.body;
    if (!Buffer.isBuffer(body))
      throw invalid('header.content-type', `send the file as ${TABLE_TYPES.join(', ')}`);
    if (body.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
    return body;
  };

  api.get(
    '/resilience/indicators',
    {
      schema: {
        operationId: 'listResilienceIndicators',
        summary:
          "The index's indicators (the platform's and the city's own), which are on, and the hazards the city lists",
        tags: TAGS,
        response: { 200: indicatorsSchema, ...commonErrors },
      },
    },
    async (request) => listResilienceIndicators(db, actorOf(request)),
  );

  api.patch(
    '/resilience/indicators/:key',
    {
      schema: {
        operationId: 'updateResilienceIndicator',
        summary: 'Switch an indicator on or off for the next computations (audited)',
        tags: TAGS,
        params: keyParams,
        body: updateIndicatorBody,
        response: { 200: indicatorSchema, ...commonErrors },
      },
    },
    async (request) => updateResilienceIndicator(db, request.params.key, request.body, actorOf(request)),
  );

  api.post(
    '/resilience/indicators/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importResilienceIndicators',
        summary:
          "The city's own indicators (CSV or XLSX: key,mechanism,trait,direction,unit,title,title_en,definition[,definition_en])",
        description:
          'A row adds or updates one of the city’s indicators; a key may not be the platform’s. Rows that cannot be used come back ' +
          'as rejects with their line and reason; the rest is kept (one transaction, audited).',
        tags: TAGS,
        consumes: [...TABLE_TYPES],
        querystring: importQuery,
        response: { 200: importSchema, 413: errorRef, 429: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = fileOf(request);
      return ctx.imports.run(actor.userId!, () =>
        importResilienceIndicators(db, body, {
          kind: kindOfType(request.headers['content-type']),
          source: { file: request.query.name ?? 'body', field: 'body' },
          actor,
        }),
      );
    },
  );

  api.post(
    '/resilience/values/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importResilienceValues',
        summary: "Values of the city's own indicators (CSV or XLSX: community,key,value[,date])",
        description:
          'community is a place path, key one of the city’s indicators, date a city date (default today). The computation of a date ' +
          'uses the newest value dated on or before it. Rows that cannot be used come back as rejects; the rest is kept.',
        tags: TAGS,
        consumes: [...TABLE_TYPES],
        querystring: importQuery,
        response: { 200: importSchema, 413: errorRef, 429: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = fileOf(request);
      return ctx.imports.run(actor.userId!, () =>
        importResilienceValues(db, body, {
          kind: kindOfType(request.headers['content-type']),
          source: { file: request.query.name ?? 'body', field: 'body' },
          actor,
        }),
      );
    },
  );

  api.post(
    '/resilience/index/compute',
    {
      schema: {
        operationId: 'computeResilienceIndex',
        summary: "Compute every community's index for a city date now (replacing that date's run; audited)",
        tags: TAGS,
        body: computeBody,
        response: { 200: runSchema, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return computeResilienceIndex(db, { date: request.body?.date, actor });
    },
  );

  api.get(
    '/resilience/index',
    {
      schema: {
        operationId: 'getResilienceIndex',
        summary:
          'The index of the communities within your place on a computed date, with their ranks in the city',
        tags: TAGS,
        querystring: indexQuery,
        response: { 200: indexSchema, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      if (q.under) requireInScope(q.under, actor.scope!);
      return getResilienceIndex(db, { date: q.date, under: q.under }, actor);
    },
  );

  api.get(
    '/resilience/communities/:path',
    {
      schema: {
        operationId: 'getCommunityResilience',
        summary: "A community's scores, values, history, what to do next and its latest self-assessment",
        tags: TAGS,
        params: pathParams,
        querystring: dateQuery,
        response: { 200: communityResilienceSchema, ...commonErrors },
      },
    },
    async (request) =>
      getCommunityResilience(db, request.params.path, { date: request.query.date }, actorOf(request)),
  );

  api.get(
    '/resilience/communities/:path/explain',
    {
      schema: {
        operationId: 'explainResilienceScore',
        summary:
          "A community's index explained: mechanisms and traits down to each indicator (with key: its records)",
        tags: TAGS,
        params: pathParams,
        querystring: explainQuery,
        response: { 200: explainSchema, ...commonErrors },
      },
    },
    async (request) =>
      explainResilienceScore(
        db,
        request.params.path,
        { date: request.query.date, key: request.query.key },
        actorOf(request),
      ),
  );

  api.post(
    '/resilience/communities/:path/tasks',
    {
      schema: {
        operationId: 'sendResilienceTask',
        summary: "Send a next step to the community's inbox as a task (once per indicator and date; audited)",
        tags: TAGS,
        params: pathParams,
        body: taskBody,
        response: { 200: taskSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request) => sendResilienceTask(db, request.params.path, request.body, actorOf(request)),
  );
}
