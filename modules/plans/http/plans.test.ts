import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it, vi } from 'vitest';
import { floodLevels, supplyCatalogue } from '../service/test-support.js';

// Until apps/api/src/modules.ts lists the plans module, the API under test serves it all the same.
vi.mock('../../../apps/api/src/modules.js', async (actual) => {
  const { MODULES } = await actual<typeof import('../../../apps/api/src/modules.js')>();
  const { plansModule } = await import('../module.js');
  return { MODULES: MODULES.some((m) => m.name === 'plans') ? MODULES : [...MODULES, plansModule] };
});

const NOW = Date.parse('2026-07-01T02:00:00Z') / 1000;

forEachDatabase(
  'plans api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'en') =>
      app!.inject({ method, url, headers: { ...authHeaders(s), 'accept-language': lang }, payload });

    async function setup() {
      await seedCity(t.db);
      await addUser(t.db, 'worker1', 'community_worker', 'cq.yz.jd01.sq01');
      await addUser(t.db, 'district1', 'district_officer', 'cq.yz');
      await addUser(t.db, 'health1', 'health_officer', 'cq');
      await addUser(t.db, 'jb', 'street_officer', 'cq.jb.jd03');
      app = await testApp(t.db, 50, { now: () => NOW });
      const admin = await login(app, 'admin');
      await supplyCatalogue(t.db, admin.userId);
      return {
        street: await login(app, 'street1'),
        worker: await login(app, 'worker1'),
        district: await login(app, 'district1'),
        health: await login(app, 'health1'),
        jb: await login(app, 'jb'),
      };
    }

    it('creates, drafts, publishes, diffs; activates, reviews, refuses to close with what is missing, closes; the revision closes the action', async () => {
      const s = await setup();
      const created = await call(s.street, 'POST', '/api/plans', { title: '防汛应急预案', hazard: 'flood' });
      expect(created.statusCode).toBe(201);
      const plan = created.json();
      expect(plan).toMatchObject({ owner: { path: 'cq.yz.jd01' }, latest: null });

      const draft = await call(s.street, 'PUT', `/api/plans/${plan.id}/draft`, { levels: floodLevels() });
      expect(draft.statusCode).toBe(200);
      const v1 = await call(s.street, 'POST', `/api/plans/${plan.id}/versions`, {
        levels: floodLevels(),
        changeNote: '',
      });
      expect(v1.statusCode).toBe(201);
      expect(v1.json()).toMatchObject({ version: { number: 1 }, diff: null });

      // The community worker reads the plan but may not publish it; another district does not see it.
      expect((await call(s.worker, 'GET', `/api/plans/${plan.id}`)).json()).toMatchObject({
        editable: false,
        version: { number: 1 },
      });
      expect(
        (
          await call(s.worker, 'POST', `/api/plans/${plan.id}/versions`, {
            levels: floodLevels(),
            changeNote: 'x',
          })
        ).statusCode,
      ).toBe(404);
      expect((await call(s.jb, 'GET', `/api/plans/${plan.id}`)).statusCode).toBe(404);
      expect((await call(s.jb, 'GET', '/api/plans')).json()).toEqual([]);
      expect((await call(s.health, 'GET', '/api/plans')).json()).toHaveLength(1);

      // Activation by the street over its whole street: two communities, three tasks.
      const activated = await call(s.street, 'POST', `/api/plans/${plan.id}/activate`, {
        level: 'II',
        places: ['cq.yz.jd01'],
      });
      expect(activated.statusCode).toBe(201);
      const { incident, items } = activated.json();
      expect(items).toEqual({ raised: 6, tasks: 3, communities: 2 });
      const id = incident.incident.id;
      // The community sees it in its inbox and in its incidents.
      const inbox = await call(s.worker, 'GET', '/api/inbox?place=cq.yz.jd01.sq01');
      expect(inbox.json().items.filter((i: { origin: string }) => i.origin === 'plans.task')).toHaveLength(3);
      expect((await call(s.worker, 'GET', '/api/incidents')).json().map((i: { id: string }) => i.id)).toEqual(
        [id],
      );
      expect((await call(s.district, 'GET', `/api/incidents/${id}`)).statusCode).toBe(200);
      expect((await call(s.jb, 'GET', `/api/incidents/${id}`)).statusCode).toBe(404);

      // Closing before the review: 422 naming what is missing, in the caller's language.
      const early = await call(s.street, 'POST', `/api/incidents/${id}/close`, undefined, 'zh-CN');
      expect(early.statusCode).toBe(422);
      expect(early.json()).toMatchObject({ code: 'RX_INCIDENT_INCOMPLETE' });
      expect(early.json().message).toContain('未评级：“社区工作者”、“街道干部”');

      const [community, officer] = incident.objectives;
      const reviewed = await call(s.street, 'POST', `/api/incidents/${id}/review`, {
        objectives: [
          { id: community.id, rating: 'M' },
          { id: officer.id, rating: 'P' },
        ],
      });
      expect(reviewed.statusCode).toBe(200);
      expect(reviewed.json().missing.withoutAction).toEqual([
        { id: community.id, title: 'community_worker', role: 'community_worker', rating: 'M' },
      ]);
      expect((await call(s.street, 'POST', `/api/incidents/${id}/close`)).statusCode).toBe(422);
      // A bad rating or element is refused by the schema.
      const bad = await call(s.street, 'POST', `/api/incidents/${id}/review`, {
        objectives: [{ id: community.id, rating: 'X' }],
      });
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'RX_VALIDATION']);
      const withAction = await call(s.street, 'POST', `/api/incidents/${id}/review`, {
        objectives: [
          {
            id: community.id,
            actions: [
              {
                title: '转移提前',
                owner: s.street.userId,
                due: new Date((NOW + 30 * 86400) * 1000).toISOString(),
                element: 'planning',
              },
            ],
          },
        ],
      });
      const action = withAction.json().actions[0];
      const closed = await call(s.street, 'POST', `/api/incidents/${id}/close`);
      expect([closed.statusCode, closed.json().incident.state]).toEqual([200, 'closed']);

      const revised = floodLevels();
      revised.II.tasks = revised.II.tasks.filter((x) => x.key !== 'report');
      const v2 = await call(s.street, 'POST', `/api/plans/${plan.id}/versions`, {
        levels: revised,
        changeNote: `落实 ${action.id}`,
        closes: [action.id],
      });
      expect(v2.statusCode).toBe(201);
      const actions = await call(s.district, 'GET', `/api/corrective-actions?planId=${plan.id}`);
      expect(actions.json()).toMatchObject([
        { id: action.id, closedBy: { number: 2 }, revision: { from: 1, to: 2 }, overdue: false },
      ]);
      expect(actions.json()[0].revision.diff.II.tasks.removed.map((x: { key: string }) => x.key)).toEqual([
        'report',
      ]);
      const diff = await call(s.worker, 'GET', `/api/plans/${plan.id}/diff?from=2&to=1`);
      expect(diff.json().diff.II.tasks.added.map((x: { key: string }) => x.key)).toEqual(['report']);
      const metrics = await call(s.district, 'GET', '/api/plans/loop-metrics');
      expect(metrics.json().total).toMatchObject({
        actions: 1,
        closed: 1,
        closedShare: 1,
        medianDaysToRevision: 0,
      });
    });

    it('a community worker activates for their community alone; a place outside theirs is not found', async () => {
      const s = await setup();
      const plan = (
        await call(s.street, 'POST', '/api/plans', { title: '防汛应急预案', hazard: 'flood' })
      ).json();
      await call(s.street, 'POST', `/api/plans/${plan.id}/versions`, {
        levels: floodLevels(),
        changeNote: '',
      });
      const street = await call(s.worker, 'POST', `/api/plans/${plan.id}/activate`, {
        level: 'IV',
        places: ['cq.yz.jd01'],
      });
      expect(street.statusCode).toBe(404);
      const own = await call(s.worker, 'POST', `/api/plans/${plan.id}/activate`, {
        level: 'IV',
        places: ['cq.yz.jd01.sq01'],
      });
      expect(own.statusCode).toBe(201);
      const id = own.json().incident.incident.id;
      expect((await call(s.street, 'GET', '/api/incidents')).json().map((i: { id: string }) => i.id)).toEqual(
        [id],
      );
      expect((await call(s.district, 'GET', '/api/incidents?state=open')).json()).toHaveLength(1);
      // A missing version: 404; a version 0: 400; no versions named: the newest against the one before.
      expect((await call(s.street, 'GET', `/api/plans/${plan.id}?version=9`)).statusCode).toBe(404);
      expect((await call(s.street, 'GET', `/api/plans/${plan.id}/diff?from=0`)).statusCode).toBe(400);
      expect((await call(s.street, 'GET', `/api/plans/${plan.id}/diff`)).json()).toMatchObject({
        from: { number: 1 },
        to: { number: 1 },
      });
    });
  },
  { migrate: true },
);
