import { forEachDatabase } from '@renxing/db/testing';
import { auditTrail } from '@renxing/modules/audit';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { authHeaders, login, PASSWORD, seedCity, testApp } from './test-support.js';

describe('buildApp', () => {
  it('refuses a short secret', async () => {
    await expect(buildApp({ db: {} as never, secret: 'short' })).rejects.toThrow(/secret/);
  });
});

forEachDatabase(
  'api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    async function setup(loginLimit = 5): Promise<FastifyInstance> {
      await seedCity(t.db);
      app = await testApp(t.db, loginLimit);
      return app;
    }

    it('logs in: HttpOnly SameSite=Strict cookie, user and CSRF token, audited', async () => {
      const a = await setup();
      const res = await a.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username: 'street1', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.user).toMatchObject({
        username: 'street1',
        role: 'street_officer',
        placePath: 'cq.yz.jd01',
      });
      expect(body.user).not.toHaveProperty('passwordHash');
      expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/rx_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      expect(setCookie).toMatch(/Path=\//);
      const trail = await auditTrail(t.db, { type: 'user', id: body.user.id });
      expect(trail.map((r) => r.action)).toContain('auth.login');
      // The database holds the token's hash, not the token.
      const token = res.cookies.find((c) => c.name === 'rx_session')!.value;
      const { rows } = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toBe(token);
    });

    it('a bad password or unknown user is 401 RX_BAD_CREDENTIALS and audited', async () => {
      const a = await setup();
      const bad = await a.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username: 'street1', password: 'nope' },
      });
      expect(bad.statusCode).toBe(401);
      expect(bad.json()).toMatchObject({ code: 'RX_BAD_CREDENTIALS', message: 'wrong username or password' });
      expect(bad.headers['set-cookie']).toBeUndefined();
      const unknown = await a.inject({
        method: 'POST',
        url: '/api/login',
        headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
        payload: { username: 'ghost', password: 'nope' },
      });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().message).toBe('用户名或密码错误');
      const { rows } = await t.db.query<{ action: string; detail: { username: string } }>(
        `SELECT action, detail FROM audit_log ORDER BY seq`,
      );
      expect(rows.map((r) => [r.action, r.detail.username])).toEqual([
        ['auth.login_failed', 'street1'],
        ['auth.login_failed', 'ghost'],
      ]);
    });

    it('validation errors are 400 RX_VALIDATION naming the field', async () => {
      const a = await setup();
      const res = await a.inject({ method: 'POST', url: '/api/login', payload: { username: 'street1' } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'RX_VALIDATION', field: 'body.password' });
      const s = await login(a, 'street1');
      const q = await a.inject({ url: '/api/places?level=planet', headers: { cookie: s.cookie } });
      expect(q.statusCode).toBe(400);
      expect(q.json()).toMatchObject({ code: 'RX_VALIDATION', field: 'query.level' });
      const json = await a.inject({
        method: 'POST',
        url: '/api/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":',
      });
      expect(json.statusCode).toBe(400);
      expect(json.json()).toMatchObject({ code: 'RX_VALIDATION', field: 'body' });
    });

    it('CSRF: logout without or with a wrong x-csrf-token is 403; with it, 204 and the session ends', async () => {
      const a = await setup();
      const s = await login(a, 'street1');
      const none = await a.inject({ method: 'POST', url: '/api/logout', headers: { cookie: s.cookie } });
      expect(none.statusCode).toBe(403);
      expect(none.json().code).toBe('RX_CSRF');
      const wrong = await a.inject({
        method: 'POST',
        url: '/api/logout',
        headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf.slice(0, -2)}xx` },
      });
      expect(wrong.statusCode).toBe(403);
      // Another session's token does not fit this one.
      const other = await login(a, 'admin');
      const crossed = await a.inject({
        method: 'POST',
        url: '/api/logout',
        headers: { cookie: s.cookie, 'x-csrf-token': other.csrf },
      });
      expect(crossed.statusCode).toBe(403);
      const ok = await a.inject({
        method: 'POST',
        url: '/api/logout',
        headers: authHeaders(s),
      });
      expect(ok.statusCode).toBe(204);
      expect(String(ok.headers['set-cookie'])).toMatch(/rx_session=;/);
      const after = await a.inject({ url: '/api/places', headers: { cookie: s.cookie } });
      expect(after.statusCode).toBe(401);
      const { rows } = await t.db.query<{ action: string }>(`SELECT action FROM audit_log ORDER BY seq`);
      expect(rows.map((r) => r.action)).toEqual(['auth.login', 'auth.login', 'auth.logout']);
    });

    it('rate limits login per IP and username: the 6th attempt in a minute is 429', async () => {
      const a = await setup();
      for (let i = 0; i < 5; i++) {
        const res = await a.inject({
          method: 'POST',
          url: '/api/login',
          payload: { username: 'street1', password: 'x' },
        });
        expect(res.statusCode).toBe(401);
      }
      const limited = await a.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username: 'street1', password: PASSWORD },
      });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('RX_RATE_LIMITED');
      // Another username from the same IP is counted apart.
      const other = await a.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username: 'admin', password: PASSWORD },
      });
      expect(other.statusCode).toBe(200);
    });

    it('unauthenticated or forged sessions get 401 on /api/places', async () => {
      const a = await setup();
      const none = await a.inject({ url: '/api/places' });
      expect(none.statusCode).toBe(401);
      expect(none.json().code).toBe('RX_UNAUTHENTICATED');
      const forged = await a.inject({ url: '/api/places', headers: { cookie: 'rx_session=abc' } });
      expect(forged.statusCode).toBe(401);
      const session = await a.inject({ url: '/api/session' });
      expect(session.statusCode).toBe(401);
    });

    it('listPlaces is scoped to the caller: outside is 404', async () => {
      const a = await setup();
      const s = await login(a, 'street1');
      const get = (url: string) => a.inject({ url, headers: { cookie: s.cookie } });
      const own = await get('/api/places?level=community');
      expect(own.statusCode).toBe(200);
      expect(own.json().places.map((p: { path: string }) => p.path)).toEqual([
        'cq.yz.jd01.sq01',
        'cq.yz.jd01.sq02',
      ]);
      const all = await get('/api/places');
      expect(all.json().places[0].path).toBe('cq.yz.jd01');
      expect(all.json().places).toHaveLength(3);
      const one = await get('/api/places?under=cq.yz.jd01.sq02');
      expect(one.json().places.map((p: { path: string }) => p.path)).toEqual(['cq.yz.jd01.sq02']);
      for (const url of [
        '/api/places?under=cq.yz.jd02', // another street
        '/api/places?under=cq.jb', // another district
        '/api/places?under=cq.yz', // its own district, above its scope
        '/api/places?under=cq', // the city
        '/api/places?under=cq.yz.jd01.sq99', // inside scope, but no such place
        '/api/places?under=cq.yz.jd01.sq99&level=grid',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().code).toBe('RX_NOT_FOUND');
      }
      const admin = await login(a, 'admin');
      const streets = await a.inject({ url: '/api/places?level=street', headers: { cookie: admin.cookie } });
      expect(streets.json().places.map((p: { path: string }) => p.path)).toEqual([
        'cq.jb.jd03',
        'cq.yz.jd01',
        'cq.yz.jd02',
      ]);
    });

    it('getSession returns the user and the same CSRF token as login', async () => {
      const a = await setup();
      const s = await login(a, 'street1');
      const res = await a.inject({ url: '/api/session', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'street1' }, csrfToken: s.csrf });
    });

    it('serves /openapi.json with the operationIds, /docs, and 404 for unknown routes', async () => {
      const a = await setup();
      const res = await a.inject({ url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      const ids = Object.values(
        doc.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
      expect(ids).toEqual(expect.arrayContaining(['login', 'logout', 'listPlaces', 'getSession']));
      expect(doc.paths['/api/places'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['under', 'level']),
      );
      const docs = await a.inject({ url: '/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toMatch(/html/);
      for (const url of ['/nope', '/api/nope']) {
        const missing = await a.inject({ url });
        expect(missing.statusCode).toBe(404);
        expect(missing.json().code).toBe('RX_NOT_FOUND');
      }
    });
  },
  { migrate: true },
);
