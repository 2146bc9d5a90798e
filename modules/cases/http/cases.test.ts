import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { upsertPeople } from '@renxing/modules/people';
import { importPings } from '@renxing/modules/trajectories';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';

const CITY_SECRET = Buffer.from('case-test-city-secret-case-test-city-secret');
const T0 = Date.parse('2026-11-20T08:00:00+08:00') / 1000;
const NOW = T0 + 86400;

/** 王五 (the case) and 张三 share a cell 08:00–08:30; 李四 is 5 km away; 赵六 (no registry entry) joins at 08:10. */
function pingsCsv(): string {
  const lines = ['subject,ts,lon,lat'];
  for (let k = 0; k <= 6; k++) {
    const ts = T0 + k * 300;
    lines.push(`13800000003,${ts},106.5701,29.5601`);
    lines.push(`13800000001,${ts},106.5702,29.5602`);
    lines.push(`13800000002,${ts},106.62,29.60`);
    if (k >= 2) lines.push(`13900000009,${ts},106.5703,29.5603`);
  }
  return `${lines.join('\n')}\n`;
}

async function seed(db: Db) {
  await seedCity(db);
  await upsertPeople(
    db,
    [
      { name: '张三', phone: '13800000001', community: 'cq.yz.jd01.sq01' },
      { name: '李四', phone: '13800000002', community: 'cq.yz.jd01.sq02' },
      { name: '王五', phone: '13800000003', community: 'cq.yz.jd02.sq03' },
    ],
    { secret: CITY_SECRET },
  );
  await addUser(db, 'health', 'health_officer', 'cq');
  await addUser(db, 'sq01', 'community_worker', 'cq.yz.jd01.sq01');
  await addUser(db, 'sq02', 'community_worker', 'cq.yz.jd01.sq02');
  await addUser(db, 'jb', 'street_officer', 'cq.jb.jd03');
  const imported = await importPings(db, Buffer.from(pingsCsv()), { secret: CITY_SECRET, source: 'test' });
  expect(imported.rejected).toBe(0);
}

forEachDatabase(
  'cases, companions and tasks api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      app!.inject({ method, url, headers: authHeaders(s), payload });

    async function registered() {
      await seed(t.db);
      app = await testApp(t.db, 50, { citySecret: CITY_SECRET, now: () => NOW });
      const health = await login(app, 'health');
      const people = await t.db.query<{ id: string; name: string }>('SELECT id, name FROM people');
      const id = (name: string) => people.rows.find((p) => p.name === name)!.id;
      const res = await call(health, 'POST', '/api/cases', {
        personId: id('王五'),
        confirmedAt: new Date(NOW * 1000).toISOString(),
        from: new Date((T0 - 3600) * 1000).toISOString(),
      });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      await app.detection.idle();
      return { health, id, created };
    }

    it('registers a case, detects its companions, turns them yellow and gives each a task', async () => {
      const { health, id, created } = await registered();
      expect(created.label).toMatch(/^C\d{4}$/);
      const c = (await call(health, 'GET', `/api/cases/${created.id}`)).json();
      expect(c.detection.state).toBe('done');
      expect(c.companionCount).toBe(2);

      const page = (await call(health, 'GET', `/api/cases/${created.id}/companions`)).json();
      expect(page.total).toBe(2);
      const [zhang, unknown] = page.companions;
      expect(zhang).toMatchObject({ name: '张三', homePlacePath: 'cq.yz.jd01.sq01', colour: 'yellow' });
      expect(zhang.overlapS).toBe(1800);
      expect(unknown).toMatchObject({ personId: null, name: null, overlapS: 1200 });

      // The case is red, the companion yellow, each by its rule.
      const codes = await t.db.query<{ person_id: string; colour: string }>(
        'SELECT person_id, colour FROM health_codes',
      );
      const colour = (name: string) => codes.rows.find((r) => r.person_id === id(name))?.colour ?? 'green';
      expect([colour('王五'), colour('张三'), colour('李四')]).toEqual(['red', 'yellow', 'green']);

      // 张三's task is in sq01's inbox; the unknown phone is in the city queue.
      const sq01 = await login(app!, 'sq01');
      const inbox = (await call(sq01, 'GET', '/api/tasks')).json();
      expect(inbox.tasks.map((x: { personName: string }) => x.personName)).toEqual(['张三']);
      expect(inbox.tasks[0]).toMatchObject({
        phoneMasked: '138****0001',
        state: 'pending',
        caseLabel: created.label,
      });
      const city = (await call(health, 'GET', '/api/tasks?sort=place')).json();
      expect(city.tasks.map((x: { placePath: string }) => x.placePath)).toEqual(['cq', 'cq.yz.jd01.sq01']);

      // Re-running detection adds nothing twice.
      app!.detection.enqueue(created.id);
      await app!.detection.idle();
      expect((await call(health, 'GET', '/api/tasks')).json().total).toBe(2);
      const transitions = await t.db.query(
        "SELECT 1 FROM health_code_transitions WHERE rule = 'companion_yellow'",
      );
      expect(transitions.rowCount).toBe(1);

      // The map: one cell with two companions (seen from the city), one from sq01.
      const cells = (await call(health, 'GET', `/api/stats/cells?caseId=${created.id}`)).json();
      expect(
        cells.features.map((f: { properties: { companions: number } }) => f.properties.companions),
      ).toEqual([2]);
      const stats = (await call(health, 'GET', '/api/stats/places')).json();
      expect(stats.place).toMatchObject({
        people: 3,
        yellow: 1,
        red: 1,
        green: 1,
        companions: 1,
        openTasks: 2,
      });
    });

    it('works a task to done, refuses a finished one going back, and keeps others out', async () => {
      const { created } = await registered();
      const sq01 = await login(app!, 'sq01');
      const [task] = (await call(sq01, 'GET', '/api/tasks')).json().tasks;
      const going = await call(sq01, 'PATCH', `/api/tasks/${task.id}`, { state: 'in_progress' });
      expect(going.json().state).toBe('in_progress');
      const done = await call(sq01, 'PATCH', `/api/tasks/${task.id}`, {
        state: 'done',
        outcome: 'isolated_at_home',
        note: '已电话联系，居家隔离',
      });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ state: 'done', outcome: 'isolated_at_home' });
      const back = await call(sq01, 'PATCH', `/api/tasks/${task.id}`, { state: 'pending' });
      expect(back.statusCode).toBe(409);
      expect(back.json()).toMatchObject({ code: 'RX_TASK_TRANSITION', field: 'body.state' });
      const noNote = await call(sq01, 'PATCH', `/api/tasks/${task.id}`, {
        state: 'not_executable',
        note: ' ',
      });
      expect(noNote.statusCode).toBe(409);

      // Another community, another district: 404 for the task, the case and its companions.
      const sq02 = await login(app!, 'sq02');
      expect((await call(sq02, 'PATCH', `/api/tasks/${task.id}`, { note: 'x' })).statusCode).toBe(404);
      const jb = await login(app!, 'jb');
      expect((await call(jb, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(404);
      expect((await call(jb, 'GET', `/api/cases/${created.id}/companions`)).statusCode).toBe(404);
      expect((await call(jb, 'GET', '/api/cases')).json().total).toBe(0);
      // A community worker cannot register a case (404: the action does not exist for them).
      expect((await call(sq01, 'POST', '/api/cases', { phone: '13800000001' })).statusCode).toBe(404);
    });

    it('bulk reassigns open tasks within scope only', async () => {
      const { health } = await registered();
      const tasks = (await call(health, 'GET', '/api/tasks')).json().tasks as { id: string }[];
      const res = await call(health, 'POST', '/api/tasks/reassign', {
        ids: tasks.map((x) => x.id),
        place: 'cq.yz.jd01.sq02',
      });
      expect(res.json()).toEqual({ moved: 2, skipped: 0 });
      const sq02 = await login(app!, 'sq02');
      expect((await call(sq02, 'GET', '/api/tasks')).json().total).toBe(2);
      // sq02 cannot push them out of its own place.
      const out = await call(sq02, 'POST', '/api/tasks/reassign', {
        ids: [tasks[0].id],
        place: 'cq.yz.jd01.sq01',
      });
      expect(out.statusCode).toBe(400);
      expect(out.json()).toMatchObject({ code: 'RX_UNKNOWN_PLACE', field: 'body.place' });
    });

    it('detects cases queued together in one run, each with its own companions', async () => {
      await seed(t.db);
      app = await testApp(t.db, 50, { citySecret: CITY_SECRET, now: () => NOW });
      const health = await login(app, 'health');
      const a = (await call(health, 'POST', '/api/cases', { phone: '13800000003' })).json();
      const b = (await call(health, 'POST', '/api/cases', { phone: '13800000001' })).json();
      await app.detection.idle();
      const names = async (id: string) =>
        (
          (await call(health, 'GET', `/api/cases/${id}/companions`)).json().companions as {
            name: string | null;
          }[]
        )
          .map((c) => c.name)
          .sort();
      expect(await names(a.id)).toEqual(['张三', null].sort());
      expect(await names(b.id)).toEqual(['王五', null].sort());
      for (const id of [a.id, b.id]) {
        expect((await call(health, 'GET', `/api/cases/${id}`)).json().detection.state).toBe('done');
      }
    });

    it('a case is not back-dated into an early green: confirmation and discharge dates are bounded (#9, item 2)', async () => {
      const { health, id } = await registered();
      const DAY = 86400;
      const at = (s: number) => new Date(s * 1000).toISOString();
      const zh = (url: string, payload: object) =>
        app!.inject({
          method: 'POST',
          url,
          headers: { ...authHeaders(health), 'accept-language': 'zh-CN' },
          payload,
        });
      const refused = (res: { statusCode: number; json: () => { code: string; field: string } }) => [
        res.statusCode,
        res.json().code,
        res.json().field,
      ];
      const cases = async () => (await call(health, 'GET', '/api/cases')).json().total;
      expect(await cases()).toBe(1);

      // The attack: confirmed 20 days ago, then discharged 15 days ago → green at once.
      const old = await zh('/api/cases', { personId: id('李四'), confirmedAt: at(NOW - 20 * DAY) });
      expect(refused(old)).toEqual([400, 'RX_EVENT_TOO_OLD', 'body.confirmedAt']);
      expect(old.json().message).toContain('确诊时间最多只能补记到录入前 3 天');
      const future = await call(health, 'POST', '/api/cases', {
        phone: '13800000002',
        confirmedAt: at(NOW + DAY),
      });
      expect(refused(future)).toEqual([400, 'RX_EVENT_IN_FUTURE', 'body.confirmedAt']);
      // 张三 has been yellow since detection (NOW): a confirmation dated before it is refused.
      const beforeYellow = await call(health, 'POST', '/api/cases', {
        personId: id('张三'),
        confirmedAt: at(NOW - 3600),
      });
      expect(refused(beforeYellow)).toEqual([400, 'RX_EVENT_BEFORE_STATE', 'body.confirmedAt']);
      expect(await cases()).toBe(1);

      // Confirmed as far back as allowed (72 h); the discharge cannot go back further, nor at all.
      const created = await call(health, 'POST', '/api/cases', {
        personId: id('李四'),
        confirmedAt: at(NOW - 72 * 3600),
      });
      expect(created.statusCode).toBe(201);
      const discharge = (when: number) =>
        call(health, 'POST', `/api/people/${id('李四')}/discharge`, {
          dischargedAt: at(when),
          reason: '出院',
        });
      expect(refused(await discharge(NOW - 15 * DAY))).toEqual([
        400,
        'RX_EVENT_BEFORE_STATE',
        'body.dischargedAt',
      ]);
      expect(refused(await discharge(NOW - 72 * 3600))).toEqual([
        400,
        'RX_EVENT_TOO_OLD',
        'body.dischargedAt',
      ]);
      const now = await discharge(NOW);
      expect(now.json()).toMatchObject({ colour: 'red', monitoringEnd: at(NOW + 14 * DAY), transitions: [] });
      await app!.detection.idle();
    });

    it('refuses bad case input with the field named', async () => {
      await seed(t.db);
      app = await testApp(t.db, 50, { citySecret: CITY_SECRET, now: () => NOW });
      const health = await login(app, 'health');
      const both = await call(health, 'POST', '/api/cases', {
        phone: '13800000001',
        personId: crypto.randomUUID(),
      });
      expect(both.json()).toMatchObject({ code: 'RX_CASE_SUBJECT', field: 'body.personId' });
      const bad = await call(health, 'POST', '/api/cases', { phone: 'not-a-phone' });
      expect(bad.json()).toMatchObject({ code: 'RX_CASE_SUBJECT', field: 'body.phone' });
      const window = await call(health, 'POST', '/api/cases', {
        phone: '13800000001',
        from: '2026-11-21T00:00:00Z',
        to: '2026-11-20T00:00:00Z',
      });
      expect(window.json()).toMatchObject({ field: 'body.to' });
      const first = await call(health, 'POST', '/api/cases', { phone: '13900000009', label: '病例甲' });
      expect(first.statusCode).toBe(201);
      const dup = await call(health, 'POST', '/api/cases', { phone: '13800000001', label: '病例甲' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ code: 'RX_LABEL_TAKEN', field: 'body.label' });
      await app.detection.idle();
    });
  },
  { migrate: true },
);
