/**
 * The dwell clause looks back dwell_window (14 days) from E, not just a day before the case's
 * window: under chengdu-2021 a companion who met the case on day 3 counts because of the 34 hours
 * they spent in that cell on days 1 and 2 — hours the store holds on days outside the window.
 */
import { forEachDatabase } from '@renxing/db/testing';
import { importPings } from '@renxing/modules/trajectories';
import { expect, it } from 'vitest';
import { detectCases } from './detect.js';
import { registerCase } from './register.js';

const secret = Buffer.from('dwell-detect-secret-dwell-detect-secret');
const DAY1 = 1_793_462_400; // 2026-11-01 00:00 +08:00
const H = 3600;
const CASE = '13800000001';
const NEIGHBOUR = '13800000002';
const HERE = '106.55,29.56';
const AWAY = '106.70,29.70';

function pings(): string {
  const rows = ['subject,ts,lon,lat'];
  // The neighbour: at home from day 1 00:00 to day 2 10:00 (every 20 min), away until day 3 10:00.
  for (let t = DAY1; t <= DAY1 + 34 * H; t += 1200) rows.push(`${NEIGHBOUR},${t},${HERE}`);
  for (let t = DAY1 + 34 * H + 1200; t < DAY1 + 58 * H; t += 1200) rows.push(`${NEIGHBOUR},${t},${AWAY}`);
  // Day 3, 10:00–10:20 back home, where the case is from 10:00 to 10:30; then away again.
  for (let t = DAY1 + 58 * H; t <= DAY1 + 58 * H + 1200; t += 300) rows.push(`${NEIGHBOUR},${t},${HERE}`);
  rows.push(`${NEIGHBOUR},${DAY1 + 58 * H + 1500},${AWAY}`);
  for (let t = DAY1 + 58 * H; t <= DAY1 + 58 * H + 1800; t += 300) rows.push(`${CASE},${t},${HERE}`);
  return `${rows.join('\n')}\n`;
}

forEachDatabase(
  'detection: the dwell clause',
  (t) => {
    it('counts the dwell of the 14 days before E, outside the days around the window', async () => {
      const now = DAY1 + 60 * H;
      await importPings(t.db, new TextEncoder().encode(pings()), { secret, source: 'dwell.csv' });
      const registered = await registerCase(
        t.db,
        { phone: CASE, confirmedAt: now - H, from: DAY1 + 57 * H, to: DAY1 + 59 * H },
        { secret, preset: 'chengdu-2021', actorId: 'system:test', now },
      );
      const [result] = await detectCases(t.db, [registered.case.id], { now });
      if (result instanceof Error) throw result;
      // 10:00–10:25 together (1,500 s > 600 s), and the neighbour's 34 h 25 min at home > 30 h.
      expect(result.companions).toBe(1);
      const { rows } = await t.db.query<{ overlap_s: number }>('SELECT overlap_s FROM companions');
      expect(rows.map((r) => Number(r.overlap_s))).toEqual([1500]);
    });
  },
  { migrate: true },
);
