/** Reports, their history and photos (migration 0027). */
import { type Db, subtree } from '@renxing/db';

export const CATEGORIES = ['hazard', 'suggestion', 'complaint', 'health_symptom', 'need'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATES = ['submitted', 'acknowledged', 'assigned', 'responded', 'closed'] as const;
export type ReportState = (typeof STATES)[number];

export interface Report {
  id: string;
  reporterPersonId: string;
  reporterName: string;
  reporterUserId: string | null;
  submittedBy: string | null;
  category: Category;
  text: string;
  placeId: string;
  placePath: string;
  placeName: string;
  lon: number | null;
  lat: number | null;
  contactEmail: string | null;
  allowPublic: boolean;
  state: ReportState;
  duplicateOf: string | null;
  assignedTo: string | null;
  response: string | null;
  responsePublic: boolean;
  submittedAt: Date;
  acknowledgedAt: Date | null;
  assignedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
  reopenCount: number;
  hasPhoto: boolean;
  /** Distinct residents behind the issue: the original's reporter and its near-duplicates'. */
  supporters: number;
}

interface Row {
  id: string;
  reporter_person_id: string;
  reporter_name: string;
  reporter_user_id: string | null;
  submitted_by: string | null;
  category: Category;
  text: string;
  place_id: string;
  place_path: string;
  place_name: string;
  lon: number | null;
  lat: number | null;
  contact_email: string | null;
  allow_public: boolean;
  state: ReportState;
  duplicate_of: string | null;
  assigned_to: string | null;
  response: string | null;
  response_public: boolean;
  submitted_at: Date;
  acknowledged_at: Date | null;
  assigned_at: Date | null;
  responded_at: Date | null;
  closed_at: Date | null;
  reopened_at: Date | null;
  reopen_count: number;
  has_photo: boolean;
  supporters: number;
}

const toReport = (r: Row): Report => ({
  id: r.id,
  reporterPersonId: r.reporter_person_id,
  reporterName: r.reporter_name,
  reporterUserId: r.reporter_user_id,
  submittedBy: r.submitted_by,
  category: r.category,
  text: r.text,
  placeId: r.place_id,
  placePath: r.place_path,
  placeName: r.place_name,
  lon: r.lon,
  lat: r.lat,
  contactEmail: r.contact_email,
  allowPublic: r.allow_public,
  state: r.state,
  duplicateOf: r.duplicate_of,
  assignedTo: r.assigned_to,
  response: r.response,
  responsePublic: r.response_public,
  submittedAt: r.submitted_at,
  acknowledgedAt: r.acknowledged_at,
  assignedAt: r.assigned_at,
  respondedAt: r.responded_at,
  closedAt: r.closed_at,
  reopenedAt: r.reopened_at,
  reopenCount: r.reopen_count,
  hasPhoto: r.has_photo,
  supporters: r.supporters,
});

const SELECT = `
  SELECT r.id, r.reporter_person_id, pe.name AS reporter_name, r.reporter_user_id, r.submitted_by,
         r.category, r.text, r.place_id, p.path AS place_path, p.name AS place_name, r.lon, r.lat,
         r.contact_email, r.allow_public, r.state, r.duplicate_of, r.assigned_to, r.response,
         r.response_public, r.submitted_at, r.acknowledged_at, r.assigned_at, r.responded_at,
         r.closed_at, r.reopened_at, r.reopen_count, r.has_photo,
         (SELECT count(DISTINCT d.reporter_person_id)::int FROM reports d
           WHERE d.id = coalesce(r.duplicate_of, r.id) OR d.duplicate_of = coalesce(r.duplicate_of, r.id)) AS supporters
    FROM reports r JOIN places p ON p.id = r.place_id JOIN people pe ON pe.id = r.reporter_person_id`;

export interface NewReport {
  reporterPersonId: string;
  reporterUserId: string | null;
  submittedBy: string | null;
  category: Category;
  text: string;
  placeId: string;
  lon: number | null;
  lat: number | null;
  contactEmail: string | null;
  allowPublic: boolean;
  duplicateOf: string | null;
  at: Date;
}

export async function insertReport(db: Db, r: NewReport): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reports (reporter_person_id, reporter_user_id, submitted_by, category, text, place_id,
                          lon, lat, contact_email, allow_public, duplicate_of, submitted_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
    [
      r.reporterPersonId,
      r.reporterUserId,
      r.submittedBy,
      r.category,
      r.text,
      r.placeId,
      r.lon,
      r.lat,
      r.contactEmail,
      r.allowPublic,
      r.duplicateOf,
      r.at,
    ],
  );
  return rows[0]!.id;
}

export async function reportById(
  db: Db,
  id: string,
  o: { forUpdate?: boolean } = {},
): Promise<Report | null> {
  if (o.forUpdate) await db.query('SELECT 1 FROM reports WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? toReport(rows[0]) : null;
}

export interface ReportFilter {
  /** Reports at or under this place path. */
  scope?: string;
  /** Only this resident's (by person or by user). */
  reporter?: { personId: string | null; userId: string };
  category?: Category;
  state?: ReportState;
  from?: Date;
  to?: Date;
  /** Only issues: near-duplicates are counted on their original, not listed. */
  originalsOnly?: boolean;
  limit: number;
  offset: number;
}

export async function listReports(db: Db, f: ReportFilter): Promise<{ reports: Report[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.scope !== undefined) where.push(subtree('p.path', p(f.scope)));
  if (f.reporter) {
    const u = p(f.reporter.userId);
    const pe = p(f.reporter.personId);
    where.push(
      `(r.reporter_user_id = ${u} OR (${pe}::uuid IS NOT NULL AND r.reporter_person_id = ${pe}::uuid))`,
    );
  }
  if (f.category) where.push(`r.category = ${p(f.category)}`);
  if (f.state) where.push(`r.state = ${p(f.state)}`);
  if (f.from) where.push(`r.submitted_at >= ${p(f.from)}`);
  if (f.to) where.push(`r.submitted_at < ${p(f.to)}`);
  if (f.originalsOnly) where.push('r.duplicate_of IS NULL');
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reports r JOIN places p ON p.id = r.place_id ${w}`,
    params,
  );
  const { rows } = await db.query<Row>(
    `${SELECT} ${w} ORDER BY r.submitted_at DESC, r.id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { reports: rows.map(toReport), total: count.rows[0]?.n ?? 0 };
}

/** The near-duplicate candidates: originals of the category in the community since `since`, earliest first. */
export async function duplicateCandidates(
  db: Db,
  o: { category: Category; placeId: string; since: Date; until: Date },
): Promise<{ id: string; text: string; submittedAt: Date }[]> {
  const { rows } = await db.query<{ id: string; text: string; submitted_at: Date }>(
    `SELECT id, text, submitted_at FROM reports
      WHERE category = $1 AND place_id = $2 AND duplicate_of IS NULL
        AND submitted_at >= $3 AND submitted_at <= $4
      ORDER BY submitted_at, id`,
    [o.category, o.placeId, o.since, o.until],
  );
  return rows.map((r) => ({ id: r.id, text: r.text, submittedAt: r.submitted_at }));
}

/** The times of a resident's reports since `since`, oldest first (the rate limit). */
export async function reportTimesOf(db: Db, personId: string, since: Date): Promise<Date[]> {
  const { rows } = await db.query<{ submitted_at: Date }>(
    `SELECT submitted_at FROM reports WHERE reporter_person_id = $1 AND submitted_at > $2 ORDER BY submitted_at`,
    [personId, since],
  );
  return rows.map((r) => r.submitted_at);
}

/** The near-duplicates linked to an original. */
export async function duplicatesOf(db: Db, id: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM reports WHERE duplicate_of = $1 ORDER BY submitted_at, id',
    [id],
  );
  return rows.map((r) => r.id);
}

export interface ReportPatch {
  state: ReportState;
  acknowledgedAt?: Date | null;
  assignedAt?: Date | null;
  respondedAt?: Date | null;
  closedAt?: Date | null;
  reopenedAt?: Date | null;
  reopenCount?: number;
  assignedTo?: string | null;
  response?: string | null;
  responsePublic?: boolean;
  at: Date;
}

const PATCH_COLUMNS: [keyof ReportPatch, string][] = [
  ['acknowledgedAt', 'acknowledged_at'],
  ['assignedAt', 'assigned_at'],
  ['respondedAt', 'responded_at'],
  ['closedAt', 'closed_at'],
  ['reopenedAt', 'reopened_at'],
  ['reopenCount', 'reopen_count'],
  ['assignedTo', 'assigned_to'],
  ['response', 'response'],
  ['responsePublic', 'response_public'],
];

export async function updateReport(db: Db, id: string, patch: ReportPatch): Promise<void> {
  const sets = ['state = $2', 'updated_at = $3'];
  const params: unknown[] = [id, patch.state, patch.at];
  for (const [key, column] of PATCH_COLUMNS) {
    if (patch[key] !== undefined) {
      params.push(patch[key]);
      sets.push(`${column} = $${params.length}`);
    }
  }
  await db.query(`UPDATE reports SET ${sets.join(', ')} WHERE id = $1`, params);
}

export interface ReportEvent {
  at: Date;
  actor: string;
  action: 'submit' | 'acknowledge' | 'assign' | 'respond' | 'close' | 'reopen';
  fromState: ReportState | null;
  toState: ReportState;
  text: string | null;
  public: boolean;
}

export async function insertEvent(db: Db, reportId: string, e: ReportEvent): Promise<void> {
  await db.query(
    `INSERT INTO report_events (report_id, at, actor, action, from_state, to_state, text, public)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [reportId, e.at, e.actor, e.action, e.fromState, e.toState, e.text, e.public],
  );
}

export async function eventsOf(db: Db, reportId: string): Promise<ReportEvent[]> {
  const { rows } = await db.query<{
    at: Date;
    actor: string;
    action: ReportEvent['action'];
    from_state: ReportState | null;
    to_state: ReportState;
    text: string | null;
    public: boolean;
  }>(
    `SELECT at, actor, action, from_state, to_state, text, public FROM report_events WHERE report_id = $1 ORDER BY id`,
    [reportId],
  );
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    text: r.text,
    public: r.public,
  }));
}

/** Responses the reporter allowed and staff made public, within a place, newest first. */
export async function publicResponses(
  db: Db,
  o: { scope: string | null; limit: number; offset: number },
): Promise<Report[]> {
  const { rows } = await db.query<Row>(
    `${SELECT}
      WHERE r.allow_public AND r.response_public AND r.response IS NOT NULL AND r.duplicate_of IS NULL
        AND r.state IN ('responded', 'closed') ${o.scope === null ? '' : `AND ${subtree('p.path', '$3')}`}
      ORDER BY r.responded_at DESC, r.id LIMIT $1 OFFSET $2`,
    o.scope === null ? [o.limit, o.offset] : [o.limit, o.offset, o.scope],
  );
  return rows.map(toReport);
}
