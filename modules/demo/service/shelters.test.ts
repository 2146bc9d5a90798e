import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { findShelterWithRoom, listShelters, occupantsOf } from '@renxing/modules/shelters';
import { expect, it } from 'vitest';
import { demoCity } from './places.js';
import { seedShelters } from './shelters.js';

const NOW = new Date('2026-12-06T06:00:00Z'); // 14:00 in the city
const FOCUS = 'cq.yz.jd01.sq01';

forEachDatabase(
  'demo city: shelters',
  (t) => {
    it('seeds a dozen shelters around the focus district, four open with households checked in', async () => {
      const db = t.db;
      await insertPlaces(db, demoCity([106.55, 29.56]).places);
      await upsertPeople(
        db,
        Array.from({ length: 90 }, (_, i) => ({
          name: `居民${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          community: ['cq.yz.jd01.sq01', 'cq.yz.jd01.sq02', 'cq.yz.jd01.sq03'][i % 3],
          household: `h${Math.floor(i / 3)}`,
        })),
        { secret: Buffer.from('d'.repeat(32)) },
      );
      const admin = await insertUser(db, {
        username: 'admin',
        passwordHash: 'x',
        role: 'city_admin',
        placePath: 'cq',
      });
      const lines: string[] = [];
      const result = await seedShelters(db, {
        now: NOW,
        admin: admin.id,
        focus: FOCUS,
        log: (l) => lines.push(l),
      });
      expect(result).toMatchObject({ shelters: 12, open: 4 });
      expect(result.people).toBeGreaterThan(30);

      const shelters = await listShelters(db, { scope: 'cq' });
      expect(shelters).toHaveLength(12);
      expect(shelters.every((s) => s.place.startsWith('cq.yz'))).toBe(true);
      expect(shelters.filter((s) => s.state === 'open').map((s) => s.name)).toEqual(
        expect.arrayContaining(['渝中体育中心', '解放碑公园']),
      );
      expect(new Set(shelters.map((s) => s.type))).toEqual(new Set(['indoor', 'outdoor']));
      // The people counted in the shelters are the stays still in, and none is over capacity.
      let counted = 0;
      for (const s of shelters) {
        const stays = await occupantsOf(db, s.id);
        expect(stays.reduce((n, x) => n + x.people, 0)).toBe(s.occupancy);
        expect(s.occupancy).toBeLessThanOrEqual(s.capacityDay);
        counted += s.occupancy;
      }
      expect(counted).toBe(result.people);
      // A household of the focus community finds room nearby.
      const room = await findShelterWithRoom(
        db,
        { people: 3, from: { place: FOCUS } },
        { userId: admin.id, scope: 'cq', now: NOW },
      );
      expect(room.shelter?.state).toBe('open');
      expect(room.shelter!.distanceM).toBeLessThan(3000);
      expect(lines.join('\n')).toMatch(/shelters: 12 around cq\.yz, 4 open/);
    });
  },
  { migrate: true },
);
