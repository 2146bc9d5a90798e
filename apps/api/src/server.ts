/**
 * `node apps/api/dist/server.js`: the API on http://127.0.0.1:$PORT (3000) over the database
 * `openDatabase()` picks (PGlite in $RENXING_DATA_DIR, or DATABASE_URL), migrated first. A failed
 * migration or start exits non-zero.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { migrate, openDatabase } from '@renxing/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  logger?: boolean;
}

/** Opens and migrates the database, then listens. Rejects (and closes the db) on any failure. */
export async function startServer(options: StartOptions = {}): Promise<FastifyInstance> {
  const env = options.env ?? process.env;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`bad PORT: ${env.PORT}`);
  const db = await openDatabase({}, env);
  try {
    await migrate(db, { log: options.log ?? ((line) => console.log(line)) });
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  const app = await buildApp({
    db,
    // A per-process secret unless one is given: CSRF tokens then change on restart (getSession
    // hands out the new one); sessions themselves survive.
    secret: env.RENXING_SECRET ?? randomBytes(32).toString('hex'),
    closeDb: true,
    secureCookies: env.RENXING_SECURE_COOKIES === '1',
    logger: options.logger === false ? false : { level: env.LOG_LEVEL ?? 'info' },
  });
  try {
    await app.listen({ host: '127.0.0.1', port });
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
  return app;
}

async function main(): Promise<void> {
  const app = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
