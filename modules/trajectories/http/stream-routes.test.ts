import { createConnection } from 'node:net';
import { forEachDatabase } from '@renxing/db/testing';
import { DEFAULT_PARAMS } from '@renxing/engine';
import { callerAs, moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import {
  destroyStream,
  openStream,
  publishPingsCsv,
  type StreamClient,
  type StreamStatus,
} from '@renxing/stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCESS } from '../access.js';
import { type StatusReader, streamStatusRoutes, streamTotals } from './stream-routes.js';

/** A stream client as the route sees it: only its servers are read (the status comes from `read`). */
const clientAt = (server: string) => ({ cfg: { servers: [server] } }) as unknown as StreamClient;

/** The machine's JetStream (CI starts it), or RENXING_TEST_NATS_URL; the test reading it is skipped when none listens. */
const NATS_URL = process.env.RENXING_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const natsUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(NATS_URL);
  const socket = createConnection({ host: hostname, port: Number(port || 4222) });
  const done = (up: boolean) => {
    socket.destroy();
    resolve(up);
  };
  socket.setTimeout(1000);
  socket.once('connect', () => done(true));
  socket.once('error', () => done(false));
  socket.once('timeout', () => done(false));
});

const NOW = Date.parse('2026-12-06T10:00:00+08:00') / 1000;

const STATUS: StreamStatus = {
  partitions: [
    {
      partition: 0,
      published: 12,
      built: 12,
      lag: 0,
      pings: 900,
      duplicates: 3,
      maxInstant: NOW - 5,
      owner: 'b1',
    },
    {
      partition: 1,
      published: 10,
      built: 7,
      lag: 3,
      pings: 600,
      duplicates: 0,
      maxInstant: null,
      owner: null,
    },
  ],
  shards: [
    { shard: 0, published: 8, applied: 8, lag: 0, stays: 120, owner: 'i1' },
    { shard: 1, published: 6, applied: 4, lag: 2, stays: null, owner: null },
  ],
  members: [
    { kind: 'builder', id: 'b1', seenAt: NOW - 1 },
    { kind: 'index', id: 'i1', seenAt: NOW - 2 },
  ],
};

describe('streamTotals', () => {
  it('adds partitions’ and shards’ lag, the pings built and the stays held (never reported: none)', () => {
    expect(streamTotals(STATUS)).toEqual({ lag: 5, pings: 1500, stays: 120 });
    expect(streamTotals({ partitions: [], shards: [], members: [] })).toEqual({ lag: 0, pings: 0, stays: 0 });
  });
});

forEachDatabase(
  'stream status api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    /** The module's access table and the stream route only, reading the status with `read`; `stream` the client. */
    async function start(o: { stream?: StreamClient; read?: StatusReader; timeoutMs?: number } = {}) {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市', lon: 106.55, lat: 29.56 },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区', lon: 106.56, lat: 29.553 },
      ]);
      const users: [string, UserRole, string | null][] = [
        ['admin', 'city_admin', 'cq'],
        ['health1', 'health_officer', 'cq'],
        ['district1', 'district_officer', 'cq.yz'],
        ['auditor1', 'auditor', 'cq'],
      ];
      for (const [username, role, placePath] of users)
        await createUser(t.db, { username, password: PASSWORD, role, placePath });
      app = await moduleTestApp(t.db, {
        now: () => NOW,
        installAuth,
        modules: [accessModule, { access: ACCESS, routes: streamStatusRoutes(o.read, o.timeoutMs) }],
        ctx: { stream: o.stream ?? null },
      });
      return app;
    }

    it('says streaming is off when the service has no stream; only city admins and health officers see it', async () => {
      const a = await start();
      for (const username of ['admin', 'health1']) {
        const res = await (await callerAs(a, username))('GET', '/api/stream/status');
        expect(res.statusCode, username).toBe(200);
        expect(res.json()).toEqual({ enabled: false });
      }
      for (const username of ['district1', 'auditor1']) {
        const res = await (await callerAs(a, username))('GET', '/api/stream/status');
        expect(res.statusCode, username).toBe(404);
        expect(res.json().code).toBe('RX_NOT_FOUND');
      }
      expect((await a.inject({ method: 'GET', url: '/api/stream/status' })).statusCode).toBe(401);
    });

    it('answers the status with its totals when streaming is on', async () => {
      const client = clientAt('nats://127.0.0.1:4222');
      const seen: unknown[] = [];
      const a = await start({
        stream: client,
        read: async (c) => {
          seen.push(c);
          return STATUS;
        },
      });
      const res = await (await callerAs(a, 'health1'))('GET', '/api/stream/status');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        enabled: true,
        at: NOW,
        ...STATUS,
        totals: { lag: 5, pings: 1500, stays: 120 },
      });
      expect(seen).toEqual([client]);
    });

    it('answers 503 RX_STREAM_UNAVAILABLE, in the caller’s language, when NATS does not answer', async () => {
      const a = await start({
        stream: clientAt('nats://10.0.0.9:4222'),
        read: () => Promise.reject(new Error('CONNECTION_REFUSED')),
      });
      const admin = await callerAs(a, 'admin');
      const en = await admin('GET', '/api/stream/status');
      expect(en.statusCode).toBe(503);
      expect(en.json()).toEqual({
        code: 'RX_STREAM_UNAVAILABLE',
        message: 'NATS at nats://10.0.0.9:4222 is not reachable: CONNECTION_REFUSED',
      });
      const zh = await admin('GET', '/api/stream/status', undefined, { lang: 'zh-CN' });
      expect(zh.json().message).toBe('无法连接 NATS（nats://10.0.0.9:4222）：CONNECTION_REFUSED');
    });

    it.skipIf(!natsUp)(
      'reads a real JetStream: the published pings are lag until built, no role yet',
      async () => {
        const prefix = `t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        const c = await openStream({
          servers: [NATS_URL],
          prefix,
          partitions: 3,
          shards: 2,
          replicas: 1,
          params: { ...DEFAULT_PARAMS },
          snapshotDir: null,
          snapshotEverySeconds: 1,
        });
        try {
          const csv = [
            'subject,ts,lon,lat',
            ...[1, 2, 3, 4, 5, 6].map((k) => `p${k},${NOW - k * 60},106.55,29.56`),
          ];
          await publishPingsCsv(c, new TextEncoder().encode(`${csv.join('\n')}\n`), {
            source: 'status-route',
          });
          const a = await start({ stream: c });
          const res = await (await callerAs(a, 'admin'))('GET', '/api/stream/status');
          expect(res.statusCode).toBe(200);
          const body = res.json();
          expect(body).toMatchObject({ enabled: true, at: NOW, members: [] });
          expect(body.partitions).toHaveLength(3);
          expect(body.shards).toHaveLength(2);
          const lag = body.partitions.reduce((n: number, p: { lag: number }) => n + p.lag, 0);
          expect(lag).toBeGreaterThan(0);
          expect(body.totals).toEqual({ lag, pings: 0, stays: 0 });
        } finally {
          await destroyStream(c);
          await c.close();
        }
      },
    );

    it('answers 503 when NATS does not answer in time, rather than holding the request', async () => {
      const a = await start({
        stream: clientAt('nats://10.0.0.9:4222'),
        read: () => new Promise<never>(() => {}),
        timeoutMs: 50,
      });
      const res = await (await callerAs(a, 'health1'))('GET', '/api/stream/status');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        code: 'RX_STREAM_UNAVAILABLE',
        message: 'NATS at nats://10.0.0.9:4222 is not reachable: no answer within 50 ms',
      });
    });
  },
  { migrate: true },
);
