/**
 * Expiry: a request whose window passed unmatched (open, or matched with the offer unanswered)
 * expires — its offer with it — and becomes a work item in its community's inbox (origin
 * `mutual_aid.expired`, one per request). Runs in the caller's transaction (a matching run, or the
 * sweep of its own), which writes the audit row.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { type PlatformItem, raisePlatformItems } from '@renxing/modules/inbox';
import { SKILL_WORDS, type Skill } from '@renxing/modules/volunteers';
import { endLiveOffers } from '../store/offers.js';
import { type AidRequest, insertEvents, requestsDueToExpire, setRequestState } from '../store/requests.js';
import { type AidActor, auditActor } from './actor.js';
import type { AidChange, AidNotifier } from './notify.js';
import { notifyRequester } from './notify.js';

/** The inbox items' origin (and duty code). */
export const EXPIRED_ORIGIN = 'mutual_aid.expired';

/** How long the community has to follow an expired request up. */
const DUE_MS = 24 * 3_600_000;

const needWords = (need: string) => SKILL_WORDS[need as Skill] ?? { 'zh-CN': need, en: need };

function item(r: AidRequest, at: Date): PlatformItem {
  const n = needWords(r.need);
  return {
    origin: EXPIRED_ORIGIN,
    ref: r.id,
    personId: r.requesterId,
    placeId: r.placeId,
    duty: EXPIRED_ORIGIN,
    title: `互助请求过期未匹配：${r.requesterName} 需要${n['zh-CN']}${r.urgency === 'urgent' ? '（紧急）' : ''}`,
    due: new Date(at.getTime() + DUE_MS),
    priority: r.urgency,
    detail: {
      request: r.id,
      need: r.need,
      urgency: r.urgency,
      from: r.from.toISOString(),
      to: r.to.toISOString(),
      address: r.address,
      notes: r.notes,
      titleEn: `Aid request expired unmatched: ${r.requesterName} needs ${n.en}${r.urgency === 'urgent' ? ' (urgent)' : ''}`,
    },
  };
}

/** Expires what is due at `actor.now` in `tx`, with the inbox items and one audit row; the changes to tell. */
export async function expireDue(
  tx: Db,
  actor: AidActor,
): Promise<{ expired: AidRequest[]; changes: AidChange[] }> {
  const due = await requestsDueToExpire(tx, actor.now);
  if (due.length === 0) return { expired: [], changes: [] };
  const expired: AidRequest[] = [];
  for (const r of due)
    if (await setRequestState(tx, r.id, ['open', 'matched'], 'expired', actor.now)) expired.push(r);
  const ids = expired.map((r) => r.id);
  const offers = new Map(
    (await endLiveOffers(tx, ids, 'expired', actor.now)).map((o) => [o.requestId, o.id]),
  );
  await insertEvents(
    tx,
    expired.map((r) => ({
      requestId: r.id,
      state: 'expired' as const,
      at: actor.now,
      byUser: null,
      offerId: offers.get(r.id) ?? null,
      note: '',
    })),
  );
  await raisePlatformItems(
    tx,
    expired.map((r) => item(r, actor.now)),
    actor.now,
  );
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'mutual_aid.request.expire',
    subjectType: 'aid_request',
    subjectId: ids.length === 1 ? ids[0] : null,
    detail: { requests: ids },
  });
  return {
    expired,
    changes: expired.map((r) => ({
      requestId: r.id,
      requesterId: r.requesterId,
      need: r.need,
      state: 'expired',
      at: actor.now,
    })),
  };
}

/** The sweep on its own (one transaction), telling the requesters after the commit. */
export async function expireAidRequests(db: Db, actor: AidActor, notifier?: AidNotifier): Promise<string[]> {
  const r = await db.transaction((tx) => expireDue(tx, actor));
  await notifyRequester(notifier, r.changes);
  return r.expired.map((x) => x.id);
}
