/**
 * Incidents and the learning loop: activatePlan, listIncidents, getIncident,
 * submitAfterActionReview, closeIncident, listCorrectiveActions, getLoopMetrics.
 */
import { type AppContext, commonErrors, placePath, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { getLoopMetrics, listCorrectiveActions } from '../service/actions.js';
import { activatePlan, closeIncident, getIncident } from '../service/incidents.js';
import { submitAfterActionReview } from '../service/review.js';
import { INCIDENT_STATES, listIncidents } from '../store/incidents.js';
import {
  actionsQuery,
  actionWithRevisionSchema,
  activateBody,
  activatedSchema,
  incidentSchema,
  incidentViewSchema,
  metricsSchema,
  reviewBody,
} from './incident-schemas.js';
import { actorOf } from './plans.js';

const conflict = { 409: { $ref: 'Error#' } } as const;

export default async function incidentRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  api.post(
    '/plans/:id/activate',
    {
      schema: {
        operationId: 'activatePlan',
        summary: "Activate the plan's newest published version at a level over places: opens an incident",
        description:
          "Each task of the level becomes an item in the inbox of every community covered; the level's supply gaps are noted and its shelters opened. The places lie within the plan's and yours (a community worker: their own community).",
        tags: ['plans'],
        params: uuidParams,
        body: activateBody,
        response: { 201: activatedSchema, ...conflict, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await activatePlan(db, request.params.id, request.body, actorOf(request, ctx))),
  );

  api.get(
    '/incidents',
    {
      schema: {
        operationId: 'listIncidents',
        summary: 'Incidents over places at, under or above yours, newest first',
        tags: ['plans'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'string', enum: INCIDENT_STATES },
            planId: { type: 'string', format: 'uuid' },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        } as const,
        response: { 200: { type: 'array', items: incidentSchema }, ...commonErrors },
      },
    },
    async (request) => listIncidents(db, scopeOf(request).scope, request.query),
  );

  api.get(
    '/incidents/:id',
    {
      schema: {
        operationId: 'getIncident',
        summary: 'An incident: its timeline, objectives and corrective actions, and what closing it lacks',
        tags: ['plans'],
        params: uuidParams,
        response: { 200: incidentViewSchema, ...commonErrors },
      },
    },
    async (request) => getIncident(db, request.params.id, scopeOf(request).scope),
  );

  api.post(
    '/incidents/:id/review',
    {
      schema: {
        operationId: 'submitAfterActionReview',
        summary:
          'Rate objectives P/S/M/U, add objectives and corrective actions (owner, due, capability element)',
        description:
          'May be sent in parts while the incident is open: ratings replace earlier ones, actions add up.',
        tags: ['plans'],
        params: uuidParams,
        body: reviewBody,
        response: { 200: incidentViewSchema, ...conflict, ...commonErrors },
      },
    },
    async (request) =>
      submitAfterActionReview(
        db,
        request.params.id,
        {
          objectives: request.body.objectives.map((o) => ({
            ...o,
            actions: o.actions?.map((a) => ({ ...a, due: new Date(a.due) })),
          })),
        },
        actorOf(request, ctx),
      ),
  );

  api.post(
    '/incidents/:id/close',
    {
      schema: {
        operationId: 'closeIncident',
        summary: 'Close an incident whose review is complete',
        description:
          'Refused (422 RX_INCIDENT_INCOMPLETE) while an objective is unrated or rated S, M or U without a corrective action; the message names each.',
        tags: ['plans'],
        params: uuidParams,
        response: { 200: incidentViewSchema, 422: { $ref: 'Error#' }, ...conflict, ...commonErrors },
      },
    },
    async (request) => closeIncident(db, request.params.id, actorOf(request, ctx)),
  );

  api.get(
    '/corrective-actions',
    {
      schema: {
        operationId: 'listCorrectiveActions',
        summary: 'Corrective actions, each closed one with the revision that closed it and its diff',
        tags: ['plans'],
        querystring: actionsQuery,
        response: { 200: { type: 'array', items: actionWithRevisionSchema }, ...commonErrors },
      },
    },
    async (request) => listCorrectiveActions(db, request.query, actorOf(request, ctx)),
  );

  api.get(
    '/plans/loop-metrics',
    {
      schema: {
        operationId: 'getLoopMetrics',
        summary:
          'The learning loop per plan and place: actions open and overdue, closed by a revision, days to revision',
        tags: ['plans'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { planId: { type: 'string', format: 'uuid' }, under: placePath },
        } as const,
        response: { 200: metricsSchema, ...commonErrors },
      },
    },
    async (request) => getLoopMetrics(db, request.query, actorOf(request, ctx)),
  );
}
