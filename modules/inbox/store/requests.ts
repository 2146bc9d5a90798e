/** Departments' requests as they see them: status per community, answers, burden figures. */
import type { Db } from '@renxing/db';
import { subtree } from '@renxing/db';
import type { BurdenCounts } from '../rules/burden.js';
import type { FieldSpec, Priority, WorkKind } from '../rules/items.js';

export interface WorkRequest {
  id: string;
  department: string;
  duty: string;
  kind: WorkKind;
  title: string;
  targets: string[];
  due: Date;
  window: { from: string; to: string } | null;
  priority: Priority;
  resources: string | null;
  admission: string | null;
  fields: FieldSpec[];
  dutyVersion: number | null;
  status: 'accepted' | 'refused';
  refusalCode: string | null;
  refusalReason: string | null;
  submittedBy: string | null;
  submittedAt: Date;
  communities: number;
  done: number;
}

interface RequestRow {
  id: string;
  department: string;
  duty: string;
  kind: WorkKind;
  title: string;
  targets: string[];
  due_at: Date;
  window_from: string | null;
  window_to: string | null;
  priority: Priority;
  resources: string | null;
  admission_id: string | null;
  fields: FieldSpec[];
  duty_version: number | null;
  status: 'accepted' | 'refused';
  refusal_code: string | null;
  refusal_reason: string | null;
  submitted_by: string | null;
  submitted_at: Date;
  communities: string;
  done: string;
}

const REQUEST_SELECT = `SELECT r.id, r.department, r.duty, r.kind, r.title, r.targets, r.due_at,
    to_char(r.window_from, 'YYYY-MM-DD') AS window_from, to_char(r.window_to, 'YYYY-MM-DD') AS window_to,
    r.priority, r.resources, r.admission_id, r.fields, r.duty_version, r.status, r.refusal_code, r.refusal_reason,
    u.username AS submitted_by, r.submitted_at,
    (SELECT count(*) FROM work_demands d WHERE d.request_id = r.id) AS communities,
    (SELECT count(*) FROM work_demands d WHERE d.request_id = r.id AND d.state = 'done') AS done
  FROM work_requests r LEFT JOIN users u ON u.id = r.submitted_by`;

function toRequest(r: RequestRow): WorkRequest {
  return {
    id: r.id,
    department: r.department,
    duty: r.duty,
    kind: r.kind,
    title: r.title,
    targets: r.targets,
    due: r.due_at,
    window: r.window_from === null || r.window_to === null ? null : { from: r.window_from, to: r.window_to },
    priority: r.priority,
    resources: r.resources,
    admission: r.admission_id,
    fields: r.fields,
    dutyVersion: r.duty_version,
    status: r.status,
    refusalCode: r.refusal_code,
    refusalReason: r.refusal_reason,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    communities: Number(r.communities),
    done: Number(r.done),
  };
}

/** Requests, newest first: one department's, or every department's (null). */
export async function listRequests(
  db: Db,
  o: { department: string | null; status?: 'accepted' | 'refused'; offset?: number; limit?: number },
): Promise<{ total: number; requests: WorkRequest[] }> {
  const where = '($1::text IS NULL OR r.department = $1) AND ($2::text IS NULL OR r.status = $2)';
  const params = [o.department, o.status ?? null];
  const total = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM work_requests r WHERE ${where}`,
    params,
  );
  const { rows } = await db.query<RequestRow>(
    `${REQUEST_SELECT} WHERE ${where} ORDER BY r.seq DESC LIMIT $3 OFFSET $4`,
    [...params, o.limit ?? 50, o.offset ?? 0],
  );
  return { total: Number(total.rows[0].n), requests: rows.map(toRequest) };
}

export async function requestById(db: Db, id: string): Promise<WorkRequest | undefined> {
  const { rows } = await db.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] && toRequest(rows[0]);
}

export interface DemandStatus {
  placePath: string;
  placeName: string;
  itemId: string;
  itemState: string;
  /** Departments behind the same item (this one included). */
  departments: string[];
  state: 'open' | 'done';
  answers: Record<string, unknown>;
  doneAt: Date | null;
}

/** A request's communities: each one's item, its state and the answers to this request's fields. */
export async function requestDemands(db: Db, requestId: string): Promise<DemandStatus[]> {
  const { rows } = await db.query<{
    path: string;
    name: string;
    item_id: string;
    item_state: string;
    departments: string[];
    state: 'open' | 'done';
    answers: Record<string, unknown>;
    done_at: Date | null;
  }>(
    `SELECT pl.path, pl.name, d.item_id, i.state AS item_state, i.departments, d.state, d.answers, d.done_at
       FROM work_demands d JOIN places pl ON pl.id = d.place_id JOIN work_items i ON i.id = d.item_id
      WHERE d.request_id = $1 ORDER BY pl.path`,
    [requestId],
  );
  return rows.map((r) => ({
    placePath: r.path,
    placeName: r.name,
    itemId: r.item_id,
    itemState: r.item_state,
    departments: r.departments,
    state: r.state,
    answers: r.answers,
    doneAt: r.done_at,
  }));
}

export interface BurdenRow extends BurdenCounts {
  /** A community's path, a department's code, or `total`. */
  key: string;
  name: string;
}

/**
 * The burden over [from, to] (dates demands arrived) for the communities under `under`: per
 * community, per department and in total, of departments' demands and items (never the items
 * other areas raise). A department's fields entered and pre-filled count the
 * values given for its own fields (a value serving two departments counts for each of them, once
 * in its community's and the total's).
 */
export async function burdenCounts(
  db: Db,
  o: { under: string; from: string; to: string },
): Promise<{ communities: BurdenRow[]; departments: BurdenRow[]; total: BurdenRow }> {
  const params = [o.under, o.from, o.to];
  // Departments' items only: an item another area raised (origin set) is no department's burden.
  const demands = `SELECT d.id, d.item_id, d.place_id, r.department, jsonb_array_length(r.fields) AS nfields
      FROM work_demands d JOIN work_requests r ON r.id = d.request_id JOIN places pl ON pl.id = d.place_id
      JOIN work_items i ON i.id = d.item_id
     WHERE ${subtree('pl.path', '$1')} AND d.arrived_on BETWEEN $2::date AND $3::date AND i.origin IS NULL`;
  const values = `SELECT v.place_id, v.item_id, v.key, v.prefilled FROM field_values v
      WHERE v.item_id IN (SELECT item_id FROM dm)`;
  const { rows: byPlace } = await db.query<{
    key: string;
    name: string;
    demands: string;
    items: string;
    requested: string;
    entered: string;
    prefilled: string;
  }>(
    `WITH dm AS (${demands}), fv AS (${values})
     SELECT pl.path AS key, pl.name, count(*) AS demands, count(DISTINCT dm.item_id) AS items,
            sum(dm.nfields) AS requested,
            (SELECT count(*) FROM fv WHERE fv.place_id = pl.id AND NOT fv.prefilled) AS entered,
            (SELECT count(*) FROM fv WHERE fv.place_id = pl.id AND fv.prefilled) AS prefilled
       FROM dm JOIN places pl ON pl.id = dm.place_id GROUP BY pl.id, pl.path, pl.name ORDER BY pl.path`,
    params,
  );
  const { rows: byDepartment } = await db.query<{
    key: string;
    name: string;
    demands: string;
    items: string;
    requested: string;
    entered: string;
    prefilled: string;
  }>(
    `WITH dm AS (${demands}), fv AS (${values})
     SELECT dm.department AS key, coalesce(dep.name, dm.department) AS name, count(*) AS demands,
            count(DISTINCT dm.item_id) AS items, sum(dm.nfields) AS requested,
            (SELECT count(*) FROM fv JOIN work_demands d2 ON d2.item_id = fv.item_id
               JOIN work_requests r2 ON r2.id = d2.request_id
              WHERE r2.department = dm.department AND NOT fv.prefilled
                AND r2.fields @> jsonb_build_array(jsonb_build_object('key', split_part(fv.key, ':', 1)))) AS entered,
            (SELECT count(*) FROM fv JOIN work_demands d2 ON d2.item_id = fv.item_id
               JOIN work_requests r2 ON r2.id = d2.request_id
              WHERE r2.department = dm.department AND fv.prefilled
                AND r2.fields @> jsonb_build_array(jsonb_build_object('key', split_part(fv.key, ':', 1)))) AS prefilled
       FROM dm LEFT JOIN departments dep ON dep.code = dm.department
      GROUP BY dm.department, dep.name ORDER BY count(*) DESC, dm.department`,
    params,
  );
  const row = (r: (typeof byPlace)[number]): BurdenRow => ({
    key: r.key,
    name: r.name,
    demands: Number(r.demands),
    items: Number(r.items),
    fieldsRequested: Number(r.requested ?? 0),
    fieldsEntered: Number(r.entered),
    fieldsPrefilled: Number(r.prefilled),
  });
  const communities = byPlace.map(row);
  const sum = (k: keyof BurdenCounts) => communities.reduce((s, c) => s + c[k], 0);
  return {
    communities,
    departments: byDepartment.map(row),
    total: {
      key: 'total',
      name: 'total',
      demands: sum('demands'),
      items: sum('items'),
      fieldsRequested: sum('fieldsRequested'),
      fieldsEntered: sum('fieldsEntered'),
      fieldsPrefilled: sum('fieldsPrefilled'),
    },
  };
}
