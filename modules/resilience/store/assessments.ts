/**
 * Self-assessments and their answers (migration 0030). Every submission is its own row; a review
 * moves a submitted one to approved or returned. Places are read by path, people by name.
 */
import { type Db, subtree } from '@renxing/db';
import type { AssessmentSummary } from '../rules/banks.js';

export const ASSESSMENT_STATES = ['submitted', 'approved', 'returned'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export interface PlaceRef {
  id: string;
  path: string;
  name: string;
  nameEn: string | null;
  level: string;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface AssessmentRow {
  id: string;
  place: PlaceRef;
  bankId: string;
  bankVersion: number;
  state: AssessmentState;
  submittedBy: UserRef | null;
  submittedAt: Date;
  reviewer: UserRef | null;
  reviewedBy: UserRef | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  summary: AssessmentSummary;
}

export interface AnswerRow {
  question: string;
  score: number;
  evidence: string;
}

export interface NewAssessment {
  placeId: string;
  bankId: string;
  bankVersion: number;
  submittedBy: string | null;
  submittedAt: Date;
  reviewer: string | null;
  summary: AssessmentSummary;
  answers: readonly AnswerRow[];
}

interface Row {
  id: string;
  place_id: string;
  place_path: string;
  place_name: string;
  place_name_en: string | null;
  place_level: string;
  bank_id: string;
  bank_version: number;
  state: AssessmentState;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: Date;
  reviewer: string | null;
  reviewer_name: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  summary: AssessmentSummary | string;
}

const SELECT = `
  SELECT a.id, a.place_id, p.path AS place_path, p.name AS place_name, p.name_en AS place_name_en,
         p.level AS place_level, a.bank_id, a.bank_version, a.state,
         a.submitted_by, COALESCE(su.display_name, su.username) AS submitted_by_name, a.submitted_at,
         a.reviewer, COALESCE(ru.display_name, ru.username) AS reviewer_name,
         a.reviewed_by, COALESCE(bu.display_name, bu.username) AS reviewed_by_name, a.reviewed_at,
         a.review_note, a.summary
    FROM resilience_assessments a
    JOIN places p ON p.id = a.place_id
    LEFT JOIN users su ON su.id = a.submitted_by
    LEFT JOIN users ru ON ru.id = a.reviewer
    LEFT JOIN users bu ON bu.id = a.reviewed_by`;

const ORDER = 'ORDER BY a.submitted_at DESC, a.seq DESC';

const ref = (id: string | null, name: string | null): UserRef | null =>
  id ? { id, name: name ?? '' } : null;

function toRow(r: Row): AssessmentRow {
  return {
    id: r.id,
    place: {
      id: r.place_id,
      path: r.place_path,
      name: r.place_name,
      nameEn: r.place_name_en,
      level: r.place_level,
    },
    bankId: r.bank_id,
    bankVersion: r.bank_version,
    state: r.state,
    submittedBy: ref(r.submitted_by, r.submitted_by_name),
    submittedAt: r.submitted_at,
    reviewer: ref(r.reviewer, r.reviewer_name),
    reviewedBy: ref(r.reviewed_by, r.reviewed_by_name),
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as AssessmentSummary) : r.summary,
  };
}

/** Inserts a submission and its answers (in their given order); returns its id. */
export async function insertAssessment(db: Db, a: NewAssessment): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO resilience_assessments (place_id, bank_id, bank_version, submitted_by, submitted_at, reviewer, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
    [a.placeId, a.bankId, a.bankVersion, a.submittedBy, a.submittedAt, a.reviewer, JSON.stringify(a.summary)],
  );
  const id = rows[0].id;
  if (a.answers.length > 0)
    await db.query(
      `INSERT INTO resilience_assessment_answers (assessment_id, question, score, evidence, ord)
       SELECT $1, q, s, e, o::integer - 1
         FROM unnest($2::text[], $3::integer[], $4::text[]) WITH ORDINALITY AS t(q, s, e, o)`,
      [id, a.answers.map((x) => x.question), a.answers.map((x) => x.score), a.answers.map((x) => x.evidence)],
    );
  return id;
}

/** One assessment by id (any place), optionally locked for a review. */
export async function assessmentById(
  db: Db,
  id: string,
  o: { lock?: boolean } = {},
): Promise<AssessmentRow | undefined> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE a.id = $1${o.lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  return rows[0] && toRow(rows[0]);
}

/** Every assessment of a place, newest first (optionally of one bank). */
export async function assessmentsOfPlace(db: Db, placeId: string, bankId?: string): Promise<AssessmentRow[]> {
  const { rows } = await db.query<Row>(
    `${SELECT} WHERE a.place_id = $1 AND ($2::text IS NULL OR a.bank_id = $2) ${ORDER}`,
    [placeId, bankId ?? null],
  );
  return rows.map(toRow);
}

export interface AssessmentFilter {
  /** Places at or under this path (null: the whole city). */
  under: string | null;
  state?: AssessmentState;
  bankId?: string;
  limit: number;
  offset: number;
}

/** Assessments of places at or under a path, newest first, with how many match in all. */
export async function listAssessments(
  db: Db,
  f: AssessmentFilter,
): Promise<{ total: number; rows: AssessmentRow[] }> {
  const where = `WHERE ($1::text IS NULL OR ${subtree('p.path', '$1')})
      AND ($2::text IS NULL OR a.state = $2) AND ($3::text IS NULL OR a.bank_id = $3)`;
  const params = [f.under, f.state ?? null, f.bankId ?? null];
  const { rows } = await db.query<Row & { total: string | number }>(
    `${SELECT.replace('a.summary', 'a.summary, count(*) OVER () AS total')} ${where} ${ORDER} LIMIT $4 OFFSET $5`,
    [...params, f.limit, f.offset],
  );
  if (rows.length > 0) return { total: Number(rows[0].total), rows: rows.map(toRow) };
  if (f.offset === 0) return { total: 0, rows: [] };
  const count = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM resilience_assessments a JOIN places p ON p.id = a.place_id ${where}`,
    params,
  );
  return { total: Number(count.rows[0].n), rows: [] };
}

/** The answers of assessments, by assessment id, in the bank's order. */
export async function answersOf(db: Db, ids: readonly string[]): Promise<Map<string, AnswerRow[]>> {
  const out = new Map<string, AnswerRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const { rows } = await db.query<AnswerRow & { assessment_id: string }>(
    `SELECT assessment_id, question, score, evidence FROM resilience_assessment_answers
      WHERE assessment_id = ANY($1::uuid[]) ORDER BY assessment_id, ord`,
    [ids],
  );
  for (const r of rows)
    out.get(r.assessment_id)?.push({ question: r.question, score: r.score, evidence: r.evidence });
  return out;
}

/** Records a review of a submitted assessment; false when it is no longer submitted. */
export async function recordReview(
  db: Db,
  id: string,
  r: { state: 'approved' | 'returned'; by: string; at: Date; note: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE resilience_assessments SET state = $2, reviewed_by = $3, reviewed_at = $4, review_note = $5
      WHERE id = $1 AND state = 'submitted'`,
    [id, r.state, r.by, r.at, r.note],
  );
  return (rowCount ?? 0) === 1;
}

/** The assessment a community page shows: its latest approved, else its latest submitted (null: none). */
export async function latestShown(db: Db, placeId: string): Promise<AssessmentRow | null> {
  const { rows } = await db.query<Row>(
    `${SELECT} WHERE a.place_id = $1 AND a.state IN ('approved', 'submitted')
      ORDER BY (a.state = 'approved') DESC, a.submitted_at DESC, a.seq DESC LIMIT 1`,
    [placeId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** A place by path (any level), or undefined. */
export async function placeRefByPath(db: Db, path: string): Promise<PlaceRef | undefined> {
  const { rows } = await db.query<PlaceRef & { name_en: string | null }>(
    'SELECT id, path, name, name_en, level FROM places WHERE path = $1',
    [path],
  );
  const r = rows[0];
  return r && { id: r.id, path: r.path, name: r.name, nameEn: r.name_en, level: r.level };
}
