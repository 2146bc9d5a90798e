import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import {
  listAlarms,
  type Reading,
  type ReplayRule,
  replayAlarms,
  startSensorFeed,
} from '@renxing/modules/infrastructure';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_QUANTITIES,
  demoNetwork,
  demoSensorFeed,
  demoSimSensors,
  seedInfrastructure,
} from './infrastructure.js';
import { demoCity } from './places.js';
import { simulatedValue, startSensorSimulator, topicOf } from './sensor-sim.js';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

async function reachable(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** A private Mosquitto on a free port (its own config; bursts kept). */
async function startMosquitto(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'renxing-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n`,
  );
  const child: ChildProcess = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await reachable(port)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await reachable(port))) throw new Error('mosquitto did not start');
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const city = demoCity([106.55, 29.56]);
const places = city.places.map((p) => ({
  path: p.parentPath ? `${p.parentPath}.${p.code}` : p.code,
  name: p.name,
  level: p.level,
  lon: p.lon!,
  lat: p.lat!,
}));
const network = demoNetwork(places, new Map(), 'cq.yz.jd01.sq01');
const sims = demoSimSensors(network.sensors, network.drifting);
const rules: ReplayRule[] = network.sensors.flatMap((s) =>
  s.rules.map((r) => ({ ...r, sensor: s.id, timeoutS: s.timeoutS })),
);

describe('demo sensors', () => {
  it('simulates every demo sensor, values inside their rules’ band, one drifting past its threshold', () => {
    expect(sims).toHaveLength(network.sensors.length);
    const drifting = sims.filter((s) => s.drift);
    expect(drifting.map((s) => s.sensor)).toEqual([network.drifting]);
    const rule = DEMO_QUANTITIES.voltage.rules[0];
    expect(drifting[0].drift!.to).toBeLessThan(rule.threshold - rule.hysteresis);
    // Three noise deviations off, a normal value stays within the band; the drift ends past it.
    for (const s of sims) {
      const q = network.sensors.find((x) => x.id === s.sensor)!;
      for (const gauss of [-3, 0, 3])
        for (const r of q.rules) {
          const v = simulatedValue({ ...s, drift: undefined }, 120, gauss, 0);
          expect(r.op === 'below' ? v > r.threshold : v < r.threshold).toBe(true);
        }
    }
    expect(simulatedValue(drifting[0], 10_000, 0, 0)).toBeLessThan(rule.threshold);
  });
});

describe('sensor simulator over MQTT', () => {
  let broker: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker?.stop();
  });

  it('publishes {ts,value} on renxing/<city>/<asset>/<sensor>, and the drifting sensor raises its alarm', async () => {
    const subscriber = await connectAsync(broker.url, { clientId: 'sim-test-sub' });
    await subscriber.subscribeAsync('renxing/cq/#', { qos: 0 });
    const readings: Reading[] = [];
    const topics = new Set<string>();
    subscriber.on('message', (topic, payload) => {
      const body = JSON.parse(payload.toString()) as { ts: number; value: number };
      expect(Object.keys(body).sort()).toEqual(['ts', 'value']);
      topics.add(topic);
      readings.push({ sensor: topic.split('/')[3], ts: body.ts, value: body.value });
    });
    // A clock 100 times faster than the wall's: a round every 50 ms is one every 5 simulated seconds.
    const t0 = Date.parse('2026-12-06T06:00:00Z') / 1000;
    const real0 = performance.now();
    const lines: string[] = [];
    const sim = startSensorSimulator({
      url: broker.url,
      city: 'cq',
      sensors: sims,
      now: () => t0 + ((performance.now() - real0) / 1000) * 100,
      intervalMs: 50,
      log: (l) => lines.push(l),
    });
    // Until 240 simulated seconds have been received (the drift ends at 120 s).
    for (let i = 0; i < 400 && !readings.some((r) => r.ts >= t0 + 240); i++)
      await new Promise((r) => setTimeout(r, 25));
    await sim.stop();
    await subscriber.endAsync();

    expect(lines).toEqual([]);
    expect(topics).toEqual(new Set(sims.map((s) => topicOf('cq', s))));
    const events = replayAlarms(rules, readings);
    const raised = events.filter((e) => e.event === 'raise');
    expect(raised.map((e) => e.sensor)).toEqual([network.drifting]);
    // Not before the drift has started (45 s) and the value has held below the threshold for the rule's 20 s.
    expect(raised[0].ts - t0).toBeGreaterThan(45 + 20);
    expect(events.filter((e) => e.event === 'clear')).toEqual([]);
  });

  it('does not throw when no broker answers: it logs once and stops cleanly', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const sim = startSensorSimulator({
      url: `mqtt://127.0.0.1:${port}`,
      city: 'cq',
      sensors: sims,
      intervalMs: 20,
      log: (l) => lines.push(l),
    });
    for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    await sim.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no MQTT broker at mqtt:\/\/127\.0\.0\.1:\d+/);
  });
});

forEachDatabase(
  'demo city: simulated sensors through the MQTT feed',
  (t) => {
    let broker: { url: string; stop(): Promise<void> };
    beforeAll(async () => {
      broker = await startMosquitto();
    });
    afterAll(async () => {
      await broker?.stop();
    });

    it('drifts the weak substation’s voltage into one alarm record, with inbox items for the communities at risk', async () => {
      const db = t.db;
      await insertPlaces(db, city.places);
      await upsertPeople(
        db,
        Array.from({ length: 16 }, (_, i) => ({
          name: `居民${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          community: ['cq.yz.jd01.sq01', 'cq.yz.jd02.sq05'][i % 2],
          household: `h${i}`,
        })),
        { secret: Buffer.from('d'.repeat(32)) },
      );
      const admin = await insertUser(db, {
        username: 'admin',
        passwordHash: 'x',
        role: 'city_admin',
        placePath: 'cq',
      });
      const now = new Date('2026-12-06T06:00:00Z');
      const seeded = await seedInfrastructure(db, {
        now,
        admin: admin.id,
        focus: 'cq.yz.jd01.sq01',
        log: () => {},
      });

      // Server and sensors share a clock 100 times faster than the wall's, from a minute after the seed.
      const t0 = now.getTime() / 1000 + 60;
      const real0 = performance.now();
      const clock = () => t0 + ((performance.now() - real0) / 1000) * 100;
      const feed = startSensorFeed({ db, url: broker.url, city: 'cq', now: clock, offlineTickSeconds: 0 });
      const sim = startSensorSimulator({
        url: broker.url,
        city: 'cq',
        sensors: await demoSensorFeed(db, 'cq'),
        now: clock,
        intervalMs: 50,
        log: () => {},
      });
      let open = 0;
      while (open === 0 && clock() < t0 + 400) {
        await new Promise((r) => setTimeout(r, 100));
        open = (await listAlarms(db, { scope: 'cq', state: 'open', limit: 10 })).total;
      }
      await sim.stop();
      await feed.stop();

      expect(feed.stats.rejected).toBe(0);
      expect(feed.stats.stored).toBeGreaterThan(52 * 10);
      const { alarms } = await listAlarms(db, { scope: 'cq', state: 'all', limit: 10 });
      expect(alarms.map((a) => [a.assetId, a.sensorId, a.kind, a.rule?.op])).toEqual([
        [seeded.spof, `${seeded.spof}-u`, 'rule', 'below'],
      ]);
      expect(alarms[0].raisedValue).toBeLessThan(DEMO_QUANTITIES.voltage.rules[0].threshold);
      // The operator's inbox and the eight communities whose water hangs on the substation.
      expect(alarms[0].places).toHaveLength(1 + seeded.atRisk.length);
    });
  },
  { migrate: true },
);
