/** Who acts in supplies' services, and the checks every service makes of what they name. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { isWithin } from '@renxing/modules/places';
import '../errors.js';
import { itemsByCode, type SupplyItem } from '../store/items.js';
import { type SupplyStore, storeById } from '../store/stores.js';

export interface SuppliesActor {
  userId: string;
  /** The caller's place path: stores outside it read as not found. */
  scope: string;
  now: Date;
}

/** The store if it lies at or under the actor's place; RX_NOT_FOUND otherwise. */
export async function storeInScope(db: Db, storeId: string, actor: SuppliesActor): Promise<SupplyStore> {
  const store = await storeById(db, storeId);
  if (!store || !isWithin(store.placePath, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  return store;
}

/** The catalogue's item of this code; RX_SUPPLY_UNKNOWN_ITEM naming `field` otherwise. */
export async function itemOf(db: Db, code: string, field = 'body.item'): Promise<SupplyItem> {
  const item = (await itemsByCode(db, [code])).get(code);
  if (!item) throw new RenxingError('RX_SUPPLY_UNKNOWN_ITEM', { item: code }, field);
  return item;
}

/** A store as messages name it: its name and place. */
export const storeLabel = (s: Pick<SupplyStore, 'name' | 'placeName'>): string => `${s.placeName}·${s.name}`;

/** A quantity as messages write it: up to two decimals, no trailing zeros. */
export const amount = (x: number): string => String(Math.round(x * 100) / 100);
