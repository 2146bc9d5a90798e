/**
 * Override requests (migration 0005): a colour asked for by one authorised user and decided by a
 * second, different one (shared/contracts/health-code.md, "Rules for every change").
 */
import { type Db, subtree, type Tables, UUID } from '@renxing/db';
import type { PlacePath } from '@renxing/modules/places';
import type { CodeColour } from './health-codes.js';

export type OverrideState = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface NewOverrideRequest {
  personId: string;
  to: CodeColour;
  requestedBy: string;
  reason: string;
  requestedAt?: Date;
}

export interface StoredOverrideRequest {
  id: string;
  personId: string;
  to: CodeColour;
  requestedBy: string;
  reason: string;
  requestedAt: Date;
  state: OverrideState;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  /** The person's home place (for scope checks). */
  homePlacePath: string | null;
}

/** A `override_requests` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type OverrideRow = Pick<
  Tables['override_requests'],
  | 'id'
  | 'person_id'
  | 'to_colour'
  | 'requested_by'
  | 'request_reason'
  | 'requested_at'
  | 'state'
  | 'decided_by'
  | 'decision_reason'
  | 'decided_at'
> & {
  to_colour: CodeColour;
  state: OverrideState;
  home_place_path: string | null;
};

const OVERRIDE_COLUMNS = `o.id, o.person_id, o.to_colour, o.requested_by, o.request_reason, o.requested_at, o.state,
  o.decided_by, o.decision_reason, o.decided_at, pl.path AS home_place_path`;
const OVERRIDE_FROM = `override_requests o
  JOIN people p ON p.id = o.person_id
  LEFT JOIN places pl ON pl.id = p.home_place_id`;

function toOverride(r: OverrideRow): StoredOverrideRequest {
  return {
    id: r.id,
    personId: r.person_id,
    to: r.to_colour,
    requestedBy: r.requested_by,
    reason: r.request_reason,
    requestedAt: r.requested_at,
    state: r.state,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    homePlacePath: r.home_place_path,
  };
}

export async function insertOverrideRequest(
  db: Db,
  request: NewOverrideRequest,
): Promise<StoredOverrideRequest> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO override_requests (person_id, to_colour, requested_by, request_reason, requested_at)
     VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()))
     RETURNING id`,
    [request.personId, request.to, request.requestedBy, request.reason, request.requestedAt ?? null],
  );
  return (await overrideRequestById(db, rows[0].id))!;
}

/** One request; `lock` (inside a transaction) holds it until commit, so it is decided once. */
export async function overrideRequestById(
  db: Db,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredOverrideRequest | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<OverrideRow>(
    `SELECT ${OVERRIDE_COLUMNS} FROM ${OVERRIDE_FROM} WHERE o.id = $1${options.lock ? ' FOR UPDATE OF o' : ''}`,
    [id],
  );
  return rows[0] ? toOverride(rows[0]) : undefined;
}

/** Pending requests for people whose home place lies under `path` (optionally one person's), oldest first. */
export async function pendingOverrides(
  db: Db,
  path: PlacePath,
  options: { limit?: number; personId?: string } = {},
): Promise<StoredOverrideRequest[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 1), 1000);
  const person = options.personId && UUID.test(options.personId) ? options.personId : null;
  if (options.personId !== undefined && person === null) return [];
  const { rows } = await db.query<OverrideRow>(
    `SELECT ${OVERRIDE_COLUMNS} FROM ${OVERRIDE_FROM}
      WHERE o.state = 'pending' AND ${subtree('pl.path', '$1')}
        AND ($2::uuid IS NULL OR o.person_id = $2::uuid)
      ORDER BY o.requested_at, o.id LIMIT $3`,
    [path, person, limit],
  );
  return rows.map(toOverride);
}

/** A person's pending requests, oldest first. */
export async function pendingOverridesOf(db: Db, personId: string): Promise<StoredOverrideRequest[]> {
  if (!UUID.test(personId)) return [];
  const { rows } = await db.query<OverrideRow>(
    `SELECT ${OVERRIDE_COLUMNS} FROM ${OVERRIDE_FROM}
      WHERE o.state = 'pending' AND o.person_id = $1 ORDER BY o.requested_at, o.id`,
    [personId],
  );
  return rows.map(toOverride);
}

export interface OverrideDecision {
  state: 'approved' | 'rejected';
  decidedBy: string;
  reason: string;
  decidedAt?: Date;
}

/**
 * Decides a pending request. Returns the decided request, or undefined when it is not pending
 * (any more). The table itself refuses a decision by the requester (four-eyes constraint).
 */
export async function decideOverrideRequest(
  db: Db,
  id: string,
  decision: OverrideDecision,
): Promise<StoredOverrideRequest | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rowCount } = await db.query(
    `UPDATE override_requests
        SET state = $2, decided_by = $3, decision_reason = $4, decided_at = coalesce($5::timestamptz, now())
      WHERE id = $1 AND state = 'pending'`,
    [id, decision.state, decision.decidedBy, decision.reason, decision.decidedAt ?? null],
  );
  return rowCount === 0 ? undefined : overrideRequestById(db, id);
}
