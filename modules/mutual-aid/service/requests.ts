/**
 * Asking for help and following a request: createAidRequest (a resident for themself, staff for a
 * person of their place; the same requester, need and an overlapping window as a live request is
 * that request, and no new one is made), findAidDuplicate (the same check as a form is filled),
 * listAidRequests, getAidRequest (with its history and its offer), cancelAidRequest. Each change
 * is one transaction with its event and audit row; the requester is told after the commit.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { inScope } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { isSkill } from '@renxing/modules/volunteers';
import '../errors.js';
import { findDuplicateRequest } from '../rules/requests.js';
import { requesterOf } from '../store/homes.js';
import { endLiveOffers } from '../store/offers.js';
import {
  type AidRequest,
  type AidState,
  eventsOf,
  insertEvents,
  insertRequest,
  listRequests,
  liveRequestsFor,
  lockRequest,
  type Reader,
  requestById,
  setRequestState,
  type Urgency,
} from '../store/requests.js';
import { type AidActor, auditActor, isResident } from './actor.js';
import { type AidNotifier, notifyRequester } from './notify.js';
import { type OfferView, offerViews } from './offer-view.js';
import { moveOrRefuse } from './states.js';

/** The longest window a request may ask for (a fortnight). */
export const MAX_WINDOW_MS = 14 * 86_400_000;

export interface AidRequestInput {
  /** The person helped: staff name them; a resident asks for themself (omit it, or give their own). */
  personId?: string;
  need: string;
  urgency: Urgency;
  from: Date;
  to: Date;
  /** A point; the home's (the home place's centre) when absent. */
  location?: { lon: number; lat: number } | null;
  notes?: string;
}

/** The reader filter of an actor: a resident reads their own, staff their place, the system all. */
export function readerOf(actor: AidActor): Reader {
  if (isResident(actor)) {
    if (!actor.personId) throw new RenxingError('RX_NOT_FOUND');
    return { requesterId: actor.personId };
  }
  if (actor.role === null) return null;
  if (actor.scope === null) throw new RenxingError('RX_NOT_FOUND');
  return { scope: actor.scope };
}

/** The request if the actor may see it, else RX_NO_SUCH_AID_REQUEST (404). */
export async function visibleRequest(db: Db, id: string, actor: AidActor): Promise<AidRequest> {
  const r = await requestById(db, id, readerOf(actor));
  if (!r) throw new RenxingError('RX_NO_SUCH_AID_REQUEST', { request: id });
  return r;
}

function checkInput(input: AidRequestInput, now: Date): void {
  if (!isSkill(input.need)) {
    throw invalid('body.need', {
      en: 'not a skill of the city vocabulary',
      'zh-CN': '不是城市技能词表中的技能',
    });
  }
  const from = input.from.getTime();
  const to = input.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to))
    throw invalid('body.window', { en: 'from and to must be instants', 'zh-CN': '起止时间必须是有效时间' });
  if (to <= from) throw invalid('body.window.to', { en: 'must be after from', 'zh-CN': '必须晚于开始时间' });
  if (to - from > MAX_WINDOW_MS)
    throw invalid('body.window', { en: 'a window lasts at most 14 days', 'zh-CN': '时间窗口最长 14 天' });
  if (to <= now.getTime()) throw new RenxingError('RX_AID_WINDOW_PAST', {}, 'body.window.to');
}

/** The person helped, if the actor may ask for them (a resident: themself; staff: someone homed in their place). */
async function requesterFor(db: Db, personId: string | undefined, actor: AidActor, field: string) {
  let id: string;
  if (isResident(actor)) {
    if (!actor.personId) throw new RenxingError('RX_NOT_FOUND');
    if (personId !== undefined && personId !== actor.personId)
      throw new RenxingError('RX_AID_NO_REQUESTER', { person: personId }, field);
    id = actor.personId;
  } else {
    if (!personId) throw invalid(field, { en: 'name the person helped', 'zh-CN': '请指定受助人' });
    id = personId;
  }
  const who = await requesterOf(db, id);
  const home = who?.places[0];
  const seen =
    who !== undefined &&
    (isResident(actor) ||
      actor.role === null ||
      (home !== undefined && inScope(home.path, actor.scope ?? '')));
  if (!who || !seen) throw new RenxingError('RX_AID_NO_REQUESTER', { person: id }, field);
  return who;
}

/** Who the request is for, its community and its point (the home's by default). */
async function resolveRequester(db: Db, input: AidRequestInput, actor: AidActor) {
  const who = await requesterFor(db, input.personId, actor, 'body.personId');
  const home = who.places[0];
  const place = who.places.find((p) => p.level === 'community') ?? home;
  const centre = who.places.find((p) => p.lon !== null && p.lat !== null);
  const point = input.location ?? (centre ? { lon: centre.lon!, lat: centre.lat! } : null);
  if (!place || !point) throw new RenxingError('RX_AID_NO_LOCATION', { person: who.name }, 'body.location');
  return { personId: who.personId, placeId: place.id, point, atHome: !input.location };
}

const secondsOf = (d: Date) => d.getTime() / 1000;

/** The live request a new one would repeat (the rules' duplicate rule), or undefined. */
async function duplicateOf(db: Db, q: { requesterId: string; need: string; from: Date; to: Date }) {
  const live = await liveRequestsFor(db, q);
  const same = findDuplicateRequest(
    { requester: q.requesterId, need: q.need, from: secondsOf(q.from), to: secondsOf(q.to) },
    live.map((r) => ({
      id: r.id,
      requester: r.requesterId,
      need: r.need,
      state: r.state,
      from: secondsOf(r.from),
      to: secondsOf(r.to),
    })),
  );
  return same ? live.find((r) => r.id === same.id) : undefined;
}

export interface Created {
  request: AidRequest;
  /** False: a live request with the same requester, need and an overlapping window exists — this is it. */
  created: boolean;
}

/**
 * A new request (open), or the live one it duplicates (nothing created: `created` false names
 * it). Audited as `mutual_aid.request.create`; the requester is told it was received.
 */
export async function createAidRequest(
  db: Db,
  input: AidRequestInput,
  actor: AidActor,
  notifier?: AidNotifier,
): Promise<Created> {
  checkInput(input, actor.now);
  const who = await resolveRequester(db, input, actor);
  const result = await db.transaction(async (tx): Promise<Created> => {
    // One requester's requests are decided one at a time: two forms sent at once make one request.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`renxing.aid.requester.${who.personId}`]);
    const same = await duplicateOf(tx, {
      requesterId: who.personId,
      need: input.need,
      from: input.from,
      to: input.to,
    });
    if (same) return { request: same, created: false };
    const id = await insertRequest(
      tx,
      {
        requesterId: who.personId,
        createdBy: actor.userId,
        need: input.need,
        lon: who.point.lon,
        lat: who.point.lat,
        atHome: who.atHome,
        placeId: who.placeId,
        urgency: input.urgency,
        from: input.from,
        to: input.to,
        notes: input.notes?.trim() ?? '',
      },
      actor.now,
    );
    await insertEvents(tx, [
      { requestId: id, state: 'open', at: actor.now, byUser: actor.userId, offerId: null, note: '' },
    ]);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'mutual_aid.request.create',
      subjectType: 'aid_request',
      subjectId: id,
      detail: { person: who.personId, need: input.need, urgency: input.urgency, place: who.placeId },
    });
    return { request: (await requestById(tx, id))!, created: true };
  });
  if (result.created) {
    const r = result.request;
    await notifyRequester(notifier, [
      { requestId: r.id, requesterId: r.requesterId, need: r.need, state: 'open', at: actor.now },
    ]);
  }
  return result;
}

/** The live request a new one with this requester, need and window would duplicate, or null. */
export async function findAidDuplicate(
  db: Db,
  q: { personId?: string; need: string; from: Date; to: Date },
  actor: AidActor,
): Promise<AidRequest | null> {
  const who = await requesterFor(db, q.personId, actor, 'query.personId');
  return (await duplicateOf(db, { requesterId: who.personId, need: q.need, from: q.from, to: q.to })) ?? null;
}

export async function listAidRequests(
  db: Db,
  q: { states?: AidState[]; need?: string; personId?: string; limit?: number },
  actor: AidActor,
): Promise<{ requests: AidRequest[]; total: number }> {
  return listRequests(db, {
    reader: readerOf(actor),
    states: q.states,
    need: q.need,
    requesterId: q.personId,
    limit: q.limit ?? 200,
  });
}

export interface AidRequestDetail {
  request: AidRequest;
  events: Awaited<ReturnType<typeof eventsOf>>;
  offers: OfferView[];
}

/** One request with its history and its offers (the accepted volunteer's phone for the requester and staff). */
export async function getAidRequest(db: Db, id: string, actor: AidActor): Promise<AidRequestDetail> {
  const request = await visibleRequest(db, id, actor);
  return { request, events: await eventsOf(db, id), offers: await offerViews(db, request.id) };
}

/** Cancels a live request (its live offer with it). Audited as `mutual_aid.request.cancel`. */
export async function cancelAidRequest(
  db: Db,
  id: string,
  reason: string,
  actor: AidActor,
  notifier?: AidNotifier,
): Promise<AidRequest> {
  const request = await db.transaction(async (tx) => {
    const seen = await visibleRequest(tx, id, actor);
    await lockRequest(tx, seen.id);
    const r = (await requestById(tx, seen.id))!;
    const to = moveOrRefuse(r.state, 'cancel');
    await setRequestState(tx, r.id, [r.state], to, actor.now);
    const ended = await endLiveOffers(tx, [r.id], 'cancelled', actor.now);
    await insertEvents(tx, [
      {
        requestId: r.id,
        state: 'cancelled',
        at: actor.now,
        byUser: actor.userId,
        offerId: ended[0]?.id ?? null,
        note: reason,
      },
    ]);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'mutual_aid.request.cancel',
      subjectType: 'aid_request',
      subjectId: r.id,
      reason: reason || undefined,
      detail: { from: r.state, offer: ended[0]?.id ?? null },
    });
    return (await requestById(tx, r.id))!;
  });
  await notifyRequester(notifier, [
    {
      requestId: request.id,
      requesterId: request.requesterId,
      need: request.need,
      state: 'cancelled',
      at: actor.now,
      note: reason || undefined,
    },
  ]);
  return request;
}
