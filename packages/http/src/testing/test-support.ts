/**
 * A module's test API, written once (`@renxing/http/testing`, test code only): the kernel plugins
 * of apps/api/src/app.ts (error catalogue, input rules, shared schemas, cookies, the OpenAPI
 * document), an AppContext for tests, one session hook enforcing the served modules' access
 * tables, and each module's routes under /api in a scope of its own — and the sign-in helpers.
 *
 *   const app = await moduleTestApp(db, { now, installAuth, modules: [accessModule, sheltersModule] });
 *   const headers = await signIn(app, 'worker1');
 *
 * A kernel imports no module, so the access module's session hook (`installAuth`) and its login
 * routes (`accessModule`) come in as parameters.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { AccessTable } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { createNotifier } from '@renxing/notify';
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { installErrorHandling } from '../errors.js';
import { importGate } from '../import-gate.js';
import { installInputRules } from '../input-hook.js';
import type { AppContext } from '../module.js';
import { sharedSchemas } from '../schemas.js';

/** The password of the tests' users. */
export const PASSWORD = 'correct horse battery';

/** What the test API serves of a module: its access table and its routes (a RenxingModule will do). */
export interface TestModule {
  readonly access: AccessTable;
  readonly routes?: (api: FastifyInstance, ctx: AppContext) => Promise<void>;
}

export interface ModuleTestAppOptions {
  /** The clock, epoch seconds (the default notifier's too). */
  now: () => number;
  /** The session hook: the access module's `installAuth`. */
  installAuth: (api: FastifyInstance, ctx: AppContext, access: AccessTable) => void;
  /** Served under /api in this order (the access module first, for login); their access tables merged. */
  modules: readonly TestModule[];
  /** Settings of the context other than the tests' defaults (city secret, sensors, notifier …). */
  ctx?: Partial<Omit<AppContext, 'db' | 'now'>>;
}

export async function moduleTestApp(db: Db, o: ModuleTestAppOptions): Promise<FastifyInstance> {
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
    openapi: { openapi: '3.0.3', info: { title: 'Renxing test API', version: '0.1.0' } },
    refResolver: { buildLocalReference: (json, _b, _f, i) => String(json.$id ?? `def-${i}`) },
  });
  const ctx: AppContext = {
    db,
    now: o.now,
    preset: 'default',
    grid: { originLon: 106.55, originLat: 29.56, size: 50 },
    dataDir: 'data',
    citySecret: () => Buffer.from('module-test-city-secret-module-test-0001'),
    audit: { sealSeconds: 0 },
    keys: {},
    session: { secret: 'module-test-secret-module-test-secret-0001', secureCookies: false },
    limits: { login: 10_000, verify: 10_000 },
    imports: importGate(2),
    queues: {} as AppContext['queues'],
    sensors: { mqttUrl: null, city: 'cq', offlineTickSeconds: 0 },
    notifier: createNotifier({ db, smtpUrl: null, now: () => new Date(o.now() * 1000) }),
    ...o.ctx,
  };
  const access: AccessTable = Object.assign({}, ...o.modules.map((m) => m.access));
  await app.register(
    async (api) => {
      o.installAuth(api, ctx, access);
      for (const { routes } of o.modules) if (routes) await api.register(async (scope) => routes(scope, ctx));
    },
    { prefix: '/api' },
  );
  return app;
}

/** The cookie and CSRF headers of `username`'s session (signed in through POST /api/login). */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = PASSWORD,
): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'rx_session')!;
  return { cookie: `rx_session=${c.value}`, 'x-csrf-token': res.json().csrfToken };
}

/** A request as a signed-in caller: in `lang` (default English), with a content type when given. */
export type Caller = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  o?: { type?: string; lang?: string },
) => Promise<LightMyRequestResponse>;

/** Signs `username` in and answers their requests. */
export async function callerAs(app: FastifyInstance, username: string, password = PASSWORD): Promise<Caller> {
  const session = await signIn(app, username, password);
  return (method, url, payload, o = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...session,
        'accept-language': o.lang ?? 'en',
        ...(o.type ? { 'content-type': o.type } : {}),
      },
      ...(payload === undefined ? {} : { payload }),
    } as InjectOptions);
}
