import { type IndicatorContext, type IndicatorValue, MAX_EVIDENCE } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { INFRASTRUCTURE_INDICATORS, n1WorstLossShare } from './indicators.js';
import { importAssets } from './service/import.js';
import { saveAsset } from './service/network.js';
import { actor, NOW, SQ1, SQ2, SQ3, SQ9, seedNetwork } from './service/test-support.js';
import { storedLosses } from './store/n1.js';

const SQ4 = 'cq.yz.jd02.sq04';
const LATER = new Date(NOW.getTime() + 10 * 86_400_000);
/** Residents by community (the registry's, as the resilience module passes them). */
const RESIDENTS: Record<string, number> = { [SQ1]: 3000, [SQ2]: 4000, [SQ3]: 0, [SQ9]: 7400, [SQ4]: 100 };

async function context(db: Db, asOf: Date): Promise<IndicatorContext> {
  const { rows } = await db.query<{ id: string; path: string }>(
    `SELECT id, path FROM places WHERE level = 'community' ORDER BY path`,
  );
  return {
    date: asOf.toISOString().slice(0, 10),
    asOf,
    communities: rows.map((r) => ({ ...r, residents: RESIDENTS[r.path] ?? 0 })),
    hazards: ['flood'],
  };
}

/** The city's network, and community sq04 whose one power sink (no feed: it never had power) stands from LATER. */
async function seed(db: Db) {
  const city = await seedNetwork(db);
  await insertPlaces(db, [
    { parentPath: 'cq.yz.jd02', level: 'community', code: 'sq04', name: '朝西路社区' },
  ]);
  await saveAsset(db, actor(city.users.admin, 'cq', LATER), {
    id: 'E-SQ4',
    kind: 'power',
    type: 'sink',
    name: '朝西路供电',
    community: SQ4,
    population: 100,
  });
  const ids = Object.fromEntries(
    (await db.query<{ id: string; path: string }>('SELECT id, path FROM places')).rows.map((r) => [
      r.path,
      r.id,
    ]),
  );
  return { city, ids };
}

const byPath = (values: IndicatorValue[], ids: Record<string, string>) =>
  new Map(values.map((v) => [Object.keys(ids).find((p) => ids[p] === v.community)!, v]));

forEachDatabase(
  'infrastructure: resilience indicator',
  (t) => {
    it('the worst asset’s people lost, summed over services, ÷ residents (at most 1); records the worst assets', async () => {
      const { ids } = await seed(t.db);
      const after = new Date(LATER.getTime() + 1);
      const values = byPath(await n1WorstLossShare.compute(t.db, await context(t.db, after)), ids);
      // sq03 has no residents: no value. Every other community has a sink.
      expect([...values.keys()].sort()).toEqual([SQ1, SQ2, SQ4, SQ9].sort());

      // sq02: the plant takes its power and (through both substations) its water: 800 + 800.
      const sq02 = values.get(SQ2)!;
      expect(sq02).toMatchObject({ value: 0.4, numerator: 1600, denominator: 4000, recordCount: 5 });
      expect(sq02.summary).toEqual({
        en: 'infra.n1_worst_loss_share 0.4: 江北电厂 (P-PLANT) failing leaves 800 of 4,000 residents without power and water',
        'zh-CN':
          'infra.n1_worst_loss_share 0.4：江北电厂（P-PLANT）故障将使 4,000 名居民中的 800 人失去电力和供水',
      });
      expect(sq02.records.map((r) => [r.kind, r.id, r.label, r.value])).toEqual([
        ['infra_asset', 'P-PLANT', '江北电厂', 1600],
        ['infra_asset', 'E-SQ2', '民族路供电', 800],
        ['infra_asset', 'S-YZ1', '解放碑变电站', 800],
        ['infra_asset', 'W-SQ2', '民族路供水', 800],
        ['infra_asset', 'W-WORKS', '江北水厂', 800],
      ]);
      expect(sq02.records[2].note).toEqual({
        en: 'failing leaves 800 of 4,000 residents without power',
        'zh-CN': '故障将使 4,000 名居民中的 800 人失去电力',
      });

      // sq01: the plant and substation S-YZ1 each take power, water and telecom: 3,600 > 3,000 → capped at 1.
      const sq01 = values.get(SQ1)!;
      expect(sq01).toMatchObject({ value: 1, numerator: 3600, denominator: 3000, recordCount: 9 });
      expect(sq01.records.slice(0, 2).map((r) => [r.id, r.value])).toEqual([
        ['P-PLANT', 3600],
        ['S-YZ1', 3600],
      ]);
      expect(sq01.records[1].note?.en).toBe(
        'failing leaves 1,200 of 3,000 residents without power, telecom and water',
      );

      // sq09: the plant and S-JB1 (power, and water through the pump that needs it) tie at 1,800.
      const sq09 = values.get(SQ9)!;
      expect(sq09).toMatchObject({ numerator: 1800, denominator: 7400, recordCount: 6 });
      expect(sq09.value).toBeCloseTo(1800 / 7400, 12);
      expect(sq09.summary.en).toBe(
        'infra.n1_worst_loss_share 0.24: 江北电厂 (P-PLANT) failing leaves 900 of 7,400 residents without power and water',
      );

      // sq04's sink never had power: no single failure loses it anything.
      expect(values.get(SQ4)).toEqual({
        community: ids[SQ4],
        value: 0,
        numerator: 0,
        denominator: 100,
        summary: {
          en: "infra.n1_worst_loss_share 0: no single asset's failure leaves any of the 100 residents without a service",
          'zh-CN': 'infra.n1_worst_loss_share 0：没有哪一处设施单独故障会使 100 名居民中的任何人失去服务',
        },
        records: [],
        recordCount: 0,
      });
      expect(INFRASTRUCTURE_INDICATORS).toEqual([n1WorstLossShare]);
    });

    it('agrees with the stored N-1 rows summed per community and asset', async () => {
      const { ids } = await seed(t.db);
      const ctx = await context(t.db, new Date(LATER.getTime() + 1));
      const values = await n1WorstLossShare.compute(t.db, ctx);
      const sums = new Map<string, number>();
      for (const r of await storedLosses(t.db, { scope: null }))
        sums.set(
          `${r.communityPath} ${r.asset}`,
          (sums.get(`${r.communityPath} ${r.asset}`) ?? 0) + r.populationLost,
        );
      for (const v of values) {
        const path = ctx.communities.find((c) => c.id === v.community)!.path;
        const mine = [...sums].filter(([k]) => k.startsWith(`${path} `)).map(([, n]) => n);
        const worst = Math.max(0, ...mine);
        expect([path, v.numerator, v.recordCount]).toEqual([path, worst, mine.length]);
        expect(v.value).toBeCloseTo(Math.min(1, worst / RESIDENTS[path]), 12);
      }
      expect(ids[SQ1]).toBeDefined();
    });

    it('counts assets that stood before asOf only: before the network, nothing; before sq04’s sink, no sq04', async () => {
      const { ids } = await seed(t.db);
      expect(await n1WorstLossShare.compute(t.db, await context(t.db, NOW))).toEqual([]);
      const between = byPath(
        await n1WorstLossShare.compute(t.db, await context(t.db, new Date(NOW.getTime() + 1))),
        ids,
      );
      expect([...between.keys()].sort()).toEqual([SQ1, SQ2, SQ9].sort());
      expect(between.get(SQ2)?.numerator).toBe(1600);
    });

    it('keeps the MAX_EVIDENCE worst assets and counts them all', async () => {
      const { city, ids } = await seed(t.db);
      // sq04 gets a sink of 60 people at the end of a chain of nodes from S-JB1: every node is a single point of failure.
      const nodes = Array.from({ length: MAX_EVIDENCE + 2 }, (_, i) => `N4-${String(i).padStart(2, '0')}`);
      const admin = actor(city.users.admin, 'cq', LATER);
      const assets = [
        ...nodes.map((id) => `${id},power,node,朝西路节点,,,cq.yz.jd02,,,`),
        `E4-SINK,power,sink,朝西路二号供电,${SQ4},60,,,,`,
      ];
      const chain = ['S-JB1', ...nodes, 'E4-SINK'];
      const links = chain.slice(1).map((to, i) => `${chain[i]},${to},feeds`);
      await importAssets(
        t.db,
        admin,
        Buffer.from(`id,kind,type,name,community,population,place,operator,lon,lat\n${assets.join('\n')}\n`),
        { source: { file: 'sq04.csv' } },
      );
      await importAssets(t.db, admin, Buffer.from(`from,to,relation\n${links.join('\n')}\n`), {
        source: { file: 'sq04-links.csv' },
      });
      const values = byPath(
        await n1WorstLossShare.compute(t.db, await context(t.db, new Date(LATER.getTime() + 1))),
        ids,
      );
      const sq04 = values.get(SQ4)!;
      // 22 nodes, the sink, S-JB1 and the plant: each leaves the 60 without power (ties by asset id).
      expect(sq04).toMatchObject({
        value: 0.6,
        numerator: 60,
        denominator: 100,
        recordCount: nodes.length + 3,
      });
      expect(sq04.records.map((r) => r.id)).toEqual(['E4-SINK', ...nodes.slice(0, MAX_EVIDENCE - 1)]);
    });

    it('advises a second feed for the worst asset, naming how many more exceed the target; nothing when it is met', async () => {
      const { ids } = await seed(t.db);
      const values = byPath(
        await n1WorstLossShare.compute(t.db, await context(t.db, new Date(LATER.getTime() + 1))),
        ids,
      );
      const current = values.get(SQ2)!;
      expect(
        n1WorstLossShare.advice({ current, target: 0.3, targetOf: 'city_median', residents: 4000 }),
      ).toEqual({
        amount: 1600,
        text: {
          en: "add a second feed to 江北电厂 (P-PLANT) (it leaves 800 of 4,000 residents without power and water), to reach the city's median",
          'zh-CN':
            '为江北电厂（P-PLANT）增加第二路供给（其故障将使 4,000 名居民中的 800 人失去电力和供水），达到全市中位数',
        },
      });
      const more = n1WorstLossShare.advice({
        current,
        target: 0.1,
        targetOf: 'street_median',
        residents: 4000,
      });
      expect(more?.text.en).toBe(
        "add a second feed to 江北电厂 (P-PLANT) (it leaves 800 of 4,000 residents without power and water), and to 4 more assets that leave more than 400 people without a service, to reach the street's median",
      );
      expect(
        n1WorstLossShare.advice({ current, target: 0.4, targetOf: 'city_best', residents: 4000 }),
      ).toBeNull();
      expect(
        n1WorstLossShare.advice({
          current: values.get(SQ4)!,
          target: 0,
          targetOf: 'city_best',
          residents: 100,
        }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
