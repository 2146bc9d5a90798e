/**
 * The community inbox: listTasks (filter, sort, page), getTask, updateTask (state, outcome, note,
 * assignee, place), reassignTasks (many at once). A user works on the tasks under their place and
 * those assigned to them; a task moved to a place or a user must stay within the caller's scope.
 * Every change is audited.
 */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, placePath, searchText, typed, uuidParams } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { TASK_OUTCOMES, TASK_STATES } from '../rules/tasks.js';
import { changeTask, moveTasks } from '../service/tasks.js';
import { listTasks, taskById } from '../store/tasks.js';

const note = { type: ['string', 'null'], maxLength: 2000, pattern: '^[^\\x00]*$' } as const;
const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;

const taskSchema = {
  $id: 'Task',
  type: 'object',
  required: ['id', 'caseId', 'caseLabel', 'placePath', 'state', 'dueAt', 'overdue'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    caseId: { type: 'string', format: 'uuid' },
    caseLabel: { type: 'string' },
    personId: { type: ['string', 'null'], description: 'null: a phone not in the registry (city queue)' },
    personName: { type: ['string', 'null'] },
    phoneMasked: { type: ['string', 'null'], description: '138****8000; the full number through getPerson' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    state: { type: 'string', enum: [...TASK_STATES] },
    outcome: { type: ['string', 'null'], enum: [...TASK_OUTCOMES, null] },
    note: { type: ['string', 'null'] },
    assignedTo: { type: ['string', 'null'] },
    assignedUsername: { type: ['string', 'null'] },
    cell: { type: ['string', 'null'] },
    overlapStart: nullableInstant,
    overlapEnd: nullableInstant,
    dueAt: { type: 'string', format: 'date-time' },
    overdue: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    finishedAt: nullableInstant,
  },
} as const;

export default async function taskRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  api.addSchema(taskSchema);
  const now = () => new Date(ctx.now() * 1000);

  api.get(
    '/tasks',
    {
      schema: {
        operationId: 'listTasks',
        summary: 'The inbox: tasks under your place and those assigned to you',
        tags: ['tasks'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'array', items: { type: 'string', enum: [...TASK_STATES] }, maxItems: 4 },
            overdue: { type: 'boolean' },
            caseId: { type: 'string', format: 'uuid' },
            place: placePath,
            assignedTo: { type: 'string', format: 'uuid' },
            q: searchText,
            sort: { type: 'string', enum: ['due', 'created', 'updated', 'place'] },
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'tasks'],
            properties: { total: { type: 'integer' }, tasks: { type: 'array', items: { $ref: 'Task#' } } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const { state, place, ...rest } = request.query;
      if (place !== undefined) requireInScope(place, scope);
      return listTasks(db, { scope, userId: user.id, now: now(), states: state, place, ...rest });
    },
  );

  api.get(
    '/tasks/:id',
    {
      schema: {
        operationId: 'getTask',
        summary: 'One task',
        tags: ['tasks'],
        params: uuidParams,
        response: { 200: { $ref: 'Task#' }, ...commonErrors },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const task = await taskById(db, request.params.id, { scope, userId: user.id, now: now() });
      if (!task) throw new RenxingError('RX_NOT_FOUND');
      return task;
    },
  );

  api.patch(
    '/tasks/:id',
    {
      schema: {
        operationId: 'updateTask',
        summary: 'Work a task: state, outcome and note; or assign it to someone or move it to another place',
        tags: ['tasks'],
        params: uuidParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            state: { type: 'string', enum: [...TASK_STATES] },
            outcome: { type: ['string', 'null'], enum: [...TASK_OUTCOMES, null] },
            note,
            assignedTo: { type: ['string', 'null'], format: 'uuid' },
            place: placePath,
          },
        } as const,
        response: { 200: { $ref: 'Task#' }, 409: { $ref: 'Error#' }, ...commonErrors },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      return changeTask(db, { userId: user.id, scope, now: now() }, request.params.id, request.body);
    },
  );

  api.post(
    '/tasks/reassign',
    {
      schema: {
        operationId: 'reassignTasks',
        summary: 'Move many open tasks to another place and/or person at once',
        tags: ['tasks'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['ids'],
          minProperties: 2,
          properties: {
            ids: {
              type: 'array',
              minItems: 1,
              maxItems: 1000,
              uniqueItems: true,
              items: { type: 'string', format: 'uuid' },
            },
            place: placePath,
            assignedTo: { type: ['string', 'null'], format: 'uuid' },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['moved', 'skipped'],
            properties: {
              moved: { type: 'integer', description: 'open tasks moved' },
              skipped: { type: 'integer', description: 'finished tasks, or ids not under your place' },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const { ids, ...to } = request.body;
      return moveTasks(db, { userId: user.id, scope, now: now() }, ids, to);
    },
  );
}
