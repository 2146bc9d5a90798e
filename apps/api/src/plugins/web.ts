/**
 * The web console (apps/web, built by Vite into apps/web/dist) served at `/`. Built files are
 * served as they are (hashed assets cached for a year, index.html never); every other GET outside
 * /api, /docs, /openapi.json, /.well-known and /assets that asks for HTML (a browser's navigation:
 * Accept text/html) answers index.html, so the console's own routes (/cases/…, /people/…) survive
 * a reload; a program asking for anything else keeps the API's JSON 404. Without a built console
 * the API still starts and logs how to build it. RENXING_WEB_DIST points at another build.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { RenxingError } from '@renxing/contracts';
import type { FastifyInstance } from 'fastify';

/** Paths that never fall back to the console. */
const NOT_CONSOLE = /^\/(api|docs|openapi\.json|\.well-known|assets)(\/|$|\?)/;

export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RENXING_WEB_DIST) return resolve(env.RENXING_WEB_DIST);
  // src/plugins/web.ts and dist/plugins/web.js both sit three levels under apps/.
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
}

async function webPlugin(app: FastifyInstance): Promise<void> {
  const root = webDistDir();
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`web console not built (no ${root}/index.html): run \`npm run build -w @renxing/web\``);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const html = request.headers.accept?.includes('text/html') ?? false;
    if (!html || NOT_CONSOLE.test(request.url)) throw new RenxingError('RX_NOT_FOUND');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

export default webPlugin;
