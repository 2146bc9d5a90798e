import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { listItems } from '@renxing/modules/inbox';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import {
  getLoopMetrics,
  getPlan,
  listCorrectiveActions,
  listIncidents,
  listPlans,
} from '@renxing/modules/plans';
import { importSupplyItems, listSupplyNorms, setSupplyNorms, supplyGaps } from '@renxing/modules/supplies';
import { expect, it } from 'vitest';
import { seedPlans } from './plans.js';

const NOW = new Date('2026-12-06T06:00:00Z');
const FOCUS = 'cq.yz.jd01.sq01';
const STREET = 'cq.yz.jd01';
const RESIDENTS = 30;

forEachDatabase(
  'demo city: plans',
  (t) => {
    it('seeds an epidemic plan with standing norms and a flood plan whose loop version 2 closed', async () => {
      const db = t.db;
      await insertPlaces(db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
      ]);
      await upsertPeople(
        db,
        Array.from({ length: RESIDENTS }, (_, i) => ({
          name: `居民${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          community: FOCUS,
        })),
        { secret: Buffer.from('d'.repeat(32)) },
      );
      const user = (username: string, role: 'city_admin' | 'health_officer') =>
        insertUser(db, { username, passwordHash: 'x', role, placePath: 'cq' });
      const admin = (await user('admin', 'city_admin')).id;
      const health = (await user('health', 'health_officer')).id;
      // As the supplies demo leaves it: part of the catalogue, its stand-in norms.
      const actor = { userId: admin, scope: 'cq', now: NOW };
      await importSupplyItems(db, new TextEncoder().encode('code,name,unit\nMASK,医用外科口罩,个\n'), {
        actor,
      });
      await setSupplyNorms(db, 'demo:epidemic', [{ item: 'MASK', perResident: 3, places: [STREET] }], {
        actor: admin,
        at: NOW,
      });

      const lines: string[] = [];
      const result = await seedPlans(db, {
        now: NOW,
        admin,
        focus: FOCUS,
        health,
        log: (l) => lines.push(l),
      });
      expect(result).toEqual({ plans: 2, versions: 3, incidents: 1, actions: { open: 1, closed: 1 } });
      expect(lines.join('\n')).toMatch(/plans: 2 plans/);

      const plans = await listPlans(db, FOCUS);
      expect(plans.map((p) => [p.hazard, p.latest?.number]).sort()).toEqual([
        ['epidemic', 1],
        ['flood', 2],
      ]);
      const flood = plans.find((p) => p.hazard === 'flood')!;
      const view = await getPlan(db, flood.id, STREET);
      expect(view.versions.map((v) => v.closes.length)).toEqual([0, 1]);

      // The loop: one incident, closed; the M's action closed by version 2 with its diff; the S's open.
      const [incident] = await listIncidents(db, STREET);
      expect(incident).toMatchObject({ state: 'closed', level: 'II', version: { number: 1 } });
      const actions = await listCorrectiveActions(db, {}, { userId: admin, scope: 'cq', now: NOW });
      const closed = actions.find((a) => a.closedBy)!;
      expect(closed).toMatchObject({
        objective: { rating: 'M' },
        closedBy: { number: 2 },
        revision: { from: 1, to: 2 },
      });
      expect(closed.revision?.diff.II.tasks.added.map((x) => x.key)).toEqual(['vulnerable']);
      expect(closed.revision?.diff.II.tasks.changed.map((x) => [x.key, x.fields])).toEqual([
        ['evacuate', ['dueOffsetHours']],
      ]);
      expect(actions.filter((a) => !a.closedBy).map((a) => a.objective.rating)).toEqual(['S']);
      const metrics = await getLoopMetrics(db, {}, { userId: admin, scope: 'cq', now: NOW });
      expect(metrics.total).toMatchObject({
        actions: 2,
        closed: 1,
        open: 1,
        closedShare: 0.5,
        medianDaysToRevision: 11,
      });

      // The activation's tasks reached both communities' inboxes (and were left as they were).
      const { total } = await listItems(db, { scope: STREET, now: NOW, origin: 'plans.task', state: 'all' });
      expect(total).toBe(2 * 4);

      // Standing norms: the plans' level IV, the demo's stand-ins gone; masks 3 a resident.
      const norms = await listSupplyNorms(db, FOCUS);
      expect(new Set(norms.map((n) => n.source))).toEqual(new Set(plans.map((p) => `plan:${p.id}`)));
      const { rows } = await supplyGaps(db, { under: FOCUS, horizon: NOW, item: 'MASK' });
      expect(rows.find((r) => r.path === FOCUS)?.requirement).toBe(3 * RESIDENTS);
    });
  },
  { migrate: true },
);
