import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { listItems } from '@renxing/modules/inbox';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { listStock, listSupplyNorms, supplyAlerts, supplyGaps } from '@renxing/modules/supplies';
import { expect, it } from 'vitest';
import { demoCity } from './places.js';
import { seedSupplies } from './supplies.js';

const NOW = new Date('2026-12-06T06:00:00Z');
const FOCUS = 'cq.yz.jd01.sq01';

forEachDatabase(
  'demo city: supplies',
  (t) => {
    it('seeds a catalogue, stores at every level, stock with a few gaps and lots expiring soon, norms and alerts', async () => {
      const db = t.db;
      const city = demoCity([106.55, 29.56]);
      await insertPlaces(db, city.places);
      await upsertPeople(
        db,
        city.communities.slice(0, 8).flatMap((community, c) =>
          Array.from({ length: 50 + c * 10 }, (_, i) => ({
            name: `居民${c}-${i}`,
            phone: `139${String(c * 1000 + i).padStart(8, '0')}`,
            community,
          })),
        ),
        { secret: Buffer.from('d'.repeat(32)) },
      );
      const admin = await insertUser(db, {
        username: 'admin',
        passwordHash: 'x',
        role: 'city_admin',
        placePath: 'cq',
      });
      const lines: string[] = [];
      const result = await seedSupplies(db, {
        now: NOW,
        admin: admin.id,
        focus: FOCUS,
        log: (l) => lines.push(l),
      });
      expect(result).toMatchObject({ items: 11, stores: 7, communitiesShort: 2 });
      expect(result.expiring).toBeGreaterThanOrEqual(3);
      expect(lines.join('\n')).toMatch(/supplies: 11 items, 7 stores/);

      const norms = await listSupplyNorms(db, FOCUS);
      expect(new Set(norms.map((n) => n.source))).toEqual(new Set(['demo:epidemic', 'demo:flood']));
      const stock = await listStock(db, { scope: 'cq' });
      expect(new Set(stock.map((l) => l.placePath))).toEqual(
        new Set(['cq', 'cq.yz', 'cq.yz.jd01', ...city.communities.slice(0, 4)]),
      );

      // Two communities of the street fall short; the street's and the district's stores cover them.
      const week = await supplyGaps(db, {
        under: 'cq.yz.jd01',
        horizon: new Date(NOW.getTime() + 7 * 86_400_000),
      });
      const short = week.rows.filter((r) => r.level === 'community' && r.gap > 0);
      expect(new Set(short.map((r) => r.path))).toEqual(new Set(city.communities.slice(2, 4)));
      const alerts = await supplyAlerts(db, { under: 'cq', now: NOW });
      expect(alerts.expiring.some((l) => l.expired)).toBe(true);
      expect(alerts.expiring.some((l) => !l.expired && l.placePath === FOCUS)).toBe(true);
      const inbox = await listItems(db, { scope: FOCUS, now: NOW, origin: 'supplies.expiry' });
      expect(inbox.total).toBeGreaterThanOrEqual(1);
      expect(result.alertsRaised).toBeGreaterThan(0);
    });
  },
  { migrate: true },
);
