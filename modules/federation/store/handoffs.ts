/** Hand-offs both ways (migration 0031): one row per hand-off on each side, keyed by the shared message id. */
import { type Db, subtree } from '@renxing/db';
import type { HandoffBody, HandoffKind } from '../rules/messages.js';

export const HANDOFF_STATES = ['queued', 'sent', 'refused', 'received', 'accepted', 'rejected'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];
export type Direction = 'out' | 'in';

export interface Handoff {
  id: string;
  direction: Direction;
  peer: string;
  peerName: string;
  kind: HandoffKind;
  state: HandoffState;
  homePlace: string;
  reason: string;
  body: HandoffBody;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  caseId: string | null;
  personId: string | null;
  companionId: number | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface HandoffRow {
  id: string;
  direction: Direction;
  peer: string;
  peer_name: string;
  kind: HandoffKind;
  state: HandoffState;
  home_place: string;
  reason: string;
  body: HandoffBody;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  case_id: string | null;
  person_id: string | null;
  companion_id: string | number | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `h.id, h.direction, h.peer, pc.name AS peer_name, h.kind, h.state, h.home_place, h.reason,
  h.body, h.decision_reason, h.decided_by, h.decided_at, h.case_id, h.person_id, h.companion_id,
  h.created_by, h.created_at, h.updated_at`;
const FROM = 'handoffs h JOIN peer_cities pc ON pc.code = h.peer';

const toHandoff = (r: HandoffRow): Handoff => ({
  id: r.id,
  direction: r.direction,
  peer: r.peer,
  peerName: r.peer_name,
  kind: r.kind,
  state: r.state,
  homePlace: r.home_place,
  reason: r.reason,
  body: r.body,
  decisionReason: r.decision_reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  caseId: r.case_id,
  personId: r.person_id,
  companionId: r.companion_id === null ? null : Number(r.companion_id),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewHandoff {
  id: string;
  direction: Direction;
  peer: string;
  state: HandoffState;
  body: HandoffBody;
  caseId?: string | null;
  personId?: string | null;
  companionId?: number | null;
  createdBy?: string | null;
  at: Date;
}

/** Inserts a hand-off; one already stored under the id is left alone (answers false). */
export async function insertHandoff(db: Db, h: NewHandoff): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO handoffs (id, direction, peer, kind, state, home_place, reason, body, case_id, person_id,
                           companion_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $13)
     ON CONFLICT (id) DO NOTHING`,
    [
      h.id,
      h.direction,
      h.peer,
      h.body.kind,
      h.state,
      h.body.homePlace,
      h.body.reason,
      JSON.stringify(h.body),
      h.caseId ?? null,
      h.personId ?? null,
      h.companionId ?? null,
      h.createdBy ?? null,
      h.at,
    ],
  );
  return rowCount === 1;
}

export async function handoffById(db: Db, id: string, lock = false): Promise<Handoff | undefined> {
  const { rows } = await db.query<HandoffRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE h.id = $1${lock ? ' FOR UPDATE OF h' : ''}`,
    [id],
  );
  return rows[0] ? toHandoff(rows[0]) : undefined;
}

export interface HandoffFilter {
  /** The caller's place: hand-offs whose home place (in) or source person's home (out) lies within it; a city root sees all. */
  scope: string;
  direction?: Direction;
  state?: HandoffState;
  peer?: string;
  caseId?: string;
  limit?: number;
  offset?: number;
}

/**
 * A page of hand-offs the caller may see, newest first: a received one by its home place; a sent
 * one by the home of the person it came from (city level only when that is unknown).
 */
export async function listHandoffs(
  db: Db,
  f: HandoffFilter,
): Promise<{ total: number; handoffs: Handoff[] }> {
  const { rows } = await db.query<HandoffRow & { total: string | number }>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total
       FROM ${FROM}
       LEFT JOIN people p ON p.id = h.person_id
       LEFT JOIN places hp ON hp.id = p.home_place_id
       CROSS JOIN LATERAL (SELECT CASE WHEN h.direction = 'in' THEN h.home_place
                                       ELSE coalesce(hp.path, split_part($1, '.', 1)) END AS seen_from) v
      WHERE ($2::text IS NULL OR h.direction = $2)
        AND ($3::text IS NULL OR h.state = $3)
        AND ($4::text IS NULL OR h.peer = $4)
        AND ($5::uuid IS NULL OR h.case_id = $5)
        AND ${subtree('v.seen_from', '$1')}
      ORDER BY h.created_at DESC, h.id
      LIMIT $6 OFFSET $7`,
    [
      f.scope,
      f.direction ?? null,
      f.state ?? null,
      f.peer ?? null,
      f.caseId ?? null,
      f.limit ?? 50,
      f.offset ?? 0,
    ],
  );
  return { total: rows[0] ? Number(rows[0].total) : 0, handoffs: rows.map(toHandoff) };
}

/** The place path a hand-off is seen from (see listHandoffs), for one hand-off. */
export async function handoffPlace(db: Db, h: Handoff): Promise<string | null> {
  if (h.direction === 'in') return h.homePlace;
  if (!h.personId) return null;
  const { rows } = await db.query<{ path: string | null }>(
    'SELECT pl.path FROM people p LEFT JOIN places pl ON pl.id = p.home_place_id WHERE p.id = $1',
    [h.personId],
  );
  return rows[0]?.path ?? null;
}

/** Records a state change (and, for a decision, who decided, why and when). */
export async function setHandoffState(
  db: Db,
  id: string,
  change: {
    state: HandoffState;
    decisionReason?: string;
    decidedBy?: string | null;
    at?: Date;
    caseId?: string | null;
    personId?: string | null;
    companionId?: number | null;
  },
): Promise<void> {
  const decided = change.state === 'accepted' || change.state === 'rejected';
  await db.query(
    `UPDATE handoffs SET state = $2,
            decision_reason = CASE WHEN $3 THEN $4 ELSE decision_reason END,
            decided_by = CASE WHEN $3 THEN $5::uuid ELSE decided_by END,
            decided_at = CASE WHEN $3 THEN $6::timestamptz ELSE decided_at END,
            case_id = coalesce($7, case_id), person_id = coalesce($8, person_id),
            companion_id = coalesce($9, companion_id)
      WHERE id = $1`,
    [
      id,
      change.state,
      decided,
      change.decisionReason ?? null,
      change.decidedBy ?? null,
      change.at ?? null,
      change.caseId ?? null,
      change.personId ?? null,
      change.companionId ?? null,
    ],
  );
}

/** An outgoing hand-off the peer acknowledged (unless its answer came first). */
export async function markHandoffSent(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE handoffs SET state = 'sent' WHERE id = $1 AND state = 'queued'`, [id]);
}

/** Remembers a received message id; false when it was received before (a replay). */
export async function rememberMessage(
  db: Db,
  peer: string,
  messageId: string,
  type: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO federation_received (peer, message_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [peer, messageId, type],
  );
  return rowCount === 1;
}
