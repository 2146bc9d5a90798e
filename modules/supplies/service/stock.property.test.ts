/**
 * The contract's stock check: after any sequence of movements, stock per (item, store) equals
 * receipts − issues ± transfers ± adjustments − expiries and is never negative, and a refused
 * movement changes nothing — against a brute-force model of the lots (fast-check), on both databases.
 */
import { forEachDatabase } from '@renxing/db/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { adjustStock, expireStock, issueStock, receiveStock, transferStock } from './movements.js';
import {
  at,
  lotTotals,
  movementTotals,
  seedCatalogue,
  storeAt,
  suppliesCity,
  unjournalled,
} from './test-support.js';

const ITEMS = ['MASK', 'WATER'] as const;
const STORES = 3;

type Command =
  | { kind: 'receive'; store: number; item: number; quantity: number; expires: number | null }
  | { kind: 'issue'; store: number; item: number; quantity: number }
  | { kind: 'transfer'; from: number; to: number; item: number; quantity: number }
  | { kind: 'adjust'; store: number; item: number; delta: number; expires: number | null }
  | { kind: 'expire'; store: number }
  | { kind: 'tick'; days: number };

const store = fc.integer({ min: 0, max: STORES - 1 });
const item = fc.integer({ min: 0, max: ITEMS.length - 1 });
/** Days after the current day a receipt expires (null: never). */
const expires = fc.option(fc.integer({ min: 1, max: 8 }), { nil: null });

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      store,
      item,
      quantity: fc.integer({ min: 1, max: 30 }),
      expires,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      store,
      item,
      quantity: fc.integer({ min: 1, max: 40 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      from: store,
      to: store,
      item,
      quantity: fc.integer({ min: 1, max: 40 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      store,
      item,
      delta: fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0),
      expires,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('expire' as const), store }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('tick' as const), days: fc.integer({ min: 1, max: 4 }) }),
    weight: 1,
  },
);

/** The model: quantity per store, item and expiry day (null: never), and the clock's day. */
class Model {
  lots = new Map<string, number>();
  day = 0;
  private key = (s: number, i: number, e: number | null) => `${s}/${i}/${e}`;
  private lotsOf(s: number, i: number) {
    return [...this.lots]
      .map(([k, q]) => {
        const [ks, ki, ke] = k.split('/');
        return { k, s: Number(ks), i: Number(ki), e: ke === 'null' ? null : Number(ke), q };
      })
      .filter((l) => l.s === s && l.i === i && l.q > 0)
      .sort((a, b) => (a.e ?? Number.POSITIVE_INFINITY) - (b.e ?? Number.POSITIVE_INFINITY));
  }
  private add(s: number, i: number, e: number | null, q: number) {
    const k = this.key(s, i, e);
    this.lots.set(k, (this.lots.get(k) ?? 0) + q);
  }
  /** Takes `q` first expiring first from the lots given; their expiries. */
  private take(lots: { k: string; e: number | null; q: number }[], q: number) {
    const taken: { e: number | null; q: number }[] = [];
    for (const l of lots) {
      if (q === 0) break;
      const n = Math.min(q, l.q);
      this.lots.set(l.k, l.q - n);
      taken.push({ e: l.e, q: n });
      q -= n;
    }
    return taken;
  }
  /** Applies a command; false when it must be refused. */
  apply(c: Command): boolean {
    const usable = (s: number, i: number) => this.lotsOf(s, i).filter((l) => l.e === null || l.e > this.day);
    switch (c.kind) {
      case 'receive':
        this.add(c.store, c.item, c.expires === null ? null : this.day + c.expires, c.quantity);
        return true;
      case 'issue': {
        const lots = usable(c.store, c.item);
        if (lots.reduce((n, l) => n + l.q, 0) < c.quantity) return false;
        this.take(lots, c.quantity);
        return true;
      }
      case 'transfer': {
        if (c.from === c.to) return false;
        const lots = usable(c.from, c.item);
        if (lots.reduce((n, l) => n + l.q, 0) < c.quantity) return false;
        for (const t of this.take(lots, c.quantity)) this.add(c.to, c.item, t.e, t.q);
        return true;
      }
      case 'adjust': {
        if (c.delta > 0) {
          this.add(c.store, c.item, c.expires === null ? null : this.day + c.expires, c.delta);
          return true;
        }
        const lots = this.lotsOf(c.store, c.item);
        if (lots.reduce((n, l) => n + l.q, 0) < -c.delta) return false;
        this.take(lots, -c.delta);
        return true;
      }
      case 'expire':
        for (const i of ITEMS.keys())
          for (const l of this.lotsOf(c.store, i)) if (l.e !== null && l.e <= this.day) this.lots.set(l.k, 0);
        return true;
      case 'tick':
        this.day += c.days;
        return true;
    }
  }
  /** Positive quantities by store id, item and expiry instant. */
  snapshot(stores: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const [k, q] of this.lots) {
      if (q === 0) continue;
      const [s, i, e] = k.split('/');
      out.set(
        `${stores[Number(s)]}/${ITEMS[Number(i)]}/${e === 'null' ? null : at(Number(e)).toISOString()}`,
        q,
      );
    }
    return out;
  }
}

forEachDatabase(
  'supplies: stock arithmetic (property)',
  (t) => {
    it('stock equals the sum of the movements for any sequence, never negative; a refused movement changes nothing', async () => {
      const city = await suppliesCity(t.db);
      await seedCatalogue(t.db, city.actor());
      const stores = [
        await storeAt(t.db, 'cq', city.actor(), '市仓'),
        await storeAt(t.db, 'cq.yz.jd01', city.actor(), '街道仓'),
        await storeAt(t.db, 'cq.yz.jd01.sq01', city.actor(), '社区仓'),
      ];
      const lots = async () => {
        const { rows } = await t.db.query<{
          store_id: string;
          item_code: string;
          expires_at: Date | null;
          quantity: number;
        }>('SELECT store_id, item_code, expires_at, quantity FROM supply_lots WHERE quantity <> 0');
        return new Map(
          rows.map((r) => [
            `${r.store_id}/${r.item_code}/${r.expires_at === null ? null : new Date(r.expires_at).toISOString()}`,
            r.quantity,
          ]),
        );
      };
      const movements = async () =>
        (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM supply_movements')).rows[0].n;

      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
          await t.db.exec(
            'DELETE FROM supply_movement_lines; DELETE FROM supply_movements; DELETE FROM supply_lots;',
          );
          const model = new Model();
          for (const c of commands) {
            const actor = city.actor();
            actor.now = at(model.day);
            const before = { lots: await lots(), movements: await movements() };
            const expected = model.apply(c);
            const expiry = (e: number | null) => (e === null ? null : at(model.day + e));
            const run = (): Promise<unknown> => {
              switch (c.kind) {
                case 'receive':
                  return receiveStock(
                    t.db,
                    {
                      store: stores[c.store],
                      item: ITEMS[c.item],
                      quantity: c.quantity,
                      expiresAt: expiry(c.expires),
                    },
                    actor,
                  );
                case 'issue':
                  return issueStock(
                    t.db,
                    { store: stores[c.store], item: ITEMS[c.item], quantity: c.quantity },
                    actor,
                  );
                case 'transfer':
                  return transferStock(
                    t.db,
                    { from: stores[c.from], to: stores[c.to], item: ITEMS[c.item], quantity: c.quantity },
                    actor,
                  );
                case 'adjust':
                  return adjustStock(
                    t.db,
                    {
                      store: stores[c.store],
                      item: ITEMS[c.item],
                      delta: c.delta,
                      reason: '盘点',
                      expiresAt: c.delta > 0 ? expiry(c.expires) : undefined,
                    },
                    actor,
                  );
                case 'expire':
                  return expireStock(t.db, { store: stores[c.store] }, actor);
                case 'tick':
                  return Promise.resolve();
              }
            };
            const outcome = await run().then(
              () => true,
              (e: { code?: string }) => {
                if (!['RX_SUPPLY_INSUFFICIENT', 'RX_SUPPLY_SAME_STORE'].includes(e.code ?? '')) throw e;
                return false;
              },
            );
            expect(outcome, JSON.stringify(c)).toBe(expected);
            if (!outcome) {
              expect(await lots()).toEqual(before.lots);
              expect(await movements()).toBe(before.movements);
            }
            expect(await lots()).toEqual(model.snapshot(stores));
          }
          const totals = await lotTotals(t.db);
          expect(await movementTotals(t.db)).toEqual(totals);
          expect([...totals.values()].every((q) => q > 0)).toBe(true);
          expect(await unjournalled(t.db)).toEqual([]);
        }),
        { numRuns: 25 },
      );
    });
  },
  { migrate: true },
);
