/**
 * Movements of stock (shared/contracts/preparedness.md, Supplies): receive, issue (first expiring,
 * first out), transfer (out of one store into another, one transaction), adjust (with a written
 * reason) and expire. Each is one transaction by a user with its audit row; the (store, item) pairs
 * it touches are locked first (store/lots.ts lockStock), then their lots, so concurrent movements
 * queue and none takes stock below zero: a movement that would is refused whole, naming the item,
 * the store and what is available, and changes nothing.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import '../errors.js';
import { MAX_QUANTITY } from '../rules/catalogue.js';
import { expiredAt, expiredLots, fefo, type LotLike, takeFefo, validQuantity } from '../rules/stock.js';
import type { SupplyItem } from '../store/items.js';
import {
  addToLot,
  changeLots,
  insertMovement,
  type Lot,
  lockLot,
  lockLots,
  lockStock,
  lotById,
  type Movement,
  movementById,
  type NewMovement,
} from '../store/lots.js';
import type { SupplyStore } from '../store/stores.js';
import { amount, itemOf, type SuppliesActor, storeInScope, storeLabel } from './actor.js';

const DAY = 86_400_000;

export interface ReceiveInput {
  store: string;
  item: string;
  quantity: number;
  /** When the lot expires; default: now + the item's shelf life, or never when it has none. */
  expiresAt?: Date | null;
  /** Where it came from (a donor, a purchase order). */
  reason?: string | null;
}

export interface IssueInput {
  store: string;
  item: string;
  quantity: number;
  /** To whom or what for. */
  reason?: string | null;
}

export interface TransferInput {
  from: string;
  to: string;
  item: string;
  quantity: number;
  reason?: string | null;
}

export interface AdjustInput {
  store: string;
  item: string;
  /** More (+) or less (−) than the books say. */
  delta: number;
  /** Why: required. */
  reason: string;
  /** The lot found wrong; without one, a shortfall is taken first expiring first and a surplus makes a lot. */
  lot?: string | null;
  /** A surplus without a lot: its expiry (default as a receipt's). */
  expiresAt?: Date | null;
}

export interface ExpireInput {
  store: string;
  /** One lot; default every lot of the store past its expiry. */
  lot?: string | null;
}

const asLike = (l: Lot): LotLike => ({
  id: l.id,
  quantity: l.quantity,
  expiresAt: l.expiresAt?.getTime() ?? null,
  receivedAt: l.receivedAt.getTime(),
});

function checkQuantity(q: number, field = 'body.quantity'): void {
  if (!validQuantity(q, MAX_QUANTITY))
    throw invalid(field, {
      en: `a whole number from 1 to ${MAX_QUANTITY}`,
      'zh-CN': `须为 1 至 ${MAX_QUANTITY} 的整数`,
    });
}

const note = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t.slice(0, 1000) : null;
};

function insufficient(
  item: SupplyItem,
  store: SupplyStore,
  available: number,
  quantity: number,
  field = 'body.quantity',
): RenxingError {
  return new RenxingError(
    'RX_SUPPLY_INSUFFICIENT',
    {
      item: `${item.name}（${item.code}）`,
      store: storeLabel(store),
      available: amount(available),
      quantity: amount(quantity),
      unit: item.unit,
    },
    field,
  );
}

/** Expiries the database holds and people mean: 1900 to 9999. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** The expiry of a new lot: the one given, else now + the item's shelf life, else none. */
function expiryOf(item: SupplyItem, given: Date | null | undefined, now: Date): Date | null {
  if (given) {
    const t = given.getTime();
    if (!(t >= EARLIEST && t <= LATEST))
      throw invalid('body.expiresAt', {
        en: 'an instant from 1900 to 9999',
        'zh-CN': '应为 1900 至 9999 年间的时间',
      });
    return given;
  }
  if (given === undefined && item.shelfLifeDays !== null)
    return new Date(now.getTime() + item.shelfLifeDays * DAY);
  return null;
}

/** Journals the movement with its audit row (same transaction) and answers it as listed. */
async function record(tx: Db, m: NewMovement, detail: Record<string, unknown>): Promise<Movement> {
  const id = await insertMovement(tx, m);
  await appendAudit(tx, {
    actor: m.actor,
    action: `supplies.${m.kind}`,
    subjectType: 'supply_movement',
    subjectId: id,
    reason: m.reason ?? undefined,
    detail: { item: m.item, store: m.storeId, toStore: m.toStoreId, quantity: m.quantity, ...detail },
  });
  return (await movementById(tx, id))!;
}

/** Stock into a store: a lot (or more of the lot with the same expiry). Audited as `supplies.receive`. */
export async function receiveStock(db: Db, input: ReceiveInput, actor: SuppliesActor): Promise<Movement> {
  checkQuantity(input.quantity);
  const store = await storeInScope(db, input.store, actor);
  const item = await itemOf(db, input.item);
  const expiresAt = expiryOf(item, input.expiresAt, actor.now);
  if (expiresAt && expiredAt({ expiresAt: expiresAt.getTime() }, actor.now.getTime())) {
    throw new RenxingError('RX_SUPPLY_EXPIRED_LOT', { expiresAt: expiresAt.toISOString() }, 'body.expiresAt');
  }
  return db.transaction(async (tx) => {
    await lockStock(tx, [{ storeId: store.id, item: item.code }]);
    const lotId = await addToLot(tx, {
      storeId: store.id,
      item: item.code,
      expiresAt,
      quantity: input.quantity,
      at: actor.now,
    });
    return record(
      tx,
      {
        kind: 'receive',
        item: item.code,
        storeId: store.id,
        toStoreId: null,
        quantity: input.quantity,
        reason: note(input.reason),
        actor: actor.userId,
        at: actor.now,
        lines: [{ lotId, delta: input.quantity }],
      },
      { expiresAt },
    );
  });
}

/** Stock out of a store, the lots expiring first taken first. Audited as `supplies.issue`. */
export async function issueStock(db: Db, input: IssueInput, actor: SuppliesActor): Promise<Movement> {
  checkQuantity(input.quantity);
  const store = await storeInScope(db, input.store, actor);
  const item = await itemOf(db, input.item);
  return db.transaction(async (tx) => {
    await lockStock(tx, [{ storeId: store.id, item: item.code }]);
    const lots = await lockLots(tx, store.id, item.code);
    const taken = takeFefo(lots.map(asLike), input.quantity, actor.now.getTime());
    if (!taken.ok) throw insufficient(item, store, taken.available, input.quantity);
    const lines = taken.takes.map((t) => ({ lotId: t.lotId, delta: -t.quantity }));
    await changeLots(tx, lines);
    return record(
      tx,
      {
        kind: 'issue',
        item: item.code,
        storeId: store.id,
        toStoreId: null,
        quantity: input.quantity,
        reason: note(input.reason),
        actor: actor.userId,
        at: actor.now,
        lines,
      },
      { lots: lines },
    );
  });
}

/**
 * Stock out of one store into another in one transaction: the source's lots taken first expiring
 * first, each arriving as a lot of the same expiry. Audited as `supplies.transfer`.
 */
export async function transferStock(db: Db, input: TransferInput, actor: SuppliesActor): Promise<Movement> {
  checkQuantity(input.quantity);
  if (input.from === input.to) throw new RenxingError('RX_SUPPLY_SAME_STORE', {}, 'body.to');
  const from = await storeInScope(db, input.from, actor);
  const to = await storeInScope(db, input.to, actor);
  const item = await itemOf(db, input.item);
  return db.transaction(async (tx) => {
    await lockStock(tx, [
      { storeId: from.id, item: item.code },
      { storeId: to.id, item: item.code },
    ]);
    const lots = await lockLots(tx, from.id, item.code);
    const taken = takeFefo(lots.map(asLike), input.quantity, actor.now.getTime());
    if (!taken.ok) throw insufficient(item, from, taken.available, input.quantity);
    const out = taken.takes.map((t) => ({ lotId: t.lotId, delta: -t.quantity }));
    await changeLots(tx, out);
    const byId = new Map(lots.map((l) => [l.id, l]));
    const into: { lotId: string; delta: number }[] = [];
    for (const t of taken.takes) {
      const lotId = await addToLot(tx, {
        storeId: to.id,
        item: item.code,
        expiresAt: byId.get(t.lotId)!.expiresAt,
        quantity: t.quantity,
        at: actor.now,
      });
      into.push({ lotId, delta: t.quantity });
    }
    return record(
      tx,
      {
        kind: 'transfer',
        item: item.code,
        storeId: from.id,
        toStoreId: to.id,
        quantity: input.quantity,
        reason: note(input.reason),
        actor: actor.userId,
        at: actor.now,
        lines: [...out, ...into],
      },
      { from: out, into },
    );
  });
}

/**
 * The books set right after a count, with the reason written: one lot (more or less of it), or
 * without one a shortfall taken from the lots expiring first (expired ones included: they are on
 * the shelf too) and a surplus received as a lot. Audited as `supplies.adjust` with the reason.
 */
export async function adjustStock(db: Db, input: AdjustInput, actor: SuppliesActor): Promise<Movement> {
  const reason = input.reason.trim();
  if (reason === '') throw new RenxingError('RX_SUPPLY_REASON', {}, 'body.reason');
  if (input.delta === 0 || !validQuantity(Math.abs(input.delta), MAX_QUANTITY))
    throw invalid('body.delta', {
      en: `a whole number other than 0, at most ${MAX_QUANTITY} either way`,
      'zh-CN': `须为非零整数，绝对值不超过 ${MAX_QUANTITY}`,
    });
  const store = await storeInScope(db, input.store, actor);
  const item = await itemOf(db, input.item);
  return db.transaction(async (tx) => {
    await lockStock(tx, [{ storeId: store.id, item: item.code }]);
    let lines: { lotId: string; delta: number }[];
    if (input.lot) {
      const lot = await lockLot(tx, input.lot);
      if (!lot || lot.storeId !== store.id || lot.item !== item.code) throw new RenxingError('RX_NOT_FOUND');
      if (lot.quantity + input.delta < 0)
        throw insufficient(item, store, lot.quantity, -input.delta, 'body.delta');
      lines = [{ lotId: lot.id, delta: input.delta }];
      await changeLots(tx, lines);
    } else if (input.delta < 0) {
      const lots = (await lockLots(tx, store.id, item.code)).map(asLike).sort(fefo);
      const held = lots.reduce((n, l) => n + l.quantity, 0);
      if (held < -input.delta) throw insufficient(item, store, held, -input.delta, 'body.delta');
      let left = -input.delta;
      lines = [];
      for (const l of lots) {
        if (left === 0) break;
        const q = Math.min(left, l.quantity);
        if (q > 0) lines.push({ lotId: l.id, delta: -q });
        left -= q;
      }
      await changeLots(tx, lines);
    } else {
      const lotId = await addToLot(tx, {
        storeId: store.id,
        item: item.code,
        expiresAt: expiryOf(item, input.expiresAt, actor.now),
        quantity: input.delta,
        at: actor.now,
      });
      lines = [{ lotId, delta: input.delta }];
    }
    return record(
      tx,
      {
        kind: 'adjust',
        item: item.code,
        storeId: store.id,
        toStoreId: null,
        quantity: input.delta,
        reason,
        actor: actor.userId,
        at: actor.now,
        lines,
      },
      { lots: lines },
    );
  });
}

/**
 * Writes off what is past its expiry: one lot, or every expired lot of the store — a movement per
 * lot, each audited as `supplies.expire`. A lot not yet expired is refused (an adjustment records
 * damage); nothing expired is nothing done.
 */
export async function expireStock(db: Db, input: ExpireInput, actor: SuppliesActor): Promise<Movement[]> {
  const store = await storeInScope(db, input.store, actor);
  const now = actor.now.getTime();
  let one: Lot | undefined;
  if (input.lot) {
    one = await lotById(db, input.lot);
    if (!one || one.storeId !== store.id) throw new RenxingError('RX_NOT_FOUND');
  }
  return db.transaction(async (tx) => {
    const items = one
      ? [one.item]
      : (
          await tx.query<{ item_code: string }>(
            `SELECT DISTINCT item_code FROM supply_lots
              WHERE store_id = $1 AND quantity > 0 AND expires_at <= $2 ORDER BY item_code`,
            [store.id, actor.now],
          )
        ).rows.map((r) => r.item_code);
    await lockStock(
      tx,
      items.map((item) => ({ storeId: store.id, item })),
    );
    let lots: Lot[] = [];
    if (one) {
      const lot = (await lockLot(tx, one.id))!;
      if (!expiredAt(asLike(lot), now)) {
        const item = await itemOf(tx, lot.item);
        throw new RenxingError(
          'RX_SUPPLY_NOT_EXPIRED',
          { item: item.name, expiresAt: lot.expiresAt?.toISOString() ?? '—' },
          'body.lot',
        );
      }
      lots = lot.quantity > 0 ? [lot] : [];
    } else {
      for (const item of items) {
        const held = await lockLots(tx, store.id, item);
        const expired = new Set(expiredLots(held.map(asLike), now).map((l) => l.id));
        lots.push(...held.filter((l) => expired.has(l.id)));
      }
    }
    const done: Movement[] = [];
    for (const lot of lots) {
      const lines = [{ lotId: lot.id, delta: -lot.quantity }];
      await changeLots(tx, lines);
      done.push(
        await record(
          tx,
          {
            kind: 'expire',
            item: lot.item,
            storeId: store.id,
            toStoreId: null,
            quantity: lot.quantity,
            reason: null,
            actor: actor.userId,
            at: actor.now,
            lines,
          },
          { lot: lot.id, expiresAt: lot.expiresAt },
        ),
      );
    }
    return done;
  });
}
