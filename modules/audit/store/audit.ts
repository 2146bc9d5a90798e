/**
 * The append-only, hash-chained audit log (migration 0004). The database numbers, stamps and
 * chains every row; this module writes entries and walks the chain.
 */
import type { Db, Tables } from '@renxing/db';

export interface AuditEntry {
  /** A user id, or `system:<job>` for the system itself. */
  actor: string;
  /** A stable verb, e.g. `person.read_phone`, `health_code.override.approve`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'detail'>> {
  seq: number;
  at: Date;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** A `audit_log` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type AuditRow = Pick<
  Tables['audit_log'],
  | 'seq'
  | 'at'
  | 'actor'
  | 'action'
  | 'subject_type'
  | 'subject_id'
  | 'reason'
  | 'detail'
  | 'prev_hash'
  | 'hash'
> & {
  detail: Record<string, unknown>;
};

const COLUMNS = 'seq, at, actor, action, subject_type, subject_id, reason, detail, prev_hash, hash';

function toRecord(r: AuditRow): AuditRecord {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    reason: r.reason,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Appends one entry. Call it with the transaction that makes the change it records, so the two
 * commit or roll back together. Writers are serialised until commit (see 0004_audit.sql).
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRecord> {
  const { rows } = await db.query<AuditRow>(
    `INSERT INTO audit_log (actor, action, subject_type, subject_id, reason, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, '', '')
     RETURNING ${COLUMNS}`,
    [
      entry.actor,
      entry.action,
      entry.subjectType ?? null,
      entry.subjectId ?? null,
      entry.reason ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
  return toRecord(rows[0]);
}

export async function auditTrail(
  db: Db,
  subject: { type: string; id: string },
  options: { limit?: number } = {},
): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY seq LIMIT $3`,
    [subject.type, subject.id, options.limit ?? 1000],
  );
  return rows.map(toRecord);
}

export type ChainCheck =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; problem: 'hash' | 'link' };

/**
 * Recomputes every row's hash and link in one query: the first row whose hash does not match its
 * fields (`hash`, an edited row) or whose prev_hash is not the previous row's hash (`link`, a row
 * removed or inserted out of band) is reported.
 */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  const { rows } = await db.query<{ rows: number; seq: number | null; problem: 'hash' | 'link' | null }>(
    `WITH chain AS (
       SELECT seq, hash,
              prev_hash = coalesce(lag(hash) OVER (ORDER BY seq), '') AS linked,
              hash = audit_log_hash(seq, at, actor, action, subject_type, subject_id, reason, detail, prev_hash)
                AS intact
         FROM audit_log
     )
     SELECT (SELECT count(*) FROM chain) AS rows, bad.seq,
            CASE WHEN bad.seq IS NULL THEN NULL WHEN NOT bad.intact THEN 'hash' ELSE 'link' END AS problem
       FROM (SELECT 1) one
       LEFT JOIN (SELECT seq, intact FROM chain WHERE NOT (linked AND intact) ORDER BY seq LIMIT 1) bad ON true`,
  );
  const r = rows[0];
  return r.seq === null || r.problem === null
    ? { ok: true, rows: r.rows }
    : { ok: false, rows: r.rows, seq: r.seq, problem: r.problem };
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** Rows at or after this instant. */
  from?: Date;
  /** Rows before this instant. */
  to?: Date;
  /** Keyset paging: rows with seq greater than this. */
  afterSeq?: number;
  /** At most this many rows (default 100, capped at 1000). */
  limit?: number;
}

/** Rows matching every given filter, in seq order, one keyset page at a time. */
export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.actor !== undefined) add('actor = ?', filter.actor);
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.subjectType !== undefined) add('subject_type = ?', filter.subjectType);
  if (filter.subjectId !== undefined) add('subject_id = ?', filter.subjectId);
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at < ?', filter.to);
  if (filter.afterSeq !== undefined) add('seq > ?', filter.afterSeq);
  params.push(Math.min(Math.max(1, Math.trunc(filter.limit ?? 100)), 1000));
  const { rows } = await db.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY seq LIMIT $${params.length}`,
    params,
  );
  return rows.map(toRecord);
}

/**
 * Checks just these rows (e.g. one page of `listAudit`): each row's hash against its fields and
 * its prev_hash against the hash of the row before it in the whole log. The first bad row is
 * reported; `rows` counts the rows found.
 */
export async function verifyAuditRows(db: Db, seqs: readonly number[]): Promise<ChainCheck> {
  if (seqs.length === 0) return { ok: true, rows: 0 };
  const { rows } = await db.query<{ seq: number; intact: boolean; linked: boolean }>(
    `SELECT a.seq,
            a.hash = audit_log_hash(a.seq, a.at, a.actor, a.action, a.subject_type, a.subject_id, a.reason,
                                    a.detail, a.prev_hash) AS intact,
            a.prev_hash = coalesce((SELECT b.hash FROM audit_log b WHERE b.seq < a.seq ORDER BY b.seq DESC LIMIT 1), '')
              AS linked
       FROM audit_log a
      WHERE a.seq = ANY($1::bigint[])
      ORDER BY a.seq`,
    [seqs],
  );
  const bad = rows.find((r) => !(r.intact && r.linked));
  return bad
    ? { ok: false, rows: rows.length, seq: bad.seq, problem: bad.intact ? 'link' : 'hash' }
    : { ok: true, rows: rows.length };
}

/** The first row's hash (which names the log) and the last row's seq and hash; null when empty. */
export async function auditEnds(db: Db): Promise<{ firstHash: string; seq: number; hash: string } | null> {
  const { rows } = await db.query<{ first_hash: string; seq: number; hash: string }>(
    `SELECT (SELECT hash FROM audit_log ORDER BY seq LIMIT 1) AS first_hash, seq, hash
       FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  const r = rows[0];
  return r ? { firstHash: r.first_hash, seq: r.seq, hash: r.hash } : null;
}

/** The stored hash of each of these rows that exists. */
export async function auditHashes(db: Db, seqs: readonly number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])',
    [seqs],
  );
  return new Map(rows.map((r) => [r.seq, r.hash]));
}
