/**
 * inbox.fields_saved on both databases, seeded through the inbox's own services (requests
 * submitted, items answered, later ones confirmed from their pre-fill): 1 − typed ÷ requested per
 * community over the demands of the 90 days before the end, values given after it left out, equal
 * to the burden figures (getBurdenStats' burdenCounts) once every value is in; no value without a
 * field requested.
 */
import type { IndicatorContext, IndicatorValue } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { INBOX_INDICATORS } from './indicators.js';
import { burden } from './rules/burden.js';
import { type InboxActor, localDate, submitWorkRequest } from './service/intake.js';
import { answerWorkItem, getWorkItem } from './service/items.js';
import { insertDepartment, publishDutyList } from './store/duty-list.js';
import { burdenCounts } from './store/requests.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The end of 2026-12-06 in the city. */
const END = new Date('2026-12-07T00:00:00+08:00');
const SQ1 = 'cq.yz.jd01.sq01';
const SQ2 = 'cq.yz.jd01.sq02';
const SQ9 = 'cq.jb.jd03.sq09';
const saved = INBOX_INDICATORS.find((i) => i.key === 'inbox.fields_saved')!;
const ago = (ms: number) => new Date(END.getTime() - ms);

async function ctxOf(db: Db, asOf: Date): Promise<IndicatorContext> {
  const { rows } = await db.query<{ id: string; path: string }>(
    "SELECT id, path FROM places WHERE level = 'community' ORDER BY path",
  );
  return {
    date: localDate(new Date(asOf.getTime() - 1)),
    asOf,
    communities: rows.map((r) => ({ ...r, residents: 100 })),
    hazards: [],
  };
}

async function byPath(db: Db, values: IndicatorValue[]): Promise<Record<string, IndicatorValue>> {
  const { rows } = await db.query<{ id: string; path: string }>('SELECT id, path FROM places');
  const path = new Map(rows.map((r) => [r.id, r.path]));
  return Object.fromEntries(values.map((v) => [path.get(v.community)!, v]));
}

const field = (key: string) => ({ key: `stats.${key}`, label: key, type: 'integer' as const });

forEachDatabase(
  'inbox.fields_saved',
  (t) => {
    async function seed() {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
        { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
        { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
        { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
      ]);
      const admin = (
        await createUser(t.db, {
          username: 'admin',
          password: 'a-long-password',
          role: 'city_admin',
          placePath: 'cq',
        })
      ).id;
      for (const [code, name] of [
        ['mzj', '民政局'],
        ['wsjkw', '卫健委'],
      ])
        await insertDepartment(t.db, { code, name });
      await publishDutyList(
        t.db,
        [
          {
            code: 'A-01',
            list: 'own',
            title: '人口摸排',
            department: 'mzj',
            legalBasis: '《城市居民委员会组织法》',
          },
          {
            code: 'B-01',
            list: 'own',
            title: '健康摸排',
            department: 'wsjkw',
            legalBasis: '《基本医疗卫生与健康促进法》',
          },
        ],
        { by: admin, note: 'v1', at: ago(200 * DAY) },
      );
      const actor = (now: Date): InboxActor => ({ userId: admin, scope: 'cq', department: null, now });
      const ask = async (
        at: Date,
        o: {
          department: string;
          duty: string;
          title: string;
          targets: string[];
          keys: string[];
          window: [string, string] | null;
          kind?: 'form' | 'task';
        },
      ) => {
        const s = await submitWorkRequest(
          t.db,
          {
            department: o.department,
            duty: o.duty,
            kind: o.kind ?? 'form',
            title: o.title,
            targets: o.targets,
            due: new Date(at.getTime() + 7 * DAY),
            window: o.window ? { from: o.window[0], to: o.window[1] } : null,
            priority: 'normal',
            resources: null,
            admission: null,
            fields: o.keys.map(field),
          },
          actor(at),
        );
        return Object.fromEntries(s.communities.map((c) => [c.path, c.itemId]));
      };
      const answer = (item: string, at: Date, values: Record<string, number>) =>
        answerWorkItem(
          t.db,
          item,
          Object.fromEntries(Object.entries(values).map(([k, v]) => [`stats.${k}`, v])),
          actor(at),
        );
      // 100 days before: sq01 types both fields (out of the 90 days).
      const r1 = await ask(ago(100 * DAY), {
        department: 'mzj',
        duty: 'A-01',
        title: '八月摸排',
        targets: [SQ1],
        keys: ['a', 'b'],
        window: ['2026-08-01', '2026-08-31'],
      });
      await answer(r1[SQ1], ago(99 * DAY), { a: 1, b: 2 });
      // 30 days before, to the street: sq01 types x, y, z; sq02 types x and y only.
      const r2 = await ask(ago(30 * DAY), {
        department: 'mzj',
        duty: 'A-01',
        title: '十一月摸排',
        targets: ['cq.yz.jd01'],
        keys: ['x', 'y', 'z'],
        window: ['2026-11-01', '2026-11-07'],
      });
      await answer(r2[SQ1], ago(29 * DAY), { x: 10, y: 20, z: 30 });
      await answer(r2[SQ2], ago(29 * DAY), { x: 11, y: 21 });
      // 10 days before, another department asks sq01 for x and y again (pre-filled: confirmed) and w (typed).
      const r3 = await ask(ago(10 * DAY), {
        department: 'wsjkw',
        duty: 'B-01',
        title: '健康摸排表',
        targets: [SQ1],
        keys: ['x', 'y', 'w'],
        window: ['2026-11-01', '2026-11-07'],
      });
      const item = await getWorkItem(t.db, r3[SQ1], actor(ago(9 * DAY)));
      expect(item.fields.map((f) => f.prefill?.value ?? null)).toEqual([10, 20, null]);
      await answer(r3[SQ1], ago(9 * DAY), { x: 10, y: 20, w: 5 });
      // 2 days before: one field, typed an hour after the end.
      const r4 = await ask(ago(2 * DAY), {
        department: 'mzj',
        duty: 'A-01',
        title: '十二月摸排',
        targets: [SQ1],
        keys: ['q'],
        window: ['2026-12-20', '2026-12-25'],
      });
      await answer(r4[SQ1], new Date(END.getTime() + HOUR), { q: 7 });
      // sq09 is given a task: no field asked.
      await ask(ago(3 * DAY), {
        department: 'mzj',
        duty: 'A-01',
        title: '张贴通知',
        targets: [SQ9],
        keys: [],
        window: null,
        kind: 'task',
      });
      return { r1, r2, r3, r4 };
    }

    it('is 1 − typed ÷ requested over the demands of the last 90 days, by community', async () => {
      const { r2, r3, r4 } = await seed();
      const values = await byPath(t.db, await saved.compute(t.db, await ctxOf(t.db, END)));
      expect(Object.keys(values).sort()).toEqual([SQ1, SQ2]);
      expect(values[SQ9]).toBeUndefined();
      // sq01: 3 + 3 + 1 fields asked; 3 + 1 typed (q comes after the end), 2 confirmed.
      expect(values[SQ1]).toMatchObject({ numerator: 3, denominator: 7, recordCount: 3 });
      expect(values[SQ1].value).toBeCloseTo(3 / 7, 12);
      expect(values[SQ1].summary).toEqual({
        en: 'inbox.fields_saved 0.43: 4 of 7 fields requested in the last 90 days were typed',
        'zh-CN': 'inbox.fields_saved 0.43：近 90 天要求填报的 7 个字段中手工录入 4 个',
      });
      expect(values[SQ1].records).toEqual([
        {
          kind: 'work_item',
          id: r2[SQ1],
          label: '十一月摸排',
          value: 3,
          note: {
            en: '3 of 3 fields typed, 0 confirmed from a pre-fill',
            'zh-CN': '3 个字段中手工录入 3 个，确认预填 0 个',
          },
        },
        expect.objectContaining({
          id: r3[SQ1],
          value: 1,
          note: expect.objectContaining({ en: '1 of 3 fields typed, 2 confirmed from a pre-fill' }),
        }),
        expect.objectContaining({ id: r4[SQ1], value: 0 }),
      ]);
      expect(values[SQ2]).toMatchObject({ numerator: 1, denominator: 3 });
      expect(values[SQ2].value).toBeCloseTo(1 / 3, 12);

      // A day later q counts: and with every value in, the figures are getBurdenStats' own.
      const asOf = new Date(END.getTime() + DAY);
      const later = await byPath(t.db, await saved.compute(t.db, await ctxOf(t.db, asOf)));
      const counts = await burdenCounts(t.db, {
        under: 'cq',
        from: localDate(new Date(asOf.getTime() - 90 * DAY)),
        to: localDate(new Date(asOf.getTime() - 1)),
      });
      const stats = Object.fromEntries(counts.communities.map((c) => [c.key, burden(c)]));
      expect(stats[SQ1]).toMatchObject({ fieldsRequested: 7, fieldsEntered: 5, fieldsPrefilled: 2 });
      for (const path of [SQ1, SQ2]) {
        expect(later[path].value).toBeCloseTo(stats[path].fieldsSaved, 12);
        expect(later[path].denominator).toBe(stats[path].fieldsRequested);
        expect(later[path].denominator - later[path].numerator).toBe(stats[path].fieldsEntered);
      }
      expect(stats[SQ9]).toMatchObject({ fieldsRequested: 0 });
      expect(later[SQ9]).toBeUndefined();

      // 70 days before the end: only the August form (both fields typed): 0.
      const early = await byPath(t.db, await saved.compute(t.db, await ctxOf(t.db, ago(70 * DAY))));
      expect(Object.keys(early)).toEqual([SQ1]);
      expect(early[SQ1]).toMatchObject({ value: 0, numerator: 0, denominator: 2 });

      // Reaching 0.75 of 7 fields: at most 1.75 typed, so 3 fewer than 4.
      expect(
        saved.advice({ current: values[SQ1], target: 0.75, targetOf: 'city_best', residents: 100 }),
      ).toEqual({
        amount: 3,
        text: {
          en: "confirm pre-filled fields instead of typing them: 3 fewer fields to reach the city's best",
          'zh-CN': '确认预填字段而非手工录入：少录入 3 个字段，达到全市最好水平',
        },
      });
      expect(
        saved.advice({ current: values[SQ1], target: 0.4, targetOf: 'street_median', residents: 100 }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
