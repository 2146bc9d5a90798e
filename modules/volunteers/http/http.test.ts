import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { NOW, PASSWORD, SQ1, SQ9, signIn, volunteersApp, volunteersCity } from '../test-support.js';

forEachDatabase(
  'volunteers http',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    const start = async () => {
      const city = await volunteersCity(t.db);
      app = await volunteersApp(t.db, { now: () => NOW.getTime() / 1000 });
      return city;
    };

    it('a worker registers and verifies; the volunteer signs in and sets their windows; lists mask phones', async () => {
      await start();
      const worker = await signIn(app!, 'worker1');
      const org = await app!.inject({
        method: 'POST',
        url: '/api/volunteers/organisations',
        headers: worker,
        payload: { name: '较场口志愿服务队', kind: 'volunteer_team', place: SQ1 },
      });
      expect(org.statusCode).toBe(201);
      const reg = await app!.inject({
        method: 'POST',
        url: '/api/volunteers',
        headers: worker,
        payload: {
          name: '刘洋',
          phone: '13900000001',
          skills: ['medicine_delivery'],
          community: SQ1,
          organisationId: org.json().id,
          account: { username: 'liuyang', password: PASSWORD },
          windows: [{ from: '2026-12-06T14:00:00+08:00', to: '2026-12-06T18:00:00+08:00' }],
        },
      });
      expect(reg.statusCode).toBe(201);
      const v = reg.json();
      expect(v).toMatchObject({
        phoneMasked: '139****0001',
        state: 'unverified',
        organisation: { name: '较场口志愿服务队' },
      });
      expect(reg.body).not.toContain('13900000001');

      const verify = await app!.inject({
        method: 'POST',
        url: `/api/volunteers/${v.id}/verify`,
        headers: worker,
      });
      expect(verify.json()).toMatchObject({ changed: true, volunteer: { state: 'verified' } });

      const me = await signIn(app!, 'liuyang');
      const mine = await app!.inject({ method: 'GET', url: '/api/volunteers/me', headers: me });
      expect(mine.json().volunteer.id).toBe(v.id);
      const put = await app!.inject({
        method: 'PUT',
        url: '/api/volunteers/me/windows',
        headers: me,
        payload: { windows: [{ from: '2026-12-07T09:00:00+08:00', to: '2026-12-07T11:00:00+08:00' }] },
      });
      expect(put.json().windows).toEqual([
        { from: '2026-12-07T01:00:00.000Z', to: '2026-12-07T03:00:00.000Z' },
      ]);
      // A volunteer reaches no one else's record.
      const other = await app!.inject({ method: 'GET', url: `/api/volunteers/${v.id}`, headers: me });
      expect(other.statusCode).toBe(404);

      const list = await app!.inject({
        method: 'GET',
        url: '/api/volunteers?skill=medicine_delivery&state=verified',
        headers: worker,
      });
      expect(list.json()).toMatchObject({
        total: 1,
        volunteers: [{ name: '刘洋', phoneMasked: '139****0001' }],
      });
      expect(list.body).not.toContain('13900000001');
      const hours = await app!.inject({
        method: 'POST',
        url: `/api/volunteers/${v.id}/hours`,
        headers: worker,
        payload: { hours: 2, source: 'aid_request:r1' },
      });
      expect(hours.json()).toMatchObject({ recorded: true, entry: { date: '2026-12-06', hours: 2 } });
      const got = await app!.inject({ method: 'GET', url: `/api/volunteers/${v.id}`, headers: worker });
      expect(got.json()).toMatchObject({ volunteer: { hours: 2 }, hours: [{ source: 'aid_request:r1' }] });
    });

    it('a resident registers themself; staff elsewhere do not see them', async () => {
      await start();
      const resident = await signIn(app!, 'resident');
      const reg = await app!.inject({
        method: 'POST',
        url: '/api/volunteers',
        headers: resident,
        payload: { skills: ['送餐送菜'] },
      });
      expect(reg.statusCode).toBe(201);
      expect(reg.json()).toMatchObject({ name: '张伟', community: SQ1, skills: ['food_delivery'] });
      const again = await app!.inject({
        method: 'POST',
        url: '/api/volunteers',
        headers: resident,
        payload: { skills: ['transport'] },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('RX_VOLUNTEER_EXISTS');
      expect(
        (await app!.inject({ method: 'GET', url: '/api/volunteers/me', headers: resident })).json().volunteer
          .name,
      ).toBe('张伟');
      // The resident may not list volunteers; 江北's officer does not find them.
      expect(
        (await app!.inject({ method: 'GET', url: '/api/volunteers', headers: resident })).statusCode,
      ).toBe(404);
      const jb = await signIn(app!, 'jb1');
      expect(
        (await app!.inject({ method: 'GET', url: `/api/volunteers/${reg.json().id}`, headers: jb }))
          .statusCode,
      ).toBe(404);
      expect(
        (await app!.inject({ method: 'POST', url: `/api/volunteers/${reg.json().id}/verify`, headers: jb }))
          .statusCode,
      ).toBe(404);
      expect((await app!.inject({ method: 'GET', url: '/api/volunteers', headers: jb })).json().total).toBe(
        0,
      );
    });

    it('imports a CSV with rejects by line (worded in both languages), and validates bodies', async () => {
      await start();
      const worker = await signIn(app!, 'worker1');
      const res = await app!.inject({
        method: 'POST',
        url: '/api/volunteers/import?name=v.csv',
        headers: { ...worker, 'content-type': 'text/csv' },
        payload: `name,phone,skills,community\n刘洋,13900000001,transport,${SQ1}\n陈静,13900000002,transport,${SQ9}\n`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        rows: 2,
        created: 1,
        rejects: [{ line: 3, reason: 'unknown_place', message: { 'zh-CN': '社区不存在或不在您的辖区内' } }],
      });
      const missing = await app!.inject({
        method: 'POST',
        url: '/api/volunteers/import',
        headers: { ...worker, 'content-type': 'text/csv' },
        payload: 'name,phone\n刘洋,1\n',
      });
      expect(missing.json().code).toBe('RX_MISSING_COLUMN');
      const bad = await app!.inject({
        method: 'POST',
        url: '/api/volunteers',
        headers: worker,
        payload: { name: '某人', phone: '13900000009', skills: ['transport'], community: SQ1, capacity: 99 },
      });
      expect(bad.statusCode).toBe(400);
      const outside = await app!.inject({
        method: 'POST',
        url: '/api/volunteers/organisations',
        headers: worker,
        payload: { name: '江北物业', kind: 'property_mgmt', place: SQ9 },
      });
      expect(outside.statusCode).toBe(404);
    });
  },
  { migrate: true },
);
