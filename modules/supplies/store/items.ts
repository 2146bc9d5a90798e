/** The city's catalogue of supplies: its SQL. */
import type { Db, Tables } from '@renxing/db';
import type { SupplyItemInput } from '../rules/catalogue.js';

export interface SupplyItem extends SupplyItemInput {
  createdAt: Date;
  updatedAt: Date;
}

type ItemRow = Pick<
  Tables['supply_items'],
  'code' | 'name' | 'unit' | 'shelf_life_days' | 'min_per_store' | 'created_at' | 'updated_at'
>;

const COLUMNS = 'code, name, unit, shelf_life_days, min_per_store, created_at, updated_at';

const toItem = (r: ItemRow): SupplyItem => ({
  code: r.code,
  name: r.name,
  unit: r.unit,
  shelfLifeDays: r.shelf_life_days,
  minPerStore: r.min_per_store,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** The whole catalogue by code. */
export async function listItems(db: Db): Promise<SupplyItem[]> {
  const { rows } = await db.query<ItemRow>(`SELECT ${COLUMNS} FROM supply_items ORDER BY code`);
  return rows.map(toItem);
}

/** The items of these codes (those that exist), by code. */
export async function itemsByCode(db: Db, codes: readonly string[]): Promise<Map<string, SupplyItem>> {
  if (codes.length === 0) return new Map();
  const { rows } = await db.query<ItemRow>(
    `SELECT ${COLUMNS} FROM supply_items WHERE code = ANY($1::text[])`,
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, toItem(r)]));
}

/** Inserts new items and rewrites changed ones (the caller knows which), all at `at`. */
export async function upsertItems(db: Db, items: readonly SupplyItemInput[], at: Date): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO supply_items (code, name, unit, shelf_life_days, min_per_store, created_at, updated_at)
     SELECT x.code, x.name, x.unit, x.shelf, x.minimum, $6, $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[]) AS x(code, name, unit, shelf, minimum)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, unit = EXCLUDED.unit,
       shelf_life_days = EXCLUDED.shelf_life_days, min_per_store = EXCLUDED.min_per_store, updated_at = $6`,
    [
      items.map((i) => i.code),
      items.map((i) => i.name),
      items.map((i) => i.unit),
      items.map((i) => i.shelfLifeDays),
      items.map((i) => i.minPerStore),
      at,
    ],
  );
}
