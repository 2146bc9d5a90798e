/**
 * Lots and movements: the locks that serialise movements of one item in one store, the lots as
 * they stand, the journal of every change per lot, and the stock and movement lists.
 */
import { type Db, subtree, UUID } from '@renxing/db';
import type { MovementKind } from '../rules/stock.js';

export interface Lot {
  id: string;
  storeId: string;
  item: string;
  quantity: number;
  expiresAt: Date | null;
  receivedAt: Date;
}

interface LotRow {
  id: string;
  store_id: string;
  item_code: string;
  quantity: number;
  expires_at: Date | null;
  received_at: Date;
}

const toLot = (r: LotRow): Lot => ({
  id: r.id,
  storeId: r.store_id,
  item: r.item_code,
  quantity: r.quantity,
  expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
  receivedAt: new Date(r.received_at),
});

const LOT_COLUMNS = 'id, store_id, item_code, quantity, expires_at, received_at';

/**
 * Serialises movements of these (store, item) pairs until the transaction ends: one advisory lock
 * per pair, taken in one order (so a transfer A → B and one B → A never deadlock), before any lot
 * row is read or written. Lots that do not exist yet (a first receipt) are covered too.
 */
export async function lockStock(db: Db, pairs: readonly { storeId: string; item: string }[]): Promise<void> {
  const keys = [...new Set(pairs.map((p) => `renxing.supplies.${p.storeId}/${p.item}`))].sort();
  for (const key of keys) await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/** The lots of an item in a store, locked for update (in id order). */
export async function lockLots(db: Db, storeId: string, item: string): Promise<Lot[]> {
  const { rows } = await db.query<LotRow>(
    `SELECT ${LOT_COLUMNS} FROM supply_lots WHERE store_id = $1 AND item_code = $2 ORDER BY id FOR UPDATE`,
    [storeId, item],
  );
  return rows.map(toLot);
}

/** One lot, locked for update; undefined when there is none. */
export async function lockLot(db: Db, lotId: string): Promise<Lot | undefined> {
  if (!UUID.test(lotId)) return undefined;
  const { rows } = await db.query<LotRow>(`SELECT ${LOT_COLUMNS} FROM supply_lots WHERE id = $1 FOR UPDATE`, [
    lotId,
  ]);
  return rows[0] && toLot(rows[0]);
}

/** One lot as it stands (unlocked). */
export async function lotById(db: Db, lotId: string): Promise<Lot | undefined> {
  if (!UUID.test(lotId)) return undefined;
  const { rows } = await db.query<LotRow>(`SELECT ${LOT_COLUMNS} FROM supply_lots WHERE id = $1`, [lotId]);
  return rows[0] && toLot(rows[0]);
}

/** Adds `quantity` to the store's lot of the item with this expiry (made at `at` if new); its id. */
export async function addToLot(
  db: Db,
  l: { storeId: string; item: string; expiresAt: Date | null; quantity: number; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO supply_lots (store_id, item_code, expires_at, quantity, received_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (store_id, item_code, coalesce(expires_at, 'infinity'::timestamptz))
       DO UPDATE SET quantity = supply_lots.quantity + EXCLUDED.quantity
     RETURNING id`,
    [l.storeId, l.item, l.expiresAt, l.quantity, l.at],
  );
  return rows[0].id;
}

/** Changes lots by signed deltas (their CHECK refuses any going below zero). */
export async function changeLots(
  db: Db,
  changes: readonly { lotId: string; delta: number }[],
): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `UPDATE supply_lots l SET quantity = l.quantity + x.delta
       FROM unnest($1::uuid[], $2::bigint[]) AS x(id, delta) WHERE l.id = x.id`,
    [changes.map((c) => c.lotId), changes.map((c) => c.delta)],
  );
}

export interface NewMovement {
  kind: MovementKind;
  item: string;
  storeId: string;
  toStoreId: string | null;
  /** Positive; an adjustment's signed. */
  quantity: number;
  reason: string | null;
  actor: string;
  at: Date;
  /** What it did to each lot. */
  lines: readonly { lotId: string; delta: number }[];
}

/** Journals a movement and its lines; its id. */
export async function insertMovement(db: Db, m: NewMovement): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO supply_movements (kind, item_code, store_id, to_store_id, quantity, reason, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [m.kind, m.item, m.storeId, m.toStoreId, m.quantity, m.reason, m.actor, m.at],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO supply_movement_lines (movement_id, lot_id, delta)
     SELECT $1, x.lot, sum(x.delta) FROM unnest($2::uuid[], $3::bigint[]) AS x(lot, delta) GROUP BY x.lot`,
    [id, m.lines.map((l) => l.lotId), m.lines.map((l) => l.delta)],
  );
  return id;
}

/** A lot with stock as the stock list shows it. */
export interface StockLot {
  lotId: string;
  storeId: string;
  storeName: string;
  placePath: string;
  placeName: string;
  item: string;
  itemName: string;
  unit: string;
  quantity: number;
  expiresAt: Date | null;
  receivedAt: Date;
}

interface StockRow {
  lot_id: string;
  store_id: string;
  store_name: string;
  place_path: string;
  place_name: string;
  item_code: string;
  item_name: string;
  unit: string;
  quantity: number;
  expires_at: Date | null;
  received_at: Date;
}

/** The lots holding stock in stores at or under `scope` (one store, one item if given), by store, item, expiry. */
export async function listStock(
  db: Db,
  q: { scope: string; storeId?: string; item?: string; limit?: number },
): Promise<StockLot[]> {
  const { rows } = await db.query<StockRow>(
    `SELECT l.id AS lot_id, s.id AS store_id, s.name AS store_name, p.path AS place_path, p.name AS place_name,
            l.item_code, i.name AS item_name, i.unit, l.quantity, l.expires_at, l.received_at
       FROM supply_lots l JOIN supply_stores s ON s.id = l.store_id JOIN places p ON p.id = s.place_id
       JOIN supply_items i ON i.code = l.item_code
      WHERE l.quantity > 0 AND ${subtree('p.path', '$1')}
        AND ($2::uuid IS NULL OR s.id = $2) AND ($3::text IS NULL OR l.item_code = $3)
      ORDER BY p.path, s.name, s.id, l.item_code, l.expires_at NULLS LAST, l.id
      LIMIT $4`,
    [q.scope, q.storeId ?? null, q.item ?? null, q.limit ?? 100_000],
  );
  return rows.map((r) => ({
    lotId: r.lot_id,
    storeId: r.store_id,
    storeName: r.store_name,
    placePath: r.place_path,
    placeName: r.place_name,
    item: r.item_code,
    itemName: r.item_name,
    unit: r.unit,
    quantity: r.quantity,
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
    receivedAt: new Date(r.received_at),
  }));
}

export interface Movement {
  id: string;
  kind: MovementKind;
  item: string;
  itemName: string;
  unit: string;
  store: { id: string; name: string; placePath: string };
  toStore: { id: string; name: string; placePath: string } | null;
  quantity: number;
  reason: string | null;
  actor: { id: string; name: string };
  at: Date;
  lots: { lotId: string; storeId: string; delta: number; expiresAt: Date | null }[];
}

interface MovementRow {
  id: string;
  kind: MovementKind;
  item_code: string;
  item_name: string;
  unit: string;
  store_id: string;
  store_name: string;
  store_path: string;
  to_store_id: string | null;
  to_store_name: string | null;
  to_store_path: string | null;
  quantity: number;
  reason: string | null;
  actor: string;
  actor_name: string;
  at: Date;
  lots: { lotId: string; storeId: string; delta: number; expiresAt: string | null }[];
}

const MOVEMENT_SELECT = `SELECT m.id, m.kind, m.item_code, i.name AS item_name, i.unit,
    s.id AS store_id, s.name AS store_name, sp.path AS store_path,
    t.id AS to_store_id, t.name AS to_store_name, tp.path AS to_store_path,
    m.quantity, m.reason, m.actor, coalesce(u.display_name, u.username) AS actor_name, m.at,
    coalesce((SELECT json_agg(json_build_object('lotId', l.id, 'storeId', l.store_id, 'delta', ml.delta,
                                                'expiresAt', l.expires_at) ORDER BY ml.delta, l.id)
                FROM supply_movement_lines ml JOIN supply_lots l ON l.id = ml.lot_id WHERE ml.movement_id = m.id), '[]') AS lots
  FROM supply_movements m JOIN supply_items i ON i.code = m.item_code
  JOIN supply_stores s ON s.id = m.store_id JOIN places sp ON sp.id = s.place_id
  LEFT JOIN supply_stores t ON t.id = m.to_store_id LEFT JOIN places tp ON tp.id = t.place_id
  JOIN users u ON u.id = m.actor`;

const toMovement = (r: MovementRow): Movement => ({
  id: r.id,
  kind: r.kind,
  item: r.item_code,
  itemName: r.item_name,
  unit: r.unit,
  store: { id: r.store_id, name: r.store_name, placePath: r.store_path },
  toStore:
    r.to_store_id === null
      ? null
      : { id: r.to_store_id, name: r.to_store_name ?? '', placePath: r.to_store_path ?? '' },
  quantity: r.quantity,
  reason: r.reason,
  actor: { id: r.actor, name: r.actor_name },
  at: new Date(r.at),
  lots: r.lots.map((l) => ({
    lotId: l.lotId,
    storeId: l.storeId,
    delta: Number(l.delta),
    expiresAt: l.expiresAt === null ? null : new Date(l.expiresAt),
  })),
});

export async function movementById(db: Db, id: string): Promise<Movement | undefined> {
  const { rows } = await db.query<MovementRow>(`${MOVEMENT_SELECT} WHERE m.id = $1`, [id]);
  return rows[0] && toMovement(rows[0]);
}

/**
 * Movements touching stores at or under `scope` (leaving or entering them; one store or item if
 * given), newest first, and how many there are.
 */
export async function listMovements(
  db: Db,
  q: { scope: string; storeId?: string; item?: string; limit: number; offset: number },
): Promise<{ total: number; movements: Movement[] }> {
  const where = `(${subtree('sp.path', '$1')} OR ${subtree('tp.path', '$1')})
      AND ($2::uuid IS NULL OR m.store_id = $2 OR m.to_store_id = $2) AND ($3::text IS NULL OR m.item_code = $3)`;
  const params = [q.scope, q.storeId ?? null, q.item ?? null];
  const [count, page] = await Promise.all([
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM supply_movements m
         JOIN supply_stores s ON s.id = m.store_id JOIN places sp ON sp.id = s.place_id
         LEFT JOIN supply_stores t ON t.id = m.to_store_id LEFT JOIN places tp ON tp.id = t.place_id
        WHERE ${where}`,
      params,
    ),
    db.query<MovementRow>(`${MOVEMENT_SELECT} WHERE ${where} ORDER BY m.seq DESC LIMIT $4 OFFSET $5`, [
      ...params,
      q.limit,
      q.offset,
    ]),
  ]);
  return { total: count.rows[0].n, movements: page.rows.map(toMovement) };
}
