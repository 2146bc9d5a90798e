/**
 * `npm run bench:city`: the console's endpoints at the size of a city, under a mixed load.
 *
 * A database on the PostgreSQL server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432,
 * database `renxing_bench_city`), seeded once and reused (`--fresh` to seed again): the demo city's
 * places, 20,000 phones pinging for 14 days (~20 M pings, through the real import), 20 cases
 * detected, and residents up to 1,000,000. Then the service runs on it and every endpoint is loaded
 * at the same time (one autocannon per endpoint, `--connections` each, `--seconds` long): p50, p99
 * and req/s per endpoint, and the service's RSS. Goal: every endpoint's p99 under 300 ms.
 *
 * The peer, in the same run: the SQL each endpoint sends, captured as it runs, replayed through
 * `psql` (`\timing`, PREPARE/EXECUTE) on a quiet server: the floor a hand-written SQL console gets.
 *
 *   npm run bench:city -- [--people N] [--phones N] [--days N] [--cases N] [--seconds S] [--connections C] [--fresh]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@renxing/api';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { demoName, seedDemo } from '@renxing/modules/demo';
import { type NewPerson, upsertPeople } from '@renxing/modules/people';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    phones: { type: 'string', default: '20000' },
    days: { type: 'string', default: '14' },
    cases: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '2' },
    fresh: { type: 'boolean', default: false },
  },
});
const num = (k: keyof typeof values) => Number(values[k]);
const SECRET = 'bench-city-secret-bench-city-secret-000001';
const PASSWORD = 'renxing-demo-2026';
const DB_NAME = 'renxing_bench_city';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(adminUrl);
url.pathname = `/${DB_NAME}`;
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function seeded(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists =
      (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1;
    if (exists && !values.fresh) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: string }>(
          "SELECT (SELECT count(*) FROM people) AS n WHERE to_regclass('people') IS NOT NULL",
        );
        if (Number(rows[0]?.n ?? 0) >= 0.99 * num('people')) return true;
      } finally {
        await c.end();
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    return false;
  } finally {
    await admin.end();
  }
}

/** Residents with no phone in the feed, spread over the communities, up to `total`. */
async function moreResidents(db: Db, secret: Buffer, total: number): Promise<void> {
  const { rows } = await db.query<{ path: string }>(
    "SELECT path FROM places WHERE level = 'community' ORDER BY path",
  );
  const have = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM people')).rows[0].n);
  const t0 = performance.now();
  for (let k = have; k < total; k += 5000) {
    const batch: NewPerson[] = [];
    for (let i = k; i < Math.min(total, k + 5000); i++) {
      batch.push({
        name: demoName(i),
        phone: `199${String(i).padStart(8, '0')}`,
        community: rows[(i * 7919) % rows.length].path,
        address: `幸福路${i % 997}号${(i % 31) + 1}单元`,
        household: `b${Math.floor(i / 3)}`,
      });
    }
    await upsertPeople(db, batch, { secret });
    if ((k - have) % 100_000 === 0)
      console.error(`  residents: ${k.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  }
  console.error(`  ${(total - have).toLocaleString('en')} more residents in ${secs(t0)}`);
}

async function seed(): Promise<void> {
  const secret = Buffer.from(SECRET);
  const db = await openDatabase({ url: url.toString() }, {});
  try {
    await migrate(db);
    const t0 = performance.now();
    console.error(
      `seeding ${DB_NAME}: ${num('phones')} phones × ${num('days')} days, ${num('cases')} cases …`,
    );
    const demo = await seedDemo(db, {
      secret,
      preset: 'default',
      phones: num('phones'),
      days: num('days'),
      cases: num('cases'),
      log: (line) => console.error(`  ${line}`),
    });
    console.error(
      `  demo city: ${demo.people} residents, ${demo.pings} pings, ${demo.cases.length} cases in ${secs(t0)}`,
    );
    await moreResidents(db, secret, num('people'));
    await db.exec('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
}

/** Every statement a Db sends, with its parameters (the peer replays them). */
function recording(db: Db, onQuery: (s: { sql: string; params: unknown[] }) => void): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'query') {
        return (sql: string, params: unknown[] = []) => {
          onQuery({ sql, params });
          return target.query(sql, params);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

interface Endpoint {
  name: string;
  user: string;
  method?: 'GET' | 'POST';
  paths: string[];
  bodies?: string[];
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (!(await seeded())) await seed();
  else console.error(`reusing ${DB_NAME} (--fresh to seed again)`);
  console.error(`database ready in ${secs(t0)}`);

  // The service as `npm start` runs it, in a process of its own (the load below must not share
  // its event loop).
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    RENXING_DATA_DIR: mkdtempSync(join(tmpdir(), 'renxing-city-')),
    RENXING_CITY_SECRET: SECRET,
    RENXING_DEMO: '0',
    RENXING_LOGIN_LIMIT: '1000',
    RENXING_VERIFY_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
    PORT: String(20000 + (process.pid % 20000)),
  };
  const server = spawn(process.execPath, ['apps/api/dist/server.js'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${env.PORT}`;
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is serving')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`the service exited (${code})`)));
  });
  server.stdout.resume();
  const cookies = new Map<string, string>();
  for (const user of ['admin', 'health', 'worker']) {
    const res = await fetch(`${base}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
    cookies.set(user, (res.headers.get('set-cookie') ?? '').split(';')[0]);
  }
  const get = async (user: string, path: string) => {
    const res = await fetch(base + path, { headers: { cookie: cookies.get(user)! } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };

  // What the load asks for: real ids and names from this city.
  const cases = (await get('health', '/api/cases?limit=20')).cases as { id: string }[];
  const people: { id: string; name: string }[] = [];
  for (const offset of [0, 200_000, 400_000, 600_000, 800_000]) {
    people.push(...((await get('admin', `/api/people?limit=40&offset=${offset}`)).people as typeof people));
  }
  const tokens: string[] = [];
  for (const p of people.slice(0, 100)) {
    const t = await get('admin', `/api/people/${p.id}/health-code/qr?format=json`);
    tokens.push(JSON.stringify({ token: t.token }));
  }
  console.error(`load: ${cases.length} cases, ${people.length} names, ${tokens.length} tokens`);

  const endpoints: Endpoint[] = [
    { name: 'getPlaceStats (city)', user: 'admin', paths: ['/api/stats/places'] },
    { name: 'getPlaceStats (district)', user: 'admin', paths: ['/api/stats/places?under=cq.yz'] },
    {
      name: 'getCompanionCells',
      user: 'admin',
      paths: ['/api/stats/cells', ...cases.slice(0, 5).map((c) => `/api/stats/cells?caseId=${c.id}`)],
    },
    {
      name: 'listPeople (name)',
      user: 'admin',
      paths: people.slice(0, 50).map((p) => `/api/people?q=${encodeURIComponent(p.name)}`),
    },
    {
      name: 'listPeople (community)',
      user: 'worker',
      paths: ['/api/people?limit=50', '/api/people?limit=50&offset=200'],
    },
    {
      name: 'listCaseCompanions',
      user: 'health',
      paths: cases.map((c) => `/api/cases/${c.id}/companions?limit=50`),
    },
    {
      name: 'listTasks (city)',
      user: 'admin',
      paths: ['/api/tasks?limit=50', '/api/tasks?limit=50&state=pending'],
    },
    { name: 'listTasks (community)', user: 'worker', paths: ['/api/tasks?limit=50'] },
    { name: 'listCases', user: 'health', paths: ['/api/cases?limit=20'] },
    {
      name: 'verifyHealthCode',
      user: '',
      method: 'POST',
      paths: ['/api/health-codes/verify'],
      bodies: tokens,
    },
  ];

  const seconds = num('seconds');
  const connections = num('connections');
  console.error(`mixed load: ${endpoints.length} endpoints × ${connections} connections for ${seconds} s …`);

  const results = await Promise.all(
    endpoints.map((e) => {
      let k = 0;
      return autocannon({
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            method: e.method ?? 'GET',
            headers:
              e.method === 'POST' ? { 'content-type': 'application/json' } : { cookie: cookies.get(e.user)! },
            setupRequest: (r) => {
              const i = k++;
              return { ...r, path: e.paths[i % e.paths.length], body: e.bodies?.[i % e.bodies.length] };
            },
          },
        ],
      });
    }),
  );
  const rssMax = peakRss(server.pid!);
  server.kill();

  // The peer: the statements each endpoint sends, captured from the same app on a recording
  // database, replayed through psql one at a time on the now quiet server.
  const sqlOf = await captureSql(endpoints, cookies);
  const peer = new Map<string, number>();
  for (const [name, list] of sqlOf) peer.set(name, psqlMedian(list));

  console.log(
    `\nCity: ${num('people').toLocaleString('en')} residents, ${num('phones').toLocaleString('en')} phones × ${num('days')} days, ${num('cases')} cases; ` +
      `${endpoints.length} endpoints loaded at once, ${connections} connections each, ${seconds} s; service RSS peak ${(rssMax / 2 ** 20).toFixed(0)} MiB\n`,
  );
  console.log('| endpoint | req/s | p50 ms | p99 ms | errors | psql (same SQL, quiet) ms | p99 < 300 ms |');
  console.log('|---|---|---|---|---|---|---|');
  endpoints.forEach((e, i) => {
    const r = results[i];
    const bad = r.errors + r.timeouts + r.non2xx;
    console.log(
      `| ${e.name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${bad} | ${peer.get(e.name)!.toFixed(1)} | ${r.latency.p99 < 300 ? 'yes' : 'NO'} |`,
    );
  });
}

/** The service process's peak resident memory (VmHWM), bytes. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

type Statement = { sql: string; params: unknown[] };

/** Each endpoint's first request once more, through an in-process app whose database records every statement. */
async function captureSql(
  endpoints: Endpoint[],
  cookies: Map<string, string>,
): Promise<Map<string, Statement[]>> {
  const statements: Statement[] = [];
  const db = await openDatabase({ url: url.toString() }, {});
  process.env.RENXING_DATA_DIR = mkdtempSync(join(tmpdir(), 'renxing-city-'));
  process.env.RENXING_AUDIT_SEAL_SECONDS = '0';
  const app = await buildApp({
    db: recording(db, (s) => statements.push(s)),
    secret: 'bench-server-secret-bench-server-secret-0',
    citySecret: Buffer.from(SECRET),
    verifyLimit: 1_000_000_000,
    closeDb: true,
  });
  const sessions = new Map<string, string>();
  for (const user of cookies.keys()) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: user, password: PASSWORD },
    });
    sessions.set(user, `rx_session=${res.cookies.find((c) => c.name === 'rx_session')?.value}`);
  }
  const out = new Map<string, Statement[]>();
  for (const e of endpoints) {
    statements.length = 0;
    const res = await app.inject(
      e.method === 'POST'
        ? {
            method: 'POST',
            url: e.paths[0],
            headers: { 'content-type': 'application/json' },
            payload: e.bodies![0],
          }
        : { method: 'GET', url: e.paths[0], headers: { cookie: sessions.get(e.user)! } },
    );
    if (res.statusCode !== 200) throw new Error(`${e.name}: ${res.statusCode} ${res.body}`);
    // The endpoint's own reads: not the session lookup or the audit row every request shares.
    out.set(
      e.name,
      statements.filter((s) => !/\b(sessions|audit_log)\b/.test(s.sql)),
    );
  }
  await app.close();
  return out;
}

/** The median over 5 runs of the statements' summed time, through psql with \timing. */
function psqlMedian(list: Statement[]): number {
  if (list.length === 0) return 0;
  const literal = (v: unknown) =>
    v === null || v === undefined
      ? 'NULL'
      : `'${(v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v)).replaceAll("'", "''")}'`;
  let script = '\\timing on\n';
  list.forEach((s, i) => {
    // As the driver does: every parameter declared (unknown: inferred), also those the SQL skips.
    const used = new Set([...s.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    const types = s.params.map((_, k) => (used.has(k + 1) ? 'unknown' : 'text'));
    script += `PREPARE q${i}${types.length ? `(${types.join(', ')})` : ''} AS ${s.sql};\n`;
  });
  for (let run = 0; run < 5; run++) {
    list.forEach((s, i) => {
      script += `EXECUTE q${i}${s.params.length ? `(${s.params.map(literal).join(', ')})` : ''};\n`;
    });
  }
  const out = spawnSync('psql', [url.toString(), '-q', '-o', '/dev/null', '-v', 'ON_ERROR_STOP=1'], {
    input: script,
    encoding: 'utf8',
  });
  if (out.status !== 0) {
    console.error(
      `psql: ${out.stderr.split('\n')[0]} in ${list.map((x) => `${x.sql.slice(0, 300)} [${x.params.length}]`).join('\n')}`,
    );
    return Number.NaN;
  }
  const times = [...out.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  const perRun: number[] = [];
  const prepares = list.length;
  for (let run = 0; run < 5; run++) {
    const slice = times.slice(prepares + run * list.length, prepares + (run + 1) * list.length);
    perRun.push(slice.reduce((a, b) => a + b, 0));
  }
  perRun.sort((a, b) => a - b);
  return perRun[2];
}

await main();
