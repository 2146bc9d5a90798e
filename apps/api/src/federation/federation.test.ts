/**
 * Two cities exchange hand-offs over HTTP (each its own app, port, database, key and secret): a
 * companion living in the peer city becomes a person, a yellow code, a task and an inbox item
 * there; the answer, accept or reject with its reason, reaches the sender; a peer that is down
 * gets the hand-off once it is back, exactly once.
 */
import { forEachDatabase } from '@renxing/db/testing';
import { upsertPeople } from '@renxing/modules/people';
import { afterEach, expect, it } from 'vitest';
import { login } from '../test-support.js';
import { call, cityApp, PHONE, stateOf, type TwoCities, twoCities, until } from './test-support.js';

forEachDatabase(
  'federation between two cities',
  (t) => {
    let cities: TwoCities | undefined;
    afterEach(async () => {
      await cities?.close();
      cities = undefined;
    });

    const send = (c: TwoCities, extra: Record<string, unknown> = {}) =>
      call(c.cq, 'POST', '/api/handoffs', {
        peer: 'cd',
        kind: 'companion',
        companionId: c.companionId,
        homePlace: 'cd.jj.jd01.sq01',
        reason: '该时空伴随者居住在成都',
        ...extra,
      });

    it('a companion living in the peer city becomes a task, a yellow code and an inbox item there; acceptance reaches the sender', async () => {
      cities = await twoCities(t);
      const { cq, cd } = cities;
      const sent = await send(cities);
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      expect(sent.body).toMatchObject({ direction: 'out', peer: 'cd', kind: 'companion', state: 'queued' });
      // Pseudonym only: the agreement does not share identity.
      expect(Object.keys(sent.body.person)).toEqual(['ref']);
      const id = sent.body.id;
      await until(async () => (await stateOf(cq, id)) === 'sent');

      const received = await call(cd, 'GET', '/api/handoffs?direction=in');
      expect(received.body.total).toBe(1);
      expect(received.body.handoffs[0]).toMatchObject({
        id,
        direction: 'in',
        peer: 'cq',
        peerName: '重庆市',
        state: 'received',
        homePlace: 'cd.jj.jd01.sq01',
        evidence: { caseLabel: '病例7', cell: '120:340', overlapS: 1200 },
      });

      const accepted = await call(cd, 'POST', `/api/handoffs/${id}/accept`, { reason: '已安排社区核查' });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.state).toBe('accepted');
      const personId = accepted.body.personId as string;

      // 成都 could not resolve 重庆's pseudonym (different keys): a person to trace, at the home place.
      const { rows } = await cd.db.query<{ name: string; path: string; phone: string | null }>(
        `SELECT p.name, pl.path, p.phone FROM people p JOIN places pl ON pl.id = p.home_place_id WHERE p.id = $1`,
        [personId],
      );
      expect(rows[0]).toMatchObject({ path: 'cd.jj.jd01.sq01', phone: null });
      expect(rows[0].name).toMatch(/^协查对象-/);
      const code = await call(cd, 'GET', `/api/people/${personId}/health-code`);
      expect(code.body.colour).toBe('yellow');
      const worker = await login(cd.app, 'worker_cd');
      const tasks = await call(cd, 'GET', '/api/tasks', undefined, worker);
      expect(tasks.body.tasks.map((x: { personId: string }) => x.personId)).toContain(personId);
      const inbox = await call(cd, 'GET', '/api/inbox', undefined, worker);
      expect(JSON.stringify(inbox.body)).toContain('外市移交时空伴随者（重庆市）');

      // The answer travels back.
      await until(async () => (await stateOf(cq, id)) === 'accepted');
      const there = await call(cq, 'GET', `/api/handoffs/${id}`);
      expect(there.body.decisionReason).toBe('已安排社区核查');
      expect(there.body.trail.map((r: { action: string }) => r.action)).toEqual([
        'federation.handoff.send',
        'federation.handoff.accepted_by_peer',
      ]);
      expect(there.body.deliveries).toEqual([
        expect.objectContaining({ type: 'handoff', refused: null, deliveredAt: expect.any(String) }),
      ]);
      const here = await call(cd, 'GET', `/api/handoffs/${id}`);
      expect(here.body.trail.map((r: { action: string }) => r.action)).toEqual([
        'federation.handoff.receive',
        'federation.handoff.accept',
      ]);
      // Accepting twice is refused.
      expect((await call(cd, 'POST', `/api/handoffs/${id}/accept`, {})).body.code).toBe('RX_HANDOFF_DECIDED');
    });

    it('with one provincial pseudonym key the peer finds its own resident', async () => {
      cities = await twoCities(t, { sharedKey: true });
      const { cq, cd } = cities;
      const sent = await send(cities);
      await until(async () => (await stateOf(cq, sent.body.id)) === 'sent');
      const accepted = await call(cd, 'POST', `/api/handoffs/${sent.body.id}/accept`, {});
      const { rows } = await cd.db.query<{ name: string }>('SELECT name FROM people WHERE id = $1', [
        accepted.body.personId,
      ]);
      expect(rows[0].name).toBe('李四');
      expect(Number((await cd.db.query<{ n: number }>('SELECT count(*) AS n FROM people')).rows[0].n)).toBe(
        1,
      );
      await until(async () => (await stateOf(cq, sent.body.id)) === 'accepted');
    });

    it('a resident stuck at the border is handed over with their name and phone where the agreement shares identity', async () => {
      cities = await twoCities(t, { shareIdentity: true });
      const { cq, cd } = cities;
      await upsertPeople(cq.db, [{ name: '王五', phone: '13900000009', community: 'cq.yz.jd01.sq01' }], {
        secret: cq.secret,
      });
      const { rows: who } = await cq.db.query<{ id: string }>(`SELECT id FROM people WHERE name = '王五'`);
      const sent = await call(cq, 'POST', '/api/handoffs', {
        peer: 'cd',
        kind: 'resident',
        personId: who[0].id,
        homePlace: 'cd.jj.jd01.sq01',
        reason: '高速出口滞留，由成都社区接收',
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      expect(sent.body.person).toMatchObject({ name: '王五', phone: '13900000009' });
      expect(sent.body.evidence).toEqual({ colour: 'green', openTasks: 0 });
      // Both places' inboxes show it: here, in 王五's community, until the answer comes.
      const street = await login(cq.app, 'street1');
      const itemsHere = async () =>
        (await call(cq, 'GET', '/api/inbox?origin=federation.handoff&state=all', undefined, street)).body as {
          items: { title: string; state: string }[];
        };
      expect((await itemsHere()).items.map((i) => [i.title, i.state])).toEqual([
        ['滞留人员已移交外市（成都市）', 'open'],
      ]);
      await until(async () => (await stateOf(cq, sent.body.id)) === 'sent');
      const accepted = await call(cd, 'POST', `/api/handoffs/${sent.body.id}/accept`, {});
      const { rows } = await cd.db.query<{ name: string; phone: string }>(
        'SELECT name, phone FROM people WHERE id = $1',
        [accepted.body.personId],
      );
      expect(rows[0]).toEqual({ name: '王五', phone: '13900000009' });
      const inbox = await call(cd, 'GET', '/api/inbox', undefined, await login(cd.app, 'worker_cd'));
      expect(JSON.stringify(inbox.body)).toContain('外市移交滞留人员（重庆市）');
      await until(async () => (await stateOf(cq, sent.body.id)) === 'accepted');
      expect((await itemsHere()).items.map((i) => i.state)).toEqual(['done']);
    });

    it("a peer's rejection reaches the sender with its reason, and nothing is created there", async () => {
      cities = await twoCities(t);
      const { cq, cd } = cities;
      const sent = await send(cities);
      await until(async () => (await stateOf(cq, sent.body.id)) === 'sent');
      expect((await call(cd, 'POST', `/api/handoffs/${sent.body.id}/reject`, { reason: ' ' })).status).toBe(
        400,
      );
      const rejected = await call(cd, 'POST', `/api/handoffs/${sent.body.id}/reject`, {
        reason: '查无此人，已迁出',
      });
      expect(rejected.body.state).toBe('rejected');
      await until(async () => (await stateOf(cq, sent.body.id)) === 'rejected');
      expect((await call(cq, 'GET', `/api/handoffs/${sent.body.id}`)).body.decisionReason).toBe(
        '查无此人，已迁出',
      );
      expect(Number((await cd.db.query<{ n: number }>('SELECT count(*) AS n FROM people')).rows[0].n)).toBe(
        1,
      );
    });

    it('a home outside the places the peer covers, an unknown peer and a companion out of reach are refused', async () => {
      cities = await twoCities(t);
      expect((await send(cities, { homePlace: 'cq.yz.jd01.sq01' })).body.code).toBe('RX_PEER_NOT_COVERED');
      expect((await send(cities, { peer: 'wh' })).body.code).toBe('RX_PEER_UNKNOWN');
      expect((await send(cities, { companionId: 999_999 })).status).toBe(404);
      expect((await send(cities, { companionId: undefined })).body.code).toBe('RX_VALIDATION');
    });

    it('a peer that is down gets the hand-off once it is back, exactly once', async () => {
      cities = await twoCities(t);
      const { cq, cd } = cities;
      await cd.app.close();
      const sent = await send(cities);
      const id = sent.body.id;
      // The outbox tries, fails, backs off (at most 1 s here).
      await until(async () => {
        const view = await call(cq, 'GET', `/api/handoffs/${id}`);
        return view.body.deliveries[0].attempts >= 2;
      });
      expect(await stateOf(cq, id)).toBe('queued');
      const back = await cityApp(cd.db, { secret: cd.secret, pem: cd.pem, port: cd.port });
      cd.app = back.app;
      await until(async () => (await stateOf(cq, id)) === 'sent');
      const { rows } = await cd.db.query<{ n: string | number }>('SELECT count(*) AS n FROM handoffs');
      expect(Number(rows[0].n)).toBe(1);
      expect(PHONE).toBeTruthy();
    });
  },
  { migrate: true },
);
