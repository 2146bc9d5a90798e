/**
 * Working the follow-up tasks: one change of a task, or many tasks moved at once, each in one
 * transaction with its audit row. The caller's place (`scope`) bounds what they may touch: a task
 * outside it reads as not found, a place or assignee outside it is refused naming the input.
 */
import { FieldError, invalid, mayCall, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { userById } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin, placeByPath } from '@renxing/modules/places';
import { ACCESS } from '../access.js';
import { checkTaskWork, type TaskWork } from '../rules/tasks.js';
import {
  reassignTasks,
  type Task,
  type TaskPatch,
  taskById,
  tasksInScope,
  updateTask,
} from '../store/tasks.js';

/** Who acts, from where, and when. */
export interface TaskActor {
  userId: string;
  /** The caller's place path. */
  scope: string;
  now: Date;
}

/** A change of one task: its work, and/or a new assignee (null: unassigned) or place. */
export interface TaskChange extends TaskWork {
  assignedTo?: string | null;
  place?: string;
}

/** The place id for `path`, which must lie within `scope`. */
async function placeIn(db: Db, path: string, scope: string, field: string): Promise<string> {
  const place = path && isWithin(path, scope) ? await placeByPath(db, path) : undefined;
  if (!place) throw new FieldError('RX_UNKNOWN_PLACE', field, { place: path });
  return place.id;
}

/** A user who works within `scope` and may work tasks (they will see the task). */
async function assigneeIn(db: Db, userId: string, scope: string, field: string): Promise<string> {
  const u = await userById(db, userId);
  if (
    !u?.placePath ||
    u.disabled ||
    !mayCall(ACCESS, 'updateTask', u.role) ||
    !isWithin(u.placePath, scope)
  ) {
    throw invalid(field, {
      en: 'no active staff user with this id works within your place',
      'zh-CN': '您的辖区内没有此编号的在职工作人员',
    });
  }
  return u.id;
}

/** Applies `change` to the task (under the actor's place or assigned to them) and audits it. */
export async function changeTask(
  db: Db,
  actor: TaskActor,
  taskId: string,
  change: TaskChange,
): Promise<Task> {
  const access = { scope: actor.scope, userId: actor.userId, now: actor.now };
  return db.transaction(async (tx) => {
    const task = await taskById(tx, taskId, { ...access, lock: true });
    if (!task) throw new RenxingError('RX_NOT_FOUND');
    const { state } = checkTaskWork(task, change);
    const patch: TaskPatch = {};
    if (change.state !== undefined) patch.state = change.state;
    if (change.outcome !== undefined) patch.outcome = change.outcome;
    if (change.note !== undefined) patch.note = change.note;
    if (change.assignedTo !== undefined) {
      patch.assignedTo =
        change.assignedTo === null
          ? null
          : await assigneeIn(tx, change.assignedTo, actor.scope, 'body.assignedTo');
    }
    if (change.place !== undefined)
      patch.placeId = await placeIn(tx, change.place, actor.scope, 'body.place');
    await updateTask(tx, task.id, patch, actor.now);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'task.update',
      subjectType: 'task',
      subjectId: task.id,
      reason: change.note ?? `task ${state}`,
      detail: { from: task.state, ...change },
    });
    return (await taskById(tx, task.id, access))!;
  });
}

/** Moves the open tasks among `ids` under the actor's place; the rest are skipped. Audited. */
export async function moveTasks(
  db: Db,
  actor: TaskActor,
  ids: readonly string[],
  to: { place?: string; assignedTo?: string | null },
): Promise<{ moved: number; skipped: number }> {
  return db.transaction(async (tx) => {
    const placeId =
      to.place !== undefined ? await placeIn(tx, to.place, actor.scope, 'body.place') : undefined;
    const assignedTo =
      to.assignedTo === undefined || to.assignedTo === null
        ? to.assignedTo
        : await assigneeIn(tx, to.assignedTo, actor.scope, 'body.assignedTo');
    const mine = await tasksInScope(tx, ids, actor.scope);
    const moved = await reassignTasks(tx, mine, { placeId, assignedTo });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'task.reassign',
      reason: 'bulk reassignment',
      detail: { ids: mine, place: to.place ?? null, assignedTo: to.assignedTo ?? null, moved },
    });
    return { moved, skipped: ids.length - moved };
  });
}
