/**
 * The MQTT adapter against a real Mosquitto (a private one for this file): a burst of 10,000
 * readings all stored with the alarms a replay of the same readings gives; sensors that stop go
 * offline within timeout + 10 s on the server's clock, 20 of 20; an hour of readings oscillating
 * ±0.5 about a threshold with hysteresis 1 gives one raise and one clear; Sparkplug B DDATA is
 * stored; a broker that goes away is reconnected to, quietly.
 */
import { forEachDatabase } from '@renxing/db/testing';
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Reading, type ReplayRule, replayAlarms, type ThresholdRule } from '../rules/alarms.js';
import { alarmsOfSensors } from '../store/alarms.js';
import { countReadings } from '../store/readings.js';
import { offlineAssets, sensorById } from '../store/sensors.js';
import { type Broker, publishAll, publisher, startBroker, until } from './mosquitto-test-support.js';
import { type SensorFeed, startSensorFeed } from './mqtt.js';
import { defineSensor } from './sensors.js';
import { DATATYPE, encodeSparkplug } from './sparkplug-test-support.js';
import { actor, seedNetwork } from './test-support.js';

let broker: Broker;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(async () => {
  await broker?.close();
});

/** The server's clock: real time, to the millisecond. */
const clock = () => Date.now() / 1000;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const json = (ts: number, value: number) => JSON.stringify({ ts, value });

forEachDatabase(
  'infrastructure: MQTT ingest against Mosquitto',
  (t) => {
    let feed: SensorFeed | undefined;
    let pub: MqttClient | undefined;
    afterEach(async () => {
      await feed?.stop();
      await pub?.endAsync();
      feed = undefined;
      pub = undefined;
    });

    async function setup(o: { offlineTickSeconds?: number } = {}) {
      const city = await seedNetwork(t.db);
      const define = (id: string, assetId: string, timeoutS: number, rules: ThresholdRule[]) =>
        defineSensor(
          t.db,
          { id, assetId, quantity: 'level', unit: 'm', timeoutS, rules },
          actor(city.users.admin, 'cq', new Date(clock() * 1000)),
        );
      feed = startSensorFeed({
        db: t.db,
        url: broker.url,
        city: 'cq',
        now: clock,
        offlineTickSeconds: o.offlineTickSeconds ?? 0,
        client: { reconnectPeriod: 200 },
      });
      await feed.subscribed;
      pub = await publisher(broker.url);
      return { city, define, feed, pub };
    }

    it('stores a burst of 10,000 readings, with the alarms a replay of the same readings gives', async () => {
      const { define, feed, pub } = await setup();
      const sensors = Array.from({ length: 20 }, (_, i) => `B${String(i).padStart(2, '0')}`);
      const rules: ReplayRule[] = sensors.map((sensor, i) => ({
        sensor,
        op: i % 2 === 0 ? 'above' : 'below',
        threshold: 50,
        hysteresis: 4,
        forS: i % 3,
        timeoutS: 0,
      }));
      for (const r of rules) await define(r.sensor, 'S-JB1', 3600, [r]);
      const next = random(2026);
      const level = sensors.map(() => 50);
      const base = Math.floor(clock()) - 86_400;
      const readings: Reading[] = [];
      for (let i = 0; i < 500; i++) {
        for (const [s, sensor] of sensors.entries()) {
          level[s] = Math.max(30, Math.min(70, level[s] + (next() - 0.5) * 8));
          readings.push({ sensor, ts: base + i, value: Math.round(level[s] * 100) / 100 });
        }
      }
      await publishAll(
        pub,
        readings.map((r) => ({ topic: `renxing/cq/S-JB1/${r.sensor}`, payload: json(r.ts, r.value) })),
      );
      await until(() => feed.stats.readings >= 10_000, 60_000, '10,000 readings received');
      await feed.idle();
      expect(feed.stats).toMatchObject({
        readings: 10_000,
        stored: 10_000,
        rejected: 0,
        malformed: 0,
        failures: 0,
      });
      expect(await countReadings(t.db)).toBe(10_000);

      const expected: [string, number, number, number | null, number | null][] = [];
      const open = new Map<string, (typeof expected)[number]>();
      for (const e of replayAlarms(rules, readings)) {
        if (e.event === 'raise') {
          const row: (typeof expected)[number] = [e.sensor, e.ts, e.value!, null, null];
          expected.push(row);
          open.set(e.sensor, row);
        } else if (e.event === 'clear') {
          const row = open.get(e.sensor)!;
          row[3] = e.ts;
          row[4] = e.value;
        }
      }
      const stored = (await alarmsOfSensors(t.db, sensors)).map((a): (typeof expected)[number] => [
        a.sensorId!,
        a.raisedAt.getTime() / 1000,
        a.raisedValue!,
        a.clearedAt && a.clearedAt.getTime() / 1000,
        a.clearedValue,
      ]);
      const order = (x: (typeof expected)[number], y: (typeof expected)[number]) =>
        x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
      expect(expected.length).toBeGreaterThan(20); // the walk crosses its thresholds
      expect(stored.sort(order)).toEqual(expected.sort(order));
    });

    it('raises an offline alarm within timeout + 10 s of a sensor stopping, on the server clock, 20 of 20', async () => {
      const { define, feed, pub } = await setup({ offlineTickSeconds: 1 });
      const sensors = Array.from({ length: 20 }, (_, i) => `F${String(i).padStart(2, '0')}`);
      for (const id of sensors) await define(id, 'W-PUMP9', 2, []);
      const now = Math.floor(clock());
      await publishAll(
        pub,
        sensors.map((id) => ({ topic: `renxing/cq/W-PUMP9/${id}`, payload: json(now, 1) })),
      );
      // Nothing more is published: the server's clock alone finds them silent.
      const offlineAlarms = async () =>
        (await alarmsOfSensors(t.db, sensors)).filter((a) => a.kind === 'offline' && a.clearedAt === null);
      await until(async () => (await offlineAlarms()).length === 20, 20_000, '20 offline alarms');
      for (const id of sensors) {
        const sensor = (await sensorById(t.db, id))!;
        const alarm = (await offlineAlarms()).find((a) => a.sensorId === id)!;
        expect(sensor.offline).toBe(true);
        expect(sensor.lastArrival).not.toBeNull();
        const due = sensor.lastArrival!.getTime() + 2000;
        expect(alarm.raisedAt.getTime()).toBe(due);
        expect(alarm.recordedAt.getTime()).toBeGreaterThanOrEqual(due);
        expect(alarm.recordedAt.getTime() - due).toBeLessThanOrEqual(10_000);
      }
      expect([...(await offlineAssets(t.db, ['W-PUMP9']))]).toEqual(['W-PUMP9']);
      expect(feed.stats.offline).toBe(20);
      // The next reading brings one back.
      await publishAll(pub, [{ topic: 'renxing/cq/W-PUMP9/F00', payload: json(now + 5, 2) }]);
      await until(async () => !(await sensorById(t.db, 'F00'))!.offline, 10_000, 'F00 back online');
      expect((await offlineAlarms()).map((a) => a.sensorId)).not.toContain('F00');
      expect((await offlineAssets(t.db, ['W-PUMP9'])).size).toBe(0);
    });

    it('raises once and clears once for an hour of readings oscillating ±0.5 about the threshold with hysteresis 1', async () => {
      const { define, feed, pub } = await setup();
      await define('OSC', 'T-SW1', 3600, [{ op: 'above', threshold: 10, hysteresis: 1, forS: 0 }]);
      const base = Math.floor(clock()) - 7200;
      const messages = Array.from({ length: 3600 }, (_, i) => ({
        topic: 'renxing/cq/T-SW1/OSC',
        payload: json(base + i, i % 2 === 0 ? 10.5 : 9.5),
      }));
      messages.push({ topic: 'renxing/cq/T-SW1/OSC', payload: json(base + 3600, 8.5) });
      await publishAll(pub, messages);
      await until(() => feed.stats.readings >= 3601, 30_000, '3,601 readings received');
      await feed.idle();
      expect(await countReadings(t.db, 'OSC')).toBe(3601);
      const alarms = await alarmsOfSensors(t.db, ['OSC']);
      expect(
        alarms.map((a) => [a.raisedAt.getTime() / 1000 - base, a.clearedAt!.getTime() / 1000 - base]),
      ).toEqual([[0, 3600]]);
    });

    it('stores the metrics of a Sparkplug B DDATA message; a malformed message is counted, not fatal', async () => {
      const { define, feed, pub } = await setup();
      await define('V1', 'S-YZ1', 3600, [{ op: 'above', threshold: 10, hysteresis: 0, forS: 0 }]);
      await define('V2', 'S-YZ1', 3600, []);
      await define('X1', 'S-JB1', 3600, []);
      const ms = Math.floor(clock()) * 1000;
      await publishAll(pub, [
        { topic: 'spBv1.0/cq/DDATA/gw-1/S-YZ1', payload: Uint8Array.from([0xff, 0x01]) },
        { topic: 'renxing/cq/S-YZ1/V1', payload: 'not json' },
        {
          topic: 'spBv1.0/cq/DDATA/gw-1/S-YZ1',
          payload: encodeSparkplug({
            timestamp: ms,
            seq: 1,
            metrics: [
              { name: 'V1', timestamp: ms - 1000, datatype: DATATYPE.Double, doubleValue: 10.5 },
              { name: 'V2', datatype: DATATYPE.Float, floatValue: 2.5 },
              { name: 'X1', datatype: DATATYPE.Double, doubleValue: 1 },
            ],
          }),
        },
      ]);
      await until(() => feed.stats.readings >= 3, 10_000, 'the DDATA metrics');
      await feed.idle();
      expect(feed.stats).toMatchObject({ messages: 3, malformed: 2, readings: 3, stored: 2, rejected: 1 });
      expect((await sensorById(t.db, 'V1'))!.last).toEqual({ ts: new Date(ms - 1000), value: 10.5 });
      expect((await sensorById(t.db, 'V2'))!.last).toEqual({ ts: new Date(ms), value: 2.5 });
      expect((await sensorById(t.db, 'X1'))!.last).toBeNull(); // another asset's sensor
      expect((await alarmsOfSensors(t.db, ['V1'])).map((a) => a.raisedValue)).toEqual([10.5]);
    });

    it('starts without a reachable broker and reconnects quietly when it comes back', async () => {
      const { define, feed: live } = await setup();
      await define('R1', 'S-YZ1', 3600, []);
      // A feed pointed at nothing starts and stops cleanly.
      const lost = startSensorFeed({
        db: t.db,
        url: 'mqtt://127.0.0.1:9',
        city: 'cq',
        now: clock,
        offlineTickSeconds: 0,
      });
      await lost.stop();
      expect(lost.stats.failures).toBe(0);
      // The broker goes away and comes back: the feed subscribes again and goes on.
      await broker.stop();
      await broker.restart();
      await pub?.endAsync(true);
      const again = await publisher(broker.url);
      pub = again;
      const now = Math.floor(clock());
      await until(
        async () => {
          await publishAll(again, [{ topic: 'renxing/cq/S-YZ1/R1', payload: json(now, 7) }]);
          await live.idle();
          return (await sensorById(t.db, 'R1'))!.last !== null;
        },
        20_000,
        'a reading after the broker came back',
      );
      expect((await sensorById(t.db, 'R1'))!.last?.value).toBe(7);
    });
  },
  { migrate: true },
);
