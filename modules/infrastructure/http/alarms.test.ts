/**
 * Sensors' and alarms' routes through the API as a caller meets them (the kernel plugins of
 * apps/api/src/app.ts, the session hook enforcing the access table), and the live feed the plugin
 * runs from ready to close.
 */
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import type { AppContext } from '@renxing/http';
import { callerAs, moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { ACCESS } from '../access.js';
import { until } from '../service/mosquitto-test-support.js';
import { NOW, SQ1, seedNetwork } from '../service/test-support.js';
import alarmRoutes from './alarms.js';

const alarmsApp = (db: Db, now: () => number, sensors: AppContext['sensors']): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now,
    installAuth,
    modules: [accessModule, { access: ACCESS, routes: alarmRoutes }],
    ctx: { sensors },
  });

const T0 = NOW.getTime() / 1000;
const iso = (s: number) => new Date((T0 + s) * 1000).toISOString();
const NO_FEED = { mqttUrl: null, city: 'cq', offlineTickSeconds: 0 };

forEachDatabase(
  'infrastructure: sensors and alarms http',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup(o: { now?: () => number; sensors?: AppContext['sensors'] } = {}) {
      const city = await seedNetwork(t.db);
      app = await alarmsApp(t.db, o.now ?? (() => T0 + 60), o.sensors ?? NO_FEED);
      const users: [string, UserRole, string][] = [
        ['h_admin', 'city_admin', 'cq'],
        ['h_yz', 'district_officer', 'cq.yz'],
        ['h_worker', 'community_worker', SQ1],
        ['h_op', 'infra_operator', 'cq.jb'],
        ['h_health', 'health_officer', 'cq'],
      ];
      for (const [username, role, placePath] of users)
        await createUser(t.db, { username, password: PASSWORD, role, placePath });
      const as = (username: string) => callerAs(app!, username);
      return { city, as };
    }

    const voltage = {
      assetId: 'S-YZ1',
      quantity: '电压',
      unit: 'kV',
      timeoutS: 300,
      rules: [{ op: 'above', threshold: 11, hysteresis: 0.5, forS: 0 }],
    };

    it('defines sensors (201 new, 200 again), lists those within your place, refuses others’ assets', async () => {
      const { as } = await setup();
      const admin = await as('h_admin');
      const created = await admin('PUT', '/api/infra/sensors/V1', voltage);
      expect(created.statusCode).toBe(201);
      expect(created.json().sensor).toMatchObject({
        id: 'V1',
        assetId: 'S-YZ1',
        assetName: '解放碑变电站',
        quantity: '电压',
        rules: [{ op: 'above', threshold: 11, hysteresis: 0.5, forS: 0, raised: false, since: null }],
      });
      expect((await admin('PUT', '/api/infra/sensors/V1', voltage)).statusCode).toBe(200);
      const op = await as('h_op');
      const jb = await op('PUT', '/api/infra/sensors/P9', { ...voltage, assetId: 'W-PUMP9', rules: [] });
      expect(jb.statusCode).toBe(201);
      const refused = await op('PUT', '/api/infra/sensors/V9', voltage, { lang: 'zh-CN' });
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toMatchObject({ code: 'RX_NO_SUCH_ASSET', message: '没有设施 S-YZ1' });
      expect((await admin('PUT', '/api/infra/sensors/a+b', voltage)).statusCode).toBe(400);
      expect((await admin('PUT', '/api/infra/sensors/V2', { ...voltage, timeoutS: 0 })).json()).toMatchObject(
        {
          code: 'RX_VALIDATION',
        },
      );
      // Who may define: not a community worker (the operation does not exist for them).
      const worker = await as('h_worker');
      expect((await worker('PUT', '/api/infra/sensors/V3', voltage)).statusCode).toBe(404);
      expect(
        (await admin('GET', '/api/infra/sensors')).json().sensors.map((s: { id: string }) => s.id),
      ).toEqual(['V1', 'P9']);
      expect((await op('GET', '/api/infra/sensors')).json().sensors.map((s: { id: string }) => s.id)).toEqual(
        ['P9'],
      );
      expect((await op('GET', '/api/infra/sensors?assetId=S-YZ1')).json()).toMatchObject({
        code: 'RX_NO_SUCH_ASSET',
      });
      expect((await op('GET', '/api/infra/alarms?assetId=S-YZ1')).statusCode).toBe(404);
      expect(
        (await admin('GET', '/api/infra/sensors?assetId=W-PUMP9'))
          .json()
          .sensors.map((s: { id: string }) => s.id),
      ).toEqual(['P9']);
      expect((await worker('GET', '/api/infra/sensors')).json().sensors).toEqual([]);
    });

    it('ingests JSON and CSV readings, refusing entries by index and rows by line, and charts them', async () => {
      const { as } = await setup();
      const admin = await as('h_admin');
      await admin('PUT', '/api/infra/sensors/V1', voltage);
      const json = await admin('POST', '/api/infra/readings', {
        readings: [
          { sensor: 'V1', ts: T0, value: 10 },
          { sensor: 'V1', ts: iso(10), value: 11.5 },
          { sensor: 'V1', ts: 'soon', value: 1 },
          { sensor: 'NOPE', ts: T0, value: 1 },
        ],
      });
      expect(json.statusCode).toBe(200);
      expect(json.json()).toMatchObject({
        stored: 2,
        late: 0,
        raised: 1,
        cleared: 0,
        rejects: [
          { index: 2, reason: 'bad_ts' },
          { index: 3, reason: 'unknown_sensor' },
        ],
      });
      const csv = await admin(
        'POST',
        '/api/infra/readings?name=v1.csv',
        `sensor,ts,value\nV1,${T0 + 20},10.2\nV1,x,1\n`,
        {
          type: 'text/csv',
        },
      );
      expect(csv.json()).toMatchObject({ stored: 1, cleared: 1, rejects: [{ line: 3, reason: 'bad_ts' }] });
      const series = await admin('GET', `/api/infra/sensors/V1/readings?from=${iso(-1)}&to=${iso(30)}`);
      expect(series.statusCode).toBe(200);
      expect(series.json()).toMatchObject({
        sensor: { id: 'V1', last: { ts: iso(20), value: 10.2 } },
        readings: [
          { ts: iso(0), value: 10 },
          { ts: iso(10), value: 11.5 },
          { ts: iso(20), value: 10.2 },
        ],
        truncated: false,
      });
      const newest = await admin(
        'GET',
        `/api/infra/sensors/V1/readings?from=${iso(-1)}&to=${iso(30)}&limit=1`,
      );
      expect(newest.json()).toMatchObject({ readings: [{ ts: iso(20) }], truncated: true });
      // Another place's sensor reads as unknown to the operator of 江北.
      const op = await as('h_op');
      expect((await op('GET', '/api/infra/sensors/V1/readings')).statusCode).toBe(404);
      const theirs = await op('POST', '/api/infra/readings', {
        readings: [{ sensor: 'V1', ts: T0 + 30, value: 1 }],
      });
      expect(theirs.json()).toMatchObject({ stored: 0, rejects: [{ index: 0, reason: 'unknown_sensor' }] });
      expect((await admin('POST', '/api/infra/readings', '', { type: 'text/csv' })).statusCode).toBe(400);
    });

    it('lists alarms by state and acknowledges one (who, when), only within your place', async () => {
      const { as } = await setup();
      const admin = await as('h_admin');
      await admin('PUT', '/api/infra/sensors/V1', voltage);
      await admin('POST', '/api/infra/readings', { readings: [{ sensor: 'V1', ts: T0, value: 12 }] });
      const open = await admin('GET', '/api/infra/alarms?state=open');
      expect(open.json()).toMatchObject({
        total: 1,
        alarms: [{ sensorId: 'V1', kind: 'rule', raisedValue: 12, state: 'open' }],
      });
      const id = open.json().alarms[0].id as string;
      const op = await as('h_op');
      expect((await op('GET', '/api/infra/alarms')).json().total).toBe(0);
      expect((await op('POST', `/api/infra/alarms/${id}/acknowledge`)).statusCode).toBe(404);
      const health = await as('h_health');
      expect((await health('GET', '/api/infra/alarms')).statusCode).toBe(404); // not theirs to read
      const yz = await as('h_yz');
      const ack = await yz('POST', `/api/infra/alarms/${id}/acknowledge`);
      expect(ack.statusCode).toBe(200);
      expect(ack.json()).toMatchObject({
        changed: true,
        alarm: { state: 'acknowledged', acknowledgedByName: 'h_yz', acknowledgedAt: iso(60) },
      });
      expect((await yz('POST', `/api/infra/alarms/${id}/acknowledge`)).json().changed).toBe(false);
      expect((await admin('GET', '/api/infra/alarms?state=acknowledged&assetId=S-YZ1')).json().total).toBe(1);
      expect((await admin('GET', '/api/infra/alarms?state=open')).json().total).toBe(0);
    });

    it('runs the offline check from ready to close: a silent sensor goes offline without any reading', async () => {
      const { as } = await setup({
        now: () => Date.now() / 1000,
        sensors: { ...NO_FEED, offlineTickSeconds: 1 },
      });
      await app!.ready();
      const admin = await as('h_admin');
      await admin('PUT', '/api/infra/sensors/Q1', { ...voltage, timeoutS: 1, rules: [] });
      await until(
        async () => (await admin('GET', '/api/infra/alarms?state=open')).json().total === 1,
        15_000,
        'the offline alarm',
      );
      const [alarm] = (await admin('GET', '/api/infra/alarms')).json().alarms;
      expect(alarm).toMatchObject({ kind: 'offline', sensorId: 'Q1', raisedValue: null });
      expect((await admin('GET', '/api/infra/sensors')).json().sensors[0].offline).toBe(true);
    });
  },
  { migrate: true },
);
