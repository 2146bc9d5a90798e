/** The departments' side of the inbox: submitWorkRequest, listWorkRequests, getWorkRequest. */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { type Cell, tableCsv, tableXlsx, XLSX_TYPE } from '@renxing/sheets';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type InboxActor, submitWorkRequest } from '../service/intake.js';
import { departmentOf } from '../store/duty-list.js';
import { listRequests, requestById, requestDemands } from '../store/requests.js';
import { departmentCode, requestBody, submittedSchema, workRequestSchema } from './schemas.js';

/** Who acts: their place, and the department a department officer acts for (city admins: any). */
export async function actorOf(request: FastifyRequest, ctx: AppContext): Promise<InboxActor> {
  const { user, scope } = scopeOf(request);
  const department = user.role === 'department_officer' ? await departmentOf(ctx.db, user.id) : null;
  if (user.role === 'department_officer' && department === null) throw new RenxingError('RX_NOT_FOUND');
  return { userId: user.id, scope, department, now: new Date(ctx.now() * 1000) };
}

export default async function requestRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  api.addSchema(workRequestSchema);

  api.post(
    '/work-requests',
    {
      schema: {
        operationId: 'submitWorkRequest',
        summary:
          "A department's task or form for communities: judged by the responsibility list, merged per community",
        description:
          'Accepted: the communities reached and the item each demand joined. Refused (422): RX_DUTY_NEGATIVE, ' +
          'RX_DUTY_NO_RESOURCES, RX_DUTY_ABOLISHED or RX_DUTY_UNLISTED naming the rule and its legal basis; ' +
          'the refusal is kept in listWorkRequests and nothing reaches a community.',
        tags: ['inbox'],
        body: requestBody,
        response: { 200: submittedSchema, 422: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = await actorOf(request, ctx);
      const b = request.body;
      return submitWorkRequest(
        db,
        {
          department: b.department,
          duty: b.duty,
          kind: b.kind,
          title: b.title,
          targets: b.targets,
          due: new Date(b.due),
          window: b.window ?? null,
          priority: b.priority ?? 'normal',
          resources: b.resources ?? null,
          admission: b.admission ?? null,
          fields: b.fields ?? [],
        },
        actor,
      );
    },
  );

  api.get(
    '/work-requests',
    {
      schema: {
        operationId: 'listWorkRequests',
        summary:
          "Requests, newest first: a department officer's department's, or (city admin) every department's",
        tags: ['inbox'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            department: departmentCode,
            status: { type: 'string', enum: ['accepted', 'refused'] },
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'requests'],
            properties: {
              total: { type: 'integer' },
              requests: { type: 'array', items: { $ref: 'WorkRequest#' } },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, ctx);
      const { department, ...rest } = request.query;
      return listRequests(db, { department: actor.department ?? department ?? null, ...rest });
    },
  );

  api.get(
    '/work-requests/:id',
    {
      schema: {
        operationId: 'getWorkRequest',
        summary:
          'One request with each community it reached: the item, its state and the answers to its fields',
        tags: ['inbox'],
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['request', 'communities'],
            properties: {
              request: { $ref: 'WorkRequest#' },
              communities: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    placePath: { type: 'string' },
                    placeName: { type: 'string' },
                    itemId: { type: 'string' },
                    itemState: { type: 'string' },
                    departments: { type: 'array', items: { type: 'string' } },
                    state: { type: 'string', enum: ['open', 'done'] },
                    answers: { type: 'object', additionalProperties: true },
                    doneAt: { type: ['string', 'null'], format: 'date-time' },
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
      const found = await visibleRequest(request, request.params.id);
      return { request: found, communities: await requestDemands(db, found.id) };
    },
  );

  api.get(
    '/work-requests/:id/answers',
    {
      schema: {
        operationId: 'exportWorkRequestAnswers',
        summary:
          "A request's answers as a spreadsheet: one row per community, one column per field (CSV or XLSX)",
        tags: ['inbox'],
        params: uuidParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { format: { type: 'string', enum: ['csv', 'xlsx'], default: 'xlsx' } },
        } as const,
        produces: ['text/csv', XLSX_TYPE],
        response: { 200: { type: 'string', format: 'binary' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const found = await visibleRequest(request, request.params.id);
      const demands = await requestDemands(db, found.id);
      const header = ['community', 'community_name', 'state', 'done_at', ...found.fields.map((f) => f.key)];
      const rows = demands.map((d) => [
        d.placePath,
        d.placeName,
        d.state,
        d.doneAt?.toISOString() ?? null,
        ...found.fields.map((f) => (d.answers[f.key] as Cell | undefined) ?? null),
      ]);
      const name = `work-request-${found.id.slice(0, 8)}`;
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(tableCsv(header, rows));
      }
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await tableXlsx(found.title, header, rows));
    },
  );

  /** The request if the caller's department made it (a city admin: any), else not found. */
  async function visibleRequest(request: FastifyRequest, id: string) {
    const actor = await actorOf(request, ctx);
    const found = await requestById(db, id);
    if (!found || (actor.department !== null && found.department !== actor.department)) {
      throw new RenxingError('RX_NOT_FOUND');
    }
    return found;
  }
}
