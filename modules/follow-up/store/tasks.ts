/**
 * Community follow-up tasks (migrations 0005, 0008): one per (case, companion), in the community
 * where the person lives, or in the city-level queue when that is unknown. A user sees the tasks
 * under their place and those assigned to them.
 */
import { type Db, subtree, type Tables } from '@renxing/db';

import type { TaskOutcome, TaskState } from '../rules/tasks.js';

export interface Task {
  id: string;
  caseId: string;
  caseLabel: string;
  personId: string | null;
  personName: string | null;
  /** The phone with its middle digits hidden (138****8000): the full number only through getPerson. */
  phoneMasked: string | null;
  placePath: string;
  placeName: string;
  state: TaskState;
  outcome: TaskOutcome | null;
  note: string | null;
  assignedTo: string | null;
  assignedUsername: string | null;
  cell: string | null;
  overlapStart: Date | null;
  overlapEnd: Date | null;
  dueAt: Date;
  overdue: boolean;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** A `tasks` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type TaskRow = Pick<
  Tables['tasks'],
  | 'id'
  | 'case_id'
  | 'person_id'
  | 'state'
  | 'outcome'
  | 'note'
  | 'assigned_to'
  | 'due_at'
  | 'created_at'
  | 'updated_at'
  | 'finished_at'
> & {
  case_label: string;
  person_name: string | null;
  phone: string | null;
  place_path: string;
  place_name: string;
  state: TaskState;
  outcome: TaskOutcome | null;
  assigned_username: string | null;
  cell: string | null;
  overlap_start: Date | null;
  overlap_end: Date | null;
  overdue: boolean;
};

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    caseId: r.case_id,
    caseLabel: r.case_label,
    personId: r.person_id,
    personName: r.person_name,
    phoneMasked: maskPhone(r.phone),
    placePath: r.place_path,
    placeName: r.place_name,
    state: r.state,
    outcome: r.outcome,
    note: r.note,
    assignedTo: r.assigned_to,
    assignedUsername: r.assigned_username,
    cell: r.cell,
    overlapStart: r.overlap_start,
    overlapEnd: r.overlap_end,
    dueAt: r.due_at,
    overdue: r.overdue,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}

const TASK_FROM = `FROM tasks t JOIN cases k ON k.id = t.case_id JOIN places pl ON pl.id = t.place_id
  LEFT JOIN people pp ON pp.id = t.person_id LEFT JOIN users u ON u.id = t.assigned_to
  LEFT JOIN companions c ON c.id = t.companion_id`;

const taskColumns = (
  now: string,
) => `t.id, t.case_id, k.label AS case_label, t.person_id, pp.name AS person_name,
  pp.phone, pl.path AS place_path, pl.name AS place_name, t.state, t.outcome, t.note, t.assigned_to,
  u.username AS assigned_username, c.cell, c.overlap_start, c.overlap_end, t.due_at,
  (t.state IN ('pending', 'in_progress') AND t.due_at < ${now}) AS overdue, t.created_at, t.updated_at,
  t.finished_at`;

/**
 * One task per stored companion of the case that has none yet (re-runs add nothing twice), in the
 * person's home place, else the root of the case's city. Returns how many were created.
 */
export async function createTasksForCase(
  db: Db,
  caseId: string,
  options: { now: Date; dueHours?: number },
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO tasks (place_id, person_id, case_id, companion_id, subject_pseudonym, due_at, created_at)
     SELECT coalesce(pp.home_place_id, root.id), c.person_id, c.case_id, c.id, c.subject_pseudonym,
            $2::timestamptz + make_interval(hours => $3::int), $2
       FROM companions c
       JOIN cases k ON k.id = c.case_id
       LEFT JOIN people pp ON pp.id = c.person_id
       LEFT JOIN places kp ON kp.id = k.place_id
       JOIN LATERAL (SELECT r.id FROM places r WHERE r.parent_id IS NULL
                      ORDER BY (r.path = split_part(coalesce(kp.path, ''), '.', 1)) DESC, r.path LIMIT 1) root ON true
      WHERE c.case_id = $1
     ON CONFLICT DO NOTHING`,
    [caseId, options.now, options.dueHours ?? 24],
  );
  return rowCount;
}

export interface TaskListOptions {
  scope: string;
  /** Also the tasks assigned to this user, wherever they are. */
  userId?: string;
  now: Date;
  states?: TaskState[];
  overdue?: boolean;
  caseId?: string;
  /** Only tasks under this place (itself within scope). */
  place?: string;
  assignedTo?: string;
  q?: string;
  sort?: 'due' | 'created' | 'updated' | 'place';
  offset?: number;
  limit?: number;
}

function taskFilter(o: TaskListOptions, params: unknown[]): string {
  params.push(o.scope, o.userId ?? null);
  const where = [`(${subtree('pl.path', '$1')} OR t.assigned_to = $2)`];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (o.states?.length) add((p) => `t.state = ANY(${p}::text[])`, o.states);
  if (o.overdue) add((p) => `t.state IN ('pending', 'in_progress') AND t.due_at < ${p}`, o.now);
  if (o.caseId) add((p) => `t.case_id = ${p}`, o.caseId);
  if (o.place) add((p) => subtree('pl.path', p), o.place);
  if (o.assignedTo) add((p) => `t.assigned_to = ${p}`, o.assignedTo);
  if (o.q) add((p) => `(strpos(pp.name, ${p}) > 0 OR strpos(k.label, ${p}) > 0)`, o.q);
  return where.join(' AND ');
}

const ORDER: Record<NonNullable<TaskListOptions['sort']>, string> = {
  due: 't.due_at, t.id',
  created: 't.created_at DESC, t.id',
  updated: 't.updated_at DESC, t.id',
  place: 'pl.path, t.due_at, t.id',
};

/** The joins a filter needs: the place always (the scope), the person and the case for a text query only. */
function filterFrom(o: TaskListOptions): string {
  const text = o.q ? ' JOIN cases k ON k.id = t.case_id LEFT JOIN people pp ON pp.id = t.person_id' : '';
  return `FROM tasks t JOIN places pl ON pl.id = t.place_id${text}`;
}

/**
 * A page of tasks: counted and chosen with only the joins the filter needs, then the page's rows
 * (not every matching task) joined to their case, person, assignee and companion.
 */
export async function listTasks(db: Db, o: TaskListOptions): Promise<{ total: number; tasks: Task[] }> {
  const params: unknown[] = [];
  const where = taskFilter(o, params);
  const from = filterFrom(o);
  const order = ORDER[o.sort ?? 'due'];
  const total = await db.query<{ n: string }>(`SELECT count(*) AS n ${from} WHERE ${where}`, params);
  params.push(o.now, o.limit ?? 50, o.offset ?? 0);
  const n = params.length;
  const { rows } = await db.query<TaskRow>(
    `WITH page AS (SELECT t.id ${from} WHERE ${where} ORDER BY ${order} LIMIT $${n - 1} OFFSET $${n})
     SELECT ${taskColumns(`$${n - 2}`)} ${TASK_FROM} JOIN page ON page.id = t.id ORDER BY ${order}`,
    params,
  );
  return { total: Number(total.rows[0].n), tasks: rows.map(toTask) };
}

/** One task, if it is under `scope` or assigned to `userId`; `lock` holds its row to the end of the transaction. */
export async function taskById(
  db: Db,
  id: string,
  access: { scope: string; userId?: string; now: Date; lock?: boolean },
): Promise<Task | undefined> {
  const { rows } = await db.query<TaskRow>(
    `SELECT ${taskColumns('$4')} ${TASK_FROM}
      WHERE t.id = $1 AND (${subtree('pl.path', '$2')} OR t.assigned_to = $3)${access.lock ? ' FOR UPDATE OF t' : ''}`,
    [id, access.scope, access.userId ?? null, access.now],
  );
  return rows[0] && toTask(rows[0]);
}

export interface TaskPatch {
  state?: TaskState;
  outcome?: TaskOutcome | null;
  note?: string | null;
  /** A user id, or null to unassign. */
  assignedTo?: string | null;
  placeId?: string;
}

/** Applies a patch already checked by the caller (scope, transition); returns whether a row changed. */
export async function updateTask(db: Db, id: string, patch: TaskPatch, now: Date): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (patch.state !== undefined) {
    set('state', patch.state);
    params.push(now);
    sets.push(
      `finished_at = CASE WHEN $${params.length - 1} IN ('done', 'not_executable') THEN coalesce(finished_at, $${params.length}::timestamptz) ELSE NULL END`,
    );
  }
  if (patch.outcome !== undefined) set('outcome', patch.outcome);
  if (patch.note !== undefined) set('note', patch.note);
  if (patch.assignedTo !== undefined) set('assigned_to', patch.assignedTo);
  if (patch.placeId !== undefined) set('place_id', patch.placeId);
  if (sets.length === 0) return false;
  const { rowCount } = await db.query(`UPDATE tasks SET ${sets.join(', ')} WHERE id = $1`, params);
  return rowCount === 1;
}

/** The ids among `ids` that are under `scope` (the rest are not the caller's to touch). */
export async function tasksInScope(db: Db, ids: readonly string[], scope: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT t.id FROM tasks t JOIN places pl ON pl.id = t.place_id
      WHERE t.id = ANY($1::uuid[]) AND ${subtree('pl.path', '$2')}`,
    [ids, scope],
  );
  return rows.map((r) => r.id);
}

/** Moves open tasks to a place and/or assignee in one statement; returns how many moved. */
export async function reassignTasks(
  db: Db,
  ids: readonly string[],
  to: { placeId?: string; assignedTo?: string | null },
): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE tasks SET place_id = coalesce($2, place_id),
            assigned_to = CASE WHEN $3 THEN $4::uuid ELSE assigned_to END
      WHERE id = ANY($1::uuid[]) AND state IN ('pending', 'in_progress')`,
    [ids, to.placeId ?? null, to.assignedTo !== undefined, to.assignedTo ?? null],
  );
  return rowCount;
}

/** How many of a person's tasks are still open (pending or in progress). */
export async function openTaskCount(db: Db, personId: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM tasks WHERE person_id = $1 AND state IN ('pending', 'in_progress')`,
    [personId],
  );
  return Number(rows[0].n);
}
