/** listHandoffs, getHandoff: what the caller's place may see, with a hand-off's deliveries and audit trail. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { auditTrail } from '@renxing/modules/audit';
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
  trail: { at: Date; actor: string; action: string; reason: string | null }[];
}

/** Whether the caller at `scope` may see the hand-off (a city root sees every one). */
async function visible(db: Db, h: Handoff, scope: string): Promise<boolean> {
  if (!scope.includes('.')) return true;
  const place = await handoffPlace(db, h);
  return place !== null && isWithin(place, scope);
}

export async function getHandoff(db: Db, id: string, scope: string): Promise<HandoffView> {
  const h = await handoffById(db, id);
  if (!h || !(await visible(db, h, scope))) throw new RenxingError('RX_NOT_FOUND');
  const trail = await auditTrail(db, { type: 'handoff', id });
  return {
    ...h,
    deliveries: await deliveriesOf(db, id),
    trail: trail.map((r) => ({ at: r.at, actor: r.actor, action: r.action, reason: r.reason })),
  };
}

export { type HandoffFilter, listHandoffs };
