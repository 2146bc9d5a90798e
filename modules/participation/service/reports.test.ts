import { RenxingError } from '@renxing/contracts';
import { forEachDatabase } from '@renxing/db/testing';
import { createNotifier, listNotifications } from '@renxing/notify';
import { describe, expect, it } from 'vitest';
import { listReports, publicResponses, reportById } from '../store/reports.js';
import { type City, DAY, HOUR, NOW, residentActor, SQ1, SQ2, seedCity, staffActor } from '../test-support.js';
import { REPORTS_PER_HOUR, reopenReport, respondReport, submitReport } from './reports.js';

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof RenxingError) return e.code;
    throw e;
  }
  return 'no error';
};

forEachDatabase(
  'participation: reports',
  (t) => {
    const setup = async () => {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => NOW });
      return { city, notifier };
    };
    const as = (c: City, name: string, now = NOW) => residentActor(c, name, now);

    describe('near-duplicates', () => {
      it('links a near-duplicate (same category and community, Jaccard ≥ 0.6, 7 days) to the earliest report, with supporters', async () => {
        const { city, notifier } = await setup();
        const first = await submitReport(t.db, notifier, as(city, '甲', new Date(NOW.getTime() - 3 * DAY)), {
          category: 'hazard',
          text: '3号楼消防通道被私家车堵住了',
        });
        expect(first.duplicateOf).toBeNull();
        const second = await submitReport(t.db, notifier, as(city, '乙'), {
          category: 'hazard',
          text: '3号楼消防通道被私家车堵住',
        });
        expect(second.duplicateOf).toBe(first.report.id);
        // A third joins the original, not the duplicate.
        const third = await submitReport(t.db, notifier, as(city, '丙'), {
          category: 'hazard',
          text: '3号楼的消防通道被私家车堵住了',
        });
        expect(third.duplicateOf).toBe(first.report.id);
        expect((await reportById(t.db, first.report.id))!.supporters).toBe(3);
        // Another category, another community, or another text: a new issue.
        const other = await submitReport(t.db, notifier, as(city, '甲'), {
          category: 'complaint',
          text: '3号楼消防通道被私家车堵住了',
        });
        expect(other.duplicateOf).toBeNull();
        const elsewhere = await submitReport(t.db, notifier, as(city, '丁'), {
          category: 'hazard',
          text: '3号楼消防通道被私家车堵住了',
        });
        expect(elsewhere.duplicateOf).toBeNull();
        expect(elsewhere.report.placePath).toBe(SQ2);
        const unlike = await submitReport(t.db, notifier, as(city, '乙'), {
          category: 'hazard',
          text: '小区东门路灯坏了一个星期',
        });
        expect(unlike.duplicateOf).toBeNull();
        const issues = await listReports(t.db, {
          scope: SQ1,
          category: 'hazard',
          originalsOnly: true,
          limit: 10,
          offset: 0,
        });
        expect(issues.reports.map((r) => r.id).sort()).toEqual([first.report.id, unlike.report.id].sort());
      });

      it('does not link to a report older than 7 days', async () => {
        const { city, notifier } = await setup();
        await submitReport(t.db, notifier, as(city, '甲', new Date(NOW.getTime() - 8 * DAY)), {
          category: 'need',
          text: '独居老人需要每周送菜上门服务',
        });
        const later = await submitReport(t.db, notifier, as(city, '乙'), {
          category: 'need',
          text: '独居老人需要每周送菜上门服务',
        });
        expect(later.duplicateOf).toBeNull();
      });
    });

    it('limits a resident to 10 reports an hour (RX_REPORT_RATE_LIMITED), then admits again', async () => {
      const { city, notifier } = await setup();
      for (let i = 0; i < REPORTS_PER_HOUR; i++)
        await submitReport(t.db, notifier, as(city, '甲', new Date(NOW.getTime() + i * 60_000)), {
          category: 'suggestion',
          text: `第${i}条建议：${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(i, i + 8)}`,
        });
      expect(
        await code(
          submitReport(t.db, notifier, as(city, '甲', new Date(NOW.getTime() + 30 * 60_000)), {
            category: 'suggestion',
            text: '再来一条',
          }),
        ),
      ).toBe('RX_REPORT_RATE_LIMITED');
      // Another resident is not limited by 甲's reports.
      await submitReport(t.db, notifier, as(city, '乙', new Date(NOW.getTime() + 30 * 60_000)), {
        category: 'suggestion',
        text: '乙的建议',
      });
      // An hour after the first, one slot is free again.
      await submitReport(t.db, notifier, as(city, '甲', new Date(NOW.getTime() + HOUR + 1000)), {
        category: 'suggestion',
        text: '一小时后的建议',
      });
    });

    it('moves submitted → acknowledged → assigned → responded → closed, refusing other moves, telling the reporter each time', async () => {
      const { city, notifier } = await setup();
      const worker = staffActor(city, 'worker1', SQ1);
      const { report } = await submitReport(t.db, notifier, as(city, '甲'), {
        category: 'complaint',
        text: '<script>alert(1)</script> 夜间施工噪音',
        allowPublic: true,
      });
      expect(report.text).toBe('<script>alert(1)</script> 夜间施工噪音');
      expect(await code(respondReport(t.db, notifier, worker, report.id, { action: 'close' }))).toBe(
        'RX_REPORT_TRANSITION',
      );
      await respondReport(t.db, notifier, worker, report.id, { action: 'acknowledge' });
      await respondReport(t.db, notifier, worker, report.id, { action: 'assign', assignee: '城管执法队' });
      expect(await code(respondReport(t.db, notifier, worker, report.id, { action: 'respond' }))).toBe(
        'RX_VALIDATION',
      );
      const responded = await respondReport(t.db, notifier, worker, report.id, {
        action: 'respond',
        text: '已责令施工方夜间停工',
        public: true,
      });
      expect(responded).toMatchObject({
        state: 'responded',
        response: '已责令施工方夜间停工',
        assignedTo: '城管执法队',
      });
      expect((await publicResponses(t.db, { scope: SQ1, limit: 10, offset: 0 })).map((r) => r.id)).toEqual([
        report.id,
      ]);
      await respondReport(t.db, notifier, worker, report.id, { action: 'close' });
      const told = await listNotifications(t.db, { userId: city.user.res_a!, personId: city.person.甲! });
      expect(told.notifications.map((n) => n.subject.split(' / ')[0])).toEqual(
        expect.arrayContaining(
          ['报告已提交', '报告已受理', '报告已分派', '报告已答复', '报告已办结'].map((s) =>
            expect.stringContaining(s),
          ),
        ),
      );
      expect(told.notifications).toHaveLength(5);
      // Staff outside the report's place do not see it.
      expect(
        await code(
          respondReport(t.db, notifier, staffActor(city, 'worker9', 'cq.jb.jd03.sq09'), report.id, {
            action: 'close',
          }),
        ),
      ).toBe('RX_NO_SUCH_REPORT');
    });

    it('a response is public only when the reporter allowed it and staff made it public', async () => {
      const { city, notifier } = await setup();
      const worker = staffActor(city, 'worker1', SQ1);
      const { report } = await submitReport(t.db, notifier, as(city, '甲'), {
        category: 'suggestion',
        text: '增设休息座椅',
      });
      await respondReport(t.db, notifier, worker, report.id, {
        action: 'respond',
        text: '已采纳',
        public: true,
      });
      expect(await publicResponses(t.db, { scope: SQ1, limit: 10, offset: 0 })).toEqual([]);
    });

    it('lets the reporter reopen within 7 days of the response, not after, and no one else', async () => {
      const { city, notifier } = await setup();
      const worker = staffActor(city, 'worker1', SQ1);
      const { report } = await submitReport(t.db, notifier, as(city, '甲'), {
        category: 'hazard',
        text: '井盖松动',
      });
      expect(await code(reopenReport(t.db, notifier, as(city, '甲'), report.id, null))).toBe(
        'RX_REPORT_TRANSITION',
      );
      await respondReport(t.db, notifier, worker, report.id, { action: 'respond', text: '已修复' });
      expect(
        await code(
          reopenReport(t.db, notifier, as(city, '乙', new Date(NOW.getTime() + DAY)), report.id, null),
        ),
      ).toBe('RX_NO_SUCH_REPORT');
      const reopened = await reopenReport(
        t.db,
        notifier,
        as(city, '甲', new Date(NOW.getTime() + 6 * DAY)),
        report.id,
        '还是松的',
      );
      expect(reopened.state).not.toBe('responded');
      expect(reopened.reopenCount).toBe(1);
      await respondReport(t.db, notifier, { ...worker, now: new Date(NOW.getTime() + 7 * DAY) }, report.id, {
        action: 'respond',
        text: '已更换井盖',
      });
      expect(
        await code(
          reopenReport(
            t.db,
            notifier,
            as(city, '甲', new Date(NOW.getTime() + 14 * DAY + 1000)),
            report.id,
            null,
          ),
        ),
      ).toBe('RX_REOPEN_WINDOW');
    });

    it('staff submit for a resident of their place only; the place defaults to the home community', async () => {
      const { city, notifier } = await setup();
      const worker = staffActor(city, 'worker1', SQ1);
      const { report } = await submitReport(t.db, notifier, worker, {
        category: 'need',
        text: '需要代购药品',
        personId: city.person.居民01,
      });
      expect(report).toMatchObject({
        placePath: SQ1,
        reporterPersonId: city.person.居民01,
        submittedBy: city.user.worker1,
      });
      expect(
        await code(
          submitReport(t.db, notifier, worker, {
            category: 'need',
            text: '需要代购药品',
            personId: city.person.戊,
          }),
        ),
      ).toBe('RX_NOT_FOUND');
    });
  },
  { migrate: true },
);
