/**
 * volunteers.per_1000 on both databases, seeded through the volunteers' own services: verified
 * volunteers at or under each community (a grid's count for its community), only those verified
 * before the date's end, 0 for a community without any, no value without residents; the summary,
 * the records (names, never phones) and the advice.
 */
import type { IndicatorContext, IndicatorValue } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { communitiesWithResidents } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { VOLUNTEERS_INDICATORS } from './indicators.js';
import { registerVolunteer, verifyVolunteer } from './service/volunteers.js';
import { actor, NOW, SQ1, SQ2, SQ9, volunteersCity } from './test-support.js';

const HOUR = 3_600_000;
const per1000 = VOLUNTEERS_INDICATORS.find((i) => i.key === 'volunteers.per_1000')!;
/** The end of 2026-12-06 in the city. */
const END = new Date('2026-12-07T00:00:00+08:00');

async function ctxOf(db: Db, asOf = END, residents: Record<string, number> = {}): Promise<IndicatorContext> {
  const communities = (await communitiesWithResidents(db)).map((c) => ({
    ...c,
    residents: residents[c.path] ?? c.residents,
  }));
  return { date: '2026-12-06', asOf, communities, hazards: [] };
}

async function byPath(db: Db, values: IndicatorValue[]): Promise<Record<string, IndicatorValue>> {
  const { rows } = await db.query<{ id: string; path: string }>('SELECT id, path FROM places');
  const path = new Map(rows.map((r) => [r.id, r.path]));
  return Object.fromEntries(values.map((v) => [path.get(v.community)!, v]));
}

forEachDatabase(
  'volunteers.per_1000',
  (t) => {
    async function seed() {
      const city = await volunteersCity(t.db);
      await insertPlaces(t.db, [
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq03', name: '空社区' },
      ]);
      const staff = actor(city.users.admin, 'cq');
      let phone = 100;
      const volunteer = async (name: string, community: string, verifiedAt: Date | null) => {
        const v = await registerVolunteer(
          t.db,
          { name, phone: `13900000${phone++}`, community, skills: ['transport'] },
          { kind: 'staff', actor: staff },
        );
        if (verifiedAt) await verifyVolunteer(t.db, v.id, actor(city.users.admin, 'cq', verifiedAt));
        return v.id;
      };
      const ids = {
        early: await volunteer('陈一', SQ1, new Date(NOW.getTime() - 48 * HOUR)),
        late: await volunteer('陈二', SQ1, new Date(END.getTime() + HOUR)),
        unverified: await volunteer('陈三', SQ1, null),
        grid: await volunteer('陈四', `${SQ2}.wg01`, new Date(NOW.getTime() - 24 * HOUR)),
      };
      return { city, ids, volunteer };
    }

    it('counts verified volunteers at or under each community per 1,000 residents, as of the date', async () => {
      const { ids } = await seed();
      const values = await byPath(t.db, await per1000.compute(t.db, await ctxOf(t.db)));
      // sq01: 2 residents, 1 verified (陈二 is verified after the date, 陈三 never); sq02: its grid's volunteer.
      expect(Object.keys(values).sort()).toEqual([SQ1, SQ2, SQ9].sort());
      expect(values[SQ1]).toMatchObject({ value: 500, numerator: 1, denominator: 2, recordCount: 1 });
      expect(values[SQ1].records).toEqual([
        {
          kind: 'volunteer',
          id: ids.early,
          label: '陈一',
          note: { en: 'verified on 2026-12-04', 'zh-CN': '2026-12-04 核实' },
        },
      ]);
      expect(values[SQ2]).toMatchObject({ value: 1000, numerator: 1, denominator: 1 });
      expect(values[SQ2].records.map((r) => r.id)).toEqual([ids.grid]);
      // No volunteer is a value (0); no residents (sq03) is none.
      expect(values[SQ9]).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: 1,
        records: [],
        recordCount: 0,
      });
      expect(JSON.stringify(values)).not.toMatch(/139000/);

      // A day later 陈二 counts too; two days earlier 陈一 does not yet.
      const later = await byPath(
        t.db,
        await per1000.compute(t.db, await ctxOf(t.db, new Date(END.getTime() + 86_400_000))),
      );
      expect(later[SQ1]).toMatchObject({ value: 1000, numerator: 2 });
      expect(later[SQ1].records.map((r) => r.label)).toEqual(['陈二', '陈一']);
      const before = await byPath(
        t.db,
        await per1000.compute(t.db, await ctxOf(t.db, new Date(NOW.getTime() - 60 * HOUR))),
      );
      expect(before[SQ1]).toMatchObject({ value: 0, numerator: 0 });
      expect(before[SQ2]).toMatchObject({ value: 0, numerator: 0 });
    });

    it('says it in one sentence and advises the volunteers to register', async () => {
      const { volunteer } = await seed();
      for (let i = 0; i < 11; i++) await volunteer(`志愿者${i}`, SQ1, new Date(NOW.getTime() - HOUR));
      const values = await byPath(t.db, await per1000.compute(t.db, await ctxOf(t.db, END, { [SQ1]: 7400 })));
      const v = values[SQ1];
      expect(v).toMatchObject({ numerator: 12, denominator: 7400, recordCount: 12 });
      expect(v.value).toBeCloseTo((12 / 7400) * 1000, 12);
      expect(v.summary).toEqual({
        en: 'volunteers.per_1000 1.6: 12 verified volunteers for 7,400 residents',
        'zh-CN': 'volunteers.per_1000 1.6：7,400 名居民有 12 名经核实的志愿者',
      });
      expect(v.records).toHaveLength(12);
      expect(v.records.at(-1)?.label).toBe('陈一'); // the latest verified first

      // 2 per 1,000 of 7,400 is 14.8: 15 volunteers, 3 more.
      expect(per1000.advice({ current: v, target: 2, targetOf: 'street_median', residents: 7400 })).toEqual({
        amount: 3,
        text: {
          en: "register 3 verified volunteers to reach the street's median",
          'zh-CN': '再登记 3 名经核实的志愿者，达到所在街道的中位数',
        },
      });
      expect(
        per1000.advice({ current: v, target: 1000 / 7400 + v.value, targetOf: 'city_best', residents: 7400 }),
      ).toMatchObject({ amount: 1, text: { en: "register 1 verified volunteer to reach the city's best" } });
      expect(
        per1000.advice({ current: v, target: 1.5, targetOf: 'city_median', residents: 7400 }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
