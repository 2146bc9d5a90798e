/**
 * A community's items as its inbox lists and reads them — departments' items and those other
 * areas raised, with their subject person — and their state.
 */
import type { Db } from '@renxing/db';
import { subtree } from '@renxing/db';
import { maskPhone } from '@renxing/modules/follow-up';
import type { ItemState, Priority, WorkKind } from '../rules/items.js';

export interface WorkItem {
  id: string;
  placeId: string;
  placePath: string;
  placeName: string;
  duty: string;
  kind: WorkKind;
  title: string;
  state: ItemState;
  due: Date;
  priority: Priority;
  departments: string[];
  window: { from: string; to: string };
  conflicts: boolean;
  demands: number;
  overdue: boolean;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** The area that raised it ('screening.retest'); null: departments' demands. */
  origin: string | null;
  /** What it is about in that area (a tube's barcode). */
  originRef: string | null;
  detail: Record<string, unknown>;
  /** The person it is for: name and phone masked (138****8000), as community screens show them. */
  subject: ItemSubject | null;
}

export interface ItemSubject {
  id: string;
  name: string;
  phoneMasked: string | null;
}

interface ItemRow {
  id: string;
  place_id: string;
  place_path: string;
  place_name: string;
  duty: string;
  kind: WorkKind;
  title: string;
  state: ItemState;
  due_at: Date;
  priority: Priority;
  departments: string[];
  window_from: string;
  window_to: string;
  conflicts: boolean;
  demands: string;
  overdue: boolean;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  origin: string | null;
  origin_ref: string | null;
  detail: Record<string, unknown>;
  subject_id: string | null;
  subject_name: string | null;
  subject_phone: string | null;
}

const itemColumns = (now: string) => `i.id, i.place_id, pl.path AS place_path, pl.name AS place_name, i.duty,
  i.kind, i.title, i.state, i.due_at, i.priority, i.departments, to_char(i.window_from, 'YYYY-MM-DD') AS window_from,
  to_char(i.window_to, 'YYYY-MM-DD') AS window_to, i.conflicts,
  (SELECT count(*) FROM work_demands d WHERE d.item_id = i.id) AS demands,
  (i.state <> 'done' AND i.due_at < ${now}) AS overdue, i.created_at, i.updated_at, i.finished_at,
  i.origin, i.origin_ref, i.detail, sp.id AS subject_id, sp.name AS subject_name, sp.phone AS subject_phone`;
/** The tables itemColumns reads: the item, its place, its subject. */
const ITEM_FROM = `work_items i JOIN places pl ON pl.id = i.place_id
  LEFT JOIN people sp ON sp.id = i.subject_person_id`;

function toItem(r: ItemRow): WorkItem {
  return {
    id: r.id,
    placeId: r.place_id,
    placePath: r.place_path,
    placeName: r.place_name,
    duty: r.duty,
    kind: r.kind,
    title: r.title,
    state: r.state,
    due: r.due_at,
    priority: r.priority,
    departments: r.departments,
    window: { from: r.window_from, to: r.window_to },
    conflicts: r.conflicts,
    demands: Number(r.demands),
    overdue: r.overdue,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    origin: r.origin,
    originRef: r.origin_ref,
    detail: r.detail,
    subject:
      r.subject_id === null
        ? null
        : { id: r.subject_id, name: r.subject_name ?? '', phoneMasked: maskPhone(r.subject_phone) },
  };
}

export interface InboxQuery {
  scope: string;
  now: Date;
  /** open: not done (the default); done; all. */
  state?: 'open' | 'done' | 'all';
  /** Only the overdue ones (a street sees its communities' escalations). */
  overdue?: boolean;
  department?: string;
  /** Only the items this area raised ('screening.retest'). */
  origin?: string;
  offset?: number;
  limit?: number;
}

/** A place's items: open first by due date, urgent before normal on the same date. */
export async function listItems(db: Db, q: InboxQuery): Promise<{ total: number; items: WorkItem[] }> {
  const params: unknown[] = [q.scope, q.now];
  const where = [subtree('pl.path', '$1')];
  const state = q.state ?? 'open';
  if (state === 'open') where.push("i.state <> 'done'");
  if (state === 'done') where.push("i.state = 'done'");
  if (q.overdue) where.push("i.state <> 'done' AND i.due_at < $2");
  if (q.department) {
    params.push(q.department);
    where.push(`$${params.length} = ANY(i.departments)`);
  }
  if (q.origin) {
    params.push(q.origin);
    where.push(`i.origin = $${params.length}`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM work_items i JOIN places pl ON pl.id = i.place_id ${filter}
        AND $2::timestamptz IS NOT NULL`,
    params,
  );
  params.push(q.limit ?? 50, q.offset ?? 0);
  const { rows } = await db.query<ItemRow>(
    `SELECT ${itemColumns('$2')} FROM ${ITEM_FROM} ${filter}
      ORDER BY i.state = 'done', i.due_at::date, i.priority = 'urgent' DESC, i.due_at, i.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: Number(total.rows[0].n), items: rows.map(toItem) };
}

/** One item if it lies under `scope`; `lock` holds its row to the end of the transaction. */
export async function itemById(
  db: Db,
  id: string,
  o: { scope: string; now: Date; lock?: boolean },
): Promise<WorkItem | undefined> {
  const { rows } = await db.query<ItemRow>(
    `SELECT ${itemColumns('$3')} FROM ${ITEM_FROM}
      WHERE i.id = $1 AND ${subtree('pl.path', '$2')}${o.lock ? ' FOR UPDATE OF i' : ''}`,
    [id, o.scope, o.now],
  );
  return rows[0] && toItem(rows[0]);
}

export async function finishItem(db: Db, id: string, state: ItemState, by: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE work_items SET state = $2, updated_at = $4,
       finished_at = CASE WHEN $2 = 'done' THEN $4::timestamptz END, finished_by = CASE WHEN $2 = 'done' THEN $3::uuid END
     WHERE id = $1`,
    [id, state, by, at],
  );
  if (state === 'done') {
    await db.query(
      "UPDATE work_demands SET state = 'done', done_at = $2 WHERE item_id = $1 AND state = 'open'",
      [id, at],
    );
  }
}
