/**
 * Offers of requests to volunteers: the only file that knows `aid_offers`. A run inserts them
 * (offered); the volunteer accepts or declines; the request's end marks them done, expired or
 * cancelled. At most one live (offered or accepted) offer per request (a unique index).
 */
import { type Db, UUID } from '@renxing/db';

export type OfferState = 'offered' | 'accepted' | 'declined' | 'expired' | 'done' | 'cancelled';

export interface AidOffer {
  id: string;
  requestId: string;
  volunteerId: string;
  runId: string | null;
  distanceM: number;
  state: OfferState;
  at: Date;
  answeredAt: Date | null;
}

export interface NewOffer {
  requestId: string;
  volunteerId: string;
  distanceM: number;
}

type Instant = string | Date;

interface Row {
  id: string;
  request_id: string;
  volunteer_id: string;
  run_id: string | null;
  distance_m: number;
  state: OfferState;
  at: Instant;
  answered_at: Instant | null;
}

const COLUMNS = 'o.id, o.request_id, o.volunteer_id, o.run_id, o.distance_m, o.state, o.at, o.answered_at';

function toOffer(r: Row): AidOffer {
  return {
    id: r.id,
    requestId: r.request_id,
    volunteerId: r.volunteer_id,
    runId: r.run_id,
    distanceM: Number(r.distance_m),
    state: r.state,
    at: new Date(r.at),
    answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
  };
}

/** Inserts a run's offers (state offered); their ids in the order given. */
export async function insertOffers(
  db: Db,
  offers: readonly NewOffer[],
  runId: string,
  at: Date,
): Promise<string[]> {
  if (offers.length === 0) return [];
  const { rows } = await db.query<{ id: string; request_id: string }>(
    `INSERT INTO aid_offers (request_id, volunteer_id, run_id, distance_m, state, at)
     SELECT r, v, $4, d, 'offered', $5 FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) AS t(r, v, d)
     RETURNING id, request_id`,
    [
      offers.map((o) => o.requestId),
      offers.map((o) => o.volunteerId),
      offers.map((o) => o.distanceM),
      runId,
      at,
    ],
  );
  const byRequest = new Map(rows.map((r) => [r.request_id, r.id]));
  return offers.map((o) => byRequest.get(o.requestId)!);
}

/** One offer, or undefined (also for a text that is no uuid); `volunteerId` limits it to theirs. */
export async function offerById(db: Db, id: string, volunteerId?: string): Promise<AidOffer | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM aid_offers o WHERE o.id = $1 AND ($2::uuid IS NULL OR o.volunteer_id = $2)`,
    [id, volunteerId ?? null],
  );
  return rows[0] && toOffer(rows[0]);
}

/** Every offer of a request, oldest first. */
export async function offersOfRequest(db: Db, requestId: string): Promise<AidOffer[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM aid_offers o WHERE o.request_id = $1 ORDER BY o.seq`,
    [requestId],
  );
  return rows.map(toOffer);
}

/** The live (offered or accepted) offer of each of these requests. */
export async function liveOffersOf(db: Db, requestIds: readonly string[]): Promise<Map<string, AidOffer>> {
  if (requestIds.length === 0) return new Map();
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM aid_offers o WHERE o.request_id = ANY($1::uuid[]) AND o.state IN ('offered', 'accepted')`,
    [requestIds],
  );
  return new Map(rows.map((r) => [r.request_id, toOffer(r)]));
}

/** Moves an offer to `to` if it is in one of `from`; whether it moved. */
export async function setOfferState(
  db: Db,
  id: string,
  from: readonly OfferState[],
  to: OfferState,
  at: Date,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE aid_offers SET state = $3, answered_at = $4 WHERE id = $1 AND state = ANY($2::text[]) RETURNING id`,
    [id, from, to, at],
  );
  return rows.length === 1;
}

/** Ends the live offers of these requests (the request expired or was cancelled); the offers ended. */
export async function endLiveOffers(
  db: Db,
  requestIds: readonly string[],
  to: 'expired' | 'cancelled',
  at: Date,
): Promise<AidOffer[]> {
  if (requestIds.length === 0) return [];
  const { rows } = await db.query<Row>(
    `UPDATE aid_offers o SET state = $2, answered_at = $3
      WHERE o.request_id = ANY($1::uuid[]) AND o.state IN ('offered', 'accepted')
      RETURNING ${COLUMNS}`,
    [requestIds, to, at],
  );
  return rows.map(toOffer);
}

/**
 * How many tasks each volunteer holds from offers made in [from, to) and not yet answered or done
 * (offered, accepted): a done task counts through the hours it recorded (volunteers' usedToday).
 */
export async function tasksTaken(
  db: Db,
  volunteerIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  if (volunteerIds.length === 0) return new Map();
  const { rows } = await db.query<{ volunteer_id: string; n: number | string }>(
    `SELECT volunteer_id, count(*) AS n FROM aid_offers
      WHERE volunteer_id = ANY($1::uuid[]) AND at >= $2 AND at < $3 AND state IN ('offered', 'accepted')
      GROUP BY volunteer_id`,
    [volunteerIds, from, to],
  );
  return new Map(rows.map((r) => [r.volunteer_id, Number(r.n)]));
}

/** Which volunteers declined each of these requests (they are not offered it again). */
export async function declinersOf(db: Db, requestIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (requestIds.length === 0) return out;
  const { rows } = await db.query<{ request_id: string; volunteer_id: string }>(
    `SELECT DISTINCT request_id, volunteer_id FROM aid_offers WHERE request_id = ANY($1::uuid[]) AND state = 'declined'`,
    [requestIds],
  );
  for (const r of rows) {
    const set = out.get(r.request_id) ?? new Set<string>();
    set.add(r.volunteer_id);
    out.set(r.request_id, set);
  }
  return out;
}

/** A volunteer's offers, newest first (with the states asked, all when none). */
export async function offersOfVolunteer(
  db: Db,
  volunteerId: string,
  q: { states?: readonly OfferState[]; limit: number },
): Promise<AidOffer[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM aid_offers o
      WHERE o.volunteer_id = $1 AND ($2::text[] IS NULL OR o.state = ANY($2::text[]))
      ORDER BY o.seq DESC LIMIT $3`,
    [volunteerId, q.states && q.states.length > 0 ? q.states : null, q.limit],
  );
  return rows.map(toOffer);
}

/** The offers a run made, oldest first. */
export async function offersOfRun(db: Db, runId: string): Promise<AidOffer[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM aid_offers o WHERE o.run_id = $1 ORDER BY o.seq`,
    [runId],
  );
  return rows.map(toOffer);
}
