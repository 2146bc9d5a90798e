import { type IndicatorContext, type IndicatorValue, MAX_EVIDENCE } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { communitiesWithResidents } from '@renxing/modules/people';
import { expect, it } from 'vitest';
import { actionsClosedShare, PLANS_INDICATORS, planCoverage } from './indicators.js';
import type { Hazard } from './rules/content.js';
import { activatePlan } from './service/incidents.js';
import { createPlan, type PlansActor, publishPlanVersion } from './service/plans.js';
import { submitAfterActionReview } from './service/review.js';
import { floodLevels, SQ1, SQ2, SQ3, SQ9, STREET, type TestCity, testCity } from './service/test-support.js';

const NOW = new Date('2026-07-01T02:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const HAZARDS = ['flood', 'fire', 'earthquake', 'blackout'];

async function context(db: Db, asOf: Date, hazards = HAZARDS): Promise<IndicatorContext> {
  return {
    date: asOf.toISOString().slice(0, 10),
    asOf,
    communities: await communitiesWithResidents(db),
    hazards,
  };
}

async function placeIds(db: Db): Promise<Record<string, string>> {
  const { rows } = await db.query<{ id: string; path: string }>('SELECT id, path FROM places');
  return Object.fromEntries(rows.map((r) => [r.path, r.id]));
}

const byPath = (values: IndicatorValue[], ids: Record<string, string>) =>
  new Map(values.map((v) => [Object.keys(ids).find((p) => ids[p] === v.community)!, v]));

async function plan(
  db: Db,
  who: PlansActor,
  p: { title: string; hazard: Hazard; owner?: string; places?: string[] },
) {
  const created = await createPlan(db, p, who);
  await publishPlanVersion(db, created.id, { levels: floodLevels(), changeNote: '' }, who);
  return created;
}

/**
 * Plans: the street's flood plan (jd01: sq01, sq02), published now; the city's fire plan, published
 * on day 1; an earthquake plan of sq01 never published; the district jb's epidemic plan (a hazard
 * the city does not list); a blackout plan over sq03 published on day 10.
 */
async function seedPlans(db: Db, city: TestCity) {
  const street = city.as(city.street, STREET, NOW);
  const flood = await plan(db, street, { title: '防汛应急预案', hazard: 'flood' });
  const fire = await plan(db, city.as(city.admin, 'cq', at(1)), { title: '消防应急预案', hazard: 'fire' });
  await createPlan(db, { title: '地震应急预案', hazard: 'earthquake' }, city.as(city.worker, SQ1, NOW));
  await plan(db, city.as(city.admin, 'cq', NOW), {
    title: '疫情防控预案',
    hazard: 'epidemic',
    owner: 'cq.jb',
  });
  const blackout = await plan(db, city.as(city.admin, 'cq', at(10)), {
    title: '停电应急预案',
    hazard: 'blackout',
    owner: 'cq',
    places: [SQ3],
  });
  return { flood, fire, blackout };
}

/** Activates `planId` at level IV over `place` now and reviews it with an action per due day; the actions' ids. */
async function review(
  db: Db,
  city: TestCity,
  planId: string,
  place: string,
  dues: number[],
): Promise<string[]> {
  const who = city.as(city.admin, 'cq', NOW);
  const { incident } = await activatePlan(db, planId, { level: 'IV', places: [place] }, who);
  const view = await submitAfterActionReview(
    db,
    incident.incident.id,
    {
      objectives: [
        {
          id: incident.objectives[0].id,
          rating: 'S',
          actions: dues.map((d, k) => ({
            title: `措施 ${place} ${k}`,
            owner: city.worker,
            due: at(d),
            element: 'training' as const,
          })),
        },
      ],
    },
    who,
  );
  // In the order of `dues` (the view lists them its own way).
  return dues.map((_, k) => view.actions.find((a) => a.title === `措施 ${place} ${k}`)!.id);
}

forEachDatabase(
  'plans: resilience indicators',
  (t) => {
    it('plan.coverage: hazards listed with a plan in force at or above the community ÷ hazards listed', async () => {
      const city = await testCity(t.db);
      const { flood, fire } = await seedPlans(t.db, city);
      const ids = await placeIds(t.db);
      const values = byPath(await planCoverage.compute(t.db, await context(t.db, at(2))), ids);
      // Every community has a value, residents or not.
      expect([...values.keys()].sort()).toEqual([SQ1, SQ2, SQ3, SQ9].sort());
      const sq01 = values.get(SQ1)!;
      expect(sq01).toMatchObject({ value: 0.5, numerator: 2, denominator: 4, recordCount: 4 });
      expect(sq01.summary).toEqual({
        en: 'plan.coverage 0.5: plans in force cover 2 of 4 hazards (flood, fire); none for earthquake, blackout',
        'zh-CN': 'plan.coverage 0.5：有效预案覆盖 4 类灾种中的 2 类（洪涝、火灾），地震、大面积停电尚无预案',
      });
      expect(sq01.records).toEqual([
        {
          kind: 'hazard',
          id: 'earthquake',
          label: '地震',
          note: { en: 'no plan in force covers earthquake', 'zh-CN': '尚无覆盖本社区的地震预案' },
        },
        {
          kind: 'hazard',
          id: 'blackout',
          label: '大面积停电',
          note: { en: 'no plan in force covers blackout', 'zh-CN': '尚无覆盖本社区的大面积停电预案' },
        },
        {
          kind: 'plan',
          id: fire.id,
          label: '消防应急预案',
          note: { en: 'fire plan, version 1', 'zh-CN': '火灾预案，第 1 版' },
        },
        {
          kind: 'plan',
          id: flood.id,
          label: '防汛应急预案',
          note: { en: 'flood plan, version 1', 'zh-CN': '洪涝预案，第 1 版' },
        },
      ]);
      expect(values.get(SQ2)).toMatchObject({ value: 0.5, numerator: 2 });
      // The city's fire plan only; the epidemic plan over jb is not of a hazard listed.
      expect(values.get(SQ3)).toMatchObject({ value: 0.25, numerator: 1, recordCount: 4 });
      expect(values.get(SQ9)).toMatchObject({ value: 0.25, numerator: 1 });
      expect(
        values
          .get(SQ9)
          ?.records.filter((r) => r.kind === 'plan')
          .map((r) => r.id),
      ).toEqual([fire.id]);
      expect(PLANS_INDICATORS).toEqual([planCoverage, actionsClosedShare]);
    });

    it('plan.coverage counts versions published before asOf; no hazards listed: no value', async () => {
      const city = await testCity(t.db);
      const { blackout } = await seedPlans(t.db, city);
      const ids = await placeIds(t.db);
      const first = byPath(await planCoverage.compute(t.db, await context(t.db, NOW)), ids);
      expect(first.get(SQ1)).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: 4,
        summary: {
          en: 'plan.coverage 0: no plan in force covers any of the 4 hazards (flood, fire, earthquake, blackout)',
          'zh-CN': 'plan.coverage 0：4 类灾种（洪涝、火灾、地震、大面积停电）均无覆盖本社区的有效预案',
        },
      });
      expect(
        byPath(await planCoverage.compute(t.db, await context(t.db, at(1))), ids).get(SQ1)?.numerator,
      ).toBe(1);
      const late = byPath(await planCoverage.compute(t.db, await context(t.db, at(11))), ids);
      expect(late.get(SQ3)).toMatchObject({ value: 0.5, numerator: 2 });
      expect(
        late
          .get(SQ3)
          ?.records.filter((r) => r.kind === 'plan')
          .map((r) => r.id),
      ).toContain(blackout.id);
      const two = byPath(
        await planCoverage.compute(t.db, await context(t.db, at(11), ['flood', 'fire'])),
        ids,
      );
      expect(two.get(SQ1)?.summary.en).toBe(
        'plan.coverage 1: plans in force cover all 2 hazards (flood, fire)',
      );
      expect(await planCoverage.compute(t.db, await context(t.db, at(11), []))).toEqual([]);
    });

    it('plan.coverage advises plans for the missing hazards, in the order the city lists them', async () => {
      const city = await testCity(t.db);
      await seedPlans(t.db, city);
      const ids = await placeIds(t.db);
      const current = byPath(await planCoverage.compute(t.db, await context(t.db, at(2))), ids).get(SQ1)!;
      expect(planCoverage.advice({ current, target: 1, targetOf: 'city_best', residents: 10 })).toEqual({
        amount: 2,
        text: {
          en: "write and publish plans for 2 more hazards: earthquake, blackout, to reach the city's best",
          'zh-CN': '为另外 2 类灾种编制并发布预案（地震、大面积停电），达到全市最好水平',
        },
      });
      expect(
        planCoverage.advice({ current, target: 0.6, targetOf: 'street_median', residents: 10 })?.text.en,
      ).toBe("write and publish plans for 1 more hazard: earthquake, to reach the street's median");
      expect(
        planCoverage.advice({ current, target: 0.5, targetOf: 'city_median', residents: 10 }),
      ).toBeNull();
    });

    it('plan.actions_closed_share: actions of incidents at or above the community closed by a revision before asOf ÷ all', async () => {
      const city = await testCity(t.db);
      const { flood } = await seedPlans(t.db, city);
      const ids = await placeIds(t.db);
      const a1 = await review(t.db, city, flood.id, SQ1, [5, 30, 2]);
      const a2 = await review(t.db, city, flood.id, STREET, [6, 20]);
      const street = (day: number) => city.as(city.street, STREET, at(day));
      await publishPlanVersion(
        t.db,
        flood.id,
        { levels: floodLevels(), changeNote: '修订一', closes: [a1[0], a2[0]] },
        street(4),
      );
      await publishPlanVersion(
        t.db,
        flood.id,
        { levels: floodLevels(), changeNote: '修订二', closes: [a1[1]] },
        street(8),
      );

      const values = byPath(await actionsClosedShare.compute(t.db, await context(t.db, at(10))), ids);
      // sq03 and sq09 have no incident: no value.
      expect([...values.keys()].sort()).toEqual([SQ1, SQ2].sort());
      const sq01 = values.get(SQ1)!;
      expect(sq01).toMatchObject({ value: 0.6, numerator: 3, denominator: 5, recordCount: 5 });
      expect(sq01.summary).toEqual({
        en: 'plan.actions_closed_share 0.6: revisions closed 3 of the 5 corrective actions of its incidents',
        'zh-CN': 'plan.actions_closed_share 0.6：其事件的 5 项纠正措施中已有 3 项由预案修订关闭',
      });
      // Open first (by due: the overdue one), then the closed ones.
      expect(sq01.records.map((r) => [r.kind, r.id, r.label, r.note?.en])).toEqual([
        ['corrective_action', a1[2], `措施 ${SQ1} 2`, 'open and overdue (防汛应急预案)'],
        ['corrective_action', a2[1], `措施 ${STREET} 1`, 'open (防汛应急预案)'],
        ['corrective_action', a1[0], `措施 ${SQ1} 0`, 'closed by version 2 of 防汛应急预案'],
        ['corrective_action', a2[0], `措施 ${STREET} 0`, 'closed by version 2 of 防汛应急预案'],
        ['corrective_action', a1[1], `措施 ${SQ1} 1`, 'closed by version 3 of 防汛应急预案'],
      ]);
      expect(sq01.records[0].note?.['zh-CN']).toBe('未关闭，已逾期（防汛应急预案）');
      expect(sq01.records[4].note?.['zh-CN']).toBe('已由防汛应急预案第 3 版关闭');
      // The street's incident covers sq02 too.
      expect(values.get(SQ2)).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });

      // Day 6: the second revision is yet to come; before the reviews, nothing.
      const day6 = byPath(await actionsClosedShare.compute(t.db, await context(t.db, at(6))), ids);
      expect(day6.get(SQ1)).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
      expect(
        day6
          .get(SQ1)
          ?.records.slice(0, 3)
          .map((r) => r.id),
      ).toEqual([a1[2], a2[1], a1[1]]);
      expect(await actionsClosedShare.compute(t.db, await context(t.db, NOW))).toEqual([]);

      expect(
        actionsClosedShare.advice({ current: sq01, target: 0.8, targetOf: 'street_median', residents: 10 }),
      ).toEqual({
        amount: 1,
        text: {
          en: "close 1 corrective action by revising their plans, to reach the street's median",
          'zh-CN': '修订预案，关闭 1 项纠正措施，达到所在街道的中位数',
        },
      });
      expect(
        actionsClosedShare.advice({ current: sq01, target: 1, targetOf: 'city_best', residents: 10 })?.amount,
      ).toBe(2);
      expect(
        actionsClosedShare.advice({ current: sq01, target: 0.6, targetOf: 'city_median', residents: 10 }),
      ).toBeNull();
    });

    it('plan.actions_closed_share keeps MAX_EVIDENCE actions and counts them all', async () => {
      const city = await testCity(t.db);
      const { fire } = await seedPlans(t.db, city);
      const ids = await placeIds(t.db);
      const dues = Array.from({ length: MAX_EVIDENCE + 2 }, (_, i) => 3 + i);
      const actions = await review(t.db, city, fire.id, SQ9, dues);
      const sq09 = byPath(await actionsClosedShare.compute(t.db, await context(t.db, at(2))), ids).get(SQ9)!;
      expect(sq09).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: dues.length,
        recordCount: dues.length,
      });
      expect(sq09.records.map((r) => r.id)).toEqual(actions.slice(0, MAX_EVIDENCE));
    });
  },
  { migrate: true },
);
