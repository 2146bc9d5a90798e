import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { listStock } from '../store/lots.js';
import { adjustStock, expireStock, issueStock, receiveStock, transferStock } from './movements.js';
import { createSupplyStore } from './stores.js';
import {
  at,
  lotTotals,
  movementTotals,
  NOW,
  SQ1,
  SQ9,
  seedCatalogue,
  storeAt,
  suppliesCity,
  unjournalled,
} from './test-support.js';

forEachDatabase(
  'supplies: movements',
  (t) => {
    async function setup() {
      const city = await suppliesCity(t.db);
      const admin = city.actor();
      await seedCatalogue(t.db, admin);
      const street = await storeAt(t.db, 'cq.yz.jd01', admin, '街道仓库');
      const community = await storeAt(t.db, SQ1, admin, '社区仓库');
      return { ...city, admin, street, community };
    }
    const audits = async (action: string) =>
      (
        await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [
          action,
        ])
      ).rows[0].n;
    const held = async (store: string, item: string) =>
      (await listStock(t.db, { scope: 'cq', storeId: store, item })).map((l) => ({
        quantity: l.quantity,
        expiresAt: l.expiresAt?.toISOString() ?? null,
      }));

    it('stores sit at any level of the hierarchy; a second store of one name at a place is refused; a place outside the caller’s reads as not found', async () => {
      const { admin, actor } = await setup();
      for (const place of ['cq', 'cq.yz', `${SQ1}`, 'cq.yz.jd01.sq02.wg01']) {
        const s = await createSupplyStore(t.db, { place, name: '应急仓' }, admin);
        expect(s.placePath).toBe(place);
      }
      await expect(
        createSupplyStore(t.db, { place: 'cq.yz', name: ' 应急仓 ' }, admin),
      ).rejects.toMatchObject({
        code: 'RX_SUPPLY_STORE_EXISTS',
      });
      await expect(createSupplyStore(t.db, { place: SQ9, name: '仓' }, actor('cq.yz'))).rejects.toMatchObject(
        {
          code: 'RX_NOT_FOUND',
        },
      );
      await expect(createSupplyStore(t.db, { place: 'cq.nowhere', name: '仓' }, admin)).rejects.toMatchObject(
        {
          code: 'RX_UNKNOWN_PLACE',
        },
      );
    });

    it('a receipt makes a lot (the same expiry adds to one lot; the shelf life dates it), by a user, with its audit row', async () => {
      const { admin, street, userId } = await setup();
      const m = await receiveStock(
        t.db,
        { store: street, item: 'WATER', quantity: 100, reason: '市应急局调拨' },
        admin,
      );
      expect(m).toMatchObject({
        kind: 'receive',
        quantity: 100,
        actor: { id: userId },
        reason: '市应急局调拨',
      });
      // WATER keeps 365 days.
      expect(m.lots[0].expiresAt?.toISOString()).toBe(at(365).toISOString());
      await receiveStock(t.db, { store: street, item: 'WATER', quantity: 50 }, admin);
      await receiveStock(t.db, { store: street, item: 'WATER', quantity: 30, expiresAt: at(10) }, admin);
      await receiveStock(t.db, { store: street, item: 'TENT', quantity: 3 }, admin);
      expect(await held(street, 'WATER')).toEqual([
        { quantity: 30, expiresAt: at(10).toISOString() },
        { quantity: 150, expiresAt: at(365).toISOString() },
      ]);
      // TENT has no shelf life: its lot never expires.
      expect(await held(street, 'TENT')).toEqual([{ quantity: 3, expiresAt: null }]);
      expect(await audits('supplies.receive')).toBe(4);
      const { rows } = await t.db.query<{ subject_id: string; actor: string }>(
        "SELECT subject_id, actor FROM audit_log WHERE action = 'supplies.receive' ORDER BY seq LIMIT 1",
      );
      expect(rows[0]).toEqual({ subject_id: m.id, actor: userId });
      await expect(
        receiveStock(t.db, { store: street, item: 'WATER', quantity: 1, expiresAt: at(-1) }, admin),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_EXPIRED_LOT' });
      await expect(
        receiveStock(t.db, { store: street, item: 'NOPE', quantity: 1 }, admin),
      ).rejects.toMatchObject({
        code: 'RX_SUPPLY_UNKNOWN_ITEM',
        field: 'body.item',
      });
      await expect(
        receiveStock(t.db, { store: street, item: 'WATER', quantity: 0 }, admin),
      ).rejects.toMatchObject({
        code: 'RX_VALIDATION',
      });
    });

    it('an issue takes the lots expiring first (FEFO), never an expired one', async () => {
      const { admin, street } = await setup();
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 40, expiresAt: at(90) }, admin);
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 20, expiresAt: at(30) }, admin);
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 50, expiresAt: null }, admin);
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 10, expiresAt: at(5) }, admin);
      const later = { ...admin, now: at(6) };
      // At day 6 the day-5 lot has expired: 20 (day 30) then 5 of the day-90 lot.
      const m = await issueStock(
        t.db,
        { store: street, item: 'MASK', quantity: 25, reason: '发放给社区' },
        later,
      );
      expect(m.lots.map((l) => [l.delta, l.expiresAt?.toISOString()])).toEqual([
        [-20, at(30).toISOString()],
        [-5, at(90).toISOString()],
      ]);
      expect(await held(street, 'MASK')).toEqual([
        { quantity: 10, expiresAt: at(5).toISOString() },
        { quantity: 35, expiresAt: at(90).toISOString() },
        { quantity: 50, expiresAt: null },
      ]);
      expect(await audits('supplies.issue')).toBe(1);
    });

    it('a movement that would take stock below zero is refused whole, naming the item, the store and what is available, and changes nothing', async () => {
      const { admin, street, community } = await setup();
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 30, expiresAt: at(100) }, admin);
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 10, expiresAt: at(2) }, admin);
      const later = { ...admin, now: at(3) };
      const before = { lots: await lotTotals(t.db), audit: await audits('supplies.issue') };
      const refused = await issueStock(t.db, { store: street, item: 'MASK', quantity: 31 }, later).catch(
        (e) => e,
      );
      expect(refused).toMatchObject({ code: 'RX_SUPPLY_INSUFFICIENT', status: 409 });
      expect(refused.text('zh-CN')).toBe(
        '已拒绝：解放碑街道·街道仓库 现有可用 医用口罩（MASK） 30个，需 31个；未作任何变动',
      );
      expect(refused.text('en')).toContain('30 个 of 医用口罩（MASK） usable now, 31 个 asked');
      await expect(
        transferStock(t.db, { from: street, to: community, item: 'MASK', quantity: 31 }, later),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_INSUFFICIENT', params: { available: '30' } });
      await expect(
        adjustStock(t.db, { store: street, item: 'MASK', delta: -41, reason: '盘亏' }, later),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_INSUFFICIENT', params: { available: '40' } });
      await expect(
        issueStock(t.db, { store: community, item: 'MASK', quantity: 1 }, later),
      ).rejects.toMatchObject({
        code: 'RX_SUPPLY_INSUFFICIENT',
        params: { available: '0' },
      });
      expect(await lotTotals(t.db)).toEqual(before.lots);
      expect(await audits('supplies.issue')).toBe(before.audit);
      expect(await audits('supplies.transfer')).toBe(0);
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM supply_movements WHERE kind <> 'receive'",
      );
      expect(rows[0].n).toBe(0);
    });

    it('a transfer goes out of one store into another in one transaction, each lot keeping its expiry', async () => {
      const { admin, street, community, actor } = await setup();
      await receiveStock(t.db, { store: street, item: 'WATER', quantity: 100, expiresAt: at(200) }, admin);
      await receiveStock(t.db, { store: street, item: 'WATER', quantity: 10, expiresAt: at(20) }, admin);
      const m = await transferStock(
        t.db,
        { from: street, to: community, item: 'WATER', quantity: 30, reason: '防汛前置' },
        actor('cq.yz.jd01'),
      );
      expect(m).toMatchObject({
        kind: 'transfer',
        quantity: 30,
        store: { id: street },
        toStore: { id: community },
      });
      expect(await held(street, 'WATER')).toEqual([{ quantity: 80, expiresAt: at(200).toISOString() }]);
      expect(await held(community, 'WATER')).toEqual([
        { quantity: 10, expiresAt: at(20).toISOString() },
        { quantity: 20, expiresAt: at(200).toISOString() },
      ]);
      expect(m.lots.reduce((n, l) => n + l.delta, 0)).toBe(0);
      expect(await audits('supplies.transfer')).toBe(1);
      await expect(
        transferStock(t.db, { from: street, to: street, item: 'WATER', quantity: 1 }, admin),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_SAME_STORE' });
      // A community worker reaches neither the street's store nor another community's.
      await expect(
        transferStock(t.db, { from: street, to: community, item: 'WATER', quantity: 1 }, actor(SQ1)),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
    });

    it('an adjustment needs a written reason; it corrects one lot, takes a shortfall first expiring first, or makes a lot of a surplus', async () => {
      const { admin, street } = await setup();
      const r = await receiveStock(
        t.db,
        { store: street, item: 'MASK', quantity: 20, expiresAt: at(50) },
        admin,
      );
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 20, expiresAt: at(80) }, admin);
      await expect(
        adjustStock(t.db, { store: street, item: 'MASK', delta: -1, reason: '  ' }, admin),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_REASON', field: 'body.reason' });
      const lot = r.lots[0].lotId;
      const plus = await adjustStock(
        t.db,
        { store: street, item: 'MASK', delta: 3, reason: '盘盈', lot },
        admin,
      );
      expect(plus).toMatchObject({ kind: 'adjust', quantity: 3, reason: '盘盈' });
      await expect(
        adjustStock(t.db, { store: street, item: 'MASK', delta: -24, reason: '破损', lot }, admin),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_INSUFFICIENT', params: { available: '23' } });
      const minus = await adjustStock(
        t.db,
        { store: street, item: 'MASK', delta: -25, reason: '盘亏' },
        admin,
      );
      expect(minus.quantity).toBe(-25);
      expect(minus.lots.map((l) => l.delta)).toEqual([-23, -2]);
      await adjustStock(
        t.db,
        { store: street, item: 'MASK', delta: 5, reason: '找到一箱', expiresAt: at(10) },
        admin,
      );
      expect(await held(street, 'MASK')).toEqual([
        { quantity: 5, expiresAt: at(10).toISOString() },
        { quantity: 18, expiresAt: at(80).toISOString() },
      ]);
      const { rows } = await t.db.query<{ reason: string }>(
        "SELECT reason FROM audit_log WHERE action = 'supplies.adjust' ORDER BY seq",
      );
      expect(rows.map((x) => x.reason)).toEqual(['盘盈', '盘亏', '找到一箱']);
    });

    it('expiry writes off the lots past their expiry, a movement each; a lot not yet expired is refused', async () => {
      const { admin, street } = await setup();
      const a = await receiveStock(
        t.db,
        { store: street, item: 'MASK', quantity: 7, expiresAt: at(3) },
        admin,
      );
      await receiveStock(t.db, { store: street, item: 'WATER', quantity: 9, expiresAt: at(4) }, admin);
      const b = await receiveStock(
        t.db,
        { store: street, item: 'MASK', quantity: 5, expiresAt: at(40) },
        admin,
      );
      await expect(
        expireStock(t.db, { store: street, lot: b.lots[0].lotId }, { ...admin, now: at(5) }),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_NOT_EXPIRED' });
      const one = await expireStock(t.db, { store: street, lot: a.lots[0].lotId }, { ...admin, now: at(3) });
      expect(one.map((m) => [m.kind, m.item, m.quantity])).toEqual([['expire', 'MASK', 7]]);
      const rest = await expireStock(t.db, { store: street }, { ...admin, now: at(5) });
      expect(rest.map((m) => [m.item, m.quantity])).toEqual([['WATER', 9]]);
      expect(await expireStock(t.db, { store: street }, { ...admin, now: at(5) })).toEqual([]);
      expect(await held(street, 'MASK')).toEqual([{ quantity: 5, expiresAt: at(40).toISOString() }]);
      expect(await audits('supplies.expire')).toBe(2);
    });

    it('after every movement each lot is the sum of its journal and each store’s stock the sum of its movements', async () => {
      const { admin, street, community } = await setup();
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 100, expiresAt: at(20) }, admin);
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 50, expiresAt: at(2) }, admin);
      await transferStock(t.db, { from: street, to: community, item: 'MASK', quantity: 60 }, admin);
      await issueStock(t.db, { store: community, item: 'MASK', quantity: 15 }, admin);
      await adjustStock(t.db, { store: street, item: 'MASK', delta: -4, reason: '破损' }, admin);
      await expireStock(t.db, { store: community }, { ...admin, now: at(3) });
      expect(await unjournalled(t.db)).toEqual([]);
      expect(await movementTotals(t.db)).toEqual(await lotTotals(t.db));
      expect(NOW < at(1)).toBe(true);
    });

    it('concurrent issues never oversell: exactly as many succeed as the stock allows', async () => {
      const { admin, street, community } = await setup();
      await receiveStock(t.db, { store: street, item: 'WATER', quantity: 95, expiresAt: at(100) }, admin);
      const tries = Array.from({ length: 20 }, (_, i) =>
        i % 4 === 0
          ? transferStock(t.db, { from: street, to: community, item: 'WATER', quantity: 10 }, admin)
          : issueStock(t.db, { store: street, item: 'WATER', quantity: 10 }, admin),
      );
      const settled = await Promise.allSettled(tries);
      const ok = settled.filter((s) => s.status === 'fulfilled').length;
      const refused = settled.filter(
        (s) => s.status === 'rejected' && (s.reason as { code?: string }).code === 'RX_SUPPLY_INSUFFICIENT',
      ).length;
      expect([ok, refused]).toEqual([9, 11]);
      expect(await held(street, 'WATER')).toEqual([{ quantity: 5, expiresAt: at(100).toISOString() }]);
      // Transfers both ways at once do not deadlock.
      await receiveStock(t.db, { store: community, item: 'MASK', quantity: 50 }, admin);
      await receiveStock(t.db, { store: street, item: 'MASK', quantity: 50 }, admin);
      const both = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          transferStock(
            t.db,
            { from: i % 2 ? street : community, to: i % 2 ? community : street, item: 'MASK', quantity: 5 },
            admin,
          ),
        ),
      );
      expect(both.filter((s) => s.status === 'rejected')).toEqual([]);
      expect(await movementTotals(t.db)).toEqual(await lotTotals(t.db));
    });
  },
  { migrate: true },
);
