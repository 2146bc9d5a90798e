/**
 * `node apps/api/dist/server.js` (what `npm start` runs): the service and the console on
 * http://127.0.0.1:$PORT (3000) over the database `openDatabase()` picks (PGlite in
 * $RENXING_DATA_DIR, or DATABASE_URL), migrated first. On a database with no places yet it seeds
 * the demo city (RENXING_DEMO=0 to skip) and prints the demo users. Detection runs left unfinished
 * by a stopped server are resumed; trajectories past the retention window are purged at start
 * and daily. A failed migration or start exits non-zero.
 */
import { createHmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { citySecret, migrate, openDatabase } from '@renxing/db';
import { demoSensorFeed, seedDemo, startSensorSimulator } from '@renxing/modules/demo';
import { hasPlaces } from '@renxing/modules/places';
import { startResilienceSchedule } from '@renxing/modules/resilience';
import { purgeTrajectories } from '@renxing/modules/trajectories';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { readConfig } from './config.js';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  logger?: boolean;
}

const DAY_MS = 86400_000;

/** Opens and migrates the database, seeds the demo if it is new, then listens. */
export async function startServer(options: StartOptions = {}): Promise<FastifyInstance> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const config = readConfig(env);
  const db = await openDatabase({}, env);
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
    else await db.close().catch(() => {});
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
