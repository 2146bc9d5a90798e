/**
 * followup.median_hours on both databases, seeded through cases' and follow-up's own functions
 * (a case, its companions, their tasks, worked with changeTask): the median of done tasks at or
 * under each community finished in [asOf − 90 days, asOf), the slowest first in the records, no
 * value without any, and the advice.
 */
import type { IndicatorContext, IndicatorValue } from '@renxing/contracts';
import { type Db, phonePseudonym } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { communitiesWithResidents, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { FOLLOW_UP_INDICATORS } from './indicators.js';
import { changeTask } from './service/tasks.js';
import { createTasksForCase } from './store/tasks.js';

const SECRET = Buffer.from('f'.repeat(32));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The end of 2026-12-06 in the city. */
const END = new Date('2026-12-07T00:00:00+08:00');
const SQ1 = 'cq.yz.jd01.sq01';
const SQ2 = 'cq.yz.jd01.sq02';
const SQ9 = 'cq.jb.jd03.sq09';
const PHONES = { a: '13800000001', b: '13800000002', c: '13800000003', d: '13800000009' } as const;
const median = FOLLOW_UP_INDICATORS.find((i) => i.key === 'followup.median_hours')!;

async function ctxOf(db: Db, asOf: Date): Promise<IndicatorContext> {
  return { date: '2026-12-06', asOf, communities: await communitiesWithResidents(db), hazards: [] };
}

async function byPath(db: Db, values: IndicatorValue[]): Promise<Record<string, IndicatorValue>> {
  const { rows } = await db.query<{ id: string; path: string }>('SELECT id, path FROM places');
  const path = new Map(rows.map((r) => [r.id, r.path]));
  return Object.fromEntries(values.map((v) => [path.get(v.community)!, v]));
}

forEachDatabase(
  'followup.median_hours',
  (t) => {
    async function seed() {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
        { parentPath: SQ2, level: 'grid', code: 'wg01', name: '网格一' },
        { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
        { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
        { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
      ]);
      await upsertPeople(
        t.db,
        [
          { name: '张三', phone: PHONES.a, community: SQ1 },
          { name: '李四', phone: PHONES.b, community: SQ1 },
          { name: '王五', phone: PHONES.c, community: `${SQ2}.wg01` },
          { name: '赵六', phone: PHONES.d, community: SQ9 },
        ],
        { secret: SECRET },
      );
      const worker = (
        await createUser(t.db, {
          username: 'admin',
          password: 'a-long-password',
          role: 'city_admin',
          placePath: 'cq',
        })
      ).id;
      let subject = 0;
      /** A case confirmed at `at` whose companions are `who`: their tasks, by phone. */
      const caseAt = async (at: Date, who: (keyof typeof PHONES)[]) => {
        const c = await insertCase(t.db, {
          subjectPseudonym: phonePseudonym(SECRET, `1370000000${subject++}`)!,
          confirmedAt: at,
          preset: 'default',
        });
        await upsertCompanions(
          t.db,
          c.id,
          who.map((w) => ({
            subjectPseudonym: phonePseudonym(SECRET, PHONES[w])!,
            cell: '1:2',
            overlapStart: 1000,
            overlapEnd: 2000,
            overlapS: 1000,
          })),
        );
        await createTasksForCase(t.db, c.id, { now: at });
        const { rows } = await t.db.query<{ id: string; subject_pseudonym: string }>(
          'SELECT id, subject_pseudonym FROM tasks WHERE case_id = $1',
          [c.id],
        );
        const task = (w: keyof typeof PHONES) =>
          rows.find((r) => r.subject_pseudonym === phonePseudonym(SECRET, PHONES[w]))!.id;
        return { label: c.label, task };
      };
      const done = (id: string, at: Date, state: 'done' | 'not_executable' = 'done') =>
        changeTask(t.db, { userId: worker, scope: 'cq', now: at }, id, {
          state,
          ...(state === 'done' ? { outcome: 'reached' as const } : { note: '查无此人' }),
        });
      // Case 1, ten days before the end: 张三 10 h, 李四 30 h, 王五 (a grid of sq02) 5 h, 赵六 still open.
      const c1 = await caseAt(new Date(END.getTime() - 10 * DAY), ['a', 'b', 'c', 'd']);
      await done(c1.task('a'), new Date(END.getTime() - 10 * DAY + 10 * HOUR));
      await done(c1.task('b'), new Date(END.getTime() - 10 * DAY + 30 * HOUR));
      await done(c1.task('c'), new Date(END.getTime() - 10 * DAY + 5 * HOUR));
      // Case 2, 100 days before: 张三 done then (out of the window); 李四's 26 h end 89 days 22 h before.
      const c2 = await caseAt(new Date(END.getTime() - 91 * DAY), ['a', 'b']);
      await done(c2.task('a'), new Date(END.getTime() - 91 * DAY + 2 * HOUR));
      await done(c2.task('b'), new Date(END.getTime() - 91 * DAY + 26 * HOUR));
      // Case 3, finished exactly 90 days before the end (in: 5 h).
      const c3 = await caseAt(new Date(END.getTime() - 90 * DAY - 5 * HOUR), ['a']);
      await done(c3.task('a'), new Date(END.getTime() - 90 * DAY));
      // Case 4, the last day: 张三 done exactly at the end (out), 李四 not executable (never counts).
      const c4 = await caseAt(new Date(END.getTime() - DAY), ['a', 'b']);
      await done(c4.task('a'), END);
      await done(c4.task('b'), new Date(END.getTime() - HOUR), 'not_executable');
      return { c1, c2, c3, c4 };
    }

    it('takes the median of tasks finished in the 90 days before the end, at or under each community', async () => {
      const { c1, c2, c3 } = await seed();
      const values = await byPath(t.db, await median.compute(t.db, await ctxOf(t.db, END)));
      expect(Object.keys(values).sort()).toEqual([SQ1, SQ2]);
      // sq01: 5, 10, 26, 30 hours → 18.
      expect(values[SQ1]).toMatchObject({ value: 18, numerator: 18, denominator: 4, recordCount: 4 });
      expect(values[SQ1].summary).toEqual({
        en: 'followup.median_hours 18: the median of 4 follow-up tasks finished in the last 90 days',
        'zh-CN': 'followup.median_hours 18：近 90 天完成的 4 项随访任务用时中位数',
      });
      expect(values[SQ1].records.map((r) => [r.id, r.label, r.value])).toEqual([
        [c1.task('b'), c1.label, 30],
        [c2.task('b'), c2.label, 26],
        [c1.task('a'), c1.label, 10],
        [c3.task('a'), c3.label, 5],
      ]);
      expect(values[SQ1].records[0]).toMatchObject({
        kind: 'follow_up_task',
        note: { en: 'done in 30 hours on 2026-11-28', 'zh-CN': '2026-11-28 完成，用时 30 小时' },
      });
      expect(JSON.stringify(values)).not.toMatch(/1380000|张三|李四/);
      expect(values[SQ2]).toMatchObject({ value: 5, numerator: 5, denominator: 1 });
      expect(values[SQ2].summary.en).toBe(
        'followup.median_hours 5: the median of 1 follow-up task finished in the last 90 days',
      );

      // A day later: case 3 and case 2 leave the window, case 4's 24 h enters it → 10, 24, 30.
      const later = await byPath(
        t.db,
        await median.compute(t.db, await ctxOf(t.db, new Date(END.getTime() + DAY))),
      );
      expect(later[SQ1]).toMatchObject({ value: 24, denominator: 3 });
      // 85 days before the end: cases 2 and 3 had ended (2, 26 and 5 h).
      const early = await byPath(
        t.db,
        await median.compute(t.db, await ctxOf(t.db, new Date(END.getTime() - 85 * DAY))),
      );
      expect(early[SQ1]).toMatchObject({ value: 5, denominator: 3 });
      expect(early[SQ2]).toBeUndefined();
    });

    it('advises the hours to finish within', async () => {
      await seed();
      const values = await byPath(t.db, await median.compute(t.db, await ctxOf(t.db, END)));
      expect(
        median.advice({ current: values[SQ1], target: 5, targetOf: 'street_median', residents: 2 }),
      ).toEqual({
        amount: 5,
        text: {
          en: "finish follow-up tasks within 5 hours (now 18) to reach the street's median",
          'zh-CN': '在 5 小时内完成随访任务（现为 18 小时），达到所在街道的中位数',
        },
      });
      expect(
        median.advice({ current: values[SQ1], target: 12.6, targetOf: 'city_median', residents: 2 }),
      ).toMatchObject({
        amount: 12,
      });
      expect(
        median.advice({ current: values[SQ1], target: 0.75, targetOf: 'city_best', residents: 2 }),
      ).toMatchObject({
        amount: 0.7,
      });
      expect(
        median.advice({ current: values[SQ1], target: 18, targetOf: 'city_best', residents: 2 }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
