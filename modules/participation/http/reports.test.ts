import { forEachDatabase } from '@renxing/db/testing';
import { createNotifier } from '@renxing/notify';
import { type SmtpSink, startSmtpSink } from '@renxing/notify/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  type City,
  NOW,
  PNG,
  participationApp,
  RESIDENT_USER,
  SQ1,
  seedCity,
  signIn,
} from '../test-support.js';

forEachDatabase(
  'participation: http',
  (t) => {
    let app: FastifyInstance | undefined;
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      await sink.close();
    });
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    const now = () => Math.floor(NOW.getTime() / 1000);
    const start = async (o: { smtp?: boolean } = {}): Promise<{ app: FastifyInstance; city: City }> => {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: o.smtp ? sink.url : null, now: () => NOW });
      app = await participationApp(t.db, { now, notifier });
      return { app, city };
    };
    const as = async (a: FastifyInstance, username: string) => {
      const headers = await signIn(a, username);
      return (o: {
        method: 'GET' | 'POST' | 'PUT';
        url: string;
        payload?: InjectOptions['payload'];
        headers?: Record<string, string>;
      }) => a.inject({ ...o, headers: { ...headers, ...o.headers } } as InjectOptions);
    };

    it('a resident sees only their own reports; staff those of their place', async () => {
      const { app } = await start();
      const a = await as(app, RESIDENT_USER.甲!);
      const b = await as(app, RESIDENT_USER.乙!);
      const r = await a({
        method: 'POST',
        url: '/api/participation/reports',
        payload: { category: 'hazard', text: '楼道灯坏了' },
      });
      expect(r.statusCode).toBe(201);
      const id = r.json().report.id as string;
      expect(r.json().report).toMatchObject({ placePath: SQ1, state: 'submitted', supporters: 1 });
      expect((await b({ method: 'GET', url: `/api/participation/reports/${id}` })).statusCode).toBe(404);
      expect((await b({ method: 'GET', url: '/api/participation/reports' })).json()).toEqual({
        reports: [],
        total: 0,
      });
      expect((await a({ method: 'GET', url: '/api/participation/reports' })).json().total).toBe(1);
      const worker1 = await as(app, 'worker1');
      const worker9 = await as(app, 'worker9');
      expect((await worker1({ method: 'GET', url: `/api/participation/reports/${id}` })).statusCode).toBe(
        200,
      );
      expect((await worker9({ method: 'GET', url: `/api/participation/reports/${id}` })).statusCode).toBe(
        404,
      );
      expect((await worker9({ method: 'GET', url: '/api/participation/reports' })).json().total).toBe(0);
      // A resident cannot report as someone else.
      const other = await a({
        method: 'POST',
        url: '/api/participation/reports',
        payload: { category: 'hazard', text: '冒名', personId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(other.statusCode).toBe(404);
    });

    it('takes JPEG, PNG or WebP by their bytes (an HTML file named .jpg is refused), serves it inline with nosniff', async () => {
      const { app } = await start();
      const a = await as(app, RESIDENT_USER.甲!);
      const b = await as(app, RESIDENT_USER.乙!);
      const id = (
        await a({
          method: 'POST',
          url: '/api/participation/reports',
          payload: { category: 'hazard', text: '外墙脱落' },
        })
      ).json().report.id as string;
      const html = Buffer.from(
        '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
      );
      const disguised = await a({
        method: 'PUT',
        url: `/api/participation/reports/${id}/photo`,
        headers: { 'content-type': 'image/jpeg', 'content-disposition': 'attachment; filename="photo.jpg"' },
        payload: html,
      });
      expect(disguised.statusCode).toBe(415);
      expect(disguised.json().code).toBe('RX_PHOTO_TYPE');
      expect((await a({ method: 'GET', url: `/api/participation/reports/${id}/photo` })).statusCode).toBe(
        404,
      );
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await a({
        method: 'PUT',
        url: `/api/participation/reports/${id}/photo`,
        headers: { 'content-type': 'image/png' },
        payload: big,
      });
      expect(tooBig.statusCode).toBe(413);
      const ok = await a({
        method: 'PUT',
        url: `/api/participation/reports/${id}/photo`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: PNG,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ contentType: 'image/png', size: PNG.length });
      const got = await a({ method: 'GET', url: `/api/participation/reports/${id}/photo` });
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(String(got.headers['content-disposition'])).toMatch(
        /^inline; filename="report-[0-9a-f-]+\.png"$/,
      );
      expect(String(got.headers['content-security-policy'])).toContain("default-src 'none'");
      expect(got.rawPayload.equals(PNG)).toBe(true);
      expect((await b({ method: 'GET', url: `/api/participation/reports/${id}/photo` })).statusCode).toBe(
        404,
      );
      expect(
        (
          await b({
            method: 'PUT',
            url: `/api/participation/reports/${id}/photo`,
            headers: { 'content-type': 'image/png' },
            payload: PNG,
          })
        ).statusCode,
      ).toBe(404);
    });

    it('tells the reporter by e-mail over SMTP and in the app; they read and mark their notifications', async () => {
      const { app } = await start({ smtp: true });
      const before = sink.received.length;
      const a = await as(app, RESIDENT_USER.甲!);
      const id = (
        await a({
          method: 'POST',
          url: '/api/participation/reports',
          payload: {
            category: 'complaint',
            text: '垃圾站三天没清运',
            contactEmail: 'jia@example.test',
            allowPublic: true,
          },
        })
      ).json().report.id as string;
      const worker = await as(app, 'worker1');
      const res = await worker({
        method: 'POST',
        url: `/api/participation/reports/${id}/respond`,
        payload: { action: 'respond', text: '今天下午清运完毕', public: true },
      });
      expect(res.statusCode).toBe(200);
      const mail = await sink.waitFor(before + 2);
      const mine = mail.slice(before).filter((m) => m.rcptTo.includes('jia@example.test'));
      expect(mine.map((m) => m.subject)).toEqual([
        '报告已提交 / Report submitted: 垃圾站三天没清运',
        '报告已答复 / Report responded to: 垃圾站三天没清运',
      ]);
      expect(mine[1]!.text).toContain('答复：今天下午清运完毕');
      const list = await a({ method: 'GET', url: '/api/me/notifications' });
      expect(list.json().unread).toBe(2);
      const ids = list.json().notifications.map((n: { id: string }) => n.id);
      const b = await as(app, RESIDENT_USER.乙!);
      expect(
        (await b({ method: 'POST', url: '/api/me/notifications/read', payload: { ids } })).json(),
      ).toEqual({ marked: 0, unread: 0 });
      expect(
        (await a({ method: 'POST', url: '/api/me/notifications/read', payload: { ids: [ids[0]] } })).json(),
      ).toEqual({
        marked: 1,
        unread: 1,
      });
      // The public response, without who reported.
      const pub = await b({ method: 'GET', url: '/api/participation/public-responses' });
      expect(pub.json().responses).toEqual([
        expect.objectContaining({ id, response: '今天下午清运完毕', text: '垃圾站三天没清运' }),
      ]);
      expect(JSON.stringify(pub.json())).not.toContain('reporter');
    });

    it('lists early warnings within the caller’s place; runs the check on demand', async () => {
      const { app } = await start();
      const health = await as(app, 'health_yz');
      const run = await health({ method: 'POST', url: '/api/participation/early-warnings/check' });
      expect(run.json()).toEqual({ raised: [] });
      expect((await health({ method: 'GET', url: '/api/participation/early-warnings' })).json()).toEqual({
        warnings: [],
      });
      expect(
        (await health({ method: 'GET', url: '/api/participation/early-warnings?placePath=cq.jb' }))
          .statusCode,
      ).toBe(404);
      const admin = await as(app, 'admin');
      const sla = await admin({
        method: 'PUT',
        url: '/api/participation/slas/hazard',
        payload: { ackHours: 2, respondHours: 8 },
      });
      expect(sla.json().slas.find((s: { category: string }) => s.category === 'hazard')).toMatchObject({
        ackHours: 2,
        respondHours: 8,
        set: true,
      });
      const stats = await health({
        method: 'GET',
        url: `/api/participation/stats?from=${new Date(NOW.getTime() - 86_400_000).toISOString()}&to=${NOW.toISOString()}`,
      });
      expect(stats.statusCode).toBe(200);
      expect(stats.json()).toMatchObject({ scope: 'cq.yz', total: 0 });
    });
  },
  { migrate: true },
);
