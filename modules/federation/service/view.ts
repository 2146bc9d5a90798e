/** listHandoffs, getHandoff: what the caller's place may see, with a hand-off's deliveries and audit trail. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit, auditTrail, listAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import {
  type Handoff,
  type HandoffFilter,
  handoffById,
  handoffPlace,
  listHandoffs,
} from '../store/handoffs.js';
import { type DeliveryView, deliveriesOf } from '../store/outbox.js';

export interface HandoffView extends Handoff {
  deliveries: DeliveryView[];
  /** What happened to it (sent, received, decided …). */
  trail: { at: Date; actor: string; action: string; reason: string | null }[];
  /** How often it was read, and the last reads with their purpose. */
  reads: { total: number; last: { at: Date; actor: string; purpose: string | null }[] };
}

async function readsOf(db: Db, id: string): Promise<HandoffView['reads']> {
  const rows = await listAudit(db, {
    subjectType: 'handoff',
    subjectId: id,
    action: 'federation.handoff.read',
  });
  return {
    total: rows.length,
    last: rows.slice(-10).map((r) => ({ at: r.at, actor: r.actor, purpose: r.reason })),
  };
}

/** Whether the caller at `scope` may see the hand-off (a city root sees every one). */
async function visible(db: Db, h: Handoff, scope: string): Promise<boolean> {
  if (!scope.includes('.')) return true;
  const place = await handoffPlace(db, h);
  return place !== null && isWithin(place, scope);
}

/** Who reads, and why: every read of a hand-off (it names a person) is an audit row with its purpose. */
export interface Reader {
  userId: string;
  role: string;
  scope: string;
  /** Why they read it (default: the hand-off's own purpose, else following it up). */
  purpose?: string;
}

export async function getHandoff(db: Db, id: string, reader: Reader): Promise<HandoffView> {
  const h = await handoffById(db, id);
  if (!h || !(await visible(db, h, reader.scope))) throw new RenxingError('RX_NOT_FOUND');
  await appendAudit(db, {
    actor: reader.userId,
    action: 'federation.handoff.read',
    subjectType: 'handoff',
    subjectId: id,
    reason: reader.purpose ?? h.body.purpose ?? '跟进移交 follow-up',
    detail: { role: reader.role, peer: h.peer, direction: h.direction },
  });
  const trail = (await auditTrail(db, { type: 'handoff', id })).filter(
    (r) => r.action !== 'federation.handoff.read',
  );
  return {
    ...h,
    deliveries: await deliveriesOf(db, id),
    trail: trail.map((r) => ({ at: r.at, actor: r.actor, action: r.action, reason: r.reason })),
    reads: await readsOf(db, id),
  };
}

export { type HandoffFilter, listHandoffs };
