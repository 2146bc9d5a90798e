import { type IndicatorContext, type IndicatorValue, MAX_EVIDENCE } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { communitiesWithResidents } from '@renxing/modules/people';
import { expect, it } from 'vitest';
import { gapShare, SUPPLIES_INDICATORS } from './indicators.js';
import { importSupplyItems } from './service/catalogue.js';
import { receiveStock } from './service/movements.js';
import { setSupplyNorms } from './service/norms.js';
import { at, SQ1, SQ2, SQ3, SQ9, seedCatalogue, storeAt, suppliesCity } from './service/test-support.js';

async function context(db: Db, asOf: Date): Promise<IndicatorContext> {
  return {
    date: asOf.toISOString().slice(0, 10),
    asOf,
    communities: await communitiesWithResidents(db),
    hazards: [],
  };
}

/**
 * Norms: masks 3 a resident over street jd01 (sq01, sq02) and 1 over the district (sq01, sq02,
 * sq03); water 9 a resident over sq01. Residents: sq01 10, sq02 20, sq03 5, sq09 4 (no norm).
 * sq01 requires 40 masks and 90 L of water; it holds 25 masks, 10 more and 100 L of water
 * expiring on day 5. sq02 requires 80 masks and holds 90 in its grid; sq03 requires 5, holds none.
 */
async function seed(db: Db) {
  const city = await suppliesCity(db);
  const admin = city.actor();
  await seedCatalogue(db, admin);
  await setSupplyNorms(db, 'plan:a', [{ item: 'MASK', perResident: 3, places: ['cq.yz.jd01'] }]);
  await setSupplyNorms(db, 'incident:b', [
    { item: 'MASK', perResident: 1, places: ['cq.yz'] },
    { item: 'WATER', perResident: 9, places: [SQ1] },
  ]);
  const receive = async (place: string, item: string, quantity: number, expiresAt: Date | null) =>
    receiveStock(
      db,
      { store: await storeAt(db, place, admin, `仓${item}${quantity}`), item, quantity, expiresAt },
      admin,
    );
  await receive(SQ1, 'MASK', 25, null);
  await receive(SQ1, 'MASK', 10, at(5));
  await receive(SQ1, 'WATER', 100, at(5));
  await receive(`${SQ2}.wg01`, 'MASK', 90, null);
  const ids = Object.fromEntries(
    (await db.query<{ id: string; path: string }>('SELECT id, path FROM places')).rows.map((r) => [
      r.path,
      r.id,
    ]),
  );
  return { city, admin, ids };
}

const byPath = (values: IndicatorValue[], ids: Record<string, string>) =>
  new Map(values.map((v) => [Object.keys(ids).find((p) => ids[p] === v.community)!, v]));

forEachDatabase(
  'supplies: resilience indicator',
  (t) => {
    it('items short ÷ items required, from the gaps at the horizon asOf; records the items short', async () => {
      const { ids } = await seed(t.db);
      const values = byPath(await gapShare.compute(t.db, await context(t.db, at(3))), ids);
      // sq09 requires nothing: no value.
      expect([...values.keys()].sort()).toEqual([SQ1, SQ2, SQ3].sort());
      const sq01 = values.get(SQ1)!;
      expect(sq01).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, recordCount: 1 });
      expect(sq01.summary).toEqual({
        en: 'supplies.gap_share 0.5: 1 of 2 items required fall short (医用口罩: 5 个 short of 40)',
        'zh-CN': 'supplies.gap_share 0.5：所需 2 种物资中有 1 种不足（医用口罩缺 5 个，需 40 个）',
      });
      expect(sq01.records).toEqual([
        {
          kind: 'supply_item',
          id: 'MASK',
          label: '医用口罩',
          value: 5,
          note: { en: '5 个 short: 40 required, 35 usable', 'zh-CN': '缺 5 个：需 40 个，可用 35 个' },
        },
      ]);
      expect(values.get(SQ2)).toEqual({
        community: ids[SQ2],
        value: 0,
        numerator: 0,
        denominator: 1,
        summary: {
          en: 'supplies.gap_share 0: none of the 1 item required falls short',
          'zh-CN': 'supplies.gap_share 0：所需 1 种物资均无缺口',
        },
        records: [],
        recordCount: 0,
      });
      expect(values.get(SQ3)).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
      expect(SUPPLIES_INDICATORS).toEqual([gapShare]);
    });

    it('at a later horizon the expired lots no longer count: both of sq01’s items fall short, the larger share first', async () => {
      const { ids } = await seed(t.db);
      const sq01 = byPath(await gapShare.compute(t.db, await context(t.db, at(6))), ids).get(SQ1)!;
      expect(sq01).toMatchObject({ value: 1, numerator: 2, denominator: 2, recordCount: 2 });
      expect(sq01.records.map((r) => [r.id, r.value])).toEqual([
        ['WATER', 90],
        ['MASK', 15],
      ]);
    });

    it('keeps MAX_EVIDENCE items short and counts them all', async () => {
      const { admin, ids } = await seed(t.db);
      const codes = Array.from({ length: MAX_EVIDENCE + 2 }, (_, i) => `K${String(i).padStart(2, '0')}`);
      await importSupplyItems(
        t.db,
        new TextEncoder().encode(`code,name,unit\n${codes.map((c) => `${c},物资${c},件`).join('\n')}\n`),
        { actor: admin, source: { file: 'more.csv' } },
      );
      await setSupplyNorms(
        t.db,
        'demo:more',
        codes.map((item) => ({ item, perResident: 0.5, places: [SQ9] })),
      );
      const sq09 = byPath(await gapShare.compute(t.db, await context(t.db, at(3))), ids).get(SQ9)!;
      expect(sq09).toMatchObject({
        value: 1,
        numerator: codes.length,
        denominator: codes.length,
        recordCount: codes.length,
      });
      expect(sq09.records.map((r) => [r.id, r.value])).toEqual(
        codes.slice(0, MAX_EVIDENCE).map((c) => [c, 2]),
      );
    });

    it('advises closing the gaps of the items short, most short first; nothing when the target is met', async () => {
      const { ids } = await seed(t.db);
      const current = byPath(await gapShare.compute(t.db, await context(t.db, at(6))), ids).get(SQ1)!;
      expect(gapShare.advice({ current, target: 0.5, targetOf: 'street_median', residents: 10 })).toEqual({
        amount: 1,
        text: {
          en: "close the gaps of 1 item (饮用水), to reach the street's median",
          'zh-CN': '补足 1 种物资的缺口（饮用水），达到所在街道的中位数',
        },
      });
      expect(gapShare.advice({ current, target: 0, targetOf: 'city_best', residents: 10 })?.text.en).toBe(
        "close the gaps of 2 items (饮用水, 医用口罩), to reach the city's best",
      );
      expect(gapShare.advice({ current, target: 1, targetOf: 'city_median', residents: 10 })).toBeNull();
    });
  },
  { migrate: true },
);
