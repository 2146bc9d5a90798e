/**
 * The append-only, hash-chained audit log (migration 0004). The database numbers, stamps and
 * chains every row; this module writes entries and walks the chain.
 */
import type { Db } from './database.js';

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

interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

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
