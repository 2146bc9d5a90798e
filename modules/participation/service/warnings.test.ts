import { forEachDatabase } from '@renxing/db/testing';
import { createNotifier, listNotifications } from '@renxing/notify';
import { expect, it } from 'vitest';
import { listWarnings } from '../store/warnings.js';
import { type City, DAY, HOUR, NOW, SQ1, SQ2, seedCity, staffActor } from '../test-support.js';
import { submitReport } from './reports.js';
import { checkEarlyWarnings, WARNING_ORIGIN } from './warnings.js';

forEachDatabase(
  'participation: early warning',
  (t) => {
    const symptom = async (city: City, name: string, when: Date, text = '发热、咳嗽') => {
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => when });
      const worker = staffActor(city, 'admin', 'cq', when);
      return (
        await submitReport(t.db, notifier, worker, {
          category: 'health_symptom',
          text: `${text} ${name}`,
          personId: city.person[name],
        })
      ).report;
    };

    it('raises once for n ≥ max(3, m + 3s), with the reports behind it, an inbox item and the district’s health officers told; not again within 24 h', async () => {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => NOW });
      // Baseline: one resident a day on each of the previous 14 days (m = 1, s = 0 → threshold 3).
      for (let d = 1; d <= 14; d++)
        await symptom(
          city,
          `居民${String(d).padStart(2, '0')}`,
          new Date(NOW.getTime() - d * DAY - 2 * HOUR),
        );
      // Two residents today (one twice): n = 2, below the floor of 3.
      const a = await symptom(city, '居民15', new Date(NOW.getTime() - 5 * HOUR));
      const b = await symptom(city, '居民16', new Date(NOW.getTime() - 4 * HOUR));
      const b2 = await symptom(city, '居民16', new Date(NOW.getTime() - 3 * HOUR), '又发热');
      expect(await checkEarlyWarnings(t.db, notifier, NOW)).toEqual([]);
      // A third distinct resident: n = 3 ≥ max(3, 1 + 0).
      const c = await symptom(city, '居民17', new Date(NOW.getTime() - HOUR));
      // Another community's two do not count for sq01 and raise nothing there.
      await symptom(city, '丁', new Date(NOW.getTime() - HOUR));
      const raised = await checkEarlyWarnings(t.db, notifier, NOW);
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({ placePath: SQ1, n: 3, m: 1, s: 0, threshold: 3, alerted: 2 });
      expect(new Set(raised[0]!.reportIds)).toEqual(new Set([a.id, b.id, b2.id, c.id]));
      const stored = await listWarnings(t.db, { scope: 'cq.yz', limit: 10 });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        placePath: SQ1,
        n: 3,
        hour: new Date(Math.floor(NOW.getTime() / HOUR) * HOUR),
      });
      expect(await listWarnings(t.db, { scope: SQ2, limit: 10 })).toEqual([]);
      // The community's inbox item.
      const items = await t.db.query<{ origin: string; ref: string; priority: string; path: string }>(
        `SELECT i.origin, i.origin_ref AS ref, i.priority, p.path FROM work_items i JOIN places p ON p.id = i.place_id WHERE i.origin = $1`,
        [WARNING_ORIGIN],
      );
      expect(items.rows).toEqual([
        { origin: WARNING_ORIGIN, ref: raised[0]!.id, priority: 'urgent', path: SQ1 },
      ]);
      // The health officers of the district and the city are told, not those of another district or below.
      const told = async (u: string) =>
        (await listNotifications(t.db, { userId: city.user[u]!, personId: null })).notifications;
      expect((await told('health_yz'))[0]).toMatchObject({
        kind: 'participation.early_warning',
        ref: raised[0]!.id,
      });
      expect((await told('health_yz'))[0]!.text).toContain(c.id);
      expect(await told('health_city')).toHaveLength(1);
      expect(await told('health_jb')).toEqual([]);
      expect(await told('health_street')).toEqual([]);
      // More reports an hour later and 23 h later: no second warning within 24 h.
      await symptom(city, '居民18', new Date(NOW.getTime() + 30 * 60_000));
      expect(await checkEarlyWarnings(t.db, notifier, new Date(NOW.getTime() + HOUR))).toEqual([]);
      for (const [k, who] of ['居民19', '居民20', '甲', '乙'].entries())
        await symptom(city, who, new Date(NOW.getTime() + 20 * HOUR + k * 60_000));
      expect(await checkEarlyWarnings(t.db, notifier, new Date(NOW.getTime() + 23 * HOUR))).toEqual([]);
      // 24 h after the first: it may raise again (n is still high against the baseline).
      const again = await checkEarlyWarnings(t.db, notifier, new Date(NOW.getTime() + 24 * HOUR));
      expect(again).toHaveLength(1);
      expect(await listWarnings(t.db, { scope: SQ1, limit: 10 })).toHaveLength(2);
    });

    it('a community whose baseline is high needs more than its usual count', async () => {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => NOW });
      // Four a day on alternate days, none on the others: m = 2, s = 2 → threshold 8.
      for (let d = 1; d <= 14; d++)
        if (d % 2 === 0)
          for (let k = 0; k < 4; k++)
            await symptom(
              city,
              `居民${String(k + 1).padStart(2, '0')}`,
              new Date(NOW.getTime() - d * DAY - (k + 1) * HOUR),
            );
      for (let k = 0; k < 7; k++)
        await symptom(
          city,
          `居民${String(k + 5).padStart(2, '0')}`,
          new Date(NOW.getTime() - (k + 1) * HOUR),
        );
      expect(await checkEarlyWarnings(t.db, notifier, NOW)).toEqual([]);
      await symptom(city, '居民12', new Date(NOW.getTime() - 30 * 60_000));
      const raised = await checkEarlyWarnings(t.db, notifier, NOW);
      expect(raised).toMatchObject([{ n: 8, m: 2, s: 2, threshold: 8 }]);
    });
  },
  { migrate: true },
);
