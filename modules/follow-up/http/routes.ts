/**
 * The community inbox: listTasks (filter, sort, page), getTask, updateTask (state, outcome, note,
 * assignee, place), reassignTasks (many at once). A user works on the tasks under their place and
 * those assigned to them; a task moved to a place or a user must stay within the caller's scope.
 * Every change is audited.
 */
import { mayCall, RenxingError } from '@renxing/contracts';
import {
  type AppContext,
  commonErrors,
  FieldError,
  invalid,
  placePath,
  searchText,
  uuidParams,
} from '@renxing/http';
import { scopeOf, userById } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin, placeByPath } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from '../access.js';
import {
  listTasks,
  reassignTasks,
  TASK_OUTCOMES,
  TASK_STATES,
  type TaskOutcome,
  type TaskPatch,
  type TaskState,
  taskById,
  tasksInScope,
  taskTransitionAllowed,
  updateTask,
} from '../store/tasks.js';

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

interface ListQuery {
  state?: TaskState[];
  overdue?: boolean;
  caseId?: string;
  place?: string;
  assignedTo?: string;
  q?: string;
  sort?: 'due' | 'created' | 'updated' | 'place';
  offset?: number;
  limit?: number;
}

interface Patch {
  state?: TaskState;
  outcome?: TaskOutcome | null;
  note?: string | null;
  assignedTo?: string | null;
  place?: string;
}

export default async function taskRoutes(api: FastifyInstance, ctx: AppContext): Promise<void> {
  const { db } = ctx;
  api.addSchema(taskSchema);
  const now = () => new Date(ctx.now() * 1000);

  /** The place id for `path`, which must lie within `scope` (else 404, as if it did not exist). */
  const placeIn = async (path: string, scope: string, field: string): Promise<string> => {
    const place = path && isWithin(path, scope) ? await placeByPath(db, path) : undefined;
    if (!place) throw new FieldError('RX_UNKNOWN_PLACE', field, { place: path });
    return place.id;
  };

  /** A user who works within `scope` (they will see the task), or 400. */
  const assigneeIn = async (userId: string, scope: string, field: string): Promise<string> => {
    const u = await userById(db, userId);
    if (
      !u?.placePath ||
      u.disabled ||
      !mayCall(ACCESS, 'updateTask', u.role) ||
      !isWithin(u.placePath, scope)
    ) {
      throw invalid(field, 'no active staff user with this id works within your place');
    }
    return userId;
  };

  api.get<{ Querystring: ListQuery }>(
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
        },
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
      if (place !== undefined && !isWithin(place, scope)) throw new RenxingError('RX_NOT_FOUND');
      return listTasks(db, { scope, userId: user.id, now: now(), states: state, place, ...rest });
    },
  );

  api.get<{ Params: { id: string } }>(
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

  api.patch<{ Params: { id: string }; Body: Patch }>(
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
        },
        response: { 200: { $ref: 'Task#' }, 409: { $ref: 'Error#' }, ...commonErrors },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const access = { scope, userId: user.id, now: now() };
      const task = await taskById(db, request.params.id, access);
      if (!task) throw new RenxingError('RX_NOT_FOUND');
      const b = request.body;
      const patch: TaskPatch = {};
      if (b.state !== undefined) {
        if (!taskTransitionAllowed(task.state, b.state)) {
          throw new FieldError('RX_TASK_TRANSITION', 'body.state', { from: task.state, to: b.state });
        }
        patch.state = b.state;
      }
      const finalState = b.state ?? task.state;
      const finalNote = b.note !== undefined ? b.note : task.note;
      if (finalState === 'not_executable' && !finalNote?.trim()) {
        throw invalid('body.note', 'say why the task cannot be carried out');
      }
      if (b.outcome !== undefined) patch.outcome = b.outcome;
      if (b.note !== undefined) patch.note = b.note;
      if (b.assignedTo !== undefined) {
        patch.assignedTo =
          b.assignedTo === null ? null : await assigneeIn(b.assignedTo, scope, 'body.assignedTo');
      }
      if (b.place !== undefined) patch.placeId = await placeIn(b.place, scope, 'body.place');
      await updateTask(db, task.id, patch, access.now);
      await appendAudit(db, {
        actor: user.id,
        action: 'task.update',
        subjectType: 'task',
        subjectId: task.id,
        reason: b.note ?? `task ${finalState}`,
        detail: { from: task.state, ...b },
      });
      return (await taskById(db, task.id, access))!;
    },
  );

  api.post<{ Body: { ids: string[]; place?: string; assignedTo?: string | null } }>(
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
        },
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
      const b = request.body;
      const placeId = b.place !== undefined ? await placeIn(b.place, scope, 'body.place') : undefined;
      const assignedTo =
        b.assignedTo === undefined || b.assignedTo === null
          ? b.assignedTo
          : await assigneeIn(b.assignedTo, scope, 'body.assignedTo');
      const ids = await tasksInScope(db, b.ids, scope);
      const moved = await reassignTasks(db, ids, { placeId, assignedTo });
      await appendAudit(db, {
        actor: user.id,
        action: 'task.reassign',
        reason: 'bulk reassignment',
        detail: { ids, place: b.place ?? null, assignedTo: b.assignedTo ?? null, moved },
      });
      return { moved, skipped: b.ids.length - moved };
    },
  );
}
