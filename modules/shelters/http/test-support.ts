/**
 * A test API serving the shelters module alone (with sign-in), until apps/api registers it: the
 * same kernel plugins as apps/api/src/app.ts — error catalogue, input rules, shared schemas,
 * cookies, the OpenAPI document, the session hook enforcing the access tables — and its routes
 * under /api.
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
import { createNotifier } from '@renxing/notify';
import Fastify, { type FastifyInstance } from 'fastify';
import { sheltersModule } from '../module.js';

export const PASSWORD = 'correct horse battery';
const SECRET = 'shelters-test-secret-shelters-test-secret';

export async function sheltersApp(
  db: Db,
  o: { now: () => number; citySecret?: Buffer },
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
    openapi: { openapi: '3.0.3', info: { title: 'Renxing shelters', version: '0.1.0' } },
    refResolver: { buildLocalReference: (json, _b, _f, i) => String(json.$id ?? `def-${i}`) },
  });
  const ctx: AppContext = {
    db,
    now: o.now,
    preset: 'default',
    grid: { originLon: 106.55, originLat: 29.56, size: 50 },
    dataDir: 'data',
    citySecret: () => o.citySecret ?? Buffer.from('shelters-city-secret-shelters-city-secret'),
    audit: { sealSeconds: 0 },
    keys: {},
    session: { secret: SECRET, secureCookies: false },
    limits: { login: 10_000, verify: 10_000 },
    imports: importGate(2),
    queues: {} as AppContext['queues'],
    sensors: { mqttUrl: null, city: 'cq', offlineTickSeconds: 0 },
    notifier: createNotifier({ db, smtpUrl: null }),
  };
  await app.register(
    async (api) => {
      installAuth(api, ctx, { ...accessModule.access, ...sheltersModule.access });
      await accessModule.routes!(api, ctx);
      await sheltersModule.routes!(api, ctx);
    },
    { prefix: '/api' },
  );
  return app;
}

/** A user who signs in with PASSWORD. */
export async function addUser(db: Db, username: string, role: UserRole, placePath: string | null) {
  return createUser(db, { username, password: PASSWORD, role, placePath });
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
