/**
 * The composition root: external plugins, then app plugins, then routes. Everything under /api
 * sits behind one session hook (plugins/auth.ts); /openapi.json and /docs are public.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { installErrorHandling } from './errors.js';
import { type AuthOptions, installAuth } from './plugins/auth.js';
import auditRoutes from './routes/audit/index.js';
import authRoutes from './routes/auth/index.js';
import peopleRoutes from './routes/people/index.js';
import placeRoutes from './routes/places/index.js';
import { sharedSchemas } from './routes/schemas.js';

export interface AppOptions {
  db: Db;
  /** Server secret: keys the CSRF tokens. At least 32 characters. */
  secret: string;
  secureCookies?: boolean;
  sessionSeconds?: number;
  /** Login attempts per IP and username per minute (default 5). */
  loginLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** Close the database when the app closes (the server owns it; tests do not). */
  closeDb?: boolean;
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

  if (options.closeDb) app.addHook('onClose', async () => options.db.close());

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
      await api.register(peopleRoutes, { db: options.db });
      await api.register(auditRoutes, { db: options.db });
    },
    { prefix: '/api' },
  );
  return app;
}
