import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { SECRET, SQ1, SQ2, SQ9, testCity } from '../service/test-support.js';
import { addUser, sheltersApp, signIn } from './test-support.js';

const NOON = Date.parse('2026-12-06T12:00:00+08:00') / 1000;

forEachDatabase(
  'shelters: http',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup() {
      const city = await testCity(t.db);
      let now = NOON;
      app = await sheltersApp(t.db, { now: () => now, citySecret: SECRET });
      await addUser(t.db, 'u_street', 'street_officer', 'cq.yz.jd01');
      await addUser(t.db, 'u_worker', 'community_worker', SQ1);
      await addUser(t.db, 'u_jb', 'district_officer', 'cq.jb');
      await addUser(t.db, 'u_health', 'health_officer', 'cq');
      const as = async (user: string) => {
        const headers = await signIn(app!, user);
        return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
          app!.inject({
            method,
            url,
            headers: { ...headers, 'accept-language': lang },
            ...(payload === undefined ? {} : { payload: payload as object }),
          });
      };
      return { city, as, setNow: (s: number) => (now = s) };
    }

    const school = {
      place: SQ1,
      name: '较场口小学',
      lon: 106.574,
      lat: 29.552,
      capacityDay: 5,
      capacityNight: 3,
      type: 'indoor',
      offers: ['beds', 'accessible'],
    };

    it('registers, opens, checks in and out, finds room and shows occupants through the API', async () => {
      const { city, as, setNow } = await setup();
      const street = await as('u_street');
      const worker = await as('u_worker');

      const created = await street('POST', '/api/shelters', school);
      expect(created.statusCode).toBe(201);
      const s = created.json();
      expect(s).toMatchObject({
        state: 'closed',
        offers: ['accessible', 'beds'],
        period: 'day',
        capacity: 5,
        available: 5,
      });
      expect((await worker('POST', '/api/shelters', { ...school, name: '又一个' })).statusCode).toBe(404);
      expect((await street('POST', '/api/shelters', school)).json()).toMatchObject({
        code: 'RX_SHELTER_EXISTS',
      });

      const closed = await worker(
        'POST',
        `/api/shelters/${s.id}/check-ins`,
        { name: '陈家', people: 2 },
        'zh-CN',
      );
      expect(closed.statusCode).toBe(409);
      expect(closed.json()).toMatchObject({
        code: 'RX_SHELTER_CLOSED',
        message: expect.stringContaining('未开放'),
      });
      const opened = await street('POST', `/api/shelters/${s.id}/state`, {
        state: 'open',
        reason: '暴雨红色预警',
      });
      expect(opened.json()).toMatchObject({ changed: true, shelter: { state: 'open' } });

      const room = await worker('GET', `/api/shelters/nearest?people=3&household=${city.households.h1}`);
      expect(room.statusCode).toBe(200);
      expect(room.json()).toMatchObject({
        people: 3,
        from: { source: 'community', place: SQ1 },
        shelter: { id: s.id, distanceM: 0 },
      });
      const family = await worker('POST', `/api/shelters/${s.id}/check-ins`, {
        household: city.households.h1,
      });
      expect(family.statusCode).toBe(201);
      expect(family.json()).toMatchObject({
        checkIn: { people: 3 },
        shelter: { occupancy: 3, available: 2 },
      });
      const full = await worker('POST', `/api/shelters/${s.id}/check-ins`, { name: '陈家', people: 3 });
      expect(full.json()).toMatchObject({
        code: 'RX_SHELTER_FULL',
        message: 'no room at 较场口小学: 2 places left, 3 asked',
      });
      expect(
        (await worker('GET', '/api/shelters/nearest?people=3&place=cq.yz.jd01.sq01')).json().shelter,
      ).toBeNull();
      expect((await worker('GET', '/api/shelters/nearest?people=3')).statusCode).toBe(400);
      expect((await worker('GET', '/api/shelters/nearest?people=1&lon=106.5')).statusCode).toBe(400);

      // 20:00: night capacity 3, 3 inside: none left.
      setNow(Date.parse('2026-12-06T20:00:00+08:00') / 1000);
      const list = (await worker('GET', '/api/shelters')).json();
      expect(list).toMatchObject({
        period: 'night',
        periodEndsAt: '2026-12-07T00:00:00.000Z',
        totals: { shelters: 1, open: 1, capacity: 3, occupancy: 3, available: 0 },
        shelters: [{ id: s.id, available: 0 }],
      });

      const view = (await worker('GET', `/api/shelters/${s.id}`)).json();
      expect(view).toMatchObject({ shelter: { occupancy: 3 }, others: 0 });
      expect(view.occupants).toMatchObject([
        { name: '较场口1号', people: 3, homePath: SQ1, checkedInByName: 'u_worker' },
      ]);
      const stay = view.occupants[0].id;
      const out = await worker('POST', `/api/shelters/check-ins/${stay}/check-out`);
      expect(out.json()).toMatchObject({ changed: true, shelter: { occupancy: 0, available: 3 } });
      expect((await worker('POST', `/api/shelters/check-ins/${stay}/check-out`)).json()).toMatchObject({
        changed: false,
        checkIn: { id: stay },
      });

      const people = (await worker('GET', `/api/shelters/evacuees?q=${encodeURIComponent('张伟')}`)).json();
      expect(people.map((p: { name: string }) => p.name).sort()).toEqual(['张伟']);
      expect(people[0]).toMatchObject({ household: { id: city.households.h1, members: 3 }, checkIn: null });

      const patched = await street('PATCH', `/api/shelters/${s.id}`, { capacityNight: 2, offers: [] });
      expect(patched.json()).toMatchObject({ capacityNight: 2, offers: [] });
      expect((await street('PATCH', `/api/shelters/${s.id}`, {})).statusCode).toBe(400);
    });

    it('keeps each caller to their place: other districts’ shelters read as not found, roles not admitted as not found', async () => {
      const { as } = await setup();
      const street = await as('u_street');
      const jb = await as('u_jb');
      const health = await as('u_health');
      const s = (await street('POST', '/api/shelters', school)).json();
      await street('POST', `/api/shelters/${s.id}/state`, { state: 'open' });
      const mine = (await jb('POST', '/api/shelters', { ...school, place: SQ9, name: '江北小学' })).json();
      expect((await jb('GET', `/api/shelters/${s.id}`)).statusCode).toBe(404);
      expect(
        (await jb('POST', `/api/shelters/${s.id}/check-ins`, { name: '某', people: 1 })).statusCode,
      ).toBe(404);
      expect((await jb('POST', `/api/shelters/${s.id}/state`, { state: 'closed' })).statusCode).toBe(404);
      expect((await jb('GET', '/api/shelters?under=cq.yz')).statusCode).toBe(404);
      expect((await jb('GET', '/api/shelters')).json().shelters.map((x: { id: string }) => x.id)).toEqual([
        mine.id,
      ]);
      expect((await street('GET', `/api/shelters/${mine.id}`)).statusCode).toBe(404);
      expect(
        (await street('POST', '/api/shelters', { ...school, place: SQ2, name: '民族路' })).statusCode,
      ).toBe(201);
      expect((await health('GET', '/api/shelters')).statusCode).toBe(404);
      expect((await app!.inject({ method: 'GET', url: '/api/shelters' })).statusCode).toBe(401);
    });

    it('imports a shelters file with its rejects by line', async () => {
      const { as } = await setup();
      const street = await as('u_street');
      const headers = await signIn(app!, 'u_street');
      const res = await app!.inject({
        method: 'POST',
        url: '/api/shelters/import?name=shelters.csv',
        headers: { ...headers, 'content-type': 'text/csv', 'accept-language': 'zh-CN' },
        payload: [
          'name,place,lon,lat,capacity_day,capacity_night,type,offers',
          `较场口小学,${SQ1},106.574,29.552,300,200,室内,床位`,
          `江北小学,${SQ9},106.53,29.58,300,200,室内,`,
        ].join('\n'),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        rows: 2,
        created: 1,
        rejects: [{ line: 3, reason: 'unknown_place' }],
      });
      expect((await street('GET', '/api/shelters')).json().shelters).toHaveLength(1);
      const missing = await app!.inject({
        method: 'POST',
        url: '/api/shelters/import',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: 'name,place\nx,cq\n',
      });
      expect(missing.json()).toMatchObject({ code: 'RX_MISSING_COLUMN' });
    });
  },
  { migrate: true },
);
