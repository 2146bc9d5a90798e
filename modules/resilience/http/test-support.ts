/**
 * For self-assessments' tests: a small city (渝中区 解放碑街道 with two communities, 江北区 观音桥街道
 * with one), staff users at each level, answers to a bank, and a test API serving the
 * self-assessment routes alone with sign-in (the same kernel plugins as apps/api/src/app.ts, routes under /api).
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
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import { createNotifier } from '@renxing/notify';
import Fastify, { type FastifyInstance } from 'fastify';
import { ACCESS } from '../access.js';
import type { Answer, QuestionBank } from '../rules/banks.js';
import type { ResilienceActor } from '../service/actor.js';
import assessmentRoutes from './assessments.js';

export const PASSWORD = 'correct horse battery';
export const JD1 = 'cq.yz.jd01';
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 10:00 in the city on 2026-12-06. */
export const NOW = new Date('2026-12-06T10:00:00+08:00');

export type StaffName = 'admin' | 'yz1' | 'street1' | 'street1b' | 'worker1' | 'worker2' | 'jb1';

/** Users by name: admin (cq), yz1 (district cq.yz), street1 and street1b (jd01), worker1 (sq01), worker2 (sq02), jb1 (district cq.jb). */
export async function assessmentCity(db: Db): Promise<Record<StaffName, string>> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道', nameEn: 'Jiefangbei' },
    { parentPath: JD1, level: 'community', code: 'sq01', name: '较场口社区', nameEn: 'Jiaochangkou' },
    { parentPath: JD1, level: 'community', code: 'sq02', name: '民族路社区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '建新社区' },
  ]);
  await insertPlaces(db, [{ parentPath: SQ1, level: 'grid', code: 'wg01', name: '网格一' }]);
  const user = async (username: string, role: UserRole, placePath: string) =>
    (await createUser(db, { username, password: PASSWORD, role, placePath, displayName: `${username} name` }))
      .id;
  return {
    admin: await user('admin', 'city_admin', 'cq'),
    yz1: await user('yz1', 'district_officer', 'cq.yz'),
    street1: await user('street1', 'street_officer', JD1),
    street1b: await user('street1b', 'street_officer', JD1),
    worker1: await user('worker1', 'community_worker', SQ1),
    worker2: await user('worker2', 'community_worker', SQ2),
    jb1: await user('jb1', 'district_officer', 'cq.jb'),
  };
}

export const actor = (userId: string | null, scope: string | null, now = NOW): ResilienceActor => ({
  userId,
  scope,
  now,
});

/** Every question of the bank answered: `scoreOf(i)` for the i-th question (default the maximum), with evidence. */
export function answersTo(
  bank: QuestionBank,
  scoreOf: (i: number) => number = () => bank.scale.max,
): Answer[] {
  return bank.sections
    .flatMap((s) => s.questions)
    .map((q, i) => ({ question: q.id, score: scoreOf(i), evidence: `记录 ${q.id}` }));
}

export async function resilienceApp(db: Db, o: { now: () => number }): Promise<FastifyInstance> {
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
    openapi: { openapi: '3.0.3', info: { title: 'Renxing resilience', version: '0.1.0' } },
    refResolver: { buildLocalReference: (json, _b, _f, i) => String(json.$id ?? `def-${i}`) },
  });
  const ctx: AppContext = {
    db,
    now: o.now,
    preset: 'default',
    grid: { originLon: 106.55, originLat: 29.56, size: 50 },
    dataDir: 'data',
    citySecret: () => Buffer.from('resilience-assessments-secret-0001'),
    audit: { sealSeconds: 0 },
    keys: {},
    session: { secret: 'resilience-test-secret-resilience-test-secret', secureCookies: false },
    limits: { login: 10_000, verify: 10_000 },
    imports: importGate(2),
    queues: {} as AppContext['queues'],
    sensors: { mqttUrl: null, city: 'cq', offlineTickSeconds: 0 },
    notifier: createNotifier({ db, smtpUrl: null }),
  };
  await app.register(
    async (api) => {
      installAuth(api, ctx, { ...accessModule.access, ...ACCESS });
      await accessModule.routes!(api, ctx);
      await assessmentRoutes(api, ctx);
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
