/**
 * Part (b) of `bench:infra`: sustained ingest of sensor readings with alarm evaluation.
 *
 * A network of 100 substations (ten of them a community's single point of failure, so their
 * alarms also open inbox items) with `sensors` sensors spread over them, each with a rule
 * `above 80, hysteresis 5`. Readings go round the sensors once a second of their own time: most
 * wander around 50, one sensor in fifty swings across 80 every 40 s (a raise and a clear each
 * time). On each database (PGlite in memory; PostgreSQL in a database created for the run when
 * reachable):
 *
 *  1. `ingestReadings` in batches of `batch` readings (one transaction, one audit row each, the
 *     rules stepped, alarm records opened and closed with their inbox items): readings/s kept.
 *  2. The peer: the same rows by a bare multi-row `INSERT INTO … VALUES (…), (…)` into a plain
 *     table (no keys, no alarms), in the same batches on the same database.
 *
 * Then end to end over MQTT through the broker at `mqtt` (the machine's Mosquitto), on
 * PostgreSQL when reachable (else PGlite): the readings published as JSON on
 * `renxing/<city>/<asset>/<sensor>` (QoS 1) by a client, received by the real adapter
 * (`startSensorFeed`, QoS 1 subscription, its own batching) and ingested; the publisher keeps at
 * most `window` readings ahead of what the adapter has received, so the broker's queue (1,000 by
 * default) is not what is measured. Readings/s = readings kept / time from the first publish to
 * the last reading stored. Publisher and adapter share this process (and, on PGlite, the
 * database's thread).
 */

import { type Db, migrate, openDatabase } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import {
  countReadings,
  defineSensor,
  importAssets,
  ingestReadings,
  listAlarms,
  type RawReading,
  startSensorFeed,
} from '@renxing/modules/infrastructure';
import { insertPlaces } from '@renxing/modules/places';
import { connectAsync } from 'mqtt';
import { fmt, int, log, type Table } from './infra-report.js';
import { scratchPostgres, type Target } from './scratch-db.js';

export interface IngestOptions {
  sensors: number;
  readings: number;
  batch: number;
  /** The broker's URL, or null: no MQTT run. */
  mqtt: string | null;
  /** Try PostgreSQL (TEST_DATABASE_URL) too. */
  pg: boolean;
}

const NODES = 100;
const SPOF_NODES = 10;
const T0 = Date.parse('2026-12-06T00:00:00+08:00') / 1000;
/** Readings the MQTT publisher keeps ahead of the adapter. */
const WINDOW = 800;

const sensorId = (i: number) => `BS${String(i + 1).padStart(5, '0')}`;
const nodeId = (i: number) => `BN${String(i + 1).padStart(4, '0')}`;

/** The value of sensor `i` at second `k` of its own time. */
function loadAt(i: number, k: number): number {
  if (i % 50 === 0) return Math.round((50 + 40 * Math.sin((2 * Math.PI * k) / 40)) * 100) / 100;
  return (
    Math.round(
      (50 + 10 * Math.sin((2 * Math.PI * (k + i)) / 300) + ((i * 7919 + k * 104729) % 100) / 50) * 100,
    ) / 100
  );
}

/** Reading `n` of a run starting at second `from`: round-robin over the sensors, a second per round. */
function readingAt(n: number, sensors: number, from: number): RawReading & { ts: number; value: number } {
  const i = n % sensors;
  const k = from + Math.floor(n / sensors);
  return { sensor: sensorId(i), ts: T0 + k, value: loadAt(i, k) };
}

/** Places, the network (through importAssets) and the sensors (through defineSensor). */
async function setUp(db: Db, sensors: number): Promise<void> {
  await migrate(db);
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市', lon: 106.55, lat: 29.56 },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区', lon: 106.56, lat: 29.553 },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道', lon: 106.577, lat: 29.557 },
    ...Array.from({ length: SPOF_NODES }, (_, c) => ({
      parentPath: 'cq.yz.jd01',
      level: 'community' as const,
      code: `sq${String(c + 1).padStart(2, '0')}`,
      name: `社区${c + 1}`,
      lon: 106.57 + c * 0.001,
      lat: 29.55,
    })),
  ]);
  const admin = await createUser(db, {
    username: 'admin',
    password: 'bench password 1',
    role: 'city_admin',
    placePath: 'cq',
  });
  const actor = { userId: admin.id, scope: 'cq', now: new Date(T0 * 1000) };
  const assets = ['id,kind,type,name,community,population,place', 'BSRC,power,source,电厂,,,cq'];
  const links = ['from,to,relation'];
  for (let n = 0; n < NODES; n++) {
    assets.push(`${nodeId(n)},power,node,变电站${n + 1},,,cq.yz.jd01`);
    links.push(`BSRC,${nodeId(n)},feeds`);
  }
  for (let c = 0; c < SPOF_NODES; c++) {
    const sq = `cq.yz.jd01.sq${String(c + 1).padStart(2, '0')}`;
    assets.push(`BK${c + 1},power,sink,台区${c + 1},${sq},1000,`);
    links.push(`${nodeId(c)},BK${c + 1},feeds`);
  }
  const enc = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
  await importAssets(db, actor, enc(assets), { what: 'assets', kind: 'csv' });
  await importAssets(db, actor, enc(links), { what: 'links', kind: 'csv' });
  for (let i = 0; i < sensors; i++)
    await defineSensor(
      db,
      {
        id: sensorId(i),
        assetId: nodeId(i % NODES),
        quantity: 'load',
        unit: '%',
        timeoutS: 86_400,
        rules: [{ op: 'above', threshold: 80, hysteresis: 5, forS: 0 }],
      },
      actor,
    );
}

interface Ingested {
  seconds: number;
  kept: number;
  alarms: number;
}

async function alarmRecords(db: Db): Promise<number> {
  return (await listAlarms(db, { scope: 'cq', state: 'all', limit: 1 })).total;
}

/** `readings` through ingestReadings in batches, from second `from` of the sensors' time. */
async function ingestDirect(db: Db, o: IngestOptions, from: number): Promise<Ingested> {
  const before = await countReadings(db);
  const alarmsBefore = await alarmRecords(db);
  const t0 = performance.now();
  for (let n = 0; n < o.readings; n += o.batch) {
    const batch: RawReading[] = [];
    for (let m = n; m < Math.min(o.readings, n + o.batch); m++) batch.push(readingAt(m, o.sensors, from));
    const at = new Date(((batch[batch.length - 1].ts as number) + 1) * 1000);
    const r = await ingestReadings(db, batch, at, { actor: 'system:bench', source: 'bench' });
    if (r.rejected.length > 0) throw new Error(`ingest refused ${r.rejected.length} readings`);
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    kept: (await countReadings(db)) - before,
    alarms: (await alarmRecords(db)) - alarmsBefore,
  };
}

/** The peer: the same rows by multi-row INSERT into a plain table, in the same batches. */
async function bareInsert(db: Db, o: IngestOptions, from: number): Promise<Ingested> {
  await db.exec(
    'DROP TABLE IF EXISTS bench_readings; CREATE TABLE bench_readings (sensor_id text, ts timestamptz, value double precision)',
  );
  const t0 = performance.now();
  for (let n = 0; n < o.readings; n += o.batch) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (let m = n; m < Math.min(o.readings, n + o.batch); m++) {
      const r = readingAt(m, o.sensors, from);
      const p = params.length;
      tuples.push(`($${p + 1}, to_timestamp($${p + 2}), $${p + 3})`);
      params.push(r.sensor, r.ts, r.value);
    }
    await db.query(`INSERT INTO bench_readings (sensor_id, ts, value) VALUES ${tuples.join(', ')}`, params);
  }
  const seconds = (performance.now() - t0) / 1000;
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_readings');
  return { seconds, kept: rows[0].n, alarms: 0 };
}

interface OverMqtt extends Ingested {
  published: number;
  received: number;
}

/** End to end through the broker and the real adapter (see the file's comment). */
async function ingestMqtt(db: Db, o: IngestOptions, url: string, from: number): Promise<OverMqtt> {
  const city = `bench${process.pid}`;
  const before = await countReadings(db);
  const alarmsBefore = await alarmRecords(db);
  const clock = { now: T0 + from };
  const feed = startSensorFeed({ db, url, city, now: () => clock.now, offlineTickSeconds: 0 });
  const publisher = await connectAsync(url, {
    clientId: `renxing-bench-pub-${process.pid}`,
    reconnectPeriod: 0,
  });
  // Until the adapter is subscribed: a probe reading it must see (an unknown sensor: refused, not stored).
  const probe = `renxing/${city}/${nodeId(0)}/probe`;
  for (let i = 0; i < 100 && feed.stats.messages === 0; i++) {
    await publisher.publishAsync(probe, JSON.stringify({ ts: T0 + from, value: 0 }), { qos: 1 });
    await new Promise((r) => setTimeout(r, 50));
  }
  if (feed.stats.messages === 0) throw new Error(`the adapter received nothing from ${url}`);
  const base = feed.stats.readings;
  const t0 = performance.now();
  let published = 0;
  while (published < o.readings) {
    while (published - (feed.stats.readings - base) >= WINDOW) await new Promise((r) => setTimeout(r, 1));
    const end = Math.min(o.readings, published + 200);
    const sends: Promise<unknown>[] = [];
    for (; published < end; published++) {
      const r = readingAt(published, o.sensors, from);
      clock.now = r.ts + 1;
      const asset = nodeId((published % o.sensors) % NODES);
      sends.push(
        publisher.publishAsync(
          `renxing/${city}/${asset}/${r.sensor}`,
          JSON.stringify({ ts: r.ts, value: r.value }),
          {
            qos: 1,
          },
        ),
      );
    }
    await Promise.all(sends);
  }
  // Everything published is in; wait until the adapter has received what it will and stored it.
  let last = -1;
  while (feed.stats.readings - base < published && feed.stats.readings !== last) {
    last = feed.stats.readings;
    await new Promise((r) => setTimeout(r, 500));
  }
  await feed.idle();
  const seconds = (performance.now() - t0) / 1000;
  await feed.stop();
  await publisher.endAsync();
  return {
    seconds,
    published,
    received: feed.stats.readings - base,
    kept: (await countReadings(db)) - before,
    alarms: (await alarmRecords(db)) - alarmsBefore,
  };
}

export async function benchIngest(o: IngestOptions): Promise<Table> {
  const targets: Target[] = [{ name: 'PGlite (memory)', db: await openDatabase({ memory: true }, {}) }];
  if (o.pg) {
    const p = await scratchPostgres('infra');
    if (p) targets.push(p);
  }
  const rounds = Math.ceil(o.readings / o.sensors);
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    for (const t of targets) {
      log(`ingest on ${t.name}: setting up ${o.sensors} sensors on ${NODES} substations …`);
      await setUp(t.db, o.sensors);
      // Warm-up: one batch at second 0, then the measured run from second 1.
      await ingestDirect(t.db, { ...o, readings: Math.min(o.batch, o.sensors) }, 0);
      log(`  ingestReadings: ${int(o.readings)} readings in batches of ${o.batch} …`);
      const ours = await ingestDirect(t.db, o, 1);
      log(`  ${fmt(ours.seconds, 2)} s, ${int(ours.kept)} kept, ${ours.alarms} alarm records`);
      const peer = await bareInsert(t.db, o, 1);
      log(`  bare INSERT: ${fmt(peer.seconds, 2)} s`);
      const rate = (x: Ingested) => x.kept / x.seconds;
      rows.push(
        [
          `ingestReadings (rules, alarms, audit)`,
          t.name,
          int(rate(ours)),
          `${fmt(rate(ours) / rate(peer), 2)}× (peer ${fmt(rate(peer) / rate(ours), 1)}× faster)`,
          `${int(ours.kept)} of ${int(o.readings)}`,
          String(ours.alarms),
        ],
        [
          'bare multi-row INSERT (peer)',
          t.name,
          int(rate(peer)),
          '1×',
          `${int(peer.kept)} of ${int(o.readings)}`,
          '—',
        ],
      );
    }
    if (o.mqtt) {
      const t = targets[targets.length - 1];
      log(`MQTT end to end through ${o.mqtt} on ${t.name} …`);
      try {
        const m = await ingestMqtt(t.db, o, o.mqtt, 1 + rounds + 1);
        const peerRow = rows.find((r) => r[0].startsWith('bare') && r[1] === t.name);
        const peerRate = peerRow ? Number(peerRow[2].replaceAll(',', '')) : Number.NaN;
        const rate = m.kept / m.seconds;
        rows.push([
          `MQTT → adapter → ingestReadings`,
          t.name,
          int(rate),
          `${fmt(rate / peerRate, 2)}× (peer ${fmt(peerRate / rate, 1)}× faster)`,
          `${int(m.kept)} of ${int(m.published)} published (${int(m.received)} received)`,
          String(m.alarms),
        ]);
      } catch (error) {
        notes.push(`MQTT end to end: not measured (${(error as Error).message}).`);
      }
    }
  } finally {
    for (const t of targets) {
      if (t.drop) await t.drop().catch(() => {});
      else await t.db.close().catch(() => {});
    }
  }
  notes.unshift(
    `${int(o.readings)} readings of ${int(o.sensors)} sensors (${rounds} s of their time; one in fifty crossing its threshold every 40 s), ` +
      `batches of ${int(o.batch)}. "vs peer" is the rate over the bare INSERT's on the same database.` +
      (o.mqtt
        ? ` MQTT: QoS 1 both ways, the publisher at most ${WINDOW} readings ahead of the adapter.`
        : ''),
  );
  return {
    title: `(b) sustained ingest with alarm evaluation`,
    head: ['path', 'database', 'readings/s kept', 'vs peer', 'readings kept', 'alarm records'],
    rows,
    notes,
  };
}
