import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import { normalisePhone, pseudonymOf } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { installErrorHandling } from '@renxing/http';
import { auditTrail } from '@renxing/modules/audit';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { trajectoryChunks, trajectoryDays } from '../store/trajectories.js';
import { limited } from './routes.js';

const citySecret = Buffer.from('api-pings-secret-api-pings-secret-000001');
/** 2021-11-0D at HH:00 local time (+08:00), epoch seconds. */
const at = (d: number, hh: number) => Date.UTC(2021, 10, d, hh - 8) / 1000;
const NOW = at(23, 12); // 21 days earlier: 2 Nov 12:00

const CSV = [
  'subject,ts,lon,lat',
  `13800000001,${at(1, 9)},106.55,29.56`,
  `13800000001,${at(1, 9)},106.56,29.56`, // duplicate
  `138x,${at(1, 10)},106.55,29.56`, // 4: not a phone
  `13800000002,${at(2, 9)},106.55,291`, // 5: bad lat
  `13800000002,${at(2, 9)},106.55,29.56`,
  `13800000003,2021-11-03 09:00:00,106.55,29.56`,
  '',
].join('\n');

forEachDatabase(
  'pings api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    async function setup() {
      await seedCity(t.db);
      await addUser(t.db, 'health1', 'health_officer', 'cq.yz');
      app = await testApp(t.db, 100, { citySecret, now: () => NOW });
      return {
        a: app,
        admin: await login(app, 'admin'),
        health: await login(app, 'health1'),
        street: await login(app, 'street1'),
      };
    }
    const upload = (a: FastifyInstance, s: Session, body: string | Buffer, type = 'text/csv', query = '') =>
      a.inject({
        method: 'POST',
        url: `/api/pings/import${query}`,
        headers: { ...authHeaders(s), 'content-type': type },
        payload: body,
      });

    it('imports with rejects by line, pseudonymised, audited; the same file again stores nothing', async () => {
      const { a, health } = await setup();
      const res = await upload(a, health, CSV, 'text/csv', '?reason=operator%20feed');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        alreadyImported: false,
        rows: 6,
        kept: 3,
        rejected: 2,
        duplicates: 1,
        days: [
          { day: '2021-11-01', pings: 1 },
          { day: '2021-11-02', pings: 1 },
          { day: '2021-11-03', pings: 1 },
        ],
        rejects: [
          { line: 4, reason: 'subject is not a phone number' },
          { line: 5, reason: 'bad lat' },
        ],
        rejectsTruncated: false,
      });
      let stored = '';
      for await (const c of trajectoryChunks(t.db, { fromDay: null, toDay: null }))
        stored += gunzipSync(c.data).toString();
      expect(stored).not.toContain('1380000000');
      expect(stored).toContain(pseudonymOf(citySecret, normalisePhone('13800000001')!));

      const again = await upload(a, health, Buffer.from(CSV), 'application/octet-stream');
      expect(again.json()).toMatchObject({
        alreadyImported: true,
        importId: body.importId,
        kept: 3,
        rejects: [],
      });
      expect((await trajectoryDays(t.db)).reduce((n, d) => n + d.pings, 0)).toBe(3);
      const trail = await auditTrail(t.db, { type: 'trajectory_import', id: body.importId });
      expect(trail.map((x) => [x.action, x.reason, x.detail.alreadyImported])).toEqual([
        ['trajectory.import', 'operator feed', false],
        ['trajectory.import', 'pings upload', true],
      ]);
    });

    it('lists days, purges (city admin only, audited) and verifies retention', async () => {
      const { a, admin, health, street } = await setup();
      await upload(a, admin, CSV);
      const get = (s: Session, url: string) =>
        a.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      const days = await get(health, '/api/trajectories/days');
      expect(days.statusCode).toBe(200);
      expect(days.json().days.map((d: { day: string }) => d.day)).toEqual([
        '2021-11-01',
        '2021-11-02',
        '2021-11-03',
      ]);
      expect(days.json().days[0]).toMatchObject({ pings: 1, chunks: 1 });
      expect((await get(health, '/api/trajectories/retention')).json()).toMatchObject({
        ok: false,
        cutoff: '2021-11-02',
        staleDays: ['2021-11-01'],
        purges: [],
      });

      const purge = (s: Session, query = '') =>
        a.inject({
          method: 'POST',
          url: `/api/trajectories/purge${query}`,
          headers: authHeaders(s),
        });
      expect((await purge(health)).statusCode).toBe(404);
      const res = await purge(admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        cutoff: '2021-11-02',
        retentionDays: 21,
        days: ['2021-11-01'],
        chunks: 1,
        pings: 1,
        purgedBy: admin.userId,
      });
      const check = (await get(health, '/api/trajectories/retention')).json();
      expect(check).toMatchObject({ ok: true, staleDays: [], oldestDay: '2021-11-02' });
      expect(check.purges[0].id).toBe(res.json().id);
      expect(await auditTrail(t.db, { type: 'trajectory_purge', id: String(res.json().id) })).toHaveLength(1);
      expect((await purge(admin, '?retentionDays=20')).json().days).toEqual(['2021-11-02']);
      const bad = await purge(admin, '?retentionDays=0');
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'query.retentionDays']);

      // Roles without access read everything as not found.
      expect((await get(street, '/api/trajectories/days')).statusCode).toBe(404);
      expect((await get(street, '/api/trajectories/retention')).statusCode).toBe(404);
      expect((await upload(a, street, CSV)).statusCode).toBe(404);
      expect((await a.inject({ method: 'GET', url: '/api/trajectories/days' })).statusCode).toBe(401);
    });

    it('answers bad input with a 4xx naming the field', async () => {
      const { a, health } = await setup();
      const cases: [string | Buffer, string, number, string][] = [
        ['subject,ts,lon\n1,2,3\n', 'text/csv', 400, 'body.lat'],
        ['', 'text/csv', 400, 'body'],
        ['{"a":1}', 'application/json', 400, 'header.content-type'],
        ['x', 'image/png', 400, 'header.content-type'],
      ];
      for (const [body, type, status, field] of cases) {
        const res = await upload(a, health, body, type);
        expect({ type, status: res.statusCode, field: res.json().field }).toEqual({ type, status, field });
      }
      const huge = await a.inject({
        method: 'POST',
        url: '/api/pings/import',
        headers: {
          cookie: health.cookie,
          'x-csrf-token': health.csrf,
          'content-type': 'text/csv',
          'content-length': String(513 * 1024 * 1024),
        },
        payload: 'subject,ts,lon,lat\n',
      });
      expect([huge.statusCode, huge.json().code, huge.json().field]).toEqual([413, 'RX_TOO_LARGE', 'body']);
      const noCsrf = await a.inject({
        method: 'POST',
        url: '/api/pings/import',
        headers: { cookie: health.cookie, 'content-type': 'text/csv' },
        payload: CSV,
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(await trajectoryDays(t.db)).toEqual([]);
    });

    it('never answers 5xx, whatever the body and type', async () => {
      const { a, health } = await setup();
      const types = ['text/csv', 'application/octet-stream', 'application/json', 'text/plain'];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string(),
            fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
            fc.string().map((s) => `subject,ts,lon,lat\n${s}`),
          ),
          fc.constantFrom(...types),
          async (body, type) => {
            const res = await upload(a, health, body, type);
            expect(res.statusCode).toBeLessThan(500);
          },
        ),
        { numRuns: 30 },
      );
    });

    it('lists its operations in the OpenAPI document', async () => {
      const { a } = await setup();
      const doc = (await a.inject({ method: 'GET', url: '/openapi.json' })).json();
      const ops = Object.values(
        doc.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((p) => Object.values(p).map((o) => o.operationId));
      expect(ops).toEqual(
        expect.arrayContaining([
          'importPings',
          'listTrajectoryDays',
          'purgeTrajectories',
          'verifyTrajectoryRetention',
        ]),
      );
    });
  },
  { migrate: true },
);

it('stops reading a streamed body once it passes the limit, with 413 on the body', async () => {
  const body = Readable.from([Buffer.alloc(6), Buffer.alloc(6), Buffer.alloc(6)]);
  const got: number[] = [];
  await expect(
    (async () => {
      for await (const c of limited(body, 10)) got.push(c.length);
    })(),
  ).rejects.toMatchObject({ code: 'RX_TOO_LARGE', status: 413, field: 'body' });
  expect(got).toEqual([6]);
});

it('answers an over-limit chunked upload with 413 over a real connection, not a reset', async () => {
  // The route's mechanism on a bare server with a 64 KiB limit: the client streams 4 MiB in chunks.
  const app = Fastify({ forceCloseConnections: true });
  installErrorHandling(app);
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  app.post('/up', async (request) => {
    for await (const _ of limited(request.body as Readable, 64 * 1024));
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/up',
        agent: false,
        headers: { 'content-type': 'text/csv', connection: 'close' },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.on('close', () => {
        if (!answered) reject(new Error('the connection closed without an answer'));
      });
      const chunk = Buffer.alloc(64 * 1024, 0x31);
      let sent = 0;
      // Writes until the answer comes (or all 4 MiB are sent), as a client streaming a file does.
      const more = () => {
        while (sent < 64 && !answered) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'RX_TOO_LARGE', field: 'body' });
  } finally {
    await app.close();
  }
});
