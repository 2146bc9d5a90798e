import { forEachDatabase } from '@renxing/db/testing';
import { listItems } from '@renxing/modules/inbox';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { raiseSupplyAlerts, supplyAlerts } from './alerts.js';
import { exportSupplies } from './export.js';
import { supplyGaps } from './gaps.js';
import { receiveStock } from './movements.js';
import { setSupplyNorms } from './norms.js';
import { at, NOW, SQ1, SQ2, SQ3, seedCatalogue, storeAt, suppliesCity } from './test-support.js';

forEachDatabase(
  'supplies: requirement, usable stock and gaps',
  (t) => {
    /**
     * Norms: plan:a masks 3 a resident over street jd01 (sq01, sq02); incident:b masks 1 a resident
     * over the district (sq01, sq02, sq03) and water 9 a resident over sq01. Stock of masks: sq01 25
     * (never expiring) + 10 expiring on day 5, sq02's grid 30, street jd01 60, district 4.
     */
    async function setup() {
      const city = await suppliesCity(t.db);
      const admin = city.actor();
      await seedCatalogue(t.db, admin);
      await setSupplyNorms(t.db, 'plan:a', [{ item: 'MASK', perResident: 3, places: ['cq.yz.jd01'] }]);
      await setSupplyNorms(t.db, 'incident:b', [
        // Listing a place and one under it covers the communities once.
        { item: 'MASK', perResident: 1, places: ['cq.yz', 'cq.yz.jd01'] },
        { item: 'WATER', perResident: 9, places: [SQ1] },
      ]);
      const receive = async (place: string, quantity: number, expiresAt: Date | null) =>
        receiveStock(
          t.db,
          { store: await storeAt(t.db, place, admin, `仓${quantity}`), item: 'MASK', quantity, expiresAt },
          admin,
        );
      await receive(SQ1, 25, null);
      await receive(SQ1, 10, at(5));
      await receive(`${SQ2}.wg01`, 30, null);
      await receive('cq.yz.jd01', 60, null);
      await receive('cq.yz', 4, null);
      return { ...city, admin };
    }
    const pick = (rows: Awaited<ReturnType<typeof supplyGaps>>['rows'], item: string) =>
      Object.fromEntries(
        rows
          .filter((r) => r.item === item)
          .map((r) => [r.path, [r.requirement, r.stock, r.gapsBelow, r.gap]]),
      );

    it("a community's requirement is Σ norm per resident × residents homed there; usable stock is what is not expired at the horizon; gap = max(0, requirement − stock)", async () => {
      await setup();
      const early = await supplyGaps(t.db, { under: 'cq', horizon: at(3) });
      // [requirement, stock, gapsBelow, gap]
      expect(pick(early.rows, 'MASK')).toMatchObject({
        [SQ1]: [40, 35, 0, 5],
        [SQ2]: [80, 30, 0, 50],
        [SQ3]: [5, 0, 0, 5],
      });
      const late = await supplyGaps(t.db, { under: 'cq', horizon: at(6) });
      expect(pick(late.rows, 'MASK')[SQ1]).toEqual([40, 25, 0, 15]);
      expect(pick(late.rows, 'WATER')[SQ1]).toEqual([90, 0, 0, 90]);
      const places = new Map(early.places.map((p) => [p.path, p]));
      expect([SQ1, SQ2, SQ3, 'cq.yz.jd01', 'cq.yz', 'cq'].map((p) => places.get(p)?.residents)).toEqual([
        10, 20, 5, 30, 35, 39,
      ]);
      expect(early.items.map((i) => i.code)).toEqual(['MASK', 'WATER']);
    });

    it('higher stores cover lower gaps: each street, district and city sets its own stock against the gaps below it', async () => {
      await setup();
      const early = await supplyGaps(t.db, { under: 'cq', horizon: at(3) });
      expect(pick(early.rows, 'MASK')).toMatchObject({
        'cq.yz.jd01': [120, 60, 55, 0],
        'cq.yz.jd02': [5, 0, 5, 5],
        'cq.yz': [125, 4, 5, 1],
        cq: [125, 0, 1, 1],
      });
      const late = await supplyGaps(t.db, { under: 'cq', horizon: at(6) });
      expect(pick(late.rows, 'MASK')).toMatchObject({
        'cq.yz.jd01': [120, 60, 65, 5],
        'cq.yz': [125, 4, 10, 6],
        cq: [125, 0, 6, 6],
      });
      // A street's view: the street and its communities; the district's stock is not its own.
      const street = await supplyGaps(t.db, { under: 'cq.yz.jd02', horizon: at(3), item: 'MASK' });
      expect(street.rows.map((r) => [r.path, r.parent, r.gap])).toEqual([
        [SQ3, 'cq.yz.jd02', 5],
        ['cq.yz.jd02', null, 5],
      ]);
      expect(street.places.map((p) => p.path)).toEqual(['cq.yz.jd02', SQ3]);
    });

    it("a source's norms are replaced whole when set again ([] clears them); one naming an unknown item or place changes nothing", async () => {
      await setup();
      await setSupplyNorms(t.db, 'plan:a', [{ item: 'WATER', perResident: 0.5, places: [SQ2] }]);
      let gaps = await supplyGaps(t.db, { under: 'cq.yz.jd01', horizon: at(3) });
      expect(pick(gaps.rows, 'MASK')[SQ2]).toEqual([20, 30, 0, 0]);
      expect(pick(gaps.rows, 'WATER')[SQ2]).toEqual([10, 0, 0, 10]);
      await expect(
        setSupplyNorms(t.db, 'plan:a', [{ item: 'NOPE', perResident: 1, places: ['cq'] }]),
      ).rejects.toMatchObject({ code: 'RX_SUPPLY_UNKNOWN_ITEM' });
      await expect(
        setSupplyNorms(t.db, 'plan:a', [{ item: 'MASK', perResident: 1, places: ['cq.nowhere'] }]),
      ).rejects.toMatchObject({ code: 'RX_UNKNOWN_PLACE' });
      await expect(
        setSupplyNorms(t.db, 'plan:a', [{ item: 'MASK', perResident: 0, places: ['cq'] }]),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION' });
      gaps = await supplyGaps(t.db, { under: 'cq.yz.jd01', horizon: at(3) });
      expect(pick(gaps.rows, 'WATER')[SQ2]).toEqual([10, 0, 0, 10]);
      await setSupplyNorms(t.db, 'plan:a', []);
      await setSupplyNorms(t.db, 'incident:b', []);
      gaps = await supplyGaps(t.db, { under: 'cq', horizon: at(3) });
      expect(gaps.rows.every((r) => r.requirement === 0 && r.gap === 0)).toBe(true);
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'supplies.norms.set'",
      );
      expect(rows[0].n).toBe(5);
    });

    it('alerts: a lot expiring within 30 days, a gap above zero, a store below an item’s minimum — raised in the inbox of the place, once', async () => {
      const { admin } = await setup();
      const far = await storeAt(t.db, SQ3, admin, '远期仓');
      await receiveStock(t.db, { store: far, item: 'WATER', quantity: 45, expiresAt: at(31) }, admin);
      const alerts = await supplyAlerts(t.db, { under: 'cq', now: NOW });
      expect(alerts.expiring.map((l) => [l.placePath, l.item, l.quantity])).toEqual([[SQ1, 'MASK', 10]]);
      expect(alerts.gaps.map((g) => [g.path, g.item, g.gap])).toEqual(
        [
          ['cq', 'WATER', 90],
          ['cq.yz', 'WATER', 90],
          ['cq.yz.jd01', 'WATER', 90],
          [SQ1, 'WATER', 90],
          [SQ1, 'MASK', 5],
          [SQ2, 'MASK', 50],
          ['cq.yz.jd02', 'MASK', 5],
          [SQ3, 'MASK', 5],
          ['cq.yz', 'MASK', 1],
          ['cq', 'MASK', 1],
        ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)),
      );
      // TENT: 2 a store, and no store holds one.
      expect(alerts.belowMinimum.map((m) => m.item)).toEqual(Array(6).fill('TENT'));

      const first = await raiseSupplyAlerts(t.db, NOW);
      expect(first).toEqual({ raised: 1 + 10 + 6, expiring: 1, gaps: 10, belowMinimum: 6 });
      expect((await raiseSupplyAlerts(t.db, NOW)).raised).toBe(0);
      const inbox = await listItems(t.db, { scope: SQ1, now: NOW, origin: 'supplies.expiry' });
      expect(inbox.items.map((i) => [i.placePath, i.title, i.priority])).toEqual([
        [SQ1, expect.stringContaining('临期物资：仓10 医用口罩 10个'), 'urgent'],
      ]);
      const street = await listItems(t.db, { scope: 'cq.yz.jd02', now: NOW, origin: 'supplies.gap' });
      expect(street.items.map((i) => [i.placePath, i.originRef]).sort()).toEqual(
        [
          ['cq.yz.jd02', 'cq.yz.jd02/MASK'],
          [SQ3, `${SQ3}/MASK`],
        ].sort(),
      );
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'supplies.alerts.raise'",
      );
      expect(rows[0].n).toBe(1);
    });

    it('exports the stock and the gaps as a workbook of two sheets', async () => {
      await setup();
      const file = await exportSupplies(t.db, { under: 'cq.yz.jd01', horizon: at(3) });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ArrayBuffer);
      const [stock, gaps] = book.worksheets;
      expect(stock.name).toBe('库存 Stock');
      expect(gaps.name).toBe('缺口 Gaps');
      const values = (ws: ExcelJS.Worksheet) =>
        ws
          .getSheetValues()
          .filter(Boolean)
          .map((r) => (r as unknown[]).slice(1));
      expect(values(stock)[0]).toEqual(expect.arrayContaining(['store', 'item', 'quantity', 'expires_on']));
      expect(values(stock)).toHaveLength(1 + 4);
      const rows = values(gaps);
      expect(rows[0]).toEqual([
        'place',
        'place_name',
        'level',
        'item',
        'item_name',
        'unit',
        'residents',
        'requirement',
        'stock',
        'gaps_below',
        'gap',
      ]);
      expect(rows).toContainEqual([
        'cq.yz.jd01',
        '解放碑街道',
        'street',
        'MASK',
        '医用口罩',
        '个',
        30,
        120,
        60,
        55,
        0,
      ]);
      expect(rows).toContainEqual([SQ2, '社区二', 'community', 'MASK', '医用口罩', '个', 20, 80, 30, 0, 50]);
    });
  },
  { migrate: true },
);
