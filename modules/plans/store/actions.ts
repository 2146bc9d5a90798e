/** Corrective actions: recorded by a review, closed only by the published version that names them. */
import type { Role } from '@renxing/contracts';
import { type Db, subtree } from '@renxing/db';
import type { Element, Rating } from '../rules/review.js';
import { incidentReaches } from './incidents.js';

export interface CorrectiveAction {
  id: string;
  incidentId: string;
  plan: { id: string; title: string };
  /** Its objective; `role` when the objective is a role's task group (its title is then the role). */
  objective: { id: string; title: string; role: Role | null; rating: Rating | null };
  title: string;
  owner: { id: string; name: string };
  due: Date;
  element: Element;
  createdBy: string | null;
  reviewedAt: Date;
  /** The published version that closed it; null while open. */
  closedBy: { versionId: string; number: number; changeNote: string; publishedAt: Date } | null;
  closedAt: Date | null;
}

interface ActionRow {
  id: string;
  incident_id: string;
  plan_id: string;
  plan_title: string;
  objective_id: string;
  objective_title: string;
  objective_role: Role | null;
  rating: Rating | null;
  title: string;
  owner_id: string;
  owner_name: string;
  due: Date;
  element: Element;
  created_by: string | null;
  reviewed_at: Date;
  version_id: string | null;
  version_number: number | null;
  change_note: string | null;
  published_at: Date | null;
  closed_at: Date | null;
}

const ACTION_SELECT = `SELECT a.id, a.incident_id, a.plan_id, pl.title AS plan_title, a.objective_id,
    o.title AS objective_title, o.role AS objective_role, o.rating, a.title, a.owner_id, coalesce(u.display_name, u.username) AS owner_name,
    a.due, a.element, a.created_by, a.reviewed_at, v.id AS version_id, v.number AS version_number,
    v.change_note, v.published_at, a.closed_at
  FROM corrective_actions a
  JOIN plans pl ON pl.id = a.plan_id
  JOIN incident_objectives o ON o.id = a.objective_id
  JOIN users u ON u.id = a.owner_id
  LEFT JOIN plan_versions v ON v.id = a.closed_by_version`;

const toAction = (r: ActionRow): CorrectiveAction => ({
  id: r.id,
  incidentId: r.incident_id,
  plan: { id: r.plan_id, title: r.plan_title },
  objective: { id: r.objective_id, title: r.objective_title, role: r.objective_role, rating: r.rating },
  title: r.title,
  owner: { id: r.owner_id, name: r.owner_name },
  due: new Date(r.due),
  element: r.element,
  createdBy: r.created_by,
  reviewedAt: new Date(r.reviewed_at),
  closedBy:
    r.version_id === null
      ? null
      : {
          versionId: r.version_id,
          number: r.version_number!,
          changeNote: r.change_note!,
          publishedAt: new Date(r.published_at!),
        },
  closedAt: r.closed_at === null ? null : new Date(r.closed_at),
});

export interface NewAction {
  incidentId: string;
  objectiveId: string;
  planId: string;
  title: string;
  ownerId: string;
  due: Date;
  element: Element;
  createdBy: string;
  reviewedAt: Date;
}

export async function insertActions(db: Db, actions: readonly NewAction[]): Promise<string[]> {
  if (actions.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO corrective_actions (incident_id, objective_id, plan_id, title, owner_id, due, element, created_by, reviewed_at)
     SELECT x.incident_id, x.objective_id, x.plan_id, x.title, x.owner_id, x.due, x.element, x.created_by, x.reviewed_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::timestamptz[], $7::text[], $8::uuid[],
                   $9::timestamptz[]) WITH ORDINALITY
            AS x(incident_id, objective_id, plan_id, title, owner_id, due, element, created_by, reviewed_at, n)
      ORDER BY x.n
     RETURNING id`,
    [
      actions.map((a) => a.incidentId),
      actions.map((a) => a.objectiveId),
      actions.map((a) => a.planId),
      actions.map((a) => a.title),
      actions.map((a) => a.ownerId),
      actions.map((a) => a.due),
      actions.map((a) => a.element),
      actions.map((a) => a.createdBy),
      actions.map((a) => a.reviewedAt),
    ],
  );
  return rows.map((r) => r.id);
}

export interface ActionQuery {
  /** Only actions of incidents reaching this place path. */
  scope: string;
  incidentId?: string;
  planId?: string;
  state?: 'open' | 'closed' | 'overdue';
  /** For `overdue`. */
  now?: Date;
  limit?: number;
}

/** Corrective actions of incidents reaching the scope, the oldest review first. */
export async function listActions(db: Db, q: ActionQuery): Promise<CorrectiveAction[]> {
  const { rows } = await db.query<ActionRow>(
    `${ACTION_SELECT}
      WHERE ${incidentReaches('a.incident_id', '$1')}
        AND ($2::uuid IS NULL OR a.incident_id = $2) AND ($3::uuid IS NULL OR a.plan_id = $3)
        AND CASE $4::text WHEN 'open' THEN a.closed_at IS NULL WHEN 'closed' THEN a.closed_at IS NOT NULL
                          WHEN 'overdue' THEN a.closed_at IS NULL AND a.due < $5::timestamptz ELSE true END
      ORDER BY a.closed_at IS NOT NULL, a.due, a.seq LIMIT $6`,
    [q.scope, q.incidentId ?? null, q.planId ?? null, q.state ?? null, q.now ?? new Date(0), q.limit ?? 500],
  );
  return rows.map(toAction);
}

/** The actions among `ids` that belong to the plan, with whether each is still open; others are left out. */
export async function actionsOfPlan(
  db: Db,
  planId: string,
  ids: readonly string[],
): Promise<{ id: string; incidentId: string; open: boolean }[]> {
  const { rows } = await db.query<{ id: string; incident_id: string; open: boolean }>(
    `SELECT id, incident_id, closed_at IS NULL AS open FROM corrective_actions
      WHERE plan_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`,
    [planId, ids],
  );
  return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, open: r.open }));
}

export async function closeActions(
  db: Db,
  ids: readonly string[],
  versionId: string,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE corrective_actions SET closed_by_version = $2, closed_at = $3
      WHERE id = ANY($1::uuid[]) AND closed_at IS NULL`,
    [ids, versionId, at],
  );
}

/** Whether a user with this id exists (an action's owner). */
export async function usersExist(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

export interface ActionFactsRow {
  planId: string;
  planTitle: string;
  /** The places the action's incident was activated for. */
  places: { path: string; name: string }[];
  due: Date;
  reviewedAt: Date;
  closedAt: Date | null;
}

/** The facts the loop metrics need, for actions of incidents reaching `scope` (of one plan, at or under one place). */
export async function actionFacts(
  db: Db,
  q: { scope: string; planId?: string; under?: string },
): Promise<ActionFactsRow[]> {
  const { rows } = await db.query<{
    plan_id: string;
    plan_title: string;
    places: { path: string; name: string }[];
    due: Date;
    reviewed_at: Date;
    closed_at: Date | null;
  }>(
    `SELECT a.plan_id, pl.title AS plan_title, a.due, a.reviewed_at, a.closed_at,
            (SELECT json_agg(json_build_object('path', p.path, 'name', p.name) ORDER BY p.path)
               FROM incident_places ip JOIN places p ON p.id = ip.place_id WHERE ip.incident_id = a.incident_id) AS places
       FROM corrective_actions a JOIN plans pl ON pl.id = a.plan_id
      WHERE ${incidentReaches('a.incident_id', '$1')} AND ($2::uuid IS NULL OR a.plan_id = $2)
        AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM incident_places ip JOIN places p ON p.id = ip.place_id
                                          WHERE ip.incident_id = a.incident_id
                                            AND ${subtree('p.path', '$3')}))
      ORDER BY a.seq`,
    [q.scope, q.planId ?? null, q.under ?? null],
  );
  return rows.map((r) => ({
    planId: r.plan_id,
    planTitle: r.plan_title,
    places: r.places ?? [],
    due: new Date(r.due),
    reviewedAt: new Date(r.reviewed_at),
    closedAt: r.closed_at === null ? null : new Date(r.closed_at),
  }));
}
