/**
 * The composition root: external plugins, then app plugins, then routes. Everything under /api
 * sits behind one session hook (plugins/auth.ts); /openapi.json and /docs are public.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type AccessTable, RenxingError } from '@renxing/contracts';
import { citySecret, type Db } from '@renxing/db';
import type { GridParams } from '@renxing/engine';
import {
  type AppContext,
  importGate,
  installErrorHandling,
  installInputRules,
  sharedSchemas,
} from '@renxing/http';
import { installAuth } from '@renxing/modules/access';
import { DetectionQueue } from '@renxing/modules/cases';
import { PingsPublisher } from '@renxing/modules/trajectories';
import { createNotifier, PlatformNotifier } from '@renxing/notify';
import {
  publishPingBatch,
  queryStreamed,
  type Role,
  type StreamClient,
  streamMetrics,
  waitCaughtUp,
} from '@renxing/stream';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type Config, readConfig } from './config.js';
import { installMetrics } from './metrics.js';
import { MODULES } from './modules.js';
import webPlugin from './plugins/web.js';

export interface AppOptions {
  db: Db;
  /** Server secret: keys the CSRF tokens. At least 32 characters. */
  secret: string;
  /** The configuration; default read from the environment (config.ts). */
  config?: Config;
  logger?: FastifyServerOptions['logger'];
  /** Close the database when the app closes (the server owns it; tests do not). */
  closeDb?: boolean;
  /** The key of phone pseudonyms; default RENXING_CITY_SECRET or `<data dir>/city-secret`. */
  citySecret?: Buffer;
  /** The clock, epoch seconds (tests set it). */
  now?: () => number;
  // Overrides of single settings of `config` (tests use them).
  secureCookies?: boolean;
  sessionSeconds?: number;
  loginLimit?: number;
  verifyLimit?: number;
  preset?: string;
  grid?: GridParams;
  /** The city key (PEM) instead of the configuration's (tests run two cities in one process). */
  keys?: AppContext['keys'];
  /** RENXING_FEDERATION_ID (tests run a department's instance). */
  federationId?: string;
  /** RENXING_FEDERATION_RETRY_MAX (tests shorten the outbox's back-off). */
  federationRetryMax?: number;
  /** RENXING_METRICS_TOKEN (null: /metrics from this machine only). */
  metricsToken?: string | null;
  /**
   * Live sensors (MQTT broker, city, offline ticks). Default: the configuration's when `config` is
   * given (the server); otherwise none — an app built without a configuration (tests, tools)
   * neither connects to a broker nor runs the offline ticker.
   */
  sensors?: AppContext['sensors'];
  /**
   * The outbound channel. Default: the configuration's SMTP (when `config` is given) and in-app;
   * an app built without a configuration notifies in-app only.
   */
  notifier?: AppContext['notifier'];
  /**
   * Streaming at city scale: the open stream (server.ts opens it when RENXING_NATS_URL is set).
   * The pings import publishes to it, detection queries its index shards, `/metrics` includes
   * its registry. `roles` (run in this process) are stopped and, with `close`, the client closed
   * when the app closes — after the detection queue has finished its run.
   */
  stream?: { client: StreamClient; roles?: readonly Role[]; close?: boolean };
}

/** How long detection waits for the stream's index to cover what was published before it asks. */
const CATCH_UP_MS = 120_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** Background detection runs (tests wait on `detection.idle()`). */
    detection: DetectionQueue;
  }
}

/**
 * The console's and the API docs' Content-Security-Policy: scripts, styles, data and workers from
 * this origin only (maplibre's workers start from blob: URLs, QR images are data: URLs; styles
 * allow inline attributes, which the map and the charts set), no plugins, never framed.
 */
const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Every module's access table in one; an operation declared twice stops the start. */
function mergedAccess(): AccessTable {
  const merged: Record<string, AccessTable[string]> = {};
  for (const module of MODULES) {
    for (const [operation, who] of Object.entries(module.access)) {
      if (operation in merged) throw new Error(`operation ${operation} is declared by two modules`);
      merged[operation] = who;
    }
  }
  return merged;
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
  installInputRules(app);
  for (const schema of sharedSchemas) app.addSchema(schema);
  await app.register(helmet, {
    contentSecurityPolicy: { directives: CONSOLE_CSP },
    xFrameOptions: { action: 'deny' },
  });
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

  const config = options.config ?? readConfig(process.env);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const grid: GridParams = options.grid ?? config.grid;
  let secret = options.citySecret;
  const citySecretOf = () => {
    secret ??= citySecret({
      env: { RENXING_CITY_SECRET: config.citySecret },
      dataDir: config.dataDir,
    });
    return secret;
  };
  const stream = options.stream;
  const client = stream?.client;
  const detection = new DetectionQueue(options.db, {
    now,
    params: { originLon: grid.originLon, originLat: grid.originLat, size: grid.size },
    onRun: (caseId, { error }) => {
      if (error) app.log.error({ caseId, err: error }, 'detection failed');
    },
    log: (line) => app.log.warn(line),
    stream: client && {
      params: client.cfg.params,
      caughtUp: () => waitCaughtUp(client, { timeoutMs: CATCH_UP_MS }),
      query: (cases, params) => queryStreamed(client, cases, params),
    },
  });
  app.decorate('detection', detection);
  const pingsStream =
    client &&
    new PingsPublisher(
      options.db,
      { publish: (batch, msgIdPrefix) => publishPingBatch(client, batch, msgIdPrefix) },
      { log: (line, err) => (err ? app.log.error({ err }, line) : app.log.info(line)) },
    );
  // The queues finish their current work before the stream and the database close.
  app.addHook('onClose', async () => {
    await detection.close();
    await pingsStream?.close();
    for (const role of stream?.roles ?? [])
      await role.stop().catch((err) => app.log.error({ err }, 'stream role stop'));
    if (stream?.close) await stream.client.close();
    if (options.closeDb) await options.db.close();
  });
  installMetrics(app, {
    token:
      options.metricsToken !== undefined ? options.metricsToken : options.config ? config.metricsToken : null,
    registries: () => (client ? [streamMetrics()] : []),
  });

  const mail = options.config ? config.mail : { smtpUrl: null, from: config.mail.from };
  const notifier =
    options.notifier ??
    createNotifier({
      db: options.db,
      smtpUrl: mail.smtpUrl,
      from: mail.from,
      now: () => new Date(now() * 1000),
      log: (err, what) => app.log.error({ err }, what),
    });
  if (notifier instanceof PlatformNotifier) app.addHook('onClose', async () => notifier.close());

  const ctx: AppContext = {
    db: options.db,
    now,
    preset: options.preset ?? config.preset,
    grid,
    dataDir: config.dataDir,
    citySecret: citySecretOf,
    audit: { key: config.auditKey, sealDir: config.auditSeals, sealSeconds: config.auditSealSeconds },
    keys: options.keys ?? { signingKey: config.signingKey, previousSigningKeys: config.previousSigningKeys },
    session: {
      secret: options.secret,
      secureCookies: options.secureCookies ?? config.secureCookies,
      seconds: options.sessionSeconds,
    },
    limits: {
      login: options.loginLimit ?? config.loginLimit,
      verify: options.verifyLimit ?? config.verifyLimit,
    },
    imports: importGate(config.imports),
    queues: { detection, ...(pingsStream ? { pingsStream } : {}) },
    // The stream's client for the modules that read it (the stream's status), when streaming is on.
    ...(client ? { stream: client } : {}),
    sensors:
      options.sensors ??
      (options.config ? config.sensors : { mqttUrl: null, city: config.sensors.city, offlineTickSeconds: 0 }),
    notifier,
    earlyWarningSeconds: options.config ? config.earlyWarningSeconds : 0,
    federationRetryMax: options.federationRetryMax ?? config.federationRetryMax,
    federationId: options.federationId ?? config.federationId,
    aidMatching: options.config ? config.aidMatching : undefined,
  };

  // The /api tree: one session hook enforcing the modules' access tables, then each module.
  const access = mergedAccess();
  await app.register(
    async (api) => {
      installAuth(api, ctx, access);
      for (const module of MODULES) {
        const routes = module.routes;
        if (routes) await api.register(async (scope) => routes(scope, ctx));
      }
    },
    { prefix: '/api' },
  );
  for (const module of MODULES) {
    const routes = module.rootRoutes;
    if (routes) await app.register(async (scope) => routes(scope, ctx)); // e.g. /.well-known/jwks.json
  }
  await app.register(webPlugin); // the console at /, after the /api tree
  return app;
}
