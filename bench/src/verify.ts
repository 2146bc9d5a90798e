/**
 * Health-code verification benchmark: `POST /api/health-codes/verify` (verifyHealthCode) of the real
 * app against a bare Fastify route that parses the same JSON body and answers a constant, both
 * loaded by autocannon in the same run on this machine. Goal (issue 3): verify ≥ 70 % of the bare
 * route's requests/s and p99 < 20 ms.
 *
 *   npm run bench:verify -- [--pg] [--duration S] [--connections C] [--rounds R] [--tokens T]
 *
 * Each server runs in its own child process (this file with `--serve app|bare`), so autocannon in
 * this process never shares an event loop with it. The app runs over a migrated database: in-memory
 * PGlite by default, with `--pg` a fresh database on the PostgreSQL server at TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), created and dropped by the run. It seeds a
 * small city with 1,000 people, signs in as a city admin and takes a real token for each of 200
 * of them from `GET /api/people/:id/health-code/qr?format=json`; then it signs tokens for the
 * same people with the app's key (other issue times), T in all (default 20,000), so the load is
 * many different tokens as at a real checkpoint, not one answer repeated. Both servers get the
 * same request bodies, in turn. Rounds alternate bare, app, bare, app… so background load hits
 * both alike; the summary takes each side's median round by requests/s and the median of the
 * rounds' ratios.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { once } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type AppOptions, buildApp } from '@renxing/api';
import { migrate, openDatabase } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    url: { type: 'string' },
    tokens: { type: 'string', default: '20000' },
    pg: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
  },
});

const CITY_SECRET = 'bench-city-secret-bench-city-secret-01';
const PASSWORD = 'bench password 1';
const VERIFY_PATH = '/api/health-codes/verify';
const BARE_PATH = '/verify';
/** People whose token comes from the app's own route. */
const ISSUED = 200;

interface Ready {
  port: number;
  tokens: string[];
}

/** The real app over a migrated database, with real tokens (child process). */
async function serveApp(url: string | undefined, tokenCount: number): Promise<Ready> {
  const db = await openDatabase(url ? { url } : { memory: true }, {});
  await migrate(db);
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
  ]);
  await upsertPeople(
    db,
    Array.from({ length: 1000 }, (_, i) => ({
      name: `居民${i}`,
      phone: `138${String(i).padStart(8, '0')}`,
      community: i % 2 ? 'cq.yz.jd01.sq01' : 'cq.yz.jd01.sq02',
    })),
    { secret: Buffer.from(CITY_SECRET) },
  );
  await createUser(db, { username: 'admin', password: PASSWORD, role: 'city_admin', placePath: 'cq' });
  // The app's signing key, known here too, to sign more tokens.
  const signingKey = generateKeyPairSync('ed25519').privateKey;
  process.env.RENXING_SIGNING_KEY = signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // A limit the run cannot reach, for the per-IP verify limit where the app has one.
  const unlimited: Record<string, unknown> = { verifyLimit: 1_000_000_000 };
  const app = await buildApp({
    db,
    secret: 'bench-server-secret-bench-server-secret-0',
    citySecret: Buffer.from(CITY_SECRET),
    loginLimit: 100,
    closeDb: true,
    ...unlimited,
  } as AppOptions);
  const login = await app.inject({
    method: 'POST',
    url: '/api/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'rx_session')!;
  const { people } = await peopleUnder(db, 'cq', { limit: ISSUED });
  const issued: string[] = [];
  for (const person of people) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/people/${person.id}/health-code/qr?format=json`,
      headers: { cookie: `rx_session=${cookie.value}` },
    });
    if (res.statusCode !== 200) throw new Error(`qr: ${res.statusCode} ${res.body}`);
    issued.push(res.json().token);
  }
  // Tokens of the same people: the same header and claims but another issue time, and valid for
  // 30 minutes so none expires during a long run.
  const tokens: string[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (let k = 0; tokens.length < tokenCount; k++) {
    for (const token of issued) {
      if (tokens.length >= tokenCount) break;
      const [header, payload] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const iat = now - k;
      const body = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + 1800 })).toString('base64url');
      const signature = sign(null, Buffer.from(`${header}.${body}`), signingKey).toString('base64url');
      tokens.push(`${header}.${body}.${signature}`);
    }
  }
  // One check that the route answers what the benchmark counts as success.
  for (const token of [tokens[0], tokens[tokens.length - 1]]) {
    const check = await app.inject({ method: 'POST', url: VERIFY_PATH, payload: { token } });
    if (check.statusCode !== 200 || check.json().valid !== true) {
      throw new Error(`verify: ${check.statusCode} ${check.body}`);
    }
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, tokens };
}

/** The peer: Fastify with one route that parses the JSON body and answers a constant (child process). */
async function serveBare(): Promise<Ready> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.post(BARE_PATH, async () => ({ valid: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, tokens: [] };
}

if (values.serve) {
  const ready =
    values.serve === 'app' ? await serveApp(values.url, Number(values.tokens)) : await serveBare();
  process.send!(ready);
  // Stays up until the parent stops it; a clean exit lets `node --cpu-prof` write its profile.
  process.on('SIGTERM', () => process.exit(0));
} else {
  await main();
}

interface Round {
  side: 'app' | 'bare';
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function start(args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  // VERIFY_SERVER_NODE_ARGS: node flags for the servers, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const execArgv = (process.env.VERIFY_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(fileURLToPath(import.meta.url), args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`server ${args.join(' ')} exited with ${code}`);
    }),
  ])) as [Ready];
  return { child, ready: message };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function load(
  side: 'app' | 'bare',
  port: number,
  bodies: string[],
  duration: number,
  connections: number,
): Promise<Round> {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: side === 'app' ? VERIFY_PATH : BARE_PATH,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    side,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const tokenCount = Number(values.tokens);
  for (const [name, v] of Object.entries({ duration, connections, rounds, tokens: tokenCount })) {
    if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`--${name} takes a whole number ≥ 1`);
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `renxing_bench_verify_${process.pid}`;
  let admin: pg.Client | undefined;
  const children: ChildProcess[] = [];
  try {
    const serverArgs = ['--serve', 'app', '--tokens', String(tokenCount)];
    if (values.pg) {
      admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await admin.query(`CREATE DATABASE ${dbName}`);
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      serverArgs.push('--url', url.toString());
    }
    let t0 = performance.now();
    const app = await start(serverArgs);
    children.push(app.child);
    console.log(
      `app ready on port ${app.ready.port} over ${values.pg ? 'PostgreSQL' : 'PGlite (memory)'} in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s, ${app.ready.tokens.length} tokens`,
    );
    t0 = performance.now();
    const bare = await start(['--serve', 'bare']);
    children.push(bare.child);
    const bodies = app.ready.tokens.map((token) => JSON.stringify({ token }));

    // Warm both up (JIT, connection pool), then alternate.
    await load('bare', bare.ready.port, bodies, 2, connections);
    await load('app', app.ready.port, bodies, 2, connections);
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const side of ['bare', 'app'] as const) {
        const round = await load(
          side,
          (side === 'app' ? app : bare).ready.port,
          bodies,
          duration,
          connections,
        );
        results.push(round);
        console.log(
          `round ${r + 1} ${side.padEnd(4)}: ${Math.round(round.rps).toLocaleString('en')} req/s, ` +
            `p50 ${round.p50} ms, p99 ${round.p99} ms, ${round.errors} errors, ${round.non2xx} non-2xx`,
        );
      }
    }

    // Each round's ratio pairs an app round with the bare round just before it (the same load);
    // the summary shows each side's median round by req/s and the median of the round ratios.
    const median = <T>(xs: T[], key: (x: T) => number) =>
      [...xs].sort((p, q) => key(p) - key(q))[Math.floor((xs.length - 1) / 2)];
    const a = median(
      results.filter((x) => x.side === 'app'),
      (x) => x.rps,
    );
    const b = median(
      results.filter((x) => x.side === 'bare'),
      (x) => x.rps,
    );
    const ratios = Array.from({ length: rounds }, (_, r) => results[2 * r + 1].rps / results[2 * r].rps);
    const ratio = median(ratios, (x) => x);
    console.log(`round ratios verify / bare: ${ratios.map(pct).join(', ')}`);
    const failures = results.reduce((n, x) => n + x.errors + x.non2xx, 0);
    const rows = [
      ['measure', 'verifyHealthCode', 'bare Fastify', 'verify / bare'],
      ['req/s', Math.round(a.rps).toLocaleString('en'), Math.round(b.rps).toLocaleString('en'), pct(ratio)],
      ['p50 latency, ms', String(a.p50), String(b.p50), ''],
      ['p99 latency, ms', String(a.p99), String(b.p99), ''],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    console.log('');
    for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
    console.log('');
    const load1 = os.loadavg()[0].toFixed(2);
    console.log(
      `${connections} connections, ${duration} s × ${rounds} rounds each (median round shown; ratio: ` +
        'median of the round ratios), ' +
        `${os.cpus().length} CPUs, load average ${load1}, node ${process.version}`,
    );
    console.log(`goal ≥ 70 % of bare: ${ratio >= 0.7 ? 'MET' : 'NOT MET'} (${pct(ratio)})`);
    console.log(`goal p99 < 20 ms: ${a.p99 < 20 ? 'MET' : 'NOT MET'} (${a.p99} ms)`);
    if (failures > 0) console.log(`WARNING: ${failures} errors or non-2xx answers`);
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
