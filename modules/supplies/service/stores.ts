/** Stores at any place of the hierarchy: created one at a time, audited. */
import { invalid, RenxingError } from '@renxing/contracts';
import { type Db, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import '../errors.js';
import { insertStore, type SupplyStore } from '../store/stores.js';
import type { SuppliesActor } from './actor.js';

/** A store named `name` at `place` (within the actor's), audited as `supplies.store.create`. */
export async function createSupplyStore(
  db: Db,
  input: { place: string; name: string },
  actor: SuppliesActor,
): Promise<SupplyStore> {
  if (!isWithin(input.place, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200)
    throw invalid('body.name', {
      en: 'a store needs a name of 1 to 200 characters',
      'zh-CN': '仓库名称须为 1 至 200 个字符',
    });
  try {
    return await db.transaction(async (tx) => {
      const store = await insertStore(tx, {
        placePath: input.place,
        name,
        createdBy: actor.userId,
        createdAt: actor.now,
      });
      if (!store) throw new RenxingError('RX_UNKNOWN_PLACE', { place: input.place }, 'body.place');
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'supplies.store.create',
        subjectType: 'supply_store',
        subjectId: store.id,
        detail: { name, place: input.place },
      });
      return store;
    });
  } catch (e) {
    if (sqlState(e) === '23505')
      throw new RenxingError('RX_SUPPLY_STORE_EXISTS', { place: input.place, name }, 'body.name');
    throw e;
  }
}
