import { type IndicatorContext, type IndicatorValue, MAX_EVIDENCE } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { communitiesWithResidents, upsertPeople } from '@renxing/modules/people';
import { expect, it } from 'vitest';
import { placesPer100, SHELTERS_INDICATORS } from './indicators.js';
import { createShelter, setShelterState } from './service/shelters.js';
import { actor, NOON, SECRET, SQ1, SQ2, SQ3, SQ9, shelterAt, testCity } from './service/test-support.js';

const LATER = new Date(NOON.getTime() + 5 * 86_400_000);

async function context(db: Db, asOf: Date): Promise<IndicatorContext> {
  return {
    date: asOf.toISOString().slice(0, 10),
    asOf,
    communities: await communitiesWithResidents(db),
    hazards: [],
  };
}

/**
 * The shelters' test city with 47 more people in sq01 (50 residents; sq02 1, sq09 1, sq03 none).
 * sq01: two shelters, 60 + 90 night places (one open); sq02: one at its grid, 10; a street's shelter
 * (counts for no community); sq03: one, but no residents; sq09: one registered LATER, 25.
 */
async function seed(db: Db) {
  const city = await testCity(db);
  await upsertPeople(
    db,
    Array.from({ length: 47 }, (_, i) => ({
      name: `居民${i}`,
      phone: `1391111${String(i).padStart(4, '0')}`,
      community: SQ1,
    })),
    { secret: SECRET },
  );
  const admin = actor(city.users.admin, 'cq');
  const school = await createShelter(db, shelterAt(SQ1, '较场口小学'), admin);
  const gym = await createShelter(db, shelterAt(SQ1, '较场口体育馆', { capacityNight: 90 }), admin);
  await setShelterState(db, gym.id, 'open', admin);
  const grid = await createShelter(db, shelterAt(`${SQ2}.wg01`, '网格活动室', { capacityNight: 10 }), admin);
  await createShelter(db, shelterAt('cq.yz.jd01', '解放碑广场', { capacityNight: 500 }), admin);
  await createShelter(db, shelterAt(SQ3, '朝东路小学'), admin);
  const late = await createShelter(
    db,
    shelterAt(SQ9, '建新小学', { capacityNight: 25 }),
    actor(city.users.admin, 'cq', LATER),
  );
  const ids = Object.fromEntries(
    (await db.query<{ id: string; path: string }>('SELECT id, path FROM places')).rows.map((r) => [
      r.path,
      r.id,
    ]),
  );
  return { city, ids, school, gym, grid, late };
}

const byPath = (values: IndicatorValue[], ids: Record<string, string>) =>
  new Map(values.map((v) => [Object.keys(ids).find((p) => ids[p] === v.community)!, v]));

forEachDatabase(
  'shelters: resilience indicator',
  (t) => {
    it('night places of the shelters at or under a community per 100 residents, any state; records the shelters', async () => {
      const { ids, school, gym, grid, late } = await seed(t.db);
      const values = byPath(
        await placesPer100.compute(t.db, await context(t.db, new Date(LATER.getTime() + 1))),
        ids,
      );
      // sq03 has no residents: no value.
      expect([...values.keys()].sort()).toEqual([SQ1, SQ2, SQ9].sort());
      const sq01 = values.get(SQ1)!;
      expect(sq01).toMatchObject({ value: 300, numerator: 150, denominator: 50, recordCount: 2 });
      expect(sq01.summary).toEqual({
        en: 'shelter.places_per_100 300: 150 night places in 2 shelters for 50 residents',
        'zh-CN': 'shelter.places_per_100 300：50 名居民共有 2 处避难场所的 150 个夜间位置',
      });
      expect(sq01.records).toEqual([
        {
          kind: 'shelter',
          id: gym.id,
          label: '较场口体育馆',
          value: 90,
          note: { en: '90 night places', 'zh-CN': '夜间 90 个位置' },
        },
        {
          kind: 'shelter',
          id: school.id,
          label: '较场口小学',
          value: 60,
          note: { en: '60 night places', 'zh-CN': '夜间 60 个位置' },
        },
      ]);
      // A grid's shelter counts for its community; the street's counts for none.
      expect(values.get(SQ2)).toMatchObject({ value: 1000, numerator: 10, denominator: 1, recordCount: 1 });
      expect(values.get(SQ2)?.records.map((r) => r.id)).toEqual([grid.id]);
      expect(values.get(SQ2)?.summary.en).toBe(
        'shelter.places_per_100 1000: 10 night places in 1 shelter for 1 resident',
      );
      expect(values.get(SQ9)).toMatchObject({ value: 2500, numerator: 25, denominator: 1 });
      expect(values.get(SQ9)?.records.map((r) => r.id)).toEqual([late.id]);
      expect(SHELTERS_INDICATORS).toEqual([placesPer100]);
    });

    it('counts shelters registered before asOf only: 0 with no shelter (a value), none before any', async () => {
      const { ids } = await seed(t.db);
      const before = byPath(await placesPer100.compute(t.db, await context(t.db, LATER)), ids);
      expect(before.get(SQ9)).toEqual({
        community: ids[SQ9],
        value: 0,
        numerator: 0,
        denominator: 1,
        summary: {
          en: 'shelter.places_per_100 0: no shelter at or under the community for its 1 resident',
          'zh-CN': 'shelter.places_per_100 0：社区内没有避难场所，居民 1 名',
        },
        records: [],
        recordCount: 0,
      });
      expect(before.get(SQ1)?.numerator).toBe(150);
      const first = await placesPer100.compute(t.db, await context(t.db, NOON));
      expect(first.map((v) => v.numerator)).toEqual([0, 0, 0]);
    });

    it('keeps the MAX_EVIDENCE largest shelters and counts them all', async () => {
      const { city, ids } = await seed(t.db);
      const admin = actor(city.users.admin, 'cq');
      for (let i = 0; i < MAX_EVIDENCE + 2; i++)
        await createShelter(
          t.db,
          shelterAt(SQ9, `建新${String(i).padStart(2, '0')}号楼`, { capacityNight: 1 + i }),
          admin,
        );
      const sq09 = byPath(
        await placesPer100.compute(t.db, await context(t.db, new Date(LATER.getTime() + 1))),
        ids,
      ).get(SQ9)!;
      // 25 + (1 + … + 22) = 278.
      expect(sq09).toMatchObject({ numerator: 278, recordCount: MAX_EVIDENCE + 3, value: 27800 });
      expect(sq09.records).toHaveLength(MAX_EVIDENCE);
      expect(sq09.records.map((r) => r.value)).toEqual([
        25,
        ...Array.from({ length: MAX_EVIDENCE - 1 }, (_, i) => 22 - i),
      ]);
    });

    it('advises the night places to add to reach the target; nothing when it is reached', async () => {
      const { ids } = await seed(t.db);
      const current = byPath(await placesPer100.compute(t.db, await context(t.db, LATER)), ids).get(SQ1)!;
      // 50 residents at 330.5 per 100: 165.25 places, 150 held → 16 to add.
      expect(
        placesPer100.advice({ current, target: 330.5, targetOf: 'street_median', residents: 50 }),
      ).toEqual({
        amount: 16,
        text: {
          en: "add 16 night places in shelters, to reach the street's median",
          'zh-CN': '增加 16 个避难场所夜间位置，达到所在街道的中位数',
        },
      });
      expect(
        placesPer100.advice({ current, target: 302, targetOf: 'city_best', residents: 50 })?.text.en,
      ).toBe("add 1 night place in shelters, to reach the city's best");
      expect(
        placesPer100.advice({ current, target: 300, targetOf: 'city_median', residents: 50 }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
