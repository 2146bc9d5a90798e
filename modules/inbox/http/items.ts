/**
 * The community's side: listInbox (its one list of items, open first by due date and priority,
 * with the departments behind each, or the area and person of an item another area raised;
 * overdue ones are escalated to the street; beside them the count of companion follow-up tasks,
 * which keep their own screen and operations), getWorkItem, answerWorkItem (a form answered once
 * for every department) and updateWorkItem.
 */
import { type AppContext, commonErrors, placePath, typed, uuidParams } from '@renxing/http';
import { requireInScope } from '@renxing/modules/access';
import { listTasks, type TaskState } from '@renxing/modules/follow-up';
import type { FastifyInstance } from 'fastify';
import { ITEM_STATES } from '../rules/items.js';
import { answerWorkItem, getWorkItem, updateWorkItem } from '../service/items.js';
import { listItems } from '../store/items.js';
import { actorOf } from './requests.js';
import { departmentCode, originCode, workItemSchema, workItemViewSchema } from './schemas.js';

export default async function itemRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  api.addSchema(workItemSchema);

  api.get(
    '/inbox',
    {
      schema: {
        operationId: 'listInbox',
        summary:
          "A community's one list: every item under your place (or `place`), open ones by due date and priority",
        tags: ['inbox'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            place: placePath,
            state: { type: 'string', enum: ['open', 'done', 'all'] },
            overdue: { type: 'boolean', description: 'only the escalated ones (past due, not done)' },
            department: departmentCode,
            origin: { ...originCode, description: "only the items this area raised ('screening.retest')" },
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'items', 'followUp'],
            properties: {
              total: { type: 'integer' },
              items: { type: 'array', items: { $ref: 'WorkItem#' } },
              followUp: {
                type: 'object',
                description:
                  "the companion follow-up tasks in the same place (listTasks): the list's other half",
                required: ['open', 'overdue'],
                properties: { open: { type: 'integer' }, overdue: { type: 'integer' } },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, ctx);
      const { place, ...rest } = request.query;
      if (place !== undefined) requireInScope(place, actor.scope);
      const scope = place ?? actor.scope;
      const open = {
        scope,
        userId: actor.userId,
        now: actor.now,
        states: ['pending', 'in_progress'] as TaskState[],
        limit: 1,
      };
      const [page, tasks, overdue] = await Promise.all([
        listItems(db, { scope, now: actor.now, ...rest }),
        listTasks(db, open),
        listTasks(db, { ...open, overdue: true }),
      ]);
      return { ...page, followUp: { open: tasks.total, overdue: overdue.total } };
    },
  );

  api.get(
    '/work-items/:id',
    {
      schema: {
        operationId: 'getWorkItem',
        summary:
          'An item: the departments and requests behind it, its fields with pre-fills (source, date) and answers',
        tags: ['inbox'],
        params: uuidParams,
        response: { 200: workItemViewSchema, ...commonErrors },
      },
    },
    async (request) => getWorkItem(db, request.params.id, await actorOf(request, ctx)),
  );

  api.post(
    '/work-items/:id/answers',
    {
      schema: {
        operationId: 'answerWorkItem',
        summary: 'Answer fields once for every department behind the item; complete answers finish it',
        tags: ['inbox'],
        params: uuidParams,
        body: {
          type: 'object',
          required: ['values'],
          additionalProperties: false,
          properties: {
            values: {
              type: 'object',
              maxProperties: 500,
              // Each value is checked against its field's type by the rules (a union type here would be
              // coerced by the validator: 12 → '12').
              additionalProperties: {},
              description: 'by answer key; a pre-filled value sent back unchanged counts as confirmed',
            },
          },
        } as const,
        response: { 200: workItemViewSchema, 409: { $ref: 'Error#' }, ...commonErrors },
      },
    },
    async (request) =>
      answerWorkItem(
        db,
        request.params.id,
        request.body.values as Record<string, unknown>,
        await actorOf(request, ctx),
      ),
  );

  api.patch(
    '/work-items/:id',
    {
      schema: {
        operationId: 'updateWorkItem',
        summary: 'Move an item along: open → in_progress → done',
        tags: ['inbox'],
        params: uuidParams,
        body: {
          type: 'object',
          required: ['state'],
          additionalProperties: false,
          properties: {
            state: { type: 'string', enum: [...ITEM_STATES] },
            note: { type: 'string', minLength: 1, maxLength: 500 },
          },
        } as const,
        response: { 200: workItemViewSchema, 409: { $ref: 'Error#' }, ...commonErrors },
      },
    },
    async (request) => updateWorkItem(db, request.params.id, request.body, await actorOf(request, ctx)),
  );
}
