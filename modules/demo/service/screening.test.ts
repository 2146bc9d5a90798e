import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { listItems } from '@renxing/modules/inbox';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { communityCoverage, listRounds, roundCounts } from '@renxing/modules/screening';
import { expect, it } from 'vitest';
import { seedScreening } from './screening.js';

const NOW = new Date('2026-12-06T06:00:00Z'); // 14:00 in the city

forEachDatabase(
  'demo city: screening',
  (t) => {
    it('seeds a finished round with one positive pool re-tested and a running round with positive pools and an invalid tube', async () => {
      const db = t.db;
      await insertPlaces(db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
      ]);
      const people = Array.from({ length: 200 }, (_, i) => ({
        name: `居民${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        idNumber: null,
        community: i % 2 ? 'cq.yz.jd01.sq01' : 'cq.yz.jd01.sq02',
        household: `h${Math.floor(i / 3)}`,
      }));
      await upsertPeople(db, people, { secret: Buffer.from('d'.repeat(32)) });
      const user = (username: string, role: 'health_officer' | 'lab_user') =>
        insertUser(db, { username, passwordHash: 'x', role, placePath: 'cq' });
      const who = {
        health: (await user('health', 'health_officer')).id,
        lab: (await user('lab', 'lab_user')).id,
      };
      const lines: string[] = [];
      const result = await seedScreening(db, {
        now: NOW,
        focus: 'cq.yz.jd01.sq01',
        who,
        preset: 'default',
        log: (l) => lines.push(l),
      });
      expect(result).toMatchObject({ rounds: 2, positivePools: 3 });
      const [running, finished] = await listRounds(db, 'cq');
      expect(finished.name).toContain('第一轮');
      const done = await roundCounts(db, finished.id, 'cq');
      expect(done).toMatchObject({ positivePools: 1, awaitingRetest: 2, pending: 0, positives: 0 });
      const now = await roundCounts(db, running.id, 'cq');
      expect(now.positivePools).toBe(2);
      expect(now.pending).toBeGreaterThan(0);
      const coverage = await communityCoverage(db, running.id, 'cq');
      expect(coverage.reduce((n, c) => n + c.exempt, 0)).toBe(3);
      expect(coverage.reduce((n, c) => n + c.tested, 0)).toBe(100);
      const { items } = await listItems(db, { scope: 'cq', now: NOW, origin: 'screening.retest' });
      // 2 still awaiting from yesterday + 20 of today's two positive pools.
      expect(items).toHaveLength(22);
      expect(lines.join('\n')).toMatch(/round 2 running/);
    });
  },
  { migrate: true },
);
