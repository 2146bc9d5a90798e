/**
 * Participation's test city and a test API serving the module alone (with sign-in): the same
 * kernel plugins as apps/api/src/app.ts, the access module's login, participation's routes.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { Db } from '@renxing/db';
import {
  type AppContext,
  importGate,
  installErrorHandling,
  installInputRules,
  sharedSchemas,
} from '@renxing/http';
import { accessModule, hashPassword, insertUser, installAuth, type UserRole } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import { createNotifier, type Notifier } from '@renxing/notify';
import Fastify, { type FastifyInstance } from 'fastify';
import { participationModule } from './module.js';
import type { ParticipationActor } from './service/actor.js';

export const PASSWORD = 'correct horse battery';
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 2026-12-06 12:00 in the city (+08:00). */
export const NOW = new Date('2026-12-06T04:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const at = (msFromNow: number) => new Date(NOW.getTime() + msFromNow);

export interface City {
  /** Residents' person ids by name (甲 乙 丙 of sq01, 丁 of sq02, 戊 of sq09, 居民01…居民20 of sq01). */
  person: Record<string, string>;
  /** User ids by username (residents: `res_a` … `res_e`). */
  user: Record<string, string>;
}

/** Residents with a user each (`res_a` is 甲 …): name, home, username. */
const RESIDENTS: [string, string, string][] = [
  ['甲', SQ1, 'res_a'],
  ['乙', SQ1, 'res_b'],
  ['丙', SQ1, 'res_c'],
  ['丁', SQ2, 'res_d'],
  ['戊', SQ9, 'res_e'],
];

/** A resident's username by name. */
export const RESIDENT_USER: Record<string, string> = Object.fromEntries(RESIDENTS.map(([n, , u]) => [n, u]));

let passwordHash: Promise<string> | undefined;

export async function seedCity(db: Db): Promise<City> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
    { parentPath: 'cq.yz.jd01.sq01', level: 'grid', code: 'wg1', name: '网格一' },
  ]);
  const person: Record<string, string> = {};
  const user: Record<string, string> = {};
  const addPerson = async (name: string, home: string) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO people (name, import_key, home_place_id) SELECT $1, $1, id FROM places WHERE path = $2 RETURNING id`,
      [name, home],
    );
    person[name] = rows[0]!.id;
  };
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  for (const [name, home, username] of RESIDENTS) {
    await addPerson(name, home);
    user[username] = (
      await insertUser(db, { username, passwordHash: hash, role: 'resident', personId: person[name] })
    ).id;
  }
  for (let i = 1; i <= 20; i++) await addPerson(`居民${String(i).padStart(2, '0')}`, `${SQ1}.wg1`);
  const staff: [string, UserRole, string][] = [
    ['admin', 'city_admin', 'cq'],
    ['worker1', 'community_worker', SQ1],
    ['worker9', 'community_worker', SQ9],
    ['street1', 'street_officer', 'cq.yz.jd01'],
    ['health_yz', 'health_officer', 'cq.yz'],
    ['health_jb', 'health_officer', 'cq.jb'],
    ['health_city', 'health_officer', 'cq'],
    ['health_street', 'health_officer', 'cq.yz.jd01'],
    ['volunteer1', 'volunteer', SQ1],
  ];
  for (const [username, role, placePath] of staff)
    user[username] = (await insertUser(db, { username, passwordHash: hash, role, placePath })).id;
  return { person, user };
}

/** A resident as the services see them. */
export const residentActor = (c: City, name: string, now = NOW): ParticipationActor => ({
  userId: c.user[RESIDENT_USER[name]!]!,
  role: 'resident',
  personId: c.person[name]!,
  scope: null,
  now,
});

/** Staff as the services see them. */
export const staffActor = (c: City, username: string, scope: string, now = NOW): ParticipationActor => ({
  userId: c.user[username]!,
  role: 'community_worker',
  personId: null,
  scope,
  now,
});

export const systemActor = (now = NOW): ParticipationActor => ({
  userId: null,
  role: 'system',
  personId: null,
  scope: null,
  now,
});

/** A test API serving participation (with sign-in) on `db`, notifying through `notifier` (default in-app only). */
export async function participationApp(
  db: Db,
  o: { now: () => number; notifier?: Notifier; earlyWarningSeconds?: number },
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  installErrorHandling(app);
  installInputRules(app);
  for (const schema of sharedSchemas) app.addSchema(schema);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: { openapi: '3.0.3', info: { title: 'Renxing participation', version: '0.1.0' } },
    refResolver: { buildLocalReference: (json, _b, _f, i) => String(json.$id ?? `def-${i}`) },
  });
  const ctx: AppContext = {
    db,
    now: o.now,
    preset: 'default',
    grid: { originLon: 106.55, originLat: 29.56, size: 50 },
    dataDir: 'data',
    citySecret: () => Buffer.from('participation-city-secret-participation'),
    audit: { sealSeconds: 0 },
    keys: {},
    session: { secret: 'participation-test-secret-participation-01', secureCookies: false },
    limits: { login: 10_000, verify: 10_000 },
    imports: importGate(2),
    queues: {} as AppContext['queues'],
    sensors: { mqttUrl: null, city: 'cq', offlineTickSeconds: 0 },
    notifier: o.notifier ?? createNotifier({ db, smtpUrl: null, now: () => new Date(o.now() * 1000) }),
    earlyWarningSeconds: o.earlyWarningSeconds ?? 0,
  };
  await app.register(
    async (api) => {
      installAuth(api, ctx, { ...accessModule.access, ...participationModule.access });
      await accessModule.routes!(api, ctx);
      await participationModule.routes!(api, ctx);
    },
    { prefix: '/api' },
  );
  return app;
}

/** The cookie and CSRF headers of `username`'s session. */
export async function signIn(app: FastifyInstance, username: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/login',
    payload: { username, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'rx_session')!;
  return { cookie: `rx_session=${c.value}`, 'x-csrf-token': res.json().csrfToken };
}

/** The smallest PNG (1×1, transparent). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
