/** Departments' requests, the demands they make of communities and the items gathering them. */
import type { Db } from '@renxing/db';
import { subtree } from '@renxing/db';
import type { DateWindow, DemandFacts, FieldSpec, ItemShape, Priority, WorkKind } from '../rules/items.js';

/** What a department asks (submitWorkRequest's body, parsed). */
export interface WorkRequestInput {
  department: string;
  duty: string;
  kind: WorkKind;
  title: string;
  targets: string[];
  due: Date;
  window: DateWindow;
  priority: Priority;
  resources: string | null;
  admission: string | null;
  fields: FieldSpec[];
}

export interface NewWorkRequest extends WorkRequestInput {
  dutyVersion: number;
  status: 'accepted' | 'refused';
  refusalCode: string | null;
  refusalReason: string | null;
  submittedBy: string;
  submittedAt: Date;
}

export async function insertRequest(db: Db, r: NewWorkRequest): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO work_requests (department, duty, kind, title, targets, due_at, window_from, window_to, priority,
       resources, admission_id, fields, duty_version, status, refusal_code, refusal_reason, submitted_by, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      r.department,
      r.duty,
      r.kind,
      r.title,
      r.targets,
      r.due,
      r.window?.from ?? null,
      r.window?.to ?? null,
      r.priority,
      r.resources,
      r.admission,
      JSON.stringify(r.fields),
      r.dutyVersion,
      r.status,
      r.refusalCode,
      r.refusalReason,
      r.submittedBy,
      r.submittedAt,
    ],
  );
  return rows[0].id;
}

export interface Community {
  id: string;
  path: string;
  name: string;
}

/** The communities at or under the targets, and the community of a target below one. */
export async function communitiesReached(db: Db, targets: readonly string[]): Promise<Community[]> {
  const { rows } = await db.query<Community>(
    `SELECT DISTINCT c.id, c.path, c.name FROM places c, unnest($1::text[]) AS t(path)
      WHERE c.level = 'community' AND (${subtree('c.path', 't.path')} OR ${subtree('t.path', 'c.path')})
      ORDER BY c.path`,
    [targets],
  );
  return rows;
}

interface DemandRow {
  item_id: string;
  demand_id: string;
  request_id: string;
  department: string;
  duty: string;
  kind: WorkKind;
  window_from: string | null;
  window_to: string | null;
  arrived_on: string;
  due_at: Date;
  priority: Priority;
  fields: FieldSpec[];
  title: string;
  state: 'open' | 'done';
  answers: Record<string, unknown>;
}

export interface Demand extends DemandFacts {
  id: string;
  itemId: string;
  requestId: string;
  title: string;
  state: 'open' | 'done';
  answers: Record<string, unknown>;
}

const DEMAND_SELECT = `SELECT d.item_id, d.id AS demand_id, d.request_id, r.department, r.duty, r.kind,
    to_char(r.window_from, 'YYYY-MM-DD') AS window_from, to_char(r.window_to, 'YYYY-MM-DD') AS window_to,
    to_char(d.arrived_on, 'YYYY-MM-DD') AS arrived_on, r.due_at, r.priority, r.fields, r.title, d.state, d.answers
  FROM work_demands d JOIN work_requests r ON r.id = d.request_id`;

function toDemand(r: DemandRow): Demand {
  return {
    id: r.demand_id,
    itemId: r.item_id,
    requestId: r.request_id,
    department: r.department,
    duty: r.duty,
    kind: r.kind,
    window: r.window_from === null || r.window_to === null ? null : { from: r.window_from, to: r.window_to },
    arrivedOn: r.arrived_on,
    due: r.due_at.getTime() / 1000,
    priority: r.priority,
    fields: r.fields,
    title: r.title,
    state: r.state,
    answers: r.answers,
  };
}

/**
 * The open items of these communities for a duty and kind, each with its place and its open
 * demands (item rows locked, in place then age order). Departments' items only: a demand never
 * joins an item another area raised.
 */
export async function openItemsIn(
  db: Db,
  placeIds: readonly string[],
  duty: string,
  kind: WorkKind,
): Promise<{ id: string; placeId: string; demands: Demand[] }[]> {
  const { rows: items } = await db.query<{ id: string; place_id: string }>(
    `SELECT id, place_id FROM work_items WHERE place_id = ANY($1::uuid[]) AND duty = $2 AND kind = $3
        AND state <> 'done' AND origin IS NULL ORDER BY place_id, created_at, id FOR UPDATE`,
    [placeIds, duty, kind],
  );
  if (items.length === 0) return [];
  const demands = await demandsOf(
    db,
    items.map((i) => i.id),
  );
  const byItem = new Map<string, Demand[]>();
  for (const d of demands) if (d.state === 'open') byItem.set(d.itemId, [...(byItem.get(d.itemId) ?? []), d]);
  return items.map((i) => ({ id: i.id, placeId: i.place_id, demands: byItem.get(i.id) ?? [] }));
}

export async function demandsOf(db: Db, itemIds: readonly string[]): Promise<Demand[]> {
  const { rows } = await db.query<DemandRow>(
    `${DEMAND_SELECT} WHERE d.item_id = ANY($1::uuid[]) ORDER BY d.seq`,
    [itemIds],
  );
  return rows.map(toDemand);
}

/** New items, one per place (in the order given): their ids. */
export async function insertItems(
  db: Db,
  i: { placeIds: readonly string[]; duty: string; kind: WorkKind; title: string; at: Date },
): Promise<string[]> {
  if (i.placeIds.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO work_items (place_id, duty, kind, title, due_at, priority, departments, window_from, window_to,
       created_at, updated_at)
     SELECT p.id, $2, $3, $4, $5, 'normal', '{}', $6::date, $6::date, $5, $5
       FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n) ORDER BY p.n RETURNING id`,
    [i.placeIds, i.duty, i.kind, i.title, i.at, i.at.toISOString().slice(0, 10)],
  );
  return rows.map((r) => r.id);
}

/** The request's demands, one per (item, place). */
export async function insertDemands(
  db: Db,
  d: { requestId: string; arrivedOn: string; items: readonly { itemId: string; placeId: string }[] },
): Promise<void> {
  if (d.items.length === 0) return;
  await db.query(
    `INSERT INTO work_demands (request_id, item_id, place_id, arrived_on)
     SELECT $1, x.item_id, x.place_id, $4 FROM unnest($2::uuid[], $3::uuid[]) AS x(item_id, place_id)`,
    [d.requestId, d.items.map((x) => x.itemId), d.items.map((x) => x.placeId), d.arrivedOn],
  );
}

/** Joins the other items into `into` (their demands and values move; they are gone). */
export async function joinItems(db: Db, into: string, others: readonly string[]): Promise<void> {
  if (others.length === 0) return;
  await db.query('UPDATE work_demands SET item_id = $1 WHERE item_id = ANY($2::uuid[])', [into, others]);
  await db.query('UPDATE field_values SET item_id = $1 WHERE item_id = ANY($2::uuid[])', [into, others]);
  await db.query('DELETE FROM work_items WHERE id = ANY($1::uuid[])', [others]);
}

/** Keeps items' listing columns in step with their demands. */
export async function setItemShapes(
  db: Db,
  shapes: readonly { itemId: string; shape: ItemShape; window: { from: string; to: string } }[],
  at: Date,
): Promise<void> {
  if (shapes.length === 0) return;
  await db.query(
    `UPDATE work_items i SET due_at = x.due_at, priority = x.priority,
       departments = ARRAY(SELECT jsonb_array_elements_text(x.departments)), window_from = x.wf, window_to = x.wt,
       conflicts = x.conflicts, updated_at = $8
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::jsonb[], $5::date[], $6::date[], $7::boolean[])
            AS x(id, due_at, priority, departments, wf, wt, conflicts)
      WHERE i.id = x.id`,
    [
      shapes.map((s) => s.itemId),
      shapes.map((s) => new Date(s.shape.due * 1000)),
      shapes.map((s) => s.shape.priority),
      shapes.map((s) => JSON.stringify(s.shape.departments)),
      shapes.map((s) => s.window.from),
      shapes.map((s) => s.window.to),
      shapes.map((s) => s.shape.conflicts.length > 0),
      at,
    ],
  );
}

/** Each demand's own fields' answers, as the department behind it receives them. */
export async function setDemandAnswers(
  db: Db,
  answers: ReadonlyMap<string, Record<string, unknown>>,
): Promise<void> {
  for (const [demandId, values] of answers) {
    await db.query('UPDATE work_demands SET answers = $2::jsonb WHERE id = $1', [
      demandId,
      JSON.stringify(values),
    ]);
  }
}
