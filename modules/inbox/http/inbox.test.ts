import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import { forEachDatabase } from '@renxing/db/testing';
import { upsertPeople } from '@renxing/modules/people';
import { readTable } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { insertDepartment, publishDutyList, setDepartmentOfficer } from '../store/duty-list.js';

const SECRET = Buffer.from('inbox-city-secret-inbox-city-secret-00001');
/** 2026-12-02 10:00 +08:00. */
const T0 = Date.parse('2026-12-02T10:00:00+08:00') / 1000;

forEachDatabase(
  'inbox api',
  (t) => {
    let app: FastifyInstance | undefined;
    let clock = T0;
    afterEach(async () => {
      await app?.close();
      app = undefined;
      clock = T0;
    });

    async function setup() {
      await seedCity(t.db);
      for (const [code, name] of [
        ['mzj', '民政局'],
        ['wsjkw', '卫健委'],
        ['gaj', '公安局'],
      ]) {
        await insertDepartment(t.db, { code, name });
      }
      const admin = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'"))
        .rows[0].id;
      await publishDutyList(
        t.db,
        [
          {
            code: 'A-01',
            list: 'own',
            title: '高龄老人摸排',
            department: 'mzj',
            legalBasis: '《城市居民委员会组织法》第三条',
          },
          {
            code: 'A-02',
            list: 'assist',
            title: '协助入户核查',
            department: 'gaj',
            legalBasis: '《治安管理处罚法》',
          },
          {
            code: 'N-01',
            list: 'negative',
            title: '代收违章罚款',
            department: 'gaj',
            legalBasis: '《行政处罚法》第十八条',
          },
          {
            code: 'C-01',
            list: 'cert',
            title: '居住证明',
            department: 'gaj',
            legalBasis: '《居住证暂行条例》',
          },
          {
            code: 'C-09',
            list: 'cert_abolished',
            title: '亲属关系证明',
            department: 'gaj',
            legalBasis: '国办发〔2018〕47号',
          },
        ],
        { by: admin, note: 'v1', at: new Date((T0 - 86400) * 1000) },
      );
      await addUser(t.db, 'worker1', 'community_worker', 'cq.yz.jd01.sq01');
      for (const [user, dep] of [
        ['dept_mzj', 'mzj'],
        ['dept_wsjkw', 'wsjkw'],
      ]) {
        const u = await addUser(t.db, user, 'department_officer', 'cq');
        await setDepartmentOfficer(t.db, u.id, dep);
      }
      await upsertPeople(
        t.db,
        [
          { name: '甲', phone: '13800000001', idNumber: '110101194512150012', community: 'cq.yz.jd01.sq01' },
          { name: '乙', phone: '13800000002', idNumber: '110101199001010016', community: 'cq.yz.jd01.sq01' },
          { name: '丙', phone: '13800000003', community: 'cq.yz.jd01.sq02' },
        ],
        { secret: SECRET },
      );
      app = await testApp(t.db, 20, { now: () => clock, citySecret: SECRET });
      return {
        a: app,
        admin: await login(app, 'admin'),
        mzj: await login(app, 'dept_mzj'),
        wsjkw: await login(app, 'dept_wsjkw'),
        worker: await login(app, 'worker1'),
        street: await login(app, 'street1'),
      };
    }
    const call = (
      a: FastifyInstance,
      s: Session,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: unknown,
    ) =>
      a.inject({
        method,
        url,
        headers: authHeaders(s),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const request = (o: Record<string, unknown> = {}) => ({
      department: 'mzj',
      duty: 'A-01',
      kind: 'form',
      title: '高龄老人摸排表',
      targets: ['cq.yz.jd01'],
      due: '2026-12-10T18:00:00+08:00',
      window: { from: '2026-12-01', to: '2026-12-07' },
      fields: [{ key: 'residents.over_80', label: '80岁以上老人数', type: 'integer' }],
      ...o,
    });

    it('refuses what the list refuses, naming the rule and its basis; nothing refused reaches a community', async () => {
      const { a, admin, mzj } = await setup();
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ department: 'mzj', duty: 'N-01' }, 'RX_DUTY_NEGATIVE', /代收违章罚款.*《行政处罚法》第十八条/],
        [{ duty: 'A-02' }, 'RX_DUTY_NO_RESOURCES', /协助入户核查/],
        [{ duty: 'C-09' }, 'RX_DUTY_ABOLISHED', /亲属关系证明/],
        [{ duty: 'Z-99' }, 'RX_DUTY_UNLISTED', /Z-99.*第 1 版.*未附一事一议批准/],
      ];
      for (const [body, code, message] of cases) {
        const res = await a.inject({
          method: 'POST',
          url: '/api/work-requests',
          headers: { ...authHeaders(mzj), 'accept-language': 'zh-CN' },
          payload: request(body),
        });
        expect([res.statusCode, res.json().code, res.json().field]).toEqual([422, code, 'body.duty']);
        expect(res.json().message).toMatch(message);
      }
      const listed = (await call(a, mzj, 'GET', '/api/work-requests?status=refused')).json();
      expect(listed.total).toBe(4);
      expect(listed.requests[0]).toMatchObject({
        status: 'refused',
        refusalCode: 'RX_DUTY_UNLISTED',
        communities: 0,
      });
      expect((await call(a, admin, 'GET', '/api/inbox')).json().total).toBe(0);
      // Accepted: own, certificate, assist with resources.
      for (const body of [{}, { duty: 'C-01' }, { duty: 'A-02', resources: '派出所民警 2 名' }]) {
        const res = await call(a, mzj, 'POST', '/api/work-requests', request(body));
        expect(res.statusCode).toBe(200);
      }
    });

    it('lets an unlisted code in with a valid admission for that department and code only', async () => {
      const { a, admin, mzj, wsjkw } = await setup();
      const approved = await call(a, admin, 'POST', '/api/admissions', {
        department: 'wsjkw',
        duty: 'X-1',
        reason: '流感季临时摸排，市政府常务会议同意',
        validUntil: '2026-12-05T00:00:00+08:00',
      });
      expect(approved.statusCode).toBe(200);
      const admission = approved.json().id;
      const ask = (s: Session, o: Record<string, unknown>) =>
        call(a, s, 'POST', '/api/work-requests', request({ duty: 'X-1', admission, ...o }));
      expect((await ask(wsjkw, { department: 'wsjkw' })).statusCode).toBe(200);
      expect((await ask(mzj, {})).json().code).toBe('RX_DUTY_UNLISTED');
      expect((await ask(wsjkw, { department: 'wsjkw', duty: 'X-2' })).json().code).toBe('RX_DUTY_UNLISTED');
      clock = Date.parse('2026-12-05T00:00:01+08:00') / 1000;
      expect((await ask(wsjkw, { department: 'wsjkw' })).json().code).toBe('RX_DUTY_UNLISTED');
      // An officer acts for their own department only, within their place.
      const other = await ask(wsjkw, { department: 'mzj', duty: 'A-01', admission: null });
      expect([other.statusCode, other.json().code]).toEqual([403, 'RX_NOT_YOUR_DEPARTMENT']);
      const worker = await login(a, 'worker1');
      expect((await call(a, worker, 'POST', '/api/work-requests', request())).statusCode).toBe(404);
      const mine = (await call(a, wsjkw, 'GET', '/api/departments')).json().departments;
      expect(mine.filter((d: { mine: boolean }) => d.mine).map((d: { code: string }) => d.code)).toEqual([
        'wsjkw',
      ]);
    });

    it('merges two departments’ overlapping demands into one item; a disjoint window is another item', async () => {
      const { a, mzj, wsjkw, worker } = await setup();
      const first = (await call(a, mzj, 'POST', '/api/work-requests', request())).json();
      expect(first.communities.map((c: { path: string; joined: boolean }) => [c.path, c.joined])).toEqual([
        ['cq.yz.jd01.sq01', false],
        ['cq.yz.jd01.sq02', false],
      ]);
      const second = (
        await call(
          a,
          wsjkw,
          'POST',
          '/api/work-requests',
          request({
            department: 'wsjkw',
            targets: ['cq.yz.jd01.sq01'],
            window: { from: '2026-12-07', to: '2026-12-09' },
            priority: 'urgent',
            due: '2026-12-08T12:00:00+08:00',
            fields: [
              { key: 'residents.over_80', label: '高龄老人数', type: 'integer' },
              { key: 'residents.count', label: '常住人口', type: 'integer' },
            ],
          }),
        )
      ).json();
      expect(second.communities).toEqual([
        expect.objectContaining({
          path: 'cq.yz.jd01.sq01',
          joined: true,
          itemId: first.communities[0].itemId,
        }),
      ]);
      const disjoint = (
        await call(
          a,
          mzj,
          'POST',
          '/api/work-requests',
          request({ targets: ['cq.yz.jd01.sq01'], window: { from: '2026-12-20', to: '2026-12-21' } }),
        )
      ).json();
      expect(disjoint.communities[0]).toMatchObject({ joined: false });
      const inbox = (await call(a, worker, 'GET', '/api/inbox')).json();
      expect(inbox.total).toBe(2);
      expect(inbox.followUp).toEqual({ open: 0, overdue: 0 });
      expect(inbox.items[0]).toMatchObject({
        id: first.communities[0].itemId,
        departments: ['mzj', 'wsjkw'],
        priority: 'urgent',
        due: new Date('2026-12-08T04:00:00Z').toISOString(),
        demands: 2,
        window: { from: '2026-12-01', to: '2026-12-09' },
      });
    });

    it('pre-fills from platform data and from earlier answers, answers once for every department, finished items start anew', async () => {
      const { a, mzj, wsjkw, worker } = await setup();
      const target = { targets: ['cq.yz.jd01.sq01'] };
      const fields = [
        { key: 'residents.over_80', label: '80岁以上', type: 'integer' },
        { key: 'residents.count', label: '常住人口', type: 'integer' },
        { key: 'elderly.visited', label: '已走访', type: 'boolean' },
      ];
      const one = (
        await call(a, mzj, 'POST', '/api/work-requests', request({ ...target, fields: fields.slice(0, 1) }))
      ).json();
      const two = (
        await call(
          a,
          wsjkw,
          'POST',
          '/api/work-requests',
          request({ ...target, department: 'wsjkw', fields }),
        )
      ).json();
      const itemId = one.communities[0].itemId;
      expect(two.communities[0].itemId).toBe(itemId);
      const item = (await call(a, worker, 'GET', `/api/work-items/${itemId}`)).json();
      const byKey = Object.fromEntries(item.fields.map((f: { key: string }) => [f.key, f]));
      // 甲 was born 1945-12-15: 80 on the window's end (2026-12-07); 2 residents in 社区一.
      expect(byKey['residents.over_80'].prefill).toEqual({
        value: 1,
        source: 'platform:people.id_number',
        date: '2026-12-07',
      });
      expect(byKey['residents.count'].prefill).toMatchObject({ value: 2, source: 'platform:people' });
      expect(byKey['elderly.visited'].prefill).toBeNull();
      expect(byKey['residents.over_80'].departments).toEqual(['mzj', 'wsjkw']);

      const bad = await call(a, worker, 'POST', `/api/work-items/${itemId}/answers`, {
        values: { 'residents.count': 'two' },
      });
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'body.values.residents.count']);
      const shaped = await call(a, worker, 'POST', `/api/work-items/${itemId}/answers`, {
        values: { 'elderly.visited': { yes: true } },
      });
      expect([shaped.statusCode, shaped.json().field]).toEqual([400, 'body.values.elderly.visited']);
      const unknown = await call(a, worker, 'POST', `/api/work-items/${itemId}/answers`, {
        values: { nope: 1 },
      });
      expect([unknown.statusCode, unknown.json().field]).toEqual([400, 'body.values.nope']);
      const answered = await call(a, worker, 'POST', `/api/work-items/${itemId}/answers`, {
        values: { 'residents.over_80': 1, 'residents.count': 3, 'elderly.visited': true },
      });
      expect(answered.statusCode).toBe(200);
      expect(answered.json().state).toBe('done');
      // Each department sees its own fields' answers and its demand done.
      const seen = async (s: Session, id: string) =>
        (await call(a, s, 'GET', `/api/work-requests/${id}`)).json();
      expect((await seen(mzj, one.id)).communities).toEqual([
        expect.objectContaining({ state: 'done', answers: { 'residents.over_80': 1 } }),
      ]);
      expect((await seen(wsjkw, two.id)).communities[0].answers).toEqual({
        'residents.over_80': 1,
        'residents.count': 3,
        'elderly.visited': true,
      });
      expect((await call(a, mzj, 'GET', `/api/work-requests/${two.id}`)).statusCode).toBe(404);
      // The department's answers as a spreadsheet: a row per community, a column per field.
      const xlsx = await call(a, wsjkw, 'GET', `/api/work-requests/${two.id}/answers`);
      expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
      const sheet = await readTable(new Uint8Array(xlsx.rawPayload));
      expect(sheet.rows.map((r) => r.cells)).toEqual([
        [
          'community',
          'community_name',
          'state',
          'done_at',
          'residents.over_80',
          'residents.count',
          'elderly.visited',
        ],
        [
          'cq.yz.jd01.sq01',
          '社区一',
          'done',
          expect.stringMatching(/^2026-12-02T02:00:00/),
          '1',
          '3',
          'true',
        ],
      ]);
      const csv = await call(a, wsjkw, 'GET', `/api/work-requests/${two.id}/answers?format=csv`);
      expect(csv.body).toMatch(/^\ufeffcommunity,community_name,state,done_at,residents.over_80/);
      expect((await call(a, mzj, 'GET', `/api/work-requests/${two.id}/answers`)).statusCode).toBe(404);

      // A demand after the item was finished starts a new item, pre-filled from the answers given.
      const three = (
        await call(
          a,
          mzj,
          'POST',
          '/api/work-requests',
          request({ ...target, window: { from: '2026-12-05', to: '2026-12-06' }, fields }),
        )
      ).json();
      expect(three.communities[0]).toMatchObject({ joined: false });
      expect(three.communities[0].itemId).not.toBe(itemId);
      const again = (await call(a, worker, 'GET', `/api/work-items/${three.communities[0].itemId}`)).json();
      const prefills = Object.fromEntries(
        again.fields.map((f: { key: string; prefill: unknown }) => [f.key, f.prefill]),
      );
      expect(prefills['residents.count']).toEqual({ value: 3, source: `item:${itemId}`, date: '2026-12-02' });
      expect(prefills['elderly.visited']).toMatchObject({ value: true, source: `item:${itemId}` });
      // Confirming two pre-fills, typing one.
      const done = await call(a, worker, 'POST', `/api/work-items/${three.communities[0].itemId}/answers`, {
        values: { 'residents.over_80': 1, 'residents.count': 3, 'elderly.visited': false },
      });
      expect(done.json().fields.map((f: { answer: { prefilled: boolean } }) => f.answer.prefilled)).toEqual([
        true,
        true,
        false,
      ]);

      const burden = (await call(a, mzj, 'GET', '/api/burden?from=2026-12-01&to=2026-12-31')).json();
      expect(burden.departments).toEqual([
        expect.objectContaining({ key: 'mzj', demands: 2, items: 2, fieldsRequested: 4 }),
      ]);
      const city = (
        await call(a, await login(a, 'admin'), 'GET', '/api/burden?from=2026-12-01&to=2026-12-31')
      ).json();
      expect(city.total).toEqual({
        key: 'total',
        name: 'total',
        demands: 3,
        items: 2,
        fieldsRequested: 7,
        // First item: residents.over_80 confirmed from the platform's 1, the other two typed; the
        // second: two confirmed from the first's answers, one typed.
        fieldsEntered: 3,
        fieldsPrefilled: 3,
        itemsSaved: 1 - 2 / 3,
        fieldsSaved: 1 - 3 / 7,
      });
    });

    it('shows a key typed two ways as a conflict, asked once per type', async () => {
      const { a, mzj, wsjkw, worker } = await setup();
      const target = { targets: ['cq.yz.jd01.sq01'] };
      const one = (
        await call(
          a,
          mzj,
          'POST',
          '/api/work-requests',
          request({ ...target, fields: [{ key: 'visits', label: '走访', type: 'integer' }] }),
        )
      ).json();
      await call(
        a,
        wsjkw,
        'POST',
        '/api/work-requests',
        request({
          ...target,
          department: 'wsjkw',
          fields: [{ key: 'visits', label: '走访情况', type: 'text' }],
        }),
      );
      const item = (await call(a, worker, 'GET', `/api/work-items/${one.communities[0].itemId}`)).json();
      expect(item.conflicts).toBe(true);
      expect(item.conflictList).toEqual([
        {
          key: 'visits',
          types: [
            { type: 'integer', departments: ['mzj'] },
            { type: 'text', departments: ['wsjkw'] },
          ],
        },
      ]);
      expect(item.fields.map((f: { answerKey: string }) => f.answerKey)).toEqual([
        'visits:integer',
        'visits:text',
      ]);
      const answered = await call(a, worker, 'POST', `/api/work-items/${item.id}/answers`, {
        values: { 'visits:integer': 12, 'visits:text': '已全部走访' },
      });
      expect(answered.json().state).toBe('done');
    });

    it('finishes a task by state, only forward; out-of-scope items are not found', async () => {
      const { a, mzj, worker, street } = await setup();
      const sent = (
        await call(a, mzj, 'POST', '/api/work-requests', request({ kind: 'task', fields: [] }))
      ).json();
      const [mine, other] = sent.communities.map((c: { itemId: string }) => c.itemId);
      expect((await call(a, worker, 'GET', `/api/work-items/${other}`)).statusCode).toBe(404);
      expect((await call(a, street, 'GET', `/api/work-items/${other}`)).statusCode).toBe(200);
      expect(
        (await call(a, worker, 'PATCH', `/api/work-items/${mine}`, { state: 'in_progress' })).json().state,
      ).toBe('in_progress');
      const back = await call(a, worker, 'PATCH', `/api/work-items/${mine}`, { state: 'open' });
      expect([back.statusCode, back.json().code]).toEqual([409, 'RX_ITEM_TRANSITION']);
      expect(
        (await call(a, worker, 'PATCH', `/api/work-items/${mine}`, { state: 'done' })).json().state,
      ).toBe('done');
      // Overdue items are the street's escalations.
      clock = Date.parse('2026-12-11T00:00:00+08:00') / 1000;
      const escalated = (await call(a, street, 'GET', '/api/inbox?overdue=true')).json();
      expect(escalated.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue])).toEqual([
        [other, true],
      ]);
    });

    it('publishes a new version of the list from a CSV, with rejects by line, judged from then on', async () => {
      const { a, admin, mzj } = await setup();
      const csv = [
        '编码,清单,事项,部门,法律依据',
        'A-01,negative,高龄老人摸排,mzj,《某规定》',
        ',own,无编码,mzj,x',
        'B-2,maybe,不知道,mzj,x',
        'A-01,own,重复,mzj,x',
        '',
      ].join('\n');
      const res = await a.inject({
        method: 'POST',
        url: '/api/duty-items/import?note=%E7%AC%AC%E4%BA%8C%E7%89%88',
        headers: { ...authHeaders(admin), 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(res.json()).toEqual({
        version: 2,
        rows: 4,
        items: 1,
        rejects: [
          { line: 3, field: 'code', reason: 'empty' },
          { line: 4, field: 'list', reason: 'not one of own, assist, negative, cert, cert_abolished: maybe' },
          { line: 5, field: 'code', reason: 'repeats line 2' },
        ],
      });
      const list = (await call(a, mzj, 'GET', '/api/duty-items')).json();
      expect(list.version).toBe(2);
      expect(list.versions.map((v: { version: number; items: number }) => [v.version, v.items])).toEqual([
        [2, 1],
        [1, 5],
      ]);
      expect((await call(a, mzj, 'POST', '/api/work-requests', request())).json().code).toBe(
        'RX_DUTY_NEGATIVE',
      );
      expect((await call(a, mzj, 'GET', '/api/duty-items?version=1&list=own')).json().items).toHaveLength(1);
    });
  },
  { migrate: true },
);
