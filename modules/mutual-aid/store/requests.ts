/**
 * Aid requests and their history: the only file that knows `aid_requests` and `aid_events`. A
 * request is seen by its requester and by staff whose place holds the request's place; reads take
 * that filter as `{ scope }` (a place path) or `{ requesterId }`.
 */
import { type Db, subtree, UUID } from '@renxing/db';
import { ACTIVE_AID_STATES } from '../rules/requests.js';

export type Urgency = 'urgent' | 'normal';
export type AidState = 'open' | 'matched' | 'accepted' | 'done' | 'cancelled' | 'expired';
/** An event's state: a request's state, or `declined` (a volunteer said no; the request is open again). */
export type AidEventState = AidState | 'declined';

/** The states in which a request is live (in progress): a new one with the same requester, need and window is a duplicate. */
export const LIVE_STATES: readonly AidState[] = ACTIVE_AID_STATES;

export interface AidRequest {
  id: string;
  requesterId: string;
  requesterName: string;
  createdBy: string | null;
  need: string;
  lon: number;
  lat: number;
  atHome: boolean;
  /** The request's community (its id, path and name). */
  placeId: string;
  placePath: string;
  placeName: string;
  /** The requester's address (the person's, else the household's). */
  address: string | null;
  urgency: Urgency;
  from: Date;
  to: Date;
  notes: string;
  state: AidState;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewAidRequest {
  requesterId: string;
  createdBy: string | null;
  need: string;
  lon: number;
  lat: number;
  atHome: boolean;
  placeId: string;
  urgency: Urgency;
  from: Date;
  to: Date;
  notes: string;
}

export interface AidEvent {
  state: AidEventState;
  at: Date;
  byUser: string | null;
  offerId: string | null;
  note: string;
}

type Instant = string | Date;

interface Row {
  id: string;
  requester_id: string;
  requester_name: string;
  created_by: string | null;
  need: string;
  lon: number;
  lat: number;
  at_home: boolean;
  place_id: string;
  place_path: string;
  place_name: string;
  address: string | null;
  urgency: Urgency;
  window_from: Instant;
  window_to: Instant;
  notes: string;
  state: AidState;
  created_at: Instant;
  updated_at: Instant;
}

const COLUMNS = `r.id, r.requester_id, pe.name AS requester_name, r.created_by, r.need, r.lon, r.lat, r.at_home,
  r.place_id, pl.path AS place_path, pl.name AS place_name, coalesce(pe.home_address, h.address) AS address,
  r.urgency, r.window_from, r.window_to, r.notes, r.state, r.created_at, r.updated_at`;
const FROM = `aid_requests r JOIN people pe ON pe.id = r.requester_id JOIN places pl ON pl.id = r.place_id
  LEFT JOIN households h ON h.id = pe.household_id`;

function toRequest(r: Row): AidRequest {
  return {
    id: r.id,
    requesterId: r.requester_id,
    requesterName: r.requester_name,
    createdBy: r.created_by,
    need: r.need,
    lon: Number(r.lon),
    lat: Number(r.lat),
    atHome: r.at_home,
    placeId: r.place_id,
    placePath: r.place_path,
    placeName: r.place_name,
    address: r.address,
    urgency: r.urgency,
    from: new Date(r.window_from),
    to: new Date(r.window_to),
    notes: r.notes,
    state: r.state,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** Who reads: staff of a place (its subtree), a requester (their own), or the system (all). */
export type Reader = { scope: string } | { requesterId: string } | null;

function readerFilter(reader: Reader, params: unknown[]): string {
  if (reader === null) return 'TRUE';
  if ('scope' in reader) {
    params.push(reader.scope);
    return subtree('pl.path', `$${params.length}`);
  }
  params.push(reader.requesterId);
  return `r.requester_id = $${params.length}`;
}

export async function insertRequest(db: Db, r: NewAidRequest, at: Date): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO aid_requests (requester_id, created_by, need, lon, lat, at_home, place_id, urgency,
       window_from, window_to, notes, state, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $12) RETURNING id`,
    [
      r.requesterId,
      r.createdBy,
      r.need,
      r.lon,
      r.lat,
      r.atHome,
      r.placeId,
      r.urgency,
      r.from,
      r.to,
      r.notes,
      at,
    ],
  );
  return rows[0].id;
}

/** One request the reader may see, or undefined (also for a text that is no uuid). */
export async function requestById(
  db: Db,
  id: string,
  reader: Reader = null,
): Promise<AidRequest | undefined> {
  if (!UUID.test(id)) return undefined;
  const params: unknown[] = [id];
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1 AND ${readerFilter(reader, params)}`,
    params,
  );
  return rows[0] && toRequest(rows[0]);
}

/** Several requests by id (any reader: the caller filtered), in no order. */
export async function requestsByIds(db: Db, ids: readonly string[]): Promise<AidRequest[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = ANY($1::uuid[])`, [ids]);
  return rows.map(toRequest);
}

/** Locks one request's row for the caller's transaction (a state change reads, decides, writes). */
export async function lockRequest(db: Db, id: string): Promise<void> {
  await db.query('SELECT 1 FROM aid_requests WHERE id = $1 FOR UPDATE', [id]);
}

export interface RequestFilter {
  reader: Reader;
  states?: readonly AidState[];
  need?: string;
  requesterId?: string;
  limit: number;
}

/** Requests the reader sees, newest first, with how many match (limit aside). */
export async function listRequests(
  db: Db,
  f: RequestFilter,
): Promise<{ requests: AidRequest[]; total: number }> {
  const params: unknown[] = [];
  const where = [readerFilter(f.reader, params)];
  if (f.states && f.states.length > 0) {
    params.push(f.states);
    where.push(`r.state = ANY($${params.length}::text[])`);
  }
  if (f.need) {
    params.push(f.need);
    where.push(`r.need = $${params.length}`);
  }
  if (f.requesterId) {
    if (!UUID.test(f.requesterId)) return { requests: [], total: 0 };
    params.push(f.requesterId);
    where.push(`r.requester_id = $${params.length}`);
  }
  const cond = where.join(' AND ');
  const total = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM ${FROM} WHERE ${cond}`,
    params,
  );
  params.push(f.limit);
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${cond} ORDER BY r.created_at DESC, r.id LIMIT $${params.length}`,
    params,
  );
  return { requests: rows.map(toRequest), total: Number(total.rows[0].n) };
}

/**
 * The requester's live requests (open, matched, accepted) for `need` whose window meets
 * [from, to] (the rules decide whether it overlaps by a positive length). Oldest first.
 */
export async function liveRequestsFor(
  db: Db,
  q: { requesterId: string; need: string; from: Date; to: Date },
): Promise<AidRequest[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE r.requester_id = $1 AND r.need = $2 AND r.state = ANY($3::text[])
        AND r.window_from <= $5 AND $4 <= r.window_to
      ORDER BY r.created_at, r.id`,
    [q.requesterId, q.need, LIVE_STATES, q.from, q.to],
  );
  return rows.map(toRequest);
}

/** Open requests (the matching's input) of the reader's place, oldest first. */
export async function openRequests(db: Db, reader: Reader, now: Date): Promise<AidRequest[]> {
  const params: unknown[] = [now];
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE r.state = 'open' AND r.window_to > $1 AND ${readerFilter(reader, params)}
      ORDER BY r.created_at, r.id`,
    params,
  );
  return rows.map(toRequest);
}

/** Requests whose window ended by `now` unmatched (open, or matched but not accepted). */
export async function requestsDueToExpire(db: Db, now: Date): Promise<AidRequest[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE r.state IN ('open', 'matched') AND r.window_to <= $1
      ORDER BY r.window_to, r.id`,
    [now],
  );
  return rows.map(toRequest);
}

/** Moves a request to `to` if it is in one of `from`; whether it moved. */
export async function setRequestState(
  db: Db,
  id: string,
  from: readonly AidState[],
  to: AidState,
  at: Date,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE aid_requests SET state = $3, updated_at = $4 WHERE id = $1 AND state = ANY($2::text[]) RETURNING id`,
    [id, from, to, at],
  );
  return rows.length === 1;
}

export async function insertEvents(
  db: Db,
  events: readonly (AidEvent & { requestId: string })[],
): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO aid_events (request_id, state, at, by_user, offer_id, note)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::text[])`,
    [
      events.map((e) => e.requestId),
      events.map((e) => e.state),
      events.map((e) => e.at),
      events.map((e) => e.byUser),
      events.map((e) => e.offerId),
      events.map((e) => e.note),
    ],
  );
}

/** A request's history, in order. */
export async function eventsOf(db: Db, requestId: string): Promise<AidEvent[]> {
  const { rows } = await db.query<{
    state: AidEventState;
    at: Instant;
    by_user: string | null;
    offer_id: string | null;
    note: string;
  }>('SELECT state, at, by_user, offer_id, note FROM aid_events WHERE request_id = $1 ORDER BY id', [
    requestId,
  ]);
  return rows.map((r) => ({
    state: r.state,
    at: new Date(r.at),
    byUser: r.by_user,
    offerId: r.offer_id,
    note: r.note,
  }));
}

/** The requester's phone (raw: read only to reveal it, and the caller audits the read). */
export async function personPhone(db: Db, personId: string): Promise<string | null> {
  const { rows } = await db.query<{ phone: string | null }>('SELECT phone FROM people WHERE id = $1', [
    personId,
  ]);
  return rows[0]?.phone ?? null;
}
