/** Every answer carries the browser's protections; a body over a route's limit is 413, not 400. */
import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { authHeaders, login, seedCity, testApp } from './test-support.js';

forEachDatabase(
  'security headers',
  (t) => {
    it('the console and the API are served with a CSP that forbids framing, nosniff and DENY', async () => {
      const app = await testApp(t.db);
      try {
        for (const url of ['/', '/api/session', '/docs']) {
          const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
          const csp = String(res.headers['content-security-policy']);
          expect(csp, url).toContain("default-src 'self'");
          expect(csp, url).toContain("script-src 'self'");
          expect(csp, url).toContain("frame-ancestors 'none'");
          expect(csp, url).toContain("object-src 'none'");
          expect(csp, url).not.toContain("script-src 'self' 'unsafe-inline'");
          expect(res.headers['x-frame-options'], url).toBe('DENY');
          expect(res.headers['x-content-type-options'], url).toBe('nosniff');
          expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        }
      } finally {
        await app.close();
      }
    });

    it('a people file over 32 MiB answers 413 RX_TOO_LARGE naming the body and the limit', async () => {
      await seedCity(t.db);
      const app = await testApp(t.db);
      try {
        const s = await login(app, 'admin');
        const res = await app.inject({
          method: 'POST',
          url: '/api/people/import',
          headers: { ...authHeaders(s), 'content-type': 'text/csv', 'accept-language': 'zh-CN' },
          payload: Buffer.alloc(32 * 1024 * 1024 + 1, 0x61),
        });
        expect(res.statusCode).toBe(413);
        expect(res.json()).toEqual({
          code: 'RX_TOO_LARGE',
          field: 'body',
          message: 'body 超过大小上限 32 MiB',
        });
      } finally {
        await app.close();
      }
    });
  },
  { migrate: true },
);
