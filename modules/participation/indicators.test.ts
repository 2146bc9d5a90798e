/**
 * participation.sla_share on both databases, seeded through participation's own services
 * (submitReport, respondReport, setReportSla): reports at or under each community submitted in
 * [asOf − 90 days, asOf), responded within their category's SLA ÷ those decided by asOf; pending
 * ones left out, a response after asOf not counted; the missed first in the records.
 */
import type { IndicatorContext, IndicatorValue } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createNotifier } from '@renxing/notify';
import { expect, it } from 'vitest';
import { PARTICIPATION_INDICATORS } from './indicators.js';
import { respondReport, submitReport } from './service/reports.js';
import { setReportSla } from './service/slas.js';
import type { Category } from './store/reports.js';
import { DAY, HOUR, residentActor, SQ1, SQ2, SQ9, seedCity, staffActor } from './test-support.js';

/** The end of 2026-12-06 in the city. */
const END = new Date('2026-12-07T00:00:00+08:00');
const share = PARTICIPATION_INDICATORS.find((i) => i.key === 'participation.sla_share')!;
const ago = (ms: number) => new Date(END.getTime() - ms);

async function ctxOf(db: Db, asOf: Date): Promise<IndicatorContext> {
  const { rows } = await db.query<{ id: string; path: string }>(
    "SELECT id, path FROM places WHERE level = 'community' ORDER BY path",
  );
  return { date: '2026-12-06', asOf, communities: rows.map((r) => ({ ...r, residents: 10 })), hazards: [] };
}

async function byPath(db: Db, values: IndicatorValue[]): Promise<Record<string, IndicatorValue>> {
  const { rows } = await db.query<{ id: string; path: string }>('SELECT id, path FROM places');
  const path = new Map(rows.map((r) => [r.id, r.path]));
  return Object.fromEntries(values.map((v) => [path.get(v.community)!, v]));
}

forEachDatabase(
  'participation.sla_share',
  (t) => {
    async function seed() {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => END });
      // Complaints are answered within 24 hours here; the rest keep the default 72.
      await setReportSla(t.db, staffActor(city, 'admin', 'cq', ago(200 * DAY)), {
        category: 'complaint',
        ackHours: 12,
        respondHours: 24,
      });
      const report = async (
        who: string,
        category: Category,
        text: string,
        at: Date,
        respondAfterHours: number | null,
        placePath?: string,
      ) => {
        const { report } = await submitReport(t.db, notifier, residentActor(city, who, at), {
          category,
          text,
          ...(placePath ? { placePath } : {}),
        });
        if (respondAfterHours !== null) {
          const when = new Date(at.getTime() + respondAfterHours * HOUR);
          const scope = report.placePath.startsWith(SQ1) ? SQ1 : 'cq';
          const staff = scope === SQ1 ? 'worker1' : 'admin';
          await respondReport(t.db, notifier, staffActor(city, staff, scope, when), report.id, {
            action: 'respond',
            text: '已处理',
          });
        }
        return report.id;
      };
      const r = {
        met30: await report('甲', 'hazard', '楼道灯坏了', ago(10 * DAY), 30),
        late: await report('乙', 'complaint', '夜间施工噪音扰民', ago(10 * DAY), 30),
        silent: await report('丙', 'hazard', '井盖松动有危险', ago(5 * DAY), null),
        pending: await report('甲', 'hazard', '小区围墙有裂缝', ago(DAY), null, `${SQ1}.wg1`),
        quick: await report('乙', 'suggestion', '建议增设健身器材', ago(DAY), 12),
        before: await report('丙', 'hazard', '电线私拉乱接', ago(95 * DAY), 1),
        edge: await report('甲', 'hazard', '消防栓被遮挡', ago(90 * DAY), 72),
        afterEnd: await report('乙', 'hazard', '雨棚脱落', ago(4 * DAY), 4 * 24 + 1),
        sq2: await report('丁', 'need', '需要代购药品', ago(2 * DAY), 10),
        sq9: await report('戊', 'hazard', '路面塌陷', ago(DAY), null),
      };
      return r;
    }

    it('shares the reports responded within their SLA among those decided by the end, by community', async () => {
      const r = await seed();
      const values = await byPath(t.db, await share.compute(t.db, await ctxOf(t.db, END)));
      // sq09's only report is still within its deadline: no value.
      expect(Object.keys(values).sort()).toEqual([SQ1, SQ2]);
      expect(values[SQ9]).toBeUndefined();
      expect(values[SQ1]).toMatchObject({ value: 0.5, numerator: 3, denominator: 6, recordCount: 6 });
      expect(values[SQ1].summary).toEqual({
        en: 'participation.sla_share 0.5: 3 of 6 reports of the last 90 days responded within their SLA',
        'zh-CN': 'participation.sla_share 0.5：近 90 天 6 件居民反映中 3 件在时限内答复',
      });
      // Missed first, the latest first (48 h, 24 h, 6 h past), then met, the closest to its deadline first.
      expect(values[SQ1].records.map((x) => x.id)).toEqual([
        r.silent,
        r.afterEnd,
        r.late,
        r.edge,
        r.met30,
        r.quick,
      ]);
      expect(values[SQ1].records[0]).toEqual({
        kind: 'report',
        id: r.silent,
        label: '安全隐患 2026-12-02',
        note: { en: 'not responded within its 72-hour SLA', 'zh-CN': '未在 72 小时时限内答复' },
      });
      expect(values[SQ1].records[2]).toMatchObject({
        label: '投诉 2026-11-27',
        value: 30,
        note: {
          en: 'responded in 30 hours, past its 24-hour SLA',
          'zh-CN': '30 小时才答复，超过 24 小时时限',
        },
      });
      expect(values[SQ1].records[3]).toMatchObject({
        value: 72,
        note: { en: 'responded in 72 hours, within its 72-hour SLA' },
      });
      expect(JSON.stringify(values)).not.toMatch(/甲|乙|丙|楼道|噪音/);
      expect(values[SQ2]).toMatchObject({ value: 1, numerator: 1, denominator: 1 });

      // A day later the 90-day edge report has left; the late response still misses: 2 of 5.
      const later = await byPath(
        t.db,
        await share.compute(t.db, await ctxOf(t.db, new Date(END.getTime() + DAY))),
      );
      expect(later[SQ1]).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
      // Nine days before the end: the reports of ten days before are pending (their responses and
      // deadlines come later; a deadline at the very instant is not yet passed); 95 and 90 days before met.
      const early = await byPath(t.db, await share.compute(t.db, await ctxOf(t.db, ago(9 * DAY))));
      expect(early[SQ1]).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
      expect(early[SQ1].records.map((x) => x.id)).toEqual([r.edge, r.before]);
      expect(early[SQ2]).toBeUndefined();

      expect(
        share.advice({ current: values[SQ1], target: 0.75, targetOf: 'street_median', residents: 10 }),
      ).toEqual({
        amount: 2,
        text: {
          en: "respond to 2 more reports within their SLA to reach the street's median",
          'zh-CN': '再按时答复 2 件居民反映，达到所在街道的中位数',
        },
      });
      expect(
        share.advice({ current: values[SQ1], target: 0.5, targetOf: 'city_median', residents: 10 }),
      ).toBeNull();
    });
  },
  { migrate: true },
);
