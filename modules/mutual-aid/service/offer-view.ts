/**
 * Offers as the requester and staff see them: the volunteer's name, and their phone once they
 * accepted (revealed only then: before, no phone is read).
 */
import type { Db } from '@renxing/db';
import { revealPhone, volunteerById } from '@renxing/modules/volunteers';
import { type AidOffer, type OfferState, offersOfRequest } from '../store/offers.js';

export interface OfferView {
  id: string;
  volunteerId: string;
  volunteerName: string;
  /** The volunteer's phone: only for an accepted (or done) offer. */
  volunteerPhone: string | null;
  distanceM: number;
  state: OfferState;
  at: Date;
  answeredAt: Date | null;
  runId: string | null;
}

/** Whether an offer's state reveals the phones (the volunteer's to the requester, the requester's to the volunteer). */
export const reveals = (state: OfferState): boolean => state === 'accepted' || state === 'done';

export async function offerView(db: Db, o: AidOffer): Promise<OfferView> {
  const v = await volunteerById(db, o.volunteerId);
  return {
    id: o.id,
    volunteerId: o.volunteerId,
    volunteerName: v?.name ?? '',
    volunteerPhone: reveals(o.state) ? await revealPhone(db, o.volunteerId) : null,
    distanceM: o.distanceM,
    state: o.state,
    at: o.at,
    answeredAt: o.answeredAt,
    runId: o.runId,
  };
}

/** A request's offers, oldest first. */
export async function offerViews(db: Db, requestId: string): Promise<OfferView[]> {
  const out: OfferView[] = [];
  for (const o of await offersOfRequest(db, requestId)) out.push(await offerView(db, o));
  return out;
}
