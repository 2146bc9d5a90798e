/**
 * What a volunteer sees and does: listMyOffers (only their own offers: the requester's name,
 * address, point, need and window — the requester's phone only once they accepted),
 * respondAidMatch (accept: the request is accepted and the phones are revealed, each to the other;
 * decline: kept on the offer, the request is open again) and completeAidRequest (the volunteer or
 * staff of the place: done, with the volunteer's hours recorded). Each change is one transaction
 * with its event and audit row; the requester is told after the commit.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { addVolunteerHours, revealPhone } from '@renxing/modules/volunteers';
import '../errors.js';
import {
  type AidOffer,
  liveOffersOf,
  type OfferState,
  offerById,
  offersOfVolunteer,
  setOfferState,
} from '../store/offers.js';
import {
  type AidRequest,
  insertEvents,
  lockRequest,
  personPhone,
  requestById,
  requestsByIds,
  setRequestState,
} from '../store/requests.js';
import { type AidActor, auditActor } from './actor.js';
import { type AidNotifier, notifyRequester } from './notify.js';
import { type OfferView, offerView, reveals } from './offer-view.js';
import { visibleRequest } from './requests.js';
import { moveOrRefuse } from './states.js';
import { actingVolunteer } from './volunteer.js';

/** An offer as its volunteer sees it: what they need to help, and the phone once they accepted. */
export interface MyOffer {
  id: string;
  state: OfferState;
  at: Date;
  answeredAt: Date | null;
  distanceM: number;
  request: {
    id: string;
    state: AidRequest['state'];
    need: string;
    urgency: AidRequest['urgency'];
    from: Date;
    to: Date;
    notes: string;
    requesterName: string;
    address: string | null;
    placeName: string;
    lon: number;
    lat: number;
    /** Only once the volunteer accepted. */
    phone: string | null;
  };
}

function myOffer(o: AidOffer, r: AidRequest, phone: string | null): MyOffer {
  return {
    id: o.id,
    state: o.state,
    at: o.at,
    answeredAt: o.answeredAt,
    distanceM: o.distanceM,
    request: {
      id: r.id,
      state: r.state,
      need: r.need,
      urgency: r.urgency,
      from: r.from,
      to: r.to,
      notes: r.notes,
      requesterName: r.requesterName,
      address: r.address,
      placeName: r.placeName,
      lon: r.lon,
      lat: r.lat,
      phone: reveals(o.state) ? phone : null,
    },
  };
}

/** The actor's own offers, newest first. Phones shown (accepted offers) are audited as read. */
export async function listMyOffers(
  db: Db,
  q: { states?: OfferState[]; limit?: number },
  actor: AidActor,
): Promise<{ volunteerId: string; offers: MyOffer[] }> {
  const v = await actingVolunteer(db, actor);
  const offers = await offersOfVolunteer(db, v.id, { states: q.states, limit: q.limit ?? 200 });
  const requests = new Map(
    (await requestsByIds(db, [...new Set(offers.map((o) => o.requestId))])).map((r) => [r.id, r]),
  );
  const out: MyOffer[] = [];
  const revealed: string[] = [];
  for (const o of offers) {
    const r = requests.get(o.requestId)!;
    const phone = reveals(o.state) ? await personPhone(db, r.requesterId) : null;
    if (phone !== null) revealed.push(r.id);
    out.push(myOffer(o, r, phone));
  }
  if (revealed.length > 0) {
    await appendAudit(db, {
      actor: auditActor(actor),
      action: 'mutual_aid.phone.read',
      subjectType: 'volunteer',
      subjectId: v.id,
      reason: 'the volunteer reads the phones of the requests they accepted',
      detail: { requests: revealed },
    });
  }
  return { volunteerId: v.id, offers: out };
}

export interface OfferAnswer {
  offer: MyOffer;
  /** Whether anything changed (false never: a second answer is RX_AID_OFFER_ANSWERED). */
  accepted: boolean;
}

/**
 * The volunteer's answer to an offer made to them. Accept: offer and request accepted, the
 * requester's phone in the answer (audited as revealed) and the volunteer's name and phone told to
 * the requester. Decline: the offer declined (kept), the request open again for the next run.
 */
export async function respondAidMatch(
  db: Db,
  offerId: string,
  answer: { accept: boolean; note?: string },
  actor: AidActor,
  notifier?: AidNotifier,
): Promise<OfferAnswer> {
  const v = await actingVolunteer(db, actor);
  const note = answer.note?.trim() ?? '';
  const done = await db.transaction(async (tx) => {
    const seen = await offerById(tx, offerId, v.id);
    if (!seen) throw new RenxingError('RX_NO_SUCH_AID_OFFER', { offer: offerId });
    await lockRequest(tx, seen.requestId);
    const offer = (await offerById(tx, seen.id))!;
    const request = (await requestById(tx, offer.requestId))!;
    if (offer.state !== 'offered')
      throw new RenxingError('RX_AID_OFFER_ANSWERED', { state: offerWords(offer.state) });
    const to = moveOrRefuse(request.state, answer.accept ? 'accept' : 'decline');
    await setOfferState(tx, offer.id, ['offered'], answer.accept ? 'accepted' : 'declined', actor.now);
    await setRequestState(tx, request.id, ['matched'], to, actor.now);
    await insertEvents(tx, [
      {
        requestId: request.id,
        state: answer.accept ? 'accepted' : 'declined',
        at: actor.now,
        byUser: actor.userId,
        offerId: offer.id,
        note,
      },
    ]);
    const phone = answer.accept ? await personPhone(tx, request.requesterId) : null;
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: answer.accept ? 'mutual_aid.offer.accept' : 'mutual_aid.offer.decline',
      subjectType: 'aid_request',
      subjectId: request.id,
      reason: note || undefined,
      detail: {
        offer: offer.id,
        volunteer: v.id,
        ...(answer.accept ? { phonesRevealed: phone !== null } : {}),
      },
    });
    const after = (await offerById(tx, offer.id))!;
    return { offer: myOffer(after, (await requestById(tx, request.id))!, phone), request };
  });
  const r = done.request;
  await notifyRequester(notifier, [
    answer.accept
      ? {
          requestId: r.id,
          requesterId: r.requesterId,
          need: r.need,
          state: 'accepted',
          at: actor.now,
          volunteer: { name: v.name, phone: await revealPhone(db, v.id) },
        }
      : { requestId: r.id, requesterId: r.requesterId, need: r.need, state: 'declined', at: actor.now },
  ]);
  return { offer: done.offer, accepted: answer.accept };
}

/** The default hours a done task records: the window's length, at most 2. */
const defaultHours = (r: AidRequest) =>
  Math.max(0.25, Math.min(2, (r.to.getTime() - r.from.getTime()) / 3_600_000));

/**
 * Marks an accepted request done: by its volunteer, or by staff of its place. The offer is done and
 * the volunteer's hours recorded (volunteers' addVolunteerHours, source `aid_request:<id>`).
 */
export async function completeAidRequest(
  db: Db,
  id: string,
  input: { hours?: number; note?: string },
  actor: AidActor,
  notifier?: AidNotifier,
): Promise<{ request: AidRequest; offer: OfferView }> {
  const note = input.note?.trim() ?? '';
  const volunteer = actor.role === 'volunteer' ? await actingVolunteer(db, actor) : null;
  const done = await db.transaction(async (tx) => {
    let request: AidRequest;
    if (volunteer) {
      // A volunteer sees a request through their accepted offer only.
      const live = (await liveOffersOf(tx, [id])).get(id);
      if (!live || live.volunteerId !== volunteer.id)
        throw new RenxingError('RX_NO_SUCH_AID_REQUEST', { request: id });
      request = (await requestById(tx, id))!;
    } else {
      request = await visibleRequest(tx, id, actor);
    }
    await lockRequest(tx, request.id);
    request = (await requestById(tx, request.id))!;
    const offer = (await liveOffersOf(tx, [request.id])).get(request.id);
    const to = moveOrRefuse(request.state, 'complete');
    if (offer?.state !== 'accepted' || (volunteer && offer.volunteerId !== volunteer.id))
      throw new RenxingError('RX_NO_SUCH_AID_REQUEST', { request: id });
    await setOfferState(tx, offer.id, ['accepted'], 'done', actor.now);
    await setRequestState(tx, request.id, ['accepted'], to, actor.now);
    await insertEvents(tx, [
      { requestId: request.id, state: 'done', at: actor.now, byUser: actor.userId, offerId: offer.id, note },
    ]);
    await addVolunteerHours(
      tx,
      {
        volunteerId: offer.volunteerId,
        hours: input.hours ?? defaultHours(request),
        source: `aid_request:${request.id}`,
        note: note || null,
      },
      { userId: actor.userId, now: actor.now },
    );
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'mutual_aid.request.done',
      subjectType: 'aid_request',
      subjectId: request.id,
      reason: note || undefined,
      detail: { offer: offer.id, volunteer: offer.volunteerId },
    });
    return {
      request: (await requestById(tx, request.id))!,
      offer: await offerView(tx, (await offerById(tx, offer.id))!),
    };
  });
  const r = done.request;
  await notifyRequester(notifier, [
    {
      requestId: r.id,
      requesterId: r.requesterId,
      need: r.need,
      state: 'done',
      at: actor.now,
      note: note || undefined,
    },
  ]);
  return done;
}

const OFFER_WORDS: Record<OfferState, { en: string; 'zh-CN': string }> = {
  offered: { en: 'offered', 'zh-CN': '待应答' },
  accepted: { en: 'accepted', 'zh-CN': '已接单' },
  declined: { en: 'declined', 'zh-CN': '已拒绝' },
  expired: { en: 'expired', 'zh-CN': '已过期' },
  done: { en: 'done', 'zh-CN': '已完成' },
  cancelled: { en: 'cancelled', 'zh-CN': '已取消' },
};
const offerWords = (s: OfferState) => OFFER_WORDS[s];
