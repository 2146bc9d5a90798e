import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { initialValues, NOW, resilienceCity, TODAY, testIndicators } from './index-test-support.js';
import { startResilienceSchedule } from './scheduler.js';

forEachDatabase(
  'resilience schedule',
  (t) => {
    it("computes today's index at start when today has none, and each new city date once", async () => {
      await resilienceCity(t.db);
      let now = NOW.getTime() / 1000;
      const lines: string[] = [];
      const schedule = startResilienceSchedule({
        db: t.db,
        now: () => now,
        log: (line) => lines.push(line),
        everyMs: 3_600_000,
        platform: testIndicators(initialValues()),
      });
      try {
        expect(await schedule.first).toBe(TODAY);
        expect(await schedule.tick()).toBeNull(); // today has its run
        now += 16 * 3600; // 02:00 the next day in the city
        expect(await schedule.tick()).toBe('2026-12-07');
        expect(await schedule.tick()).toBeNull();
        const runs = await t.db.query<{ date: string }>(
          "SELECT to_char(date, 'YYYY-MM-DD') AS date FROM resilience_runs ORDER BY date",
        );
        expect(runs.rows.map((r) => r.date)).toEqual([TODAY, '2026-12-07']);
        expect(lines[0]).toMatch(/^resilience index 2026-12-06: 4 communities, 4 indicators/);
        const audit = await t.db.query<{ actor: string }>(
          "SELECT actor FROM audit_log WHERE action = 'resilience.compute'",
        );
        expect(audit.rows.map((r) => r.actor)).toEqual(['system:resilience', 'system:resilience']);
      } finally {
        await schedule.stop();
      }
    });
  },
  { migrate: true },
);
