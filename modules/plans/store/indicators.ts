/**
 * What plans' resilience indicators read (indicators.ts), each in one query over the whole city:
 * the plans in force covering each community, and the corrective actions of each community's
 * incidents. A plan or an incident over a place covers the communities at or under it.
 */
import type { Db } from '@renxing/db';

/**
 * SQL: each community with the places at or above it (itself, its street, district, city: a
 * community sits under three levels at most), by parent links. Equality joins keep the planner's
 * estimates exact: a path-range join over 10,000 communities is estimated at millions of rows,
 * which makes PostgreSQL JIT-compile the query (half a second or more) for nothing.
 */
const ANCESTRY = `SELECT c.id AS community_id, x.place_id
    FROM places c
    LEFT JOIN places p1 ON p1.id = c.parent_id
    LEFT JOIN places p2 ON p2.id = p1.parent_id
    CROSS JOIN LATERAL (VALUES (c.id), (p1.id), (p2.id), (p2.parent_id)) AS x(place_id)
   WHERE c.level = 'community' AND x.place_id IS NOT NULL`;

export interface CoveringPlan {
  id: string;
  title: string;
  hazard: string;
  /** Its newest version published before asOf. */
  version: number;
}

/** A community some plan in force covers: the plans (at most `limit`, by hazard, title, id), their count and hazards. */
export interface CommunityPlans {
  community: string;
  plans: CoveringPlan[];
  count: number;
  hazards: string[];
}

/**
 * Per community, the plans of `hazards` with a version published before `asOf` whose places lie
 * at or above it (a plan covering the street covers its communities).
 */
export async function plansInForce(
  db: Db,
  q: { asOf: Date; hazards: readonly string[]; limit: number },
): Promise<CommunityPlans[]> {
  const { rows } = await db.query<{
    community_id: string;
    id: string;
    title: string;
    hazard: string;
    version: number;
    n: string | number;
    hazards: string[];
  }>(
    `WITH active AS (
       SELECT pl.id, pl.title, pl.hazard, v.number AS version
         FROM plans pl
         JOIN LATERAL (SELECT max(number) AS number FROM plan_versions
                        WHERE plan_id = pl.id AND published_at < $1) v ON v.number IS NOT NULL
        WHERE pl.hazard = ANY($2::text[])
     ), covering AS (
       SELECT DISTINCT up.community_id, a.id, a.title, a.hazard, a.version
         FROM active a
         JOIN plan_places pp ON pp.plan_id = a.id
         JOIN (${ANCESTRY}) up ON up.place_id = pp.place_id
     ), hazards AS (
       SELECT community_id, array_agg(DISTINCT hazard ORDER BY hazard) AS hazards FROM covering GROUP BY community_id
     ), ranked AS (
       SELECT covering.*,
              row_number() OVER (PARTITION BY community_id ORDER BY hazard, title, id) AS rn,
              count(*) OVER (PARTITION BY community_id) AS n
         FROM covering
     )
     SELECT r.community_id, r.id, r.title, r.hazard, r.version, r.n, h.hazards
       FROM ranked r JOIN hazards h ON h.community_id = r.community_id
      WHERE r.rn <= $3
      ORDER BY r.community_id, r.rn`,
    [q.asOf, q.hazards, q.limit],
  );
  const out = new Map<string, CommunityPlans>();
  for (const r of rows) {
    let c = out.get(r.community_id);
    if (!c) {
      c = { community: r.community_id, plans: [], count: Number(r.n), hazards: r.hazards };
      out.set(r.community_id, c);
    }
    c.plans.push({ id: r.id, title: r.title, hazard: r.hazard, version: r.version });
  }
  return [...out.values()];
}

export interface IncidentAction {
  id: string;
  title: string;
  planTitle: string;
  /** Closed by a revision published before asOf: the version's number; null while open then. */
  closedBy: number | null;
  /** Open at asOf and due before it. */
  overdue: boolean;
}

/** A community with corrective actions of its incidents: at most `limit` (open first, by due, then id), how many and how many closed. */
export interface CommunityActions {
  community: string;
  actions: IncidentAction[];
  count: number;
  closed: number;
}

/**
 * Per community, the corrective actions recorded before `asOf` of the incidents over a place at
 * or above it; closed = closed by a revision published before `asOf`.
 */
export async function incidentActions(db: Db, q: { asOf: Date; limit: number }): Promise<CommunityActions[]> {
  const { rows } = await db.query<{
    community_id: string;
    id: string;
    title: string;
    plan_title: string;
    closed_by: number | null;
    overdue: boolean;
    n: string | number;
    closed: string | number;
  }>(
    `WITH acts AS (
       SELECT a.id, a.title, a.incident_id, a.due, pl.title AS plan_title,
              CASE WHEN a.closed_at < $1 THEN v.number END AS closed_by
         FROM corrective_actions a
         JOIN plans pl ON pl.id = a.plan_id
         LEFT JOIN plan_versions v ON v.id = a.closed_by_version
        WHERE a.reviewed_at < $1
     ), per AS (
       SELECT DISTINCT up.community_id, acts.id, acts.title, acts.due, acts.plan_title, acts.closed_by
         FROM acts
         JOIN incident_places ip ON ip.incident_id = acts.incident_id
         JOIN (${ANCESTRY}) up ON up.place_id = ip.place_id
     ), ranked AS (
       SELECT per.*,
              row_number() OVER (PARTITION BY community_id
                                 ORDER BY (closed_by IS NOT NULL), due, id) AS rn,
              count(*) OVER (PARTITION BY community_id) AS n,
              count(closed_by) OVER (PARTITION BY community_id) AS closed
         FROM per
     )
     SELECT community_id, id, title, plan_title, closed_by, (closed_by IS NULL AND due < $1) AS overdue, n, closed
       FROM ranked WHERE rn <= $2
      ORDER BY community_id, rn`,
    [q.asOf, q.limit],
  );
  const out = new Map<string, CommunityActions>();
  for (const r of rows) {
    let c = out.get(r.community_id);
    if (!c) {
      c = { community: r.community_id, actions: [], count: Number(r.n), closed: Number(r.closed) };
      out.set(r.community_id, c);
    }
    c.actions.push({
      id: r.id,
      title: r.title,
      planTitle: r.plan_title,
      closedBy: r.closed_by,
      overdue: r.overdue,
    });
  }
  return [...out.values()];
}
