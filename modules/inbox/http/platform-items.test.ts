import {
  addUser,
  authHeaders,
  login,
  type Session,
  seedCity,
  seedThreePeople,
  testApp,
} from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import {
  closePlatformItems,
  closePlatformItemsByRef,
  type PlatformItem,
  raisePlatformItems,
} from '../index.js';
import { insertDepartment, publishDutyList, setDepartmentOfficer } from '../store/duty-list.js';
import { INSERT_CHUNK } from '../store/platform-items.js';

const SECRET = Buffer.from('inbox-platform-secret-inbox-platform-0001');
/** 2026-12-03 07:30 +08:00: the local date is the 3rd, UTC's still the 2nd. */
const AT = new Date('2026-12-03T07:30:00+08:00');
const LATER = new Date('2026-12-03T09:00:00+08:00');

forEachDatabase(
  'inbox platform items',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    const placeId = async (db: Db, path: string) =>
      (await db.query<{ id: string }>('SELECT id FROM places WHERE path = $1', [path])).rows[0].id;

    /** 甲 lives in 社区一 (worker1's), 乙 in 社区二 (street1's too), 丙 in 社区三 (neither's). */
    async function setup() {
      await seedCity(t.db);
      const people = await seedThreePeople(t.db, SECRET);
      const sq = {
        one: await placeId(t.db, 'cq.yz.jd01.sq01'),
        two: await placeId(t.db, 'cq.yz.jd01.sq02'),
        three: await placeId(t.db, 'cq.yz.jd02.sq03'),
      };
      await addUser(t.db, 'worker1', 'community_worker', 'cq.yz.jd01.sq01');
      app = await testApp(t.db, 20, {
        now: () => LATER.getTime() / 1000,
        citySecret: SECRET,
      });
      return {
        a: app,
        people,
        sq,
        worker: await login(app, 'worker1'),
        street: await login(app, 'street1'),
      };
    }
    const get = async (a: FastifyInstance, s: Session, url: string) =>
      a.inject({ method: 'GET', url, headers: authHeaders(s) });
    const send = (a: FastifyInstance, s: Session, method: 'POST' | 'PATCH', url: string, payload: object) =>
      a.inject({ method, url, headers: authHeaders(s), payload });

    const retest = (personId: string | null, placeId: string, ref = 'T-0001'): PlatformItem => ({
      origin: 'screening.retest',
      ref,
      personId,
      placeId,
      duty: 'screening.retest',
      title: '单管复检',
      due: new Date('2026-12-03T18:00:00+08:00'),
      priority: 'urgent',
      detail: { barcode: ref, round: '第 3 轮' },
    });
    const resample = (personId: string, placeId: string): PlatformItem => ({
      ...retest(personId, placeId, 'T-0002'),
      origin: 'screening.resample',
      duty: 'screening.resample',
      title: '重新采样',
      priority: 'normal',
      detail: { barcode: 'T-0002' },
    });

    it('raises items once: a repeat, in the same batch or later, is a no-op; a rolled-back caller leaves none', async () => {
      const { people, sq } = await setup();
      const batch = [
        retest(people.a, sq.one),
        retest(people.c, sq.three),
        resample(people.b, sq.two),
        retest(null, sq.one, 'T-0009'),
        retest(people.a, sq.one),
      ];
      expect(await raisePlatformItems(t.db, batch, AT)).toEqual({ raised: 4 });
      expect(await raisePlatformItems(t.db, batch, LATER)).toEqual({
        raised: 0,
      });
      // The same tube for another person, or another tube for the same person, is another item.
      expect(
        await raisePlatformItems(t.db, [retest(people.b, sq.two), retest(people.a, sq.one, 'T-0003')], AT),
      ).toEqual({ raised: 2 });
      // Inside the caller's transaction: its rollback takes the items with it.
      await expect(
        t.db.transaction(async (tx) => {
          expect(await raisePlatformItems(tx, [retest(people.c, sq.three, 'T-0004')], AT)).toEqual({
            raised: 1,
          });
          throw new Error('the caller fails');
        }),
      ).rejects.toThrow('the caller fails');
      const { rows } = await t.db.query<{
        n: string;
        kind: string;
        departments: string[];
        window_from: string;
        window_to: string;
        created_at: Date;
      }>(
        `SELECT count(*) OVER () AS n, kind, departments, to_char(window_from, 'YYYY-MM-DD') AS window_from,
                to_char(window_to, 'YYYY-MM-DD') AS window_to, created_at FROM work_items`,
      );
      expect(rows).toHaveLength(6);
      // A task of no department, about the local (+08:00) date it was raised on.
      expect(rows[0]).toMatchObject({
        kind: 'task',
        departments: [],
        window_from: '2026-12-03',
        window_to: '2026-12-03',
        created_at: AT,
      });
      // Any place's inbox may receive one (a street's store, someone homed above community level); no place, none.
      const street = await placeId(t.db, 'cq.yz.jd01');
      expect(await raisePlatformItems(t.db, [retest(people.a, street, 'T-0005')], AT)).toEqual({ raised: 1 });
      await expect(
        raisePlatformItems(t.db, [retest(people.a, '00000000-0000-4000-8000-000000000000', 'T-0006')], AT),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION' });
      expect(await raisePlatformItems(t.db, [], AT)).toEqual({ raised: 0 });
    });

    it('raises a batch larger than one statement takes, once', async () => {
      const { sq } = await setup();
      const many = Array.from({ length: 2 * INSERT_CHUNK + 1 }, (_, k) => retest(null, sq.one, `B-${k}`));
      expect(await raisePlatformItems(t.db, many, AT)).toEqual({
        raised: many.length,
      });
      expect(await raisePlatformItems(t.db, many.slice(INSERT_CHUNK - 1), AT)).toEqual({ raised: 0 });
    });

    it("shows in its community's inbox only, with origin, subject (phone masked) and detail", async () => {
      const { a, people, sq, worker, street } = await setup();
      await raisePlatformItems(
        t.db,
        [retest(people.a, sq.one), resample(people.b, sq.two), retest(people.c, sq.three)],
        AT,
      );
      const mine = (await get(a, worker, '/api/inbox')).json();
      expect(mine.total).toBe(1);
      expect(mine.items[0]).toMatchObject({
        placePath: 'cq.yz.jd01.sq01',
        kind: 'task',
        title: '单管复检',
        duty: 'screening.retest',
        state: 'open',
        priority: 'urgent',
        departments: [],
        demands: 0,
        origin: 'screening.retest',
        originRef: 'T-0001',
        detail: { barcode: 'T-0001', round: '第 3 轮' },
        subject: { id: people.a, name: '甲', phoneMasked: '138****0001' },
      });
      const streets = (await get(a, street, '/api/inbox')).json();
      expect(streets.items.map((i: { subject: { name: string } }) => i.subject.name).sort()).toEqual([
        '乙',
        '甲',
      ]);
      const resamples = (await get(a, street, '/api/inbox?origin=screening.resample')).json();
      expect(resamples.items.map((i: { originRef: string }) => i.originRef)).toEqual(['T-0002']);
      expect((await get(a, street, '/api/inbox?origin=Not%20an%20origin')).statusCode).toBe(400);
      // A department filter lists departments' items only.
      expect((await get(a, street, '/api/inbox?department=mzj')).json().total).toBe(0);

      const item = (await get(a, worker, `/api/work-items/${mine.items[0].id}`)).json();
      expect(item).toMatchObject({
        origin: 'screening.retest',
        originRef: 'T-0001',
        subject: { name: '甲', phoneMasked: '138****0001' },
        detail: { barcode: 'T-0001' },
        demandList: [],
        fields: [],
        conflictList: [],
      });
      expect(JSON.stringify(item)).not.toContain('13800000001');
      const others = (await get(a, street, '/api/inbox?origin=screening.resample')).json().items[0].id;
      expect((await get(a, worker, `/api/work-items/${others}`)).statusCode).toBe(404);
    });

    it('moves along open → in_progress → done by the worker, asks no answers, and closes itself when the result arrives', async () => {
      const { a, people, sq, worker } = await setup();
      await raisePlatformItems(
        t.db,
        [retest(people.a, sq.one), resample(people.a, sq.one), retest(people.b, sq.two)],
        AT,
      );
      const open = (await get(a, worker, '/api/inbox')).json().items as {
        id: string;
        origin: string;
      }[];
      const byOrigin = Object.fromEntries(open.map((i) => [i.origin, i.id]));
      const resampleId = byOrigin['screening.resample'];
      const noValues = await send(a, worker, 'POST', `/api/work-items/${resampleId}/answers`, { values: {} });
      expect([noValues.statusCode, noValues.json().field]).toEqual([400, 'body.values']);
      const stray = await send(a, worker, 'POST', `/api/work-items/${resampleId}/answers`, {
        values: { x: 1 },
      });
      expect([stray.statusCode, stray.json().field]).toEqual([400, 'body.values.x']);
      const started = await send(a, worker, 'PATCH', `/api/work-items/${resampleId}`, {
        state: 'in_progress',
      });
      expect(started.json()).toMatchObject({
        state: 'in_progress',
        subject: { name: '甲' },
      });
      const done = await send(a, worker, 'PATCH', `/api/work-items/${resampleId}`, {
        state: 'done',
        note: '已通知',
      });
      expect(done.json()).toMatchObject({
        state: 'done',
        finishedAt: LATER.toISOString(),
      });
      const { rows: audit } = await t.db.query<{
        detail: Record<string, unknown>;
      }>("SELECT detail FROM audit_log WHERE action = 'inbox.item.update' ORDER BY seq");
      expect(audit.at(-1)?.detail).toMatchObject({
        to: 'done',
        origin: 'screening.resample',
        ref: 'T-0002',
      });

      // The re-test result arrives: screening closes 甲's re-test items (another tube: no match).
      expect(
        await closePlatformItems(
          t.db,
          { origin: 'screening.retest', personIds: [people.a], ref: 'T-9999' },
          LATER,
        ),
      ).toBe(0);
      expect(await closePlatformItems(t.db, { origin: 'screening.retest', personIds: [] }, LATER)).toBe(0);
      expect(
        await closePlatformItems(
          t.db,
          { origin: 'screening.retest', personIds: [people.a] },
          LATER,
          '复检阴性',
        ),
      ).toBe(1);
      expect(
        await closePlatformItems(t.db, { origin: 'screening.retest', personIds: [people.a] }, LATER),
      ).toBe(0);
      const closed = (await get(a, worker, `/api/work-items/${byOrigin['screening.retest']}`)).json();
      expect(closed).toMatchObject({
        state: 'done',
        finishedAt: LATER.toISOString(),
        detail: { barcode: 'T-0001', closeNote: '复检阴性' },
      });
      const { rows } = await t.db.query<{ finished_by: string | null }>(
        'SELECT finished_by FROM work_items WHERE id = $1',
        [closed.id],
      );
      expect(rows[0].finished_by).toBeNull();
      expect((await get(a, worker, '/api/inbox')).json().total).toBe(0);
      expect((await get(a, worker, '/api/inbox?state=done')).json().total).toBe(2);
      // 乙's re-test, in another community, is still open.
      const { rows: left } = await t.db.query<{ state: string }>(
        'SELECT state FROM work_items WHERE subject_person_id = $1',
        [people.b],
      );
      expect(left).toEqual([{ state: 'open' }]);
    });

    it('never joins a department’s demand nor counts in the burden', async () => {
      const { a, people, sq } = await setup();
      await insertDepartment(t.db, { code: 'wsjkw', name: '卫健委' });
      const admin = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'"))
        .rows[0].id;
      await publishDutyList(
        t.db,
        [
          {
            code: 'screening.retest',
            list: 'own',
            title: '核酸复检通知',
            department: 'wsjkw',
            legalBasis: '《传染病防治法》',
          },
        ],
        { by: admin, note: 'v1', at: new Date('2026-12-01T00:00:00+08:00') },
      );
      const officer = await addUser(t.db, 'dept_wsjkw', 'department_officer', 'cq');
      await setDepartmentOfficer(t.db, officer.id, 'wsjkw');
      await raisePlatformItems(t.db, [retest(people.a, sq.one), retest(people.b, sq.two)], AT);
      const wsjkw = await login(a, 'dept_wsjkw');
      const sent = await send(a, wsjkw, 'POST', '/api/work-requests', {
        department: 'wsjkw',
        duty: 'screening.retest',
        kind: 'task',
        title: '复检通知张贴',
        targets: ['cq.yz.jd01.sq01'],
        due: '2026-12-10T18:00:00+08:00',
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.json().communities).toEqual([expect.objectContaining({ joined: false })]);
      const burden = (await get(a, wsjkw, '/api/burden?from=2026-12-01&to=2026-12-31')).json();
      expect(burden.total).toMatchObject({
        demands: 1,
        items: 1,
        fieldsRequested: 0,
      });
      expect(burden.communities.map((c: { key: string; items: number }) => [c.key, c.items])).toEqual([
        ['cq.yz.jd01.sq01', 1],
      ]);
    });

    it('closes the items about no person by their references, and only those', async () => {
      const { sq, people } = await setup();
      const about = (ref: string, placeId: string): PlatformItem => ({
        ...retest(null, placeId, ref),
        origin: 'infrastructure.alarm',
      });
      await raisePlatformItems(
        t.db,
        [
          about('A1:one', sq.one),
          about('A1:two', sq.two),
          about('A2:one', sq.one),
          retest(people.a, sq.one, 'A1:one'),
        ],
        AT,
      );
      expect(await closePlatformItemsByRef(t.db, { origin: 'infrastructure.alarm', refs: [] }, LATER)).toBe(
        0,
      );
      expect(
        await closePlatformItemsByRef(
          t.db,
          { origin: 'infrastructure.alarm', refs: ['A1:one', 'A1:two'] },
          LATER,
          '告警解除',
        ),
      ).toBe(2);
      expect(
        await closePlatformItemsByRef(t.db, { origin: 'infrastructure.alarm', refs: ['A1:one'] }, LATER),
      ).toBe(0);
      const { rows } = await t.db.query<{
        origin: string;
        ref: string;
        state: string;
        note: string | null;
      }>(
        `SELECT origin, origin_ref AS ref, state, detail->>'closeNote' AS note FROM work_items
          WHERE origin IS NOT NULL ORDER BY origin, origin_ref`,
      );
      expect(rows).toEqual([
        {
          origin: 'infrastructure.alarm',
          ref: 'A1:one',
          state: 'done',
          note: '告警解除',
        },
        {
          origin: 'infrastructure.alarm',
          ref: 'A1:two',
          state: 'done',
          note: '告警解除',
        },
        {
          origin: 'infrastructure.alarm',
          ref: 'A2:one',
          state: 'open',
          note: null,
        },
        {
          origin: 'screening.retest',
          ref: 'A1:one',
          state: 'open',
          note: null,
        },
      ]);
    });
  },
  { migrate: true },
);
