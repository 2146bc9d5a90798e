/** Plans, the places they cover, their published versions (frozen) and their drafts. */
import { type Db, subtree } from '@renxing/db';
import type { Hazard, VersionContent } from '../rules/content.js';

export interface PlacePathName {
  path: string;
  name: string;
}

export interface VersionSummary {
  id: string;
  planId: string;
  number: number;
  changeNote: string;
  /** The corrective actions it closed. */
  closes: string[];
  publishedBy: string | null;
  publishedAt: Date;
}

export interface PlanVersion extends VersionSummary {
  levels: VersionContent;
}

export interface Plan {
  id: string;
  title: string;
  hazard: Hazard;
  owner: PlacePathName;
  places: PlacePathName[];
  createdBy: string | null;
  createdAt: Date;
  /** The newest published version's number and time; null before the first. */
  latest: { number: number; publishedAt: Date } | null;
  /** When its draft was last saved; null without one. */
  draftSavedAt: Date | null;
}

interface PlanRow {
  id: string;
  title: string;
  hazard: Hazard;
  owner_path: string;
  owner_name: string;
  places: PlacePathName[];
  created_by: string | null;
  created_at: Date;
  latest_number: number | null;
  latest_at: Date | null;
  draft_saved_at: Date | null;
}

const PLAN_SELECT = `SELECT pl.id, pl.title, pl.hazard, o.path AS owner_path, o.name AS owner_name,
    pl.created_by, pl.created_at,
    coalesce((SELECT json_agg(json_build_object('path', p.path, 'name', p.name) ORDER BY p.path)
                FROM plan_places pp JOIN places p ON p.id = pp.place_id WHERE pp.plan_id = pl.id), '[]') AS places,
    v.number AS latest_number, v.published_at AS latest_at,
    (SELECT d.saved_at FROM plan_drafts d WHERE d.plan_id = pl.id) AS draft_saved_at
  FROM plans pl JOIN places o ON o.id = pl.owner_place_id
  LEFT JOIN LATERAL (SELECT number, published_at FROM plan_versions
                      WHERE plan_id = pl.id ORDER BY number DESC LIMIT 1) v ON true`;

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  title: r.title,
  hazard: r.hazard,
  owner: { path: r.owner_path, name: r.owner_name },
  places: r.places,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  latest: r.latest_number === null ? null : { number: r.latest_number, publishedAt: new Date(r.latest_at!) },
  draftSavedAt: r.draft_saved_at === null ? null : new Date(r.draft_saved_at),
});

/** SQL: the plan `id` covers a place at, under or above the place path `scope`. */
export function planReaches(id: string, scope: string): string {
  return `EXISTS (SELECT 1 FROM plan_places rp JOIN places rpl ON rpl.id = rp.place_id
                   WHERE rp.plan_id = ${id}
                     AND (${subtree('rpl.path', scope)} OR ${subtree(scope, 'rpl.path')}))`;
}

export async function insertPlan(
  db: Db,
  p: { title: string; hazard: Hazard; owner: string; places: string[]; createdBy: string; createdAt: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plans (title, hazard, owner_place_id, created_by, created_at)
     SELECT $1, $2, o.id, $4, $5 FROM places o WHERE o.path = $3 RETURNING id`,
    [p.title, p.hazard, p.owner, p.createdBy, p.createdAt],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO plan_places (plan_id, place_id)
     SELECT $1, p.id FROM unnest($2::text[]) AS t(path) JOIN places p ON p.path = t.path`,
    [id, p.places],
  );
  return id;
}

/** The plan if it reaches `scope` (covers a place at, under or above it); `lock` holds its row. */
export async function planById(
  db: Db,
  id: string,
  scope: string,
  o: { lock?: boolean } = {},
): Promise<Plan | undefined> {
  if (o.lock) await db.query('SELECT 1 FROM plans WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<PlanRow>(
    `${PLAN_SELECT} WHERE pl.id = $1 AND ${planReaches('pl.id', '$2')}`,
    [id, scope],
  );
  return rows[0] && toPlan(rows[0]);
}

/** Plans reaching `scope`, newest first. */
export async function listPlans(
  db: Db,
  scope: string,
  q: { hazard?: Hazard; limit?: number } = {},
): Promise<Plan[]> {
  const { rows } = await db.query<PlanRow>(
    `${PLAN_SELECT} WHERE ${planReaches('pl.id', '$1')} AND ($2::text IS NULL OR pl.hazard = $2)
      ORDER BY pl.created_at DESC, pl.seq DESC LIMIT $3`,
    [scope, q.hazard ?? null, q.limit ?? 200],
  );
  return rows.map(toPlan);
}

interface VersionRow {
  id: string;
  plan_id: string;
  number: number;
  change_note: string;
  closes: string[];
  published_by: string | null;
  published_at: Date;
  levels?: VersionContent;
}

const toSummary = (r: VersionRow): VersionSummary => ({
  id: r.id,
  planId: r.plan_id,
  number: r.number,
  changeNote: r.change_note,
  closes: r.closes,
  publishedBy: r.published_by,
  publishedAt: new Date(r.published_at),
});

const toVersion = (r: VersionRow): PlanVersion => ({ ...toSummary(r), levels: r.levels! });

/** A version's columns but its content, of the table aliased `t`. */
const versionColumns = (t: string) =>
  `${t}.id, ${t}.plan_id, ${t}.number, ${t}.change_note, ${t}.closes::text[] AS closes, ${t}.published_by, ${t}.published_at`;

/** The plan's published versions, oldest first (without their content). */
export async function versionsOf(db: Db, planId: string): Promise<VersionSummary[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${versionColumns('v')} FROM plan_versions v WHERE v.plan_id = $1 ORDER BY v.number`,
    [planId],
  );
  return rows.map(toSummary);
}

/** The plan's published version `number`, or (no number) its newest. */
export async function versionOf(db: Db, planId: string, number?: number): Promise<PlanVersion | undefined> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${versionColumns('v')}, v.levels FROM plan_versions v
      WHERE v.plan_id = $1 AND ($2::int IS NULL OR v.number = $2) ORDER BY v.number DESC LIMIT 1`,
    [planId, number ?? null],
  );
  return rows[0] && toVersion(rows[0]);
}

/** Versions by id (any plan), with their content. */
export async function versionsById(db: Db, ids: readonly string[]): Promise<PlanVersion[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<VersionRow>(
    `SELECT ${versionColumns('v')}, v.levels FROM plan_versions v WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map(toVersion);
}

/** Publishes the next version of the plan (its row held by the caller's transaction). */
export async function insertVersion(
  db: Db,
  v: { planId: string; levels: VersionContent; changeNote: string; closes: string[]; by: string; at: Date },
): Promise<PlanVersion> {
  const { rows } = await db.query<VersionRow>(
    `INSERT INTO plan_versions (plan_id, number, levels, change_note, closes, published_by, published_at)
     SELECT $1, coalesce(max(number), 0) + 1, $2::jsonb, $3, $4::uuid[], $5, $6 FROM plan_versions WHERE plan_id = $1
     RETURNING ${versionColumns('plan_versions')}, plan_versions.levels`,
    [v.planId, JSON.stringify(v.levels), v.changeNote, v.closes, v.by, v.at],
  );
  return toVersion(rows[0]);
}

export interface Draft {
  planId: string;
  levels: VersionContent;
  savedBy: string | null;
  savedAt: Date;
}

export async function draftOf(db: Db, planId: string): Promise<Draft | undefined> {
  const { rows } = await db.query<{
    plan_id: string;
    levels: VersionContent;
    saved_by: string | null;
    saved_at: Date;
  }>('SELECT plan_id, levels, saved_by, saved_at FROM plan_drafts WHERE plan_id = $1', [planId]);
  const r = rows[0];
  return r && { planId: r.plan_id, levels: r.levels, savedBy: r.saved_by, savedAt: new Date(r.saved_at) };
}

export async function saveDraft(
  db: Db,
  d: { planId: string; levels: VersionContent; by: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO plan_drafts (plan_id, levels, saved_by, saved_at) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (plan_id) DO UPDATE SET levels = excluded.levels, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
    [d.planId, JSON.stringify(d.levels), d.by, d.at],
  );
}

export async function deleteDraft(db: Db, planId: string): Promise<void> {
  await db.query('DELETE FROM plan_drafts WHERE plan_id = $1', [planId]);
}

/** For each version among `ids`, the version of its plan numbered one less (the first has none). */
export async function previousVersions(db: Db, ids: readonly string[]): Promise<Map<string, PlanVersion>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<VersionRow & { next_id: string }>(
    `SELECT ${versionColumns('p')}, p.levels, v.id AS next_id
       FROM plan_versions v JOIN plan_versions p ON p.plan_id = v.plan_id AND p.number = v.number - 1
      WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.next_id, toVersion(r)]));
}
