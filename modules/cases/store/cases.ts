/**
 * Cases and their companions (migrations 0005, 0008). Visibility follows the place hierarchy: a
 * user sees a case registered under their place, or one with a companion living under it; a
 * city-level user sees every case.
 */
import { cityLevel, type Db, subtree, type Tables } from '@renxing/db';

export type DetectionState = 'pending' | 'running' | 'done' | 'failed';
export type DetectionPhase = 'loading' | 'indexing' | 'querying' | 'storing';

export interface DetectionProgress {
  phase: DetectionPhase;
  done: number;
  total: number;
}

export interface Case {
  id: string;
  number: number;
  label: string;
  personId: string | null;
  subjectPseudonym: string;
  status: 'confirmed' | 'discharged' | 'closed';
  confirmedAt: Date;
  windowFrom: Date | null;
  windowTo: Date | null;
  preset: string;
  placePath: string | null;
  detection: {
    state: DetectionState;
    progress: DetectionProgress | null;
    error: string | null;
    startedAt: Date | null;
    finishedAt: Date | null;
  };
  companionCount: number;
  createdBy: string | null;
  createdAt: Date;
}

export interface NewCase {
  /** The anonymised label residents see; default `C` + a zero-padded number. */
  label?: string | null;
  personId?: string | null;
  subjectPseudonym: string;
  confirmedAt: Date;
  windowFrom?: Date | null;
  windowTo?: Date | null;
  preset: string;
  placeId?: string | null;
  createdBy?: string | null;
}

/** A `cases` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type CaseRow = Pick<
  Tables['cases'],
  | 'id'
  | 'number'
  | 'label'
  | 'person_id'
  | 'subject_pseudonym'
  | 'status'
  | 'confirmed_at'
  | 'window_from'
  | 'window_to'
  | 'preset'
  | 'detection_state'
  | 'detection_progress'
  | 'detection_error'
  | 'detection_started_at'
  | 'detected_at'
  | 'companion_count'
  | 'created_by'
  | 'created_at'
> & {
  number: string | number;
  status: Case['status'];
  place_path: string | null;
  detection_state: DetectionState;
  detection_progress: DetectionProgress | null;
};

const CASE_COLUMNS = `c.id, c.number, c.label, c.person_id, c.subject_pseudonym, c.status, c.confirmed_at,
  c.window_from, c.window_to, c.preset, pl.path AS place_path, c.detection_state, c.detection_progress,
  c.detection_error, c.detection_started_at, c.detected_at, c.companion_count, c.created_by, c.created_at`;

function toCase(r: CaseRow): Case {
  return {
    id: r.id,
    number: Number(r.number),
    label: r.label,
    personId: r.person_id,
    subjectPseudonym: r.subject_pseudonym,
    status: r.status,
    confirmedAt: r.confirmed_at,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    preset: r.preset,
    placePath: r.place_path,
    detection: {
      state: r.detection_state,
      progress: r.detection_progress,
      error: r.detection_error,
      startedAt: r.detection_started_at,
      finishedAt: r.detected_at,
    },
    companionCount: r.companion_count,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertCase(db: Db, c: NewCase): Promise<Case> {
  const { rows } = await db.query<{ id: string }>(
    `WITH n AS (SELECT nextval('case_number_seq') AS v)
     INSERT INTO cases (number, label, person_id, subject_pseudonym, confirmed_at, window_from, window_to,
                        preset, place_id, created_by)
     SELECT n.v, coalesce($1, 'C' || lpad(n.v::text, 4, '0')), $2, $3, $4, $5, $6, $7, $8, $9 FROM n
     RETURNING id`,
    [
      c.label ?? null,
      c.personId ?? null,
      c.subjectPseudonym,
      c.confirmedAt,
      c.windowFrom ?? null,
      c.windowTo ?? null,
      c.preset,
      c.placeId ?? null,
      c.createdBy ?? null,
    ],
  );
  return (await caseById(db, rows[0].id))!;
}

export async function caseById(db: Db, id: string): Promise<Case | undefined> {
  const { rows } = await db.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases c LEFT JOIN places pl ON pl.id = c.place_id WHERE c.id = $1`,
    [id],
  );
  return rows[0] && toCase(rows[0]);
}

/** Whether the case is visible from `scope`: registered under it, or with a companion living under it. */
export async function caseVisible(db: Db, id: string, scope: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT ${caseVisibleSql('c', '$2')} AS ok FROM cases c WHERE c.id = $1`,
    [id, scope],
  );
  return rows[0]?.ok === true;
}

function caseVisibleSql(alias: string, scope: string): string {
  return `(${cityLevel(scope)}
     OR EXISTS (SELECT 1 FROM places cp WHERE cp.id = ${alias}.place_id AND ${subtree('cp.path', scope)})
     OR EXISTS (SELECT 1 FROM companions cc JOIN people pp ON pp.id = cc.person_id
                 JOIN places hp ON hp.id = pp.home_place_id
                WHERE cc.case_id = ${alias}.id AND ${subtree('hp.path', scope)}))`;
}

export interface CaseListOptions {
  scope: string;
  state?: DetectionState;
  offset?: number;
  limit?: number;
}

export async function listCases(db: Db, o: CaseListOptions): Promise<{ total: number; cases: Case[] }> {
  const where = [caseVisibleSql('c', '$1')];
  const params: unknown[] = [o.scope];
  if (o.state) {
    params.push(o.state);
    where.push(`c.detection_state = $${params.length}`);
  }
  const filter = where.join(' AND ');
  const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM cases c WHERE ${filter}`, params);
  params.push(o.limit ?? 50, o.offset ?? 0);
  const { rows } = await db.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases c LEFT JOIN places pl ON pl.id = c.place_id
      WHERE ${filter} ORDER BY c.confirmed_at DESC, c.number DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: Number(total.rows[0].n), cases: rows.map(toCase) };
}

export async function setDetection(
  db: Db,
  id: string,
  d: {
    state: DetectionState;
    progress?: DetectionProgress | null;
    error?: string | null;
    companions?: number;
  },
): Promise<void> {
  await db.query(
    `UPDATE cases SET detection_state = $2, detection_progress = $3, detection_error = $4,
            companion_count = coalesce($5, companion_count),
            detection_started_at = CASE WHEN $2 = 'running' AND detection_state <> 'running' THEN now()
                                        ELSE detection_started_at END,
            detected_at = CASE WHEN $2 IN ('done', 'failed') THEN now() ELSE detected_at END
      WHERE id = $1`,
    [id, d.state, d.progress ? JSON.stringify(d.progress) : null, d.error ?? null, d.companions ?? null],
  );
}

/** Cases whose detection was interrupted (a server stopped mid-run): to be run again at start. */
export async function unfinishedDetections(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE detection_state IN ('pending', 'running') ORDER BY number`,
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Companions

export interface CompanionInput {
  subjectPseudonym: string;
  cell: string;
  overlapStart: number;
  overlapEnd: number;
  overlapS: number;
}

export interface StoredCompanion {
  id: number;
  subjectPseudonym: string;
  personId: string | null;
  cell: string;
  overlapStart: number;
  overlapEnd: number;
  /** Whether this run found it first (false: an earlier run had, its evidence refreshed). */
  inserted: boolean;
}

/**
 * Stores a run's companions (one statement for the batch); each resolves to a person by its
 * pseudonym. Re-running keeps one row per (case, subject) with the latest evidence.
 */
export async function upsertCompanions(
  db: Db,
  caseId: string,
  rows: readonly CompanionInput[],
): Promise<StoredCompanion[]> {
  if (rows.length === 0) return [];
  const { rows: out } = await db.query<{
    id: string | number;
    subject_pseudonym: string;
    person_id: string | null;
    cell: string;
    s: string | number;
    e: string | number;
    inserted: boolean;
  }>(
    `INSERT INTO companions (case_id, person_id, subject_pseudonym, cell, overlap_start, overlap_end, overlap_s)
     SELECT $1, p.id, v.subject, v.cell, to_timestamp(v.s), to_timestamp(v.e), v.o
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::int[]) AS v(subject, cell, s, e, o)
       LEFT JOIN people p ON p.phone_pseudonym = v.subject
     ON CONFLICT (case_id, subject_pseudonym) DO UPDATE
       SET person_id = EXCLUDED.person_id, cell = EXCLUDED.cell, overlap_start = EXCLUDED.overlap_start,
           overlap_end = EXCLUDED.overlap_end, overlap_s = EXCLUDED.overlap_s, detected_at = now()
     RETURNING id, subject_pseudonym, person_id, cell, extract(epoch FROM overlap_start) AS s,
               extract(epoch FROM overlap_end) AS e, (xmax = 0) AS inserted`,
    [
      caseId,
      rows.map((r) => r.subjectPseudonym),
      rows.map((r) => r.cell),
      rows.map((r) => r.overlapStart),
      rows.map((r) => r.overlapEnd),
      rows.map((r) => r.overlapS),
    ],
  );
  return out.map((r) => ({
    id: Number(r.id),
    subjectPseudonym: r.subject_pseudonym,
    personId: r.person_id,
    cell: r.cell,
    overlapStart: Number(r.s),
    overlapEnd: Number(r.e),
    inserted: r.inserted,
  }));
}

export interface CompanionView {
  id: number;
  personId: string | null;
  /** The person's name when they are in the registry (their phone only through getPerson). */
  name: string | null;
  homePlacePath: string | null;
  homePlaceName: string | null;
  cell: string;
  overlapStart: Date;
  overlapEnd: Date;
  overlapS: number;
  colour: 'green' | 'yellow' | 'red';
  taskId: string | null;
  taskState: string | null;
}

export interface CompanionListOptions {
  scope: string;
  cell?: string;
  /** Only companions living under this place. */
  place?: string;
  /** Only those of at least this many seconds of overlap. */
  minOverlap?: number;
  /** Name contains. */
  q?: string;
  offset?: number;
  limit?: number;
}

/**
 * One page of a case's companions the caller may see: those living under their place; the ones
 * not in the registry (or with no home) only from the city level.
 */
export async function listCompanions(
  db: Db,
  caseId: string,
  o: CompanionListOptions,
): Promise<{ total: number; companions: CompanionView[] }> {
  const params: unknown[] = [caseId, o.scope];
  const where = [
    'c.case_id = $1',
    `(${subtree('hp.path', '$2')} OR (hp.path IS NULL AND ${cityLevel('$2')}))`,
  ];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (o.cell) add((p) => `c.cell = ${p}`, o.cell);
  if (o.place) add((p) => subtree('hp.path', p), o.place);
  if (o.minOverlap) add((p) => `c.overlap_s >= ${p}`, o.minOverlap);
  if (o.q) add((p) => `strpos(pp.name, ${p}) > 0`, o.q);
  const from = `FROM companions c LEFT JOIN people pp ON pp.id = c.person_id
                LEFT JOIN places hp ON hp.id = pp.home_place_id`;
  const filter = `WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: string }>(`SELECT count(*) AS n ${from} ${filter}`, params);
  params.push(o.limit ?? 50, o.offset ?? 0);
  const { rows } = await db.query<{
    id: string | number;
    person_id: string | null;
    name: string | null;
    home_path: string | null;
    home_name: string | null;
    cell: string;
    overlap_start: Date;
    overlap_end: Date;
    overlap_s: number;
    colour: CompanionView['colour'] | null;
    task_id: string | null;
    task_state: string | null;
  }>(
    // The page is chosen first; only its rows are joined to codes and tasks.
    `WITH page AS (SELECT c.id ${from} ${filter}
                    ORDER BY c.overlap_s DESC, c.id LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT c.id, c.person_id, pp.name, hp.path AS home_path, hp.name AS home_name, c.cell, c.overlap_start,
            c.overlap_end, c.overlap_s, hc.colour, t.id AS task_id, t.state AS task_state
       FROM page JOIN companions c ON c.id = page.id LEFT JOIN people pp ON pp.id = c.person_id
       LEFT JOIN places hp ON hp.id = pp.home_place_id LEFT JOIN health_codes hc ON hc.person_id = c.person_id
       LEFT JOIN tasks t ON t.case_id = c.case_id AND t.subject_pseudonym = c.subject_pseudonym
      ORDER BY c.overlap_s DESC, c.id`,
    params,
  );
  return {
    total: Number(total.rows[0].n),
    companions: rows.map((r) => ({
      id: Number(r.id),
      personId: r.person_id,
      name: r.name,
      homePlacePath: r.home_path,
      homePlaceName: r.home_name,
      cell: r.cell,
      overlapStart: r.overlap_start,
      overlapEnd: r.overlap_end,
      overlapS: r.overlap_s,
      colour: r.colour ?? 'green',
      taskId: r.task_id,
      taskState: r.task_state,
    })),
  };
}

/** Companions per cell (for a map): of one case, or of every case, living under `scope`. */
export async function companionCells(
  db: Db,
  o: { scope: string; caseId?: string },
): Promise<{ cell: string; companions: number }[]> {
  const params: unknown[] = [o.scope];
  let caseFilter = '';
  if (o.caseId) {
    params.push(o.caseId);
    caseFilter = 'AND c.case_id = $2';
  }
  const { rows } = await db.query<{ cell: string; n: string }>(
    `SELECT c.cell, count(*) AS n FROM companions c LEFT JOIN people pp ON pp.id = c.person_id
       LEFT JOIN places hp ON hp.id = pp.home_place_id
      WHERE (${subtree('hp.path', '$1')} OR (hp.path IS NULL AND ${cityLevel('$1')})) ${caseFilter}
      GROUP BY c.cell ORDER BY count(*) DESC, c.cell LIMIT 5000`,
    params,
  );
  return rows.map((r) => ({ cell: r.cell, companions: Number(r.n) }));
}
