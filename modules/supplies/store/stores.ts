/** Stores: a name at a place of any level. */
import { type Db, subtree, UUID } from '@renxing/db';

export interface SupplyStore {
  id: string;
  name: string;
  placePath: string;
  placeName: string;
  placeLevel: string;
  createdAt: Date;
}

interface StoreRow {
  id: string;
  name: string;
  place_path: string;
  place_name: string;
  place_level: string;
  created_at: Date;
}

const SELECT = `SELECT s.id, s.name, p.path AS place_path, p.name AS place_name, p.level AS place_level, s.created_at
  FROM supply_stores s JOIN places p ON p.id = s.place_id`;

const toStore = (r: StoreRow): SupplyStore => ({
  id: r.id,
  name: r.name,
  placePath: r.place_path,
  placeName: r.place_name,
  placeLevel: r.place_level,
  createdAt: new Date(r.created_at),
});

/** A new store at the place `placePath`; undefined when there is no such place. */
export async function insertStore(
  db: Db,
  s: { placePath: string; name: string; createdBy: string | null; createdAt: Date },
): Promise<SupplyStore | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO supply_stores (place_id, name, created_by, created_at)
     SELECT p.id, $2, $3, $4 FROM places p WHERE p.path = $1 RETURNING id`,
    [s.placePath, s.name, s.createdBy, s.createdAt],
  );
  return rows[0] && (await storeById(db, rows[0].id));
}

export async function storeById(db: Db, id: string): Promise<SupplyStore | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<StoreRow>(`${SELECT} WHERE s.id = $1`, [id]);
  return rows[0] && toStore(rows[0]);
}

/** The stores at or under `scope`, by place then name. */
export async function listStores(db: Db, scope: string): Promise<SupplyStore[]> {
  const { rows } = await db.query<StoreRow>(
    `${SELECT} WHERE ${subtree('p.path', '$1')} ORDER BY p.path, s.name`,
    [scope],
  );
  return rows.map(toStore);
}
