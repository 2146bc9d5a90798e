/** listStaff: the active staff under the caller's place, to assign work to. */

import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';

async function seed(db: Db) {
  await seedCity(db);
  await addUser(db, 'sq01a', 'community_worker', 'cq.yz.jd01.sq01', { displayName: '陈晓红' });
  await addUser(db, 'sq01b', 'community_worker', 'cq.yz.jd01.sq01');
  await addUser(db, 'sq02a', 'community_worker', 'cq.yz.jd01.sq02', { displayName: '周明' });
  await addUser(db, 'sq03a', 'community_worker', 'cq.yz.jd02.sq03');
  await addUser(db, 'health', 'health_officer', 'cq.yz.jd01');
  await addUser(db, 'lab', 'lab_user', 'cq.yz.jd01');
  await addUser(db, 'auditor', 'auditor', 'cq.yz.jd01');
  const gone = await addUser(db, 'gone', 'community_worker', 'cq.yz.jd01.sq01');
  await db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [gone.id]);
}

forEachDatabase(
  'staff api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    const get = (s: Session, url: string) => app!.inject({ method: 'GET', url, headers: authHeaders(s) });

    it('lists the active place staff and health officers under the caller’s place, nobody else', async () => {
      await seed(t.db);
      app = await testApp(t.db);
      const street = await login(app, 'street1');
      const res = await get(street, '/api/users');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.truncated).toBe(false);
      expect(body.users.map((u: { username: string }) => u.username)).toEqual([
        'health',
        'street1',
        'sq01a',
        'sq01b',
        'sq02a',
      ]);
      expect(body.users[2]).toEqual({
        id: expect.any(String),
        username: 'sq01a',
        displayName: '陈晓红',
        role: 'community_worker',
        placePath: 'cq.yz.jd01.sq01',
      });
      // Narrowed to one community; a place outside reads as not found.
      const sq02 = (await get(street, '/api/users?under=cq.yz.jd01.sq02')).json();
      expect(sq02.users.map((u: { username: string }) => u.username)).toEqual(['sq02a']);
      expect((await get(street, '/api/users?under=cq.yz.jd02')).statusCode).toBe(404);
      expect((await get(street, '/api/users?under=cq')).statusCode).toBe(404);
      // A community worker sees their community; lab users, auditors: not found.
      const worker = await login(app, 'sq01a');
      const mine = (await get(worker, '/api/users')).json();
      expect(mine.users.map((u: { username: string }) => u.username)).toEqual(['sq01a', 'sq01b']);
      for (const who of ['lab', 'auditor']) {
        expect((await get(await login(app, who), '/api/users')).statusCode, who).toBe(404);
      }
      expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    });

    it('the city admin sees the staff of the whole city, by place', async () => {
      await seed(t.db);
      app = await testApp(t.db);
      const admin = await login(app, 'admin');
      const { users } = (await get(admin, '/api/users')).json();
      expect(users.map((u: { username: string }) => u.username)).toEqual([
        'admin',
        'health',
        'street1',
        'sq01a',
        'sq01b',
        'sq02a',
        'sq03a',
      ]);
    });
  },
  { migrate: true },
);
