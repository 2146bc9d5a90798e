/**
 * aid.median_hours on both databases, seeded through mutual aid's own services (a request, a
 * matching run, the volunteer's accept, completion): the median hours to done of the requests of
 * each community done in [asOf − 90 days, asOf), the slowest first, no value without any.
 */
import type { IndicatorContext, IndicatorValue } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { communitiesWithResidents } from '@renxing/modules/people';
import { setVolunteerWindows } from '@renxing/modules/volunteers';
import { expect, it } from 'vitest';
import { MUTUAL_AID_INDICATORS } from './indicators.js';
import { runAidMatching } from './service/matching.js';
import { completeAidRequest, respondAidMatch } from './service/offers.js';
import { createAidRequest } from './service/requests.js';
import { HOUR, SQ1, SQ2, SQ9, seedAidCity, staffActor, volunteerActor } from './test-support.js';

const DAY = 24 * HOUR;
/** The end of 2026-12-06 in the city. */
const END = new Date('2026-12-07T00:00:00+08:00');
const median = MUTUAL_AID_INDICATORS.find((i) => i.key === 'aid.median_hours')!;
const ago = (ms: number) => new Date(END.getTime() - ms);

async function ctxOf(db: Db, asOf: Date): Promise<IndicatorContext> {
  return { date: '2026-12-06', asOf, communities: await communitiesWithResidents(db), hazards: [] };
}

async function byPath(db: Db, values: IndicatorValue[]): Promise<Record<string, IndicatorValue>> {
  const { rows } = await db.query<{ id: string; path: string }>('SELECT id, path FROM places');
  const path = new Map(rows.map((r) => [r.id, r.path]));
  return Object.fromEntries(values.map((v) => [path.get(v.community)!, v]));
}

forEachDatabase(
  'aid.median_hours',
  (t) => {
    async function seed() {
      const city = await seedAidCity(t.db);
      const admin = (now: Date) => staffActor(city.users.admin, 'city_admin', 'cq', now);
      // Who asks, when, and how long until done (requests on different days: capacity is 1 a day).
      const plan = [
        { who: city.people.zhang, at: ago(10 * DAY), hours: 3 },
        { who: city.people.li, at: ago(9 * DAY), hours: 7 },
        { who: city.people.zhang, at: ago(95 * DAY), hours: 2 }, // done before the window
        { who: city.people.li, at: ago(90 * DAY + 4 * HOUR), hours: 4 }, // done exactly at its start
        { who: city.people.zhang, at: ago(20 * HOUR), hours: 21 }, // done an hour after the end
        { who: city.people.wang, at: ago(5 * DAY), hours: 10 },
      ];
      const windows = plan.map((p) => ({ from: p.at, to: new Date(p.at.getTime() + DAY) }));
      for (const id of Object.values(city.volunteers))
        await setVolunteerWindows(t.db, id, windows, {
          userId: city.users.admin,
          scope: 'cq',
          now: ago(100 * DAY),
        });
      const userOf = new Map(
        (Object.keys(city.volunteers) as (keyof typeof city.volunteers)[]).map((k) => [
          city.volunteers[k],
          city.users[k],
        ]),
      );
      const ids: string[] = [];
      for (const p of plan) {
        const { request } = await createAidRequest(
          t.db,
          {
            personId: p.who,
            need: 'medicine_delivery',
            urgency: 'normal',
            from: p.at,
            to: new Date(p.at.getTime() + 6 * HOUR),
          },
          admin(p.at),
        );
        await runAidMatching(t.db, { actor: admin(new Date(p.at.getTime() + 60_000)) });
        const { rows } = await t.db.query<{ id: string; volunteer_id: string }>(
          "SELECT id, volunteer_id FROM aid_offers WHERE request_id = $1 AND state = 'offered'",
          [request.id],
        );
        const volunteer = userOf.get(rows[0].volunteer_id)!;
        await respondAidMatch(
          t.db,
          rows[0].id,
          { accept: true },
          volunteerActor(volunteer, new Date(p.at.getTime() + HOUR / 2)),
        );
        await completeAidRequest(
          t.db,
          request.id,
          {},
          volunteerActor(volunteer, new Date(p.at.getTime() + p.hours * HOUR)),
        );
        ids.push(request.id);
      }
      // 赵六 (sq09) asks too, and is never helped.
      await createAidRequest(
        t.db,
        {
          personId: city.people.zhao,
          need: 'medicine_delivery',
          urgency: 'normal',
          from: ago(DAY),
          to: ago(DAY - 6 * HOUR),
        },
        admin(ago(DAY)),
      );
      return ids;
    }

    it('takes the median hours to done of requests done in the 90 days before the end, by community', async () => {
      const ids = await seed();
      const values = await byPath(t.db, await median.compute(t.db, await ctxOf(t.db, END)));
      expect(Object.keys(values).sort()).toEqual([SQ1, SQ2]);
      expect(values[SQ9]).toBeUndefined();
      // sq01: 3, 7, 4 hours.
      expect(values[SQ1]).toMatchObject({ value: 4, numerator: 4, denominator: 3, recordCount: 3 });
      expect(values[SQ1].summary).toEqual({
        en: 'aid.median_hours 4: the median of 3 mutual-aid requests done in the last 90 days',
        'zh-CN': 'aid.median_hours 4：近 90 天办结的 3 项互助请求用时中位数',
      });
      expect(values[SQ1].records.map((r) => [r.id, r.value])).toEqual([
        [ids[1], 7],
        [ids[3], 4],
        [ids[0], 3],
      ]);
      expect(values[SQ1].records[0]).toEqual({
        kind: 'aid_request',
        id: ids[1],
        label: 'medicine_delivery 2026-11-28',
        value: 7,
        note: {
          en: 'medicine delivery asked on 2026-11-28, done in 7 hours',
          'zh-CN': '2026-11-28 提出的送药请求，用时 7 小时办结',
        },
      });
      expect(JSON.stringify(values)).not.toMatch(/1380000|张三|李四/);
      expect(values[SQ2]).toMatchObject({ value: 10, numerator: 10, denominator: 1 });

      // A day later the 4 h request has left the window and the 21 h one entered it: 3, 7, 21.
      const later = await byPath(
        t.db,
        await median.compute(t.db, await ctxOf(t.db, new Date(END.getTime() + DAY))),
      );
      expect(later[SQ1]).toMatchObject({ value: 7, denominator: 3 });
      // 80 days before the end: only the request 95 days before and the one 90 days before (2 and 4 h): 3.
      const early = await byPath(t.db, await median.compute(t.db, await ctxOf(t.db, ago(80 * DAY))));
      expect(early[SQ1]).toMatchObject({ value: 3, denominator: 2 });
      expect(early[SQ2]).toBeUndefined();

      expect(
        median.advice({ current: values[SQ1], target: 3.5, targetOf: 'city_median', residents: 2 }),
      ).toEqual({
        amount: 3,
        text: {
          en: "answer mutual-aid requests within 3 hours (now 4) to reach the city's median",
          'zh-CN': '在 3 小时内办结互助请求（现为 4 小时），达到全市中位数',
        },
      });
      expect(
        median.advice({ current: values[SQ1], target: 10, targetOf: 'city_best', residents: 2 }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
