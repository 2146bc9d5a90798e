/**
 * Shelter check-in under contention: `POST /api/shelters/:id/check-ins` (checkInShelter) of the
 * real app — session, access table, validation, the shelter's row locked, the rules, the check-in
 * row, the occupancy and the audit row in one transaction — loaded by autocannon with many
 * clients on a few shelters, against the peer a user would write by hand: a bare
 * `UPDATE shelters SET available = available - n WHERE id = $1 AND available >= n` through pg on
 * the same machine (as many clients, the same few rows), and that statement behind a bare Fastify
 * route (autocannon again: what HTTP alone costs).
 *
 *   npm run bench:shelters -- [--pg] [--duration S] [--connections C] [--shelters K] [--rounds R]
 *
 * PGlite in memory by default (the peers on their own in-memory PGlite); with --pg a database
 * created on the server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * for all three, dropped afterwards. Each server runs in its own child process (this file with
 * `--serve app|bare|direct`), so the load generator never shares an event loop with it. Rounds
 * alternate direct, bare route, app; the summary shows each side's median round by throughput. On
 * PostgreSQL every side has 10 server connections (the app's pool), its clients queueing for them.
 * Until apps/api registers the shelters module, the app is composed as apps/api composes it (the
 * kernel's plugins, the session hook and access tables, sign-in and shelters' routes).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cookie from '@fastify/cookie';
import { buildApp } from '@renxing/api';
import { type Db, fromPool, migrate, openDatabase } from '@renxing/db';
import {
  type AppContext,
  importGate,
  installErrorHandling,
  installInputRules,
  sharedSchemas,
} from '@renxing/http';
import { accessModule, createUser, installAuth } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import { createShelter, setShelterState, sheltersModule } from '@renxing/modules/shelters';
import { createNotifier } from '@renxing/notify';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    url: { type: 'string' },
    pg: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    shelters: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
  },
});

const PASSWORD = 'bench password 1';
const SECRET = 'bench-server-secret-bench-server-secret-0';
/** Big enough that no check-in of a run is refused: the load is the check-in itself. */
const CAPACITY = 1_000_000;
const BODY = JSON.stringify({ name: '压测', people: 1 });
/** Server connections per side (the app's pool: openDatabase leaves pg's default). */
const POOL = 10;

interface Ready {
  port: number;
  shelters: string[];
  /** The headers of each client's own session (many workers at their phones, not one session shared). */
  sessions: Record<string, string>[];
  via: string;
}

/** apps/api's composition, shelters' routes included, for as long as apps/api does not list them. */
async function composedApp(db: Db): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  installErrorHandling(app);
  installInputRules(app);
  for (const schema of sharedSchemas) app.addSchema(schema);
  await app.register(cookie);
  const ctx: AppContext = {
    db,
    now: () => Math.floor(Date.now() / 1000),
    preset: 'default',
    grid: { originLon: 106.55, originLat: 29.56, size: 50 },
    dataDir: 'data',
    citySecret: () => Buffer.from('bench-city-secret-bench-city-secret-01'),
    audit: { sealSeconds: 0 },
    keys: {},
    session: { secret: SECRET, secureCookies: false },
    limits: { login: 1000, verify: 1000 },
    imports: importGate(2),
    queues: {} as AppContext['queues'],
    sensors: { mqttUrl: null, city: 'cq', offlineTickSeconds: 0 },
    notifier: createNotifier({ db, smtpUrl: null }),
  };
  await app.register(
    async (api) => {
      installAuth(api, ctx, { ...accessModule.access, ...sheltersModule.access });
      await accessModule.routes?.(api, ctx);
      await sheltersModule.routes?.(api, ctx);
    },
    { prefix: '/api' },
  );
  return app;
}

/** The real app over a migrated database with `k` open shelters and a community worker signed in `clients` times (child process). */
async function serveApp(url: string | undefined, k: number, clients: number): Promise<Ready> {
  const db = await openDatabase(url ? { url } : { memory: true }, {});
  await migrate(db);
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市', lon: 106.55, lat: 29.56 },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区', lon: 106.56, lat: 29.553 },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道', lon: 106.577, lat: 29.557 },
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq01',
      name: '较场口社区',
      lon: 106.574,
      lat: 29.552,
    },
  ]);
  const admin = await createUser(db, {
    username: 'admin',
    password: PASSWORD,
    role: 'city_admin',
    placePath: 'cq',
  });
  await createUser(db, {
    username: 'worker',
    password: PASSWORD,
    role: 'community_worker',
    placePath: 'cq.yz.jd01.sq01',
  });
  const actor = { userId: admin.id, scope: 'cq', now: new Date() };
  const shelters: string[] = [];
  for (let i = 0; i < k; i++) {
    const s = await createShelter(
      db,
      {
        place: i % 2 ? 'cq.yz.jd01' : 'cq.yz.jd01.sq01',
        name: `避难场所${i + 1}`,
        address: null,
        lon: 106.574 + i * 0.001,
        lat: 29.552,
        capacityDay: CAPACITY,
        capacityNight: CAPACITY,
        type: 'indoor',
        offers: [],
      },
      actor,
    );
    await setShelterState(db, s.id, 'open', actor);
    shelters.push(s.id);
  }
  let app = await buildApp({ db, secret: SECRET, loginLimit: 1000, closeDb: false });
  await app.ready();
  let via = 'apps/api buildApp';
  if (!app.hasRoute({ method: 'POST', url: '/api/shelters/:id/check-ins' })) {
    await app.close();
    app = await composedApp(db);
    via = 'apps/api composition with the shelters module (not yet registered in apps/api)';
  }
  // Each client its own session, as each worker at a desk has: one shared session would make every
  // request wait on the same sessions row (the session hook stamps last_seen_at).
  const sessions: Record<string, string>[] = [];
  for (let i = 0; i < clients; i++) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'worker', password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    sessions.push({
      cookie: `rx_session=${login.cookies.find((c) => c.name === 'rx_session')!.value}`,
      'x-csrf-token': login.json().csrfToken,
    });
  }
  const check = await app.inject({
    method: 'POST',
    url: `/api/shelters/${shelters[0]}/check-ins`,
    headers: { ...sessions[0], 'content-type': 'application/json' },
    payload: BODY,
  });
  if (check.statusCode !== 201) throw new Error(`checkInShelter: ${check.statusCode} ${check.body}`);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, shelters, sessions, via };
}

/** The peers' table: `k` rows with plenty available. */
async function bareTable(url: string | undefined, k: number): Promise<Db> {
  const db = await openDatabase(url ? { url } : { memory: true }, {});
  await db.exec(
    'DROP TABLE IF EXISTS bench_shelters; CREATE TABLE bench_shelters (id integer PRIMARY KEY, available integer NOT NULL)',
  );
  await db.query('INSERT INTO bench_shelters SELECT g, $1 FROM generate_series(1, $2) AS g', [CAPACITY, k]);
  return db;
}

const BARE_UPDATE = 'UPDATE bench_shelters SET available = available - $2 WHERE id = $1 AND available >= $2';

/** The statement behind a bare Fastify route (child process). */
async function serveBare(url: string | undefined, k: number): Promise<Ready> {
  const db = url ? await poolDb(url, k) : await bareTable(undefined, k);
  const app = Fastify({ logger: false });
  app.post<{ Params: { id: string }; Body: { people: number } }>('/check-in/:id', async (request, reply) => {
    const { rowCount } = await db.query(BARE_UPDATE, [Number(request.params.id), request.body.people]);
    return reply.code(rowCount === 1 ? 201 : 409).send({ ok: rowCount === 1 });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    shelters: Array.from({ length: k }, (_, i) => String(i + 1)),
    sessions: [{}],
    via: 'bare',
  };
}

/**
 * A pg pool on the bench database, its table made: as many connections as the app's pool (pg's
 * default, 10), so the clients of every side queue for the same number of server connections.
 */
async function poolDb(url: string, k: number): Promise<Db> {
  await (await bareTable(url, k)).close();
  return fromPool(new pg.Pool({ connectionString: url, max: POOL }), { owned: true });
}

interface Round {
  side: 'direct' | 'bare' | 'app';
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

/** The statement itself: `connections` clients, each in a loop for `duration` s (child process; answers a Round). */
async function runDirect(
  url: string | undefined,
  k: number,
  connections: number,
  duration: number,
): Promise<Round> {
  const db = url ? await poolDb(url, k) : await bareTable(undefined, k);
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + duration * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const { rowCount } = await db.query(BARE_UPDATE, [(next++ % k) + 1, 1]);
        latencies.push(performance.now() - t0);
        if (rowCount !== 1) failures++;
      }
    }),
  );
  await db.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
  return { side: 'direct', rps: latencies.length / duration, p50: at(0.5), p99: at(0.99), failures };
}

async function start(args: string[]): Promise<{ child: ChildProcess; message: unknown }> {
  // SHELTERS_SERVER_NODE_ARGS: node flags for the servers, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const execArgv = (process.env.SHELTERS_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(fileURLToPath(import.meta.url), args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${args.join(' ')} exited with ${code}`);
    }),
  ]);
  return { child, message };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** autocannon on a server: `connections` clients posting check-ins over its shelters in turn. */
async function load(
  side: 'bare' | 'app',
  ready: Ready,
  duration: number,
  connections: number,
): Promise<Round> {
  let next = 0;
  const path = (id: string) => (side === 'app' ? `/api/shelters/${id}/check-ins` : `/check-in/${id}`);
  const result = await autocannon({
    url: `http://127.0.0.1:${ready.port}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        body: BODY,
        setupRequest: (request) => {
          const n = next++;
          return {
            ...request,
            path: path(ready.shelters[n % ready.shelters.length]),
            headers: { ...ready.sessions[n % ready.sessions.length], 'content-type': 'application/json' },
          };
        },
      },
    ],
  });
  return {
    side,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const k = Number(values.shelters);
  const rounds = Number(values.rounds);
  for (const [name, v] of Object.entries({ duration, connections, shelters: k, rounds })) {
    if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`--${name} takes a whole number ≥ 1`);
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `renxing_bench_shelters_${process.pid}`;
  let admin: pg.Client | undefined;
  const children: ChildProcess[] = [];
  try {
    const urlArgs: string[] = [];
    if (values.pg) {
      admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await admin.query(`CREATE DATABASE ${dbName}`);
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      urlArgs.push('--url', url.toString());
    }
    const common = [...urlArgs, '--shelters', String(k), '--connections', String(connections)];
    const app = await start(['--serve', 'app', ...common]);
    children.push(app.child);
    const appReady = app.message as Ready;
    const bare = await start(['--serve', 'bare', ...common]);
    children.push(bare.child);
    const bareReady = bare.message as Ready;
    console.log(
      `check-in under contention: ${connections} clients on ${k} shelters, over ${values.pg ? 'PostgreSQL' : 'PGlite (memory)'}; app: ${appReady.via}`,
    );
    const direct = async (seconds: number) =>
      (await start(['--serve', 'direct', ...common, '--duration', String(seconds)])).message as Round;

    // Warm up (JIT, pools), then alternate.
    await direct(2);
    await load('bare', bareReady, 2, connections);
    await load('app', appReady, 2, connections);
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const side of ['direct', 'bare', 'app'] as const) {
        const round =
          side === 'direct'
            ? await direct(duration)
            : await load(side, side === 'app' ? appReady : bareReady, duration, connections);
        results.push(round);
        console.log(
          `round ${r + 1} ${side.padEnd(6)}: ${Math.round(round.rps).toLocaleString('en')} /s, p50 ${round.p50} ms, ` +
            `p99 ${round.p99} ms, ${round.failures} failures`,
        );
      }
    }
    const median = (side: Round['side']) => {
      const xs = results.filter((x) => x.side === side).sort((a, b) => a.rps - b.rps);
      return xs[Math.floor((xs.length - 1) / 2)];
    };
    const [d, b, a] = [median('direct'), median('bare'), median('app')];
    const rows = [
      [
        'measure',
        'checkInShelter (API)',
        `bare UPDATE (${values.pg ? 'pg' : 'PGlite'})`,
        'UPDATE behind bare route',
        'API / bare UPDATE',
        'API / bare route',
      ],
      [
        'check-ins/s',
        Math.round(a.rps).toLocaleString('en'),
        Math.round(d.rps).toLocaleString('en'),
        Math.round(b.rps).toLocaleString('en'),
        pct(a.rps / d.rps),
        pct(a.rps / b.rps),
      ],
      ['p50 latency, ms', String(a.p50), String(d.p50), String(b.p50), '', ''],
      ['p99 latency, ms', String(a.p99), String(d.p99), String(b.p99), '', ''],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    console.log('');
    for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
    console.log('');
    console.log(
      `${duration} s × ${rounds} rounds each (median round), ${os.cpus().length} CPUs, load average ` +
        `${os.loadavg()[0].toFixed(2)}, node ${process.version}`,
    );
    const failures = results.reduce((n, x) => n + x.failures, 0);
    if (failures > 0) console.log(`WARNING: ${failures} failed or refused requests`);
  } finally {
    for (const child of children) await stop(child);
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

if (values.serve) {
  const k = Number(values.shelters);
  const c = Number(values.connections);
  if (values.serve === 'direct') {
    process.send!(await runDirect(values.url, k, c, Number(values.duration)));
    process.exit(0);
  }
  process.send!(values.serve === 'app' ? await serveApp(values.url, k, c) : await serveBare(values.url, k));
  process.on('SIGTERM', () => process.exit(0));
} else {
  await main();
}
