/** What the supplies alerts are raised from: lots near their expiry and stores below an item's minimum. */
import { type Db, subtree } from '@renxing/db';

export interface ExpiringLot {
  lotId: string;
  storeId: string;
  storeName: string;
  placeId: string;
  placePath: string;
  item: string;
  itemName: string;
  unit: string;
  quantity: number;
  expiresAt: Date;
}

/** Lots holding stock in stores at or under `under` that expire by `until` (or have expired), soonest first. */
export async function expiringLots(db: Db, q: { under: string; until: Date }): Promise<ExpiringLot[]> {
  const { rows } = await db.query<{
    lot_id: string;
    store_id: string;
    store_name: string;
    place_id: string;
    place_path: string;
    item_code: string;
    item_name: string;
    unit: string;
    quantity: number;
    expires_at: Date;
  }>(
    `SELECT l.id AS lot_id, s.id AS store_id, s.name AS store_name, p.id AS place_id, p.path AS place_path,
            l.item_code, i.name AS item_name, i.unit, l.quantity, l.expires_at
       FROM supply_lots l JOIN supply_stores s ON s.id = l.store_id JOIN places p ON p.id = s.place_id
       JOIN supply_items i ON i.code = l.item_code
      WHERE l.quantity > 0 AND l.expires_at IS NOT NULL AND l.expires_at <= $2 AND ${subtree('p.path', '$1')}
      ORDER BY l.expires_at, p.path, l.id`,
    [q.under, q.until],
  );
  return rows.map((r) => ({
    lotId: r.lot_id,
    storeId: r.store_id,
    storeName: r.store_name,
    placeId: r.place_id,
    placePath: r.place_path,
    item: r.item_code,
    itemName: r.item_name,
    unit: r.unit,
    quantity: r.quantity,
    expiresAt: new Date(r.expires_at),
  }));
}

export interface BelowMinimum {
  storeId: string;
  storeName: string;
  placeId: string;
  placePath: string;
  item: string;
  itemName: string;
  unit: string;
  minimum: number;
  /** Usable now (lots not expired). */
  stock: number;
}

/** Every store at or under `under` holding less of an item than the catalogue's minimum per store. */
export async function belowMinimum(db: Db, q: { under: string; now: Date }): Promise<BelowMinimum[]> {
  const { rows } = await db.query<{
    store_id: string;
    store_name: string;
    place_id: string;
    place_path: string;
    item_code: string;
    item_name: string;
    unit: string;
    minimum: number;
    stock: number;
  }>(
    `SELECT s.id AS store_id, s.name AS store_name, p.id AS place_id, p.path AS place_path,
            i.code AS item_code, i.name AS item_name, i.unit, i.min_per_store AS minimum,
            coalesce(sum(l.quantity), 0)::bigint AS stock
       FROM supply_stores s JOIN places p ON p.id = s.place_id
       CROSS JOIN supply_items i
       LEFT JOIN supply_lots l ON l.store_id = s.id AND l.item_code = i.code AND l.quantity > 0
                              AND (l.expires_at IS NULL OR l.expires_at > $2)
      WHERE i.min_per_store IS NOT NULL AND ${subtree('p.path', '$1')}
      GROUP BY s.id, s.name, p.id, p.path, i.code, i.name, i.unit, i.min_per_store
     HAVING coalesce(sum(l.quantity), 0) < i.min_per_store
      ORDER BY p.path, s.name, i.code`,
    [q.under, q.now],
  );
  return rows.map((r) => ({
    storeId: r.store_id,
    storeName: r.store_name,
    placeId: r.place_id,
    placePath: r.place_path,
    item: r.item_code,
    itemName: r.item_name,
    unit: r.unit,
    minimum: r.minimum,
    stock: r.stock,
  }));
}
