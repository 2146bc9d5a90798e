/**
 * Two cities in one process for the federation tests: 重庆 (cq) on the test's database and 成都
 * (cd) on a database of its own, each an app listening on 127.0.0.1 with its own city key and
 * secret, registered as each other's peer through the API (keys read from each other's JWKS).
 */
import { generateKeyPairSync } from 'node:crypto';
import { type Db, pseudonymOf } from '@renxing/db';
import type { TestDatabase } from '@renxing/db/testing';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { addUser, authHeaders, login, type Session, seedCity, testApp } from '../test-support.js';

export const NOW = 1_780_000_000;
const started = Date.now();
/** The cities' clock: NOW when the file loaded, then running (the outbox's back-off needs time to pass). */
export const clock = () => NOW + Math.floor((Date.now() - started) / 1000);
export const PHONE = '13900000001';

export interface City {
  code: string;
  db: Db;
  app: FastifyInstance;
  url: string;
  admin: Session;
  secret: Buffer;
  pem: string;
  port: number;
}

const pemKey = () =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** An app of the city on `db`, listening on `port` (0: any). */
export async function cityApp(
  db: Db,
  o: { secret: Buffer; pem: string; port?: number; now?: () => number; federationId?: string },
): Promise<{ app: FastifyInstance; port: number }> {
  const app = await testApp(db, 1000, {
    citySecret: o.secret,
    keys: { signingKey: o.pem },
    now: o.now ?? clock,
    federationRetryMax: 1,
    ...(o.federationId ? { federationId: o.federationId } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: o.port ?? 0 });
  const address = app.server.address();
  return { app, port: typeof address === 'object' && address ? address.port : 0 };
}

/** An instance on `db`, signed in as `admin` (default: 重庆's admin, or 成都's). */
export async function city(
  db: Db,
  code: string,
  secret: Buffer,
  o: { federationId?: string; admin?: string } = {},
): Promise<City> {
  const pem = pemKey();
  const { app, port } = await cityApp(db, { secret, pem, federationId: o.federationId });
  const admin = await login(app, o.admin ?? (code === 'cq' ? 'admin' : 'admin_cd'));
  return { code, db, app, url: `http://127.0.0.1:${port}`, admin, secret, pem, port };
}

/** 成都's places, its city admin and a community worker of 社区甲. */
async function seedChengdu(db: Db): Promise<void> {
  await insertPlaces(db, [
    { level: 'city', code: 'cd', name: '成都市' },
    { parentPath: 'cd', level: 'district', code: 'jj', name: '锦江区' },
    { parentPath: 'cd.jj', level: 'street', code: 'jd01', name: '春熙路街道' },
    { parentPath: 'cd.jj.jd01', level: 'community', code: 'sq01', name: '社区甲' },
  ]);
  await addUser(db, 'admin_cd', 'city_admin', 'cd');
  await addUser(db, 'worker_cd', 'community_worker', 'cd.jj.jd01.sq01');
}

export interface TwoCities {
  cq: City;
  cd: City;
  /** A companion of 重庆's case 病例7 who lives in 成都 (unknown to 重庆's registry). */
  companionId: number;
  close(): Promise<void>;
}

/**
 * Both cities, registered with each other; `sharedKey`: both pseudonymise phones with one key (a
 * provincial one), so 成都 resolves 重庆's pseudonym of its resident.
 */
export async function twoCities(
  t: TestDatabase,
  o: { sharedKey?: boolean; shareIdentity?: boolean } = {},
): Promise<TwoCities> {
  const dbCq = t.db;
  const dbCd = await t.another();
  await seedCity(dbCq);
  await seedChengdu(dbCd);
  const secretCq = Buffer.from('chongqing-city-secret-0123456789abcdef');
  const secretCd = o.sharedKey ? secretCq : Buffer.from('chengdu-city-secret-0123456789abcdefgh');
  // 成都's resident, the companion.
  await upsertPeople(dbCd, [{ name: '李四', phone: PHONE, community: 'cd.jj.jd01.sq01' }], {
    secret: secretCd,
  });
  const c = await insertCase(dbCq, {
    label: '病例7',
    subjectPseudonym: 'case-7',
    confirmedAt: new Date((NOW - 86_400) * 1000),
    preset: 'default',
  });
  const [companion] = await upsertCompanions(dbCq, c.id, [
    {
      subjectPseudonym: pseudonymOf(secretCq, PHONE),
      cell: '120:340',
      overlapStart: NOW - 7200,
      overlapEnd: NOW - 6000,
      overlapS: 1200,
    },
  ]);
  const cq = await city(dbCq, 'cq', secretCq);
  const cd = await city(dbCd, 'cd', secretCd);
  await register(cq, { code: 'cd', name: '成都市', baseUrl: cd.url, shareIdentity: o.shareIdentity });
  await register(cd, { code: 'cq', name: '重庆市', baseUrl: cq.url, shareIdentity: o.shareIdentity });
  return {
    cq,
    cd,
    companionId: companion.id,
    async close() {
      await cq.app.close();
      await cd.app.close();
    },
  };
}

export async function register(
  at: City,
  body: {
    code: string;
    name: string;
    baseUrl: string;
    shareIdentity?: boolean;
    kind?: 'city' | 'department';
  },
): Promise<void> {
  const res = await at.app.inject({
    method: 'POST',
    url: '/api/federation/peers',
    headers: authHeaders(at.admin),
    payload: { ...body, shareIdentity: body.shareIdentity ?? false },
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** A request as `who` to `at`'s API. */
export async function call(
  at: City,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  who: Session = at.admin,
): Promise<{
  status: number; // biome-ignore lint/suspicious/noExplicitAny: a JSON answer the tests read field by field
  body: any;
}> {
  const res = await at.app.inject({
    method,
    url,
    headers: authHeaders(who),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

/** Waits (up to `ms`) until `check` answers true. */
export async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The state of hand-off `id` at `at`. */
export async function stateOf(at: City, id: string): Promise<string | undefined> {
  const { body } = await call(at, 'GET', `/api/handoffs/${id}`);
  return body?.state;
}
