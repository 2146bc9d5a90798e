/** Incidents, the places they cover, their timeline and the objectives their review rates. */
import type { Role } from '@renxing/contracts';
import { type Db, subtree } from '@renxing/db';
import type { Hazard, Level } from '../rules/content.js';
import type { Rating } from '../rules/review.js';
import type { PlacePathName } from './plans.js';

export const EVENT_KINDS = [
  'activated',
  'items_raised',
  'supply_gaps',
  'shelters_opened',
  'review',
  'actions_added',
  'action_closed',
  'closed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const INCIDENT_STATES = ['open', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export interface Incident {
  id: string;
  plan: { id: string; title: string; hazard: Hazard };
  version: { id: string; number: number };
  level: Level;
  state: IncidentState;
  places: PlacePathName[];
  activatedBy: string | null;
  activatedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
}

interface IncidentRow {
  id: string;
  plan_id: string;
  plan_title: string;
  hazard: Hazard;
  version_id: string;
  version_number: number;
  level: Level;
  state: IncidentState;
  places: PlacePathName[];
  activated_by: string | null;
  activated_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
}

const INCIDENT_SELECT = `SELECT i.id, i.plan_id, pl.title AS plan_title, pl.hazard, i.version_id,
    v.number AS version_number, i.level, i.state, i.activated_by, i.activated_at, i.closed_by, i.closed_at,
    coalesce((SELECT json_agg(json_build_object('path', p.path, 'name', p.name) ORDER BY p.path)
                FROM incident_places ip JOIN places p ON p.id = ip.place_id WHERE ip.incident_id = i.id), '[]') AS places
  FROM incidents i JOIN plans pl ON pl.id = i.plan_id JOIN plan_versions v ON v.id = i.version_id`;

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  plan: { id: r.plan_id, title: r.plan_title, hazard: r.hazard },
  version: { id: r.version_id, number: r.version_number },
  level: r.level,
  state: r.state,
  places: r.places,
  activatedBy: r.activated_by,
  activatedAt: new Date(r.activated_at),
  closedBy: r.closed_by,
  closedAt: r.closed_at === null ? null : new Date(r.closed_at),
});

/** SQL: the incident `id` covers a place at, under or above the place path `scope`. */
export function incidentReaches(id: string, scope: string): string {
  return `EXISTS (SELECT 1 FROM incident_places rip JOIN places rp ON rp.id = rip.place_id
                   WHERE rip.incident_id = ${id}
                     AND (${subtree('rp.path', scope)} OR ${subtree(scope, 'rp.path')}))`;
}

export async function insertIncident(
  db: Db,
  i: { planId: string; versionId: string; level: Level; places: string[]; by: string; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO incidents (plan_id, version_id, level, activated_by, activated_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [i.planId, i.versionId, i.level, i.by, i.at],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO incident_places (incident_id, place_id)
     SELECT $1, p.id FROM unnest($2::text[]) AS t(path) JOIN places p ON p.path = t.path`,
    [id, i.places],
  );
  return id;
}

/** The incident if it reaches `scope`; `lock` holds its row to the end of the transaction. */
export async function incidentById(
  db: Db,
  id: string,
  scope: string,
  o: { lock?: boolean } = {},
): Promise<Incident | undefined> {
  if (o.lock) await db.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<IncidentRow>(
    `${INCIDENT_SELECT} WHERE i.id = $1 AND ${incidentReaches('i.id', '$2')}`,
    [id, scope],
  );
  return rows[0] && toIncident(rows[0]);
}

/** Incidents reaching `scope` (at, under or above it), newest first. */
export async function listIncidents(
  db: Db,
  scope: string,
  q: { state?: IncidentState; planId?: string; limit?: number } = {},
): Promise<Incident[]> {
  const { rows } = await db.query<IncidentRow>(
    `${INCIDENT_SELECT} WHERE ${incidentReaches('i.id', '$1')}
        AND ($2::text IS NULL OR i.state = $2) AND ($3::uuid IS NULL OR i.plan_id = $3)
      ORDER BY i.activated_at DESC, i.seq DESC LIMIT $4`,
    [scope, q.state ?? null, q.planId ?? null, q.limit ?? 100],
  );
  return rows.map(toIncident);
}

export async function markClosed(db: Db, id: string, by: string, at: Date): Promise<void> {
  await db.query(`UPDATE incidents SET state = 'closed', closed_by = $2, closed_at = $3 WHERE id = $1`, [
    id,
    by,
    at,
  ]);
}

export interface IncidentEvent {
  seq: number;
  at: Date;
  kind: EventKind;
  actor: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
}

export async function insertEvent(
  db: Db,
  e: {
    incidentId: string;
    at: Date;
    kind: EventKind;
    actor: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO incident_events (incident_id, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5::jsonb)',
    [e.incidentId, e.at, e.kind, e.actor, JSON.stringify(e.detail ?? {})],
  );
}

/** The incident's timeline, in the order it happened. */
export async function eventsOf(db: Db, incidentId: string): Promise<IncidentEvent[]> {
  const { rows } = await db.query<{
    seq: string;
    at: Date;
    kind: EventKind;
    actor: string | null;
    actor_name: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT e.seq, e.at, e.kind, e.actor, coalesce(u.display_name, u.username) AS actor_name, e.detail
       FROM incident_events e LEFT JOIN users u ON u.id = e.actor
      WHERE e.incident_id = $1 ORDER BY e.seq`,
    [incidentId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at),
    kind: r.kind,
    actor: r.actor,
    actorName: r.actor_name,
    detail: r.detail,
  }));
}

export interface Objective {
  id: string;
  position: number;
  title: string;
  role: Role | null;
  source: 'plan' | 'reviewers';
  tasks: string[];
  rating: Rating | null;
  note: string | null;
  ratedBy: string | null;
  ratedAt: Date | null;
  /** Its corrective actions, open or closed. */
  actions: number;
}

export async function insertObjectives(
  db: Db,
  incidentId: string,
  objectives: readonly { title: string; role: Role | null; source: 'plan' | 'reviewers'; tasks: string[] }[],
): Promise<string[]> {
  if (objectives.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO incident_objectives (incident_id, position, title, role, source, tasks)
     SELECT $1, coalesce((SELECT max(position) FROM incident_objectives WHERE incident_id = $1), 0) + x.n,
            x.title, x.role, x.source, x.tasks::text[]
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(title, role, source, tasks, n)
      ORDER BY x.n
     RETURNING id`,
    [
      incidentId,
      objectives.map((o) => o.title),
      objectives.map((o) => o.role),
      objectives.map((o) => o.source),
      // Each objective's task keys as one array literal (unnest would flatten a text[][]).
      objectives.map((o) => `{${o.tasks.map((t) => `"${t}"`).join(',')}}`),
    ],
  );
  return rows.map((r) => r.id);
}

export async function objectivesOf(db: Db, incidentId: string): Promise<Objective[]> {
  const { rows } = await db.query<{
    id: string;
    position: number;
    title: string;
    role: Role | null;
    source: 'plan' | 'reviewers';
    tasks: string[];
    rating: Rating | null;
    note: string | null;
    rated_by: string | null;
    rated_at: Date | null;
    actions: number;
  }>(
    `SELECT o.id, o.position, o.title, o.role, o.source, o.tasks, o.rating, o.note, o.rated_by, o.rated_at,
            (SELECT count(*)::int FROM corrective_actions a WHERE a.objective_id = o.id) AS actions
       FROM incident_objectives o WHERE o.incident_id = $1 ORDER BY o.position`,
    [incidentId],
  );
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    role: r.role,
    source: r.source,
    tasks: r.tasks,
    rating: r.rating,
    note: r.note,
    ratedBy: r.rated_by,
    ratedAt: r.rated_at === null ? null : new Date(r.rated_at),
    actions: r.actions,
  }));
}

export async function rateObjective(
  db: Db,
  r: { id: string; rating: Rating; note: string | null; by: string; at: Date },
): Promise<void> {
  await db.query(
    'UPDATE incident_objectives SET rating = $2, note = $3, rated_by = $4, rated_at = $5 WHERE id = $1',
    [r.id, r.rating, r.note, r.by, r.at],
  );
}

export interface Community {
  id: string;
  path: string;
  name: string;
}

/**
 * The communities an activation over `paths` covers: every community at or under one of them,
 * and the community of a grid among them. Sorted by path.
 */
export async function communitiesCovering(db: Db, paths: readonly string[]): Promise<Community[]> {
  const { rows } = await db.query<Community>(
    `SELECT DISTINCT c.id, c.path, c.name
       FROM unnest($1::text[]) AS t(path)
       JOIN places c ON c.level = 'community'
                    AND (${subtree('c.path', 't.path')} OR ${subtree('t.path', 'c.path')})
      ORDER BY c.path`,
    [paths],
  );
  return rows;
}
