import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { moduleTestApp, signIn } from '@renxing/http/testing';
import { accessModule, installAuth } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { resilienceModule } from '../module.js';
import { NOW, resilienceCity, SQ1, SQ2, SQ9, TODAY } from '../service/index-test-support.js';

const indexApp = (db: Db): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now: () => NOW.getTime() / 1000,
    installAuth,
    modules: [accessModule, resilienceModule],
  });

forEachDatabase(
  'resilience index http',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it("uploads the city's indicator, computes, lists, explains and sends a task, each within the caller's place", async () => {
      await resilienceCity(t.db);
      app = await indexApp(t.db);
      const admin = await signIn(app, 'admin');
      const csv = { ...admin, 'content-type': 'text/csv' };
      const indicators = await app.inject({
        method: 'POST',
        url: '/api/resilience/indicators/import?name=mine.csv',
        headers: csv,
        payload:
          'key,mechanism,trait,direction,unit,title,title_en,definition\n' +
          'city.drills,social,adaptability,higher,per_year,每年演练次数,drills a year,社区每年组织的应急演练次数\n' +
          'volunteers.per_1000,social,adaptability,higher,per_year,冒用,taken,\n',
      });
      expect(indicators.statusCode).toBe(200);
      expect(indicators.json()).toMatchObject({
        rows: 2,
        saved: 1,
        rejects: [{ line: 3, reason: 'platform_key' }],
      });
      const values = await app.inject({
        method: 'POST',
        url: '/api/resilience/values/import',
        headers: csv,
        payload: `community,key,value\n${SQ1},city.drills,4\n${SQ2},city.drills,6\n${SQ9},city.drills,5\n`,
      });
      expect(values.json()).toMatchObject({ saved: 3, rejects: [] });

      const worker = await signIn(app, 'worker1');
      const refused = await app.inject({
        method: 'POST',
        url: '/api/resilience/index/compute',
        headers: worker,
        payload: {},
      });
      expect(refused.statusCode).toBe(404); // a role not allowed reads as nothing there
      const bad = await app.inject({
        method: 'POST',
        url: '/api/resilience/index/compute',
        headers: admin,
        payload: { date: '2026-13-01' },
      });
      expect(bad.statusCode).toBe(400);
      for (const payload of ['null', '[]', '"x"', '{"date":"2026-12-06\\u0000"}', '{"date":1}']) {
        const hostile = await app.inject({
          method: 'POST',
          url: '/api/resilience/index/compute',
          headers: { ...admin, 'content-type': 'application/json' },
          payload,
        });
        expect(hostile.statusCode, payload).toBeLessThan(500);
      }
      const json = await app.inject({
        method: 'POST',
        url: '/api/resilience/values/import',
        headers: admin,
        payload: { community: SQ1 },
      });
      expect(json.statusCode).toBe(400);
      // No date: today.
      const computed = await app.inject({
        method: 'POST',
        url: '/api/resilience/index/compute',
        headers: admin,
        payload: {},
      });
      expect(computed.statusCode).toBe(200);
      const run = computed.json();
      expect(run).toMatchObject({ date: TODAY, communities: 4, disabled: [] });
      // The contract's ten, then the city's own.
      expect(run.indicators).toEqual([
        'infra.n1_worst_loss_share',
        'shelter.places_per_100',
        'supplies.gap_share',
        'plan.coverage',
        'plan.actions_closed_share',
        'inbox.fields_saved',
        'followup.median_hours',
        'volunteers.per_1000',
        'aid.median_hours',
        'participation.sla_share',
        'city.drills',
      ]);

      const list = await app.inject({ method: 'GET', url: '/api/resilience/indicators', headers: worker });
      expect(list.statusCode).toBe(200);
      expect(list.json().indicators.find((i: { key: string }) => i.key === 'city.drills')).toMatchObject({
        source: 'city',
        enabled: true,
        communities: 3,
      });

      const street = await signIn(app, 'street1');
      const index = await app.inject({ method: 'GET', url: '/api/resilience/index', headers: street });
      expect(index.statusCode).toBe(200);
      const rows = index.json().rows as { community: { path: string }; rank: number | null }[];
      expect(rows.map((r) => r.community.path).sort()).toEqual([
        'cq.yz.jd01.sq01',
        'cq.yz.jd01.sq02',
        'cq.yz.jd01.sq03',
      ]);
      const outside = await app.inject({
        method: 'GET',
        url: `/api/resilience/index?under=cq.jb`,
        headers: street,
      });
      expect(outside.statusCode).toBe(404);
      const nul = await app.inject({
        method: 'GET',
        url: '/api/resilience/index?under=%00&date=%00',
        headers: street,
      });
      expect(nul.statusCode).toBe(400);

      const page = await app.inject({
        method: 'GET',
        url: `/api/resilience/communities/${SQ1}`,
        headers: worker,
      });
      expect(page.statusCode).toBe(200);
      expect(page.json()).toMatchObject({
        community: { path: SQ1, residents: 2 },
        run: { date: TODAY },
        assessment: null,
      });
      expect(page.json().values.find((v: { key: string }) => v.key === 'city.drills')).toMatchObject({
        value: 4,
        normalised: 0,
      });
      const hidden = await app.inject({
        method: 'GET',
        url: `/api/resilience/communities/${SQ9}`,
        headers: worker,
      });
      expect(hidden.statusCode).toBe(404);

      const explain = await app.inject({
        method: 'GET',
        url: `/api/resilience/communities/${SQ1}/explain?key=city.drills`,
        headers: worker,
      });
      expect(explain.statusCode).toBe(200);
      const tree = explain.json();
      const social = tree.mechanisms.find((m: { mechanism: string }) => m.mechanism === 'social');
      expect(social.indicators.find((i: { key: string }) => i.key === 'city.drills')).toMatchObject({
        value: 4,
        min: 4,
        max: 6,
        count: 3,
        missing: false,
      });
      expect(tree.indicator).toMatchObject({ key: 'city.drills', records: [], recordCount: 0 });

      const task = await app.inject({
        method: 'POST',
        url: `/api/resilience/communities/${SQ1}/tasks`,
        headers: worker,
        payload: { key: 'city.drills' },
      });
      expect(task.statusCode).toBe(200);
      expect(task.json()).toMatchObject({
        raised: true,
        item: {
          placePath: SQ1,
          origin: 'resilience.next',
          originRef: `city.drills:${TODAY}`,
          detail: { target: 5 },
        },
      });
      const again = await app.inject({
        method: 'POST',
        url: `/api/resilience/communities/${SQ1}/tasks`,
        headers: worker,
        payload: { key: 'city.drills' },
      });
      expect(again.json()).toMatchObject({ raised: false, item: { id: task.json().item.id } });

      const off = await app.inject({
        method: 'PATCH',
        url: '/api/resilience/indicators/city.drills',
        headers: worker,
        payload: { enabled: false },
      });
      expect(off.statusCode).toBe(404);
      const offByAdmin = await app.inject({
        method: 'PATCH',
        url: '/api/resilience/indicators/city.drills',
        headers: admin,
        payload: { enabled: false },
      });
      expect(offByAdmin.json()).toMatchObject({ key: 'city.drills', enabled: false });

      // The OpenAPI document names each operation.
      const doc = app.swagger() as unknown as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
      for (const id of [
        'listResilienceIndicators',
        'updateResilienceIndicator',
        'importResilienceIndicators',
        'importResilienceValues',
        'computeResilienceIndex',
        'getResilienceIndex',
        'getCommunityResilience',
        'explainResilienceScore',
        'sendResilienceTask',
      ])
        expect(ids).toContain(id);
    });
  },
  { migrate: true },
);
