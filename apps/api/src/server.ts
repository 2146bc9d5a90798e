/**
 * `node apps/api/dist/server.js` (what `npm start` runs): the service and the console on
 * http://127.0.0.1:$PORT (3000) over the database `openDatabase()` picks (PGlite in
 * $RENXING_DATA_DIR, or DATABASE_URL), migrated first. On a database with no places yet it seeds
 * the demo city (RENXING_DEMO=0 to skip) and prints the demo users. Detection runs left unfinished
 * by a stopped server are resumed; trajectories past the retention window are purged at start
 * and daily. A failed migration or start exits non-zero.
 *
 * With RENXING_NATS_URL set the stream is opened too (a NATS that does not answer stops the start)
 * and RENXING_STREAM_ROLES starts stay builders and/or index workers inside this process; without
 * it nothing about NATS is touched (docs/operators.md, "Streaming at city scale").
 */
import { createHmac } from 'node:crypto';
import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import { citySecret, migrate, openDatabase } from '@renxing/db';
import { resolveParams } from '@renxing/engine';
import { demoSensorFeed, seedDemo, startSensorSimulator } from '@renxing/modules/demo';
import { hasPlaces } from '@renxing/modules/places';
import { startResilienceSchedule } from '@renxing/modules/resilience';
import { publishStore, purgeTrajectories } from '@renxing/modules/trajectories';
import {
  openStream,
  publishPingBatch,
  type Role,
  type StreamClient,
  type StreamConfig,
  startIndexWorker,
  startStayBuilder,
} from '@renxing/stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type Config, readConfig } from './config.js';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  logger?: boolean;
}

const DAY_MS = 86400_000;

/** The stream's configuration: the settings read from the environment and the city's grid and max_gap. */
export function streamConfigOf(config: Config): StreamConfig | null {
  const s = config.stream;
  if (!s) return null;
  // Stays are built with the preset's grid and max_gap (both presets share them); a case whose
  // preset needs others is detected in-process (modules/cases/service/detect.ts).
  const { params } = resolveParams(config.preset, config.grid);
  return {
    servers: s.servers,
    prefix: s.prefix,
    partitions: s.partitions,
    shards: s.shards,
    replicas: s.replicas,
    params,
    snapshotDir: s.snapshotDir,
    snapshotEverySeconds: s.snapshotEverySeconds,
    leaseSeconds: s.leaseSeconds,
    retentionDays: s.retentionDays,
  };
}

/** Opens the stream and starts the roles this process runs (none unless RENXING_STREAM_ROLES says). */
async function openStreaming(
  config: Config,
  log: (line: string) => void,
): Promise<{ client: StreamClient; roles: Role[] } | null> {
  const cfg = streamConfigOf(config);
  if (!cfg || !config.stream) return null;
  const client = await openStream(cfg);
  const roles: Role[] = [];
  try {
    const id = `api-${hostname()}-${process.pid}`;
    const which = config.stream.roles;
    if (which === 'all' || which === 'builder')
      roles.push(await startStayBuilder(client, { id: `${id}-b`, log }));
    if (which === 'all' || which === 'index')
      roles.push(await startIndexWorker(client, { id: `${id}-i`, log }));
  } catch (error) {
    for (const role of roles) await role.stop().catch(() => {});
    await client.close().catch(() => {});
    throw error;
  }
  log(
    `streaming: NATS ${cfg.servers.join(',')} (prefix ${cfg.prefix}, ${cfg.partitions} partitions, ${cfg.shards} shards, replicas ${cfg.replicas}); roles here: ${config.stream.roles}`,
  );
  return { client, roles };
}

/**
 * Streaming switched on for a city whose store already holds pings (the demo's, or months of
 * imports): the stream starts empty, so the store is published once, in the background, under
 * the ids its imports used. A stream that already holds pings is left as it is.
 */
async function backfillStream(
  db: Awaited<ReturnType<typeof openDatabase>>,
  client: StreamClient,
  log: (line: string) => void,
  stopping: () => boolean,
): Promise<void> {
  const info = await client.jsm.streams.info(client.names.pingsStream);
  if (info.state.messages > 0) return;
  const t0 = performance.now();
  const done = await publishStore(db, {
    publish: (batch, id) => {
      if (stopping()) throw new Error('the server is closing');
      return publishPingBatch(client, batch, id);
    },
  });
  if (done.pings > 0)
    log(
      `streaming: the stream was empty; published the store's ${done.pings} pings (${done.imports} imports) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
}

/** Opens and migrates the database, seeds the demo if it is new, then listens. */
export async function startServer(options: StartOptions = {}): Promise<FastifyInstance> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const config = readConfig(env);
  // NATS first: a configured stream that does not answer stops the start before any migration.
  const streaming = await openStreaming(config, log);
  const stopStreaming = async () => {
    for (const role of streaming?.roles ?? []) await role.stop().catch(() => {});
    await streaming?.client.close().catch(() => {});
  };
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({}, env);
  } catch (error) {
    await stopStreaming();
    throw error;
  }
  let app: FastifyInstance | undefined;
  try {
    await migrate(db, { log });
    const secret = citySecret({ env, dataDir: config.dataDir });
    if (config.demo && !(await hasPlaces(db))) {
      log('seeding the demo city (first start) …');
      const t0 = performance.now();
      const demo = await seedDemo(db, {
        secret,
        preset: config.preset,
        phones: config.demoPhones,
        log: (line) => log(`  ${line}`),
      });
      log(
        `demo city ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${demo.people} residents, ${demo.pings} pings, ${demo.cases.length} cases`,
      );
      log(`demo users (password ${demo.password}):`);
      for (const u of demo.users)
        log(`  ${u.username.padEnd(10)} ${u.role.padEnd(18)} ${u.place ?? '(own code only)'}`);
    }
    app = await buildApp({
      db,
      ...(streaming ? { stream: { client: streaming.client, roles: streaming.roles, close: true } } : {}),
      // CSRF tokens are keyed by a secret derived from the city secret, so they survive restarts.
      secret: config.secret ?? createHmac('sha256', secret).update('renxing csrf').digest('hex'),
      config,
      citySecret: secret,
      closeDb: true,
      logger: options.logger === false ? false : { level: config.logLevel },
    });
    const { mqttUrl, city } = config.sensors;
    if (config.demo && config.sensorSimulator && mqttUrl) {
      const sensors = await demoSensorFeed(db, city);
      if (sensors.length > 0) {
        const simulator = startSensorSimulator({ url: mqttUrl, city, sensors, log });
        app.addHook('onClose', async () => simulator.stop());
        log(
          `sensor simulator: ${sensors.length} demo sensors → ${mqttUrl} (RENXING_SENSOR_SIM=off to stop it)`,
        );
      }
    }
    // The resilience index of every community, computed daily (today's at once when missing).
    const resilience = startResilienceSchedule({ db, now: () => Date.now() / 1000, log });
    app.addHook('onClose', async () => resilience.stop());
    if (streaming) {
      let stopping = false;
      const running = backfillStream(db, streaming.client, log, () => stopping).catch((e: unknown) =>
        log(
          `streaming: publishing the store stopped (${e instanceof Error ? e.message : e}); start again with an empty stream to redo it`,
        ),
      );
      app.addHook('preClose', async () => {
        stopping = true; // it stops at its next batch
        await running;
      });
    }
    const resumed = await app.detection.resume();
    if (resumed > 0) log(`resuming ${resumed} unfinished detection run(s)`);
    const purge = async () => {
      const done = await purgeTrajectories(db, {
        now: Math.floor(Date.now() / 1000),
        retentionDays: config.retentionDays,
        actor: 'system:retention',
      });
      if (done.days.length > 0)
        log(
          `retention: purged ${done.days.length} day(s) of trajectories older than ${config.retentionDays} days`,
        );
    };
    await purge();
    const timer = setInterval(
      () => purge().catch((e) => app?.log.error(e, 'retention purge failed')),
      DAY_MS,
    );
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    if (app) await app.close().catch(() => {});
    else {
      await stopStreaming();
      await db.close().catch(() => {});
    }
    throw error;
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : config.port;
  log(`Renxing (韧性) is serving http://127.0.0.1:${bound}/ — API docs at /docs`);
  return app;
}

async function main(): Promise<void> {
  const app = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
