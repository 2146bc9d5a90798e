/**
 * `npm run bench:handoffs [-- --n 2000] [-- --pg]`: hand-offs per second between two local cities.
 *
 * Two apps (重庆 cq, 成都 cd), each on its own database and port, registered as each other's peers.
 * 重庆 hands N companions to 成都 through sendHandoff; timed until the last is acknowledged (signed,
 * POSTed, verified against the JWKS, checked for replay, stored with its audit row, the ack
 * recorded). Then 成都 accepts them all (person, yellow code, task, inbox item, the answer queued)
 * and the time until 重庆 has every answer is measured as well.
 *
 * The peer a user would otherwise pick: a plain REST integration — unsigned JSON POSTed to the
 * other city, stored once by message id (INSERT … ON CONFLICT DO NOTHING), acknowledged — on the
 * same kind of database, same machine, same run. The ratio is what signing, verification, the
 * outbox and the audit trail cost.
 *
 * PGlite in memory by default; --pg: two databases created on the server at TEST_DATABASE_URL and
 * dropped afterwards.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildApp } from '@renxing/api';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { insertPlaces } from '@renxing/modules/places';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, pg: { type: 'boolean', default: false } },
});
const N = Number(args.n);
const PASSWORD = 'correct horse battery';
const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const created: string[] = [];

async function database(name: string): Promise<Db> {
  if (!args.pg) return openDatabase({ memory: true }, {});
  const db = `renxing_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  created.push(db);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${db}`;
  return openDatabase({ url: url.toString() }, {});
}

async function dropDatabases(): Promise<void> {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  for (const d of created) await admin.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
  await admin.end();
}

interface City {
  app: FastifyInstance;
  url: string;
  cookie: string;
  csrf: string;
  db: Db;
}

async function city(code: 'cq' | 'cd'): Promise<City> {
  const db = await database(code);
  await migrate(db);
  await insertPlaces(db, [
    { level: 'city', code, name: code === 'cq' ? '重庆市' : '成都市' },
    { parentPath: code, level: 'district', code: 'd1', name: '一区' },
    { parentPath: `${code}.d1`, level: 'street', code: 's1', name: '一街道' },
    { parentPath: `${code}.d1.s1`, level: 'community', code: 'c1', name: '一社区' },
  ]);
  await createUser(db, { username: 'admin', password: PASSWORD, role: 'city_admin', placePath: code });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const app = await buildApp({
    db,
    secret: 'bench-secret-bench-secret-bench-secret-01',
    citySecret: Buffer.from(`${code}-bench-city-secret-0123456789abcdef`),
    keys: { signingKey: pem },
    federationRetryMax: 1,
    loginLimit: 1000,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'rx_session')!;
  return { app, url, cookie: `rx_session=${cookie.value}`, csrf: res.json().csrfToken, db };
}

async function call(c: City, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await c.app.inject({
    method,
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

const count = async (c: City, query: string) =>
  Number((await call(c, 'GET', `/api/handoffs?limit=1&${query}`)).total);

/** The plain REST peer: unsigned JSON stored once by id, acknowledged. */
async function baseline(): Promise<number> {
  const db = await database('plain');
  await db.exec(
    'CREATE TABLE received (id uuid PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  const app = Fastify();
  app.post('/messages', async (request) => {
    const m = request.body as { id: string; body: unknown };
    await db.query('INSERT INTO received (id, body) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING', [
      m.id,
      JSON.stringify(m.body),
    ]);
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/messages`;
  const t0 = performance.now();
  for (let k = 0; k < N; k++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        body: {
          kind: 'companion',
          person: { ref: `companion-${k}` },
          homePlace: 'cd.d1.s1.c1',
          reason: 'bench',
          evidence: {
            caseLabel: '病例1',
            confirmedAt: 1,
            cell: `${k}:1`,
            overlapStart: 1,
            overlapEnd: 2,
            overlapS: 1,
          },
        },
      }),
    });
    if (!res.ok) throw new Error(`plain POST: ${res.status}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  await app.close();
  await db.close();
  return seconds;
}

async function main(): Promise<void> {
  console.log(
    `hand-offs between two local cities: ${N} companions, ${args.pg ? 'PostgreSQL server' : 'PGlite in memory'}`,
  );
  const [cq, cd] = [await city('cq'), await city('cd')];
  await call(cq, 'POST', '/api/federation/peers', { code: 'cd', name: '成都市', baseUrl: cd.url });
  await call(cd, 'POST', '/api/federation/peers', { code: 'cq', name: '重庆市', baseUrl: cq.url });
  const c = await insertCase(cq.db, {
    label: '病例1',
    subjectPseudonym: 'case-1',
    confirmedAt: new Date(),
    preset: 'default',
  });
  const t = Math.floor(Date.now() / 1000);
  const stored = await upsertCompanions(
    cq.db,
    c.id,
    Array.from({ length: N }, (_, k) => ({
      subjectPseudonym: `companion-${k}`,
      cell: `${k}:1`,
      overlapStart: t - 3600,
      overlapEnd: t - 2400,
      overlapS: 1200,
    })),
  );

  const t0 = performance.now();
  const ids: string[] = [];
  for (const s of stored) {
    const h = await call(cq, 'POST', '/api/handoffs', {
      peer: 'cd',
      kind: 'companion',
      companionId: s.id,
      homePlace: 'cd.d1.s1.c1',
      reason: 'bench',
    });
    ids.push(h.id);
  }
  const queued = (performance.now() - t0) / 1000;
  await until(async () => (await count(cq, 'state=sent')) === N);
  const delivered = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  for (const id of ids) await call(cd, 'POST', `/api/handoffs/${id}/accept`, {});
  const accepted = (performance.now() - t1) / 1000;
  await until(async () => (await count(cq, 'state=accepted')) === N);
  const answered = (performance.now() - t1) / 1000;
  await cq.app.close();
  await cd.app.close();
  await cq.db.close();
  await cd.db.close();

  const plain = await baseline();
  const rate = (s: number) => `${(N / s).toFixed(0)}/s`;
  console.log(`sendHandoff (queued, signed later)   ${queued.toFixed(2)} s  ${rate(queued)}`);
  console.log(`sent → acknowledged by the peer      ${delivered.toFixed(2)} s  ${rate(delivered)}`);
  console.log(`acceptHandoff (case, code, task, item) ${accepted.toFixed(2)} s  ${rate(accepted)}`);
  console.log(`accepted → answer back at the sender ${answered.toFixed(2)} s  ${rate(answered)}`);
  console.log(`plain REST peer (unsigned JSON, stored once) ${plain.toFixed(2)} s  ${rate(plain)}`);
  console.log(
    `ratio: signed, audited, exactly-once delivery takes ${(delivered / plain).toFixed(2)}× the plain POST's time`,
  );
}

main()
  .then(dropDatabases)
  .catch(async (e) => {
    console.error(e);
    await dropDatabases().catch(() => {});
    process.exit(1);
  });
