import { forEachDatabase } from '@renxing/db/testing';
import { createNotifier } from '@renxing/notify';
import { expect, it } from 'vitest';
import { HOUR, NOW, residentActor, SQ1, SQ2, seedCity, staffActor, systemActor } from '../test-support.js';
import { respondReport, submitReport } from './reports.js';
import { setReportSla } from './slas.js';
import { getParticipationStats } from './stats.js';

forEachDatabase(
  'participation: SLAs and statistics',
  (t) => {
    it('counts by state, the share within SLA, the median hours to respond and the breaches, per place', async () => {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => NOW });
      const h = (x: number) => new Date(NOW.getTime() + x * HOUR);
      await setReportSla(t.db, systemActor(), { category: 'hazard', ackHours: 1, respondHours: 4 });
      const worker = (x: number) => staffActor(city, 'worker1', SQ1, h(x));
      const submit = async (name: string, category: 'hazard' | 'suggestion', text: string) =>
        (await submitReport(t.db, notifier, residentActor(city, name, h(0)), { category, text })).report.id;
      // Hazard, SLA 1 h / 4 h: kept (acknowledged at 0.5 h, responded at 2 h).
      const kept = await submit('甲', 'hazard', '电线裸露在楼道里');
      await respondReport(t.db, notifier, worker(0.5), kept, { action: 'acknowledge' });
      await respondReport(t.db, notifier, worker(2), kept, { action: 'respond', text: '已包扎' });
      // Hazard: acknowledged late (3 h), responded at 6 h: both missed.
      const late = await submit('乙', 'hazard', '小区围墙有裂缝快要倒了');
      await respondReport(t.db, notifier, worker(3), late, { action: 'acknowledge' });
      await respondReport(t.db, notifier, worker(6), late, { action: 'respond', text: '已加固' });
      // Hazard, never acknowledged: at 10 h both deadlines passed.
      const ignored = await submit('丙', 'hazard', '路面塌陷一个坑');
      // Suggestion (defaults 24/72): pending at 10 h.
      await submit('丁', 'suggestion', '希望增加快递柜');
      const stats = await getParticipationStats(t.db, { scope: 'cq', from: h(-1), to: h(1), now: h(10) });
      expect(stats.total).toBe(4);
      expect(stats.byState).toEqual({ submitted: 2, acknowledged: 0, assigned: 0, responded: 2, closed: 0 });
      expect(stats.decided).toBe(3);
      expect(stats.withinSla).toBe(1);
      expect(stats.shareWithinSla).toBeCloseTo(1 / 3, 10);
      expect(stats.medianHoursToRespond).toBe(4);
      expect(stats.breaches).toBe(2);
      expect(stats.breachList.map((b) => [b.report.id, b.missed])).toEqual(
        expect.arrayContaining([
          [late, ['acknowledge', 'respond']],
          [ignored, ['acknowledge', 'respond']],
        ]),
      );
      expect(stats.byPlace.map((p) => [p.placePath, p.total])).toEqual([
        [SQ1, 3],
        [SQ2, 1],
      ]);
      // A place's own statistics.
      const sq2 = await getParticipationStats(t.db, { scope: SQ2, from: h(-1), to: h(1), now: h(10) });
      expect(sq2).toMatchObject({
        total: 1,
        decided: 0,
        shareWithinSla: null,
        medianHoursToRespond: null,
        breaches: 0,
      });
      // The period bounds what is counted.
      expect(
        (await getParticipationStats(t.db, { scope: 'cq', from: h(1), to: h(2), now: h(10) })).total,
      ).toBe(0);
    });
  },
  { migrate: true },
);
