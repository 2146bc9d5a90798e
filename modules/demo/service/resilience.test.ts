import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { getResilienceIndex, getSelfAssessment, listSelfAssessments } from '@renxing/modules/resilience';
import { expect, it } from 'vitest';
import { seedResilience } from './resilience.js';

const NOW = new Date('2026-12-06T06:00:00Z'); // 14:00 in the city
const FOCUS = 'cq.yz.jd01.sq01';
const STREET = 'cq.yz.jd01';
const COMMUNITIES = ['cq.yz.jd01.sq01', 'cq.yz.jd01.sq02', 'cq.yz.jd01.sq03', 'cq.yz.jd02.sq01'];

forEachDatabase(
  'demo city: resilience',
  (t) => {
    it('computes the index for each of the last days and seeds approved and pending self-assessments', async () => {
      const db = t.db;
      await insertPlaces(db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd02', name: '七星岗街道' },
        ...COMMUNITIES.map((path) => {
          const parts = path.split('.');
          return {
            parentPath: parts.slice(0, 3).join('.'),
            level: 'community' as const,
            code: parts[3],
            name: path,
          };
        }),
      ]);
      await upsertPeople(
        db,
        Array.from({ length: 40 }, (_, i) => ({
          name: `居民${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          community: COMMUNITIES[i % 4],
        })),
        { secret: Buffer.from('r'.repeat(32)) },
      );
      const user = (username: string, role: string, placePath: string) =>
        insertUser(db, { username, passwordHash: 'x', role: role as never, placePath });
      const admin = await user('admin', 'city_admin', 'cq');
      const worker = await user('worker', 'community_worker', FOCUS);
      const street = await user('street', 'street_officer', STREET);
      const lines: string[] = [];
      const o = {
        now: NOW,
        admin: admin.id,
        worker: worker.id,
        street: street.id,
        focus: FOCUS,
        communities: COMMUNITIES,
        days: 3,
        log: (l: string) => lines.push(l),
      };
      const result = await seedResilience(db, o);
      expect(result).toEqual({
        dates: ['2026-12-04', '2026-12-05', '2026-12-06'],
        communities: 4,
        approved: 3,
        submitted: 1,
      });
      const cityWide = { userId: admin.id, scope: null, now: NOW };
      const index = await getResilienceIndex(db, {}, cityWide);
      expect(index.dates).toEqual(['2026-12-06', '2026-12-05', '2026-12-04']);
      expect(index.run?.date).toBe('2026-12-06');

      // The focus community: approved on the UNDRR bank (evidence for every score above 0), and
      // awaiting the street's review on the three-mechanisms bank.
      const focus = await getSelfAssessment(db, cityWide, FOCUS);
      expect(focus.history.map((a) => [a.bank.id, a.state])).toEqual([
        ['three-mechanisms', 'submitted'],
        ['undrr-ten-essentials', 'approved'],
      ]);
      const undrr = focus.history[1];
      expect(undrr.answers).toHaveLength(30);
      expect(undrr.answers.every((a) => a.score === 0 || a.evidence.length > 0)).toBe(true);
      expect(undrr.answers.some((a) => a.score > 0)).toBe(true);
      expect(undrr.reviewedBy?.id).toBe(street.id);
      const queue = await listSelfAssessments(
        db,
        { userId: street.id, scope: STREET, now: NOW },
        { state: 'submitted' },
      );
      expect(queue.assessments.map((a) => [a.place.path, a.canReview])).toEqual([[FOCUS, true]]);
      const approved = await listSelfAssessments(db, cityWide, { state: 'approved' });
      expect(approved.assessments.map((a) => a.place.path).sort()).toEqual(COMMUNITIES.slice(0, 3));

      // Again: the runs are replaced, the self-assessments read back.
      expect(await seedResilience(db, { ...o, log: undefined })).toEqual(result);
      expect((await listSelfAssessments(db, cityWide)).total).toBe(4);
      expect(lines.join('\n')).toContain('1 awaiting review');
    }, 180_000);
  },
  { migrate: true },
);
