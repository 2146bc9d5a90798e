/**
 * The composition root: external plugins, then app plugins, then routes. Everything under /api
 * sits behind one session hook (plugins/auth.ts); /openapi.json and /docs are public.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { RenxingError } from '@renxing/contracts';
import { citySecret, type Db, renxingDataDir } from '@renxing/db';
import { DEFAULT_PARAMS as DEFAULT_COMPANION_PARAMS, type GridParams } from '@renxing/engine';
import { installErrorHandling, sharedSchemas } from '@renxing/http';
import { type AuthOptions, authRoutes, installAuth, userRoutes } from '@renxing/modules/access';
import { auditRoutes } from '@renxing/modules/audit';
import { caseRoutes, DetectionQueue } from '@renxing/modules/cases';
import { statsRoutes } from '@renxing/modules/dashboard';
import { taskRoutes } from '@renxing/modules/follow-up';
import { healthCodeContext, healthCodeRoutes, wellKnownRoutes } from '@renxing/modules/health-codes';
import { peopleRoutes } from '@renxing/modules/people';
import { placeRoutes } from '@renxing/modules/places';
import { pingRoutes } from '@renxing/modules/trajectories';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import webPlugin from './plugins/web.js';

export interface AppOptions {
  db: Db;
  /** Server secret: keys the CSRF tokens. At least 32 characters. */
  secret: string;
  secureCookies?: boolean;
  sessionSeconds?: number;
  /** Login attempts per IP and username per minute (default 5). */
  loginLimit?: number;
  /** Public health-code verifications (verifyHealthCode) per IP per minute (default 600). */
  verifyLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** Close the database when the app closes (the server owns it; tests do not). */
  closeDb?: boolean;
  /** The key of phone pseudonyms; default RENXING_CITY_SECRET or `<RENXING_DATA_DIR>/city-secret`. */
  citySecret?: Buffer;
  /** The city's rule preset (companions and health codes): `default` or `chengdu-2021`. */
  preset?: string;
  /** The city profile's grid (origin, cell size); default the contract's. */
  grid?: GridParams;
  /** The clock, epoch seconds (tests set it). */
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Background detection runs (tests wait on `detection.idle()`). */
    detection: DetectionQueue;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  if (options.secret.length < 32) throw new RangeError('buildApp: the secret needs at least 32 characters');
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });

  // External plugins.
  installErrorHandling(app);
  for (const schema of sharedSchemas) app.addSchema(schema);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after body parsing, so login can be keyed by username
    errorResponseBuilder: (_request, context) =>
      new RenxingError('RX_RATE_LIMITED', { retry: context.after }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Renxing (韧性) API',
        description:
          'Resilient-community platform. Sign in with `login`; send the CSRF token as x-csrf-token.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rx_session' } },
      },
      security: [{ session: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const preset = options.preset ?? process.env.RENXING_PRESET ?? 'default';
  const grid: GridParams = options.grid ?? DEFAULT_COMPANION_PARAMS;
  let secret = options.citySecret;
  const citySecretOf = () => {
    secret ??= citySecret({ env: process.env, dataDir: renxingDataDir() });
    return secret;
  };
  const detection = new DetectionQueue(options.db, {
    now,
    params: { originLon: grid.originLon, originLat: grid.originLat, size: grid.size },
    onRun: (caseId, { error }) => {
      if (error) app.log.error({ caseId, err: error }, 'detection failed');
    },
  });
  app.decorate('detection', detection);
  // The queue finishes its current run before the database closes.
  app.addHook('onClose', async () => {
    await detection.close();
    if (options.closeDb) await options.db.close();
  });

  // One health-code context (keys read once) for the /api routes and /.well-known/jwks.json.
  const healthCodes = healthCodeContext({
    db: options.db,
    preset,
    citySecret: citySecretOf,
    now,
    verifyLimit: options.verifyLimit,
  });

  // The /api tree: one auth hook, then the routes.
  const auth: AuthOptions = {
    db: options.db,
    secret: options.secret,
    secureCookies: options.secureCookies,
    sessionSeconds: options.sessionSeconds,
  };
  await app.register(
    async (api) => {
      installAuth(api, auth);
      await api.register(authRoutes, { ...auth, loginLimit: options.loginLimit });
      await api.register(placeRoutes, { db: options.db });
      await api.register(peopleRoutes, { db: options.db, citySecret: citySecretOf });
      await api.register(userRoutes, { db: options.db });
      await api.register(auditRoutes, { db: options.db });
      await api.register(pingRoutes, { db: options.db, citySecret: citySecretOf, now });
      await api.register(caseRoutes, { db: options.db, citySecret: citySecretOf, preset, now, detection });
      await api.register(taskRoutes, { db: options.db, now });
      await api.register(statsRoutes, { db: options.db, now, grid });
      await api.register(healthCodeRoutes, { ctx: healthCodes });
    },
    { prefix: '/api' },
  );
  await app.register(wellKnownRoutes, { ctx: healthCodes }); // /.well-known/jwks.json at the root
  await app.register(webPlugin); // the console at /, after the /api tree
  return app;
}
