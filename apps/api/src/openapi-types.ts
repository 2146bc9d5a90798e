/**
 * The console's API types, generated from the API's own /openapi.json by openapi-typescript, so
 * the console can never drift from what the routes declare. `npm run api-types` rewrites
 * packages/ui/src/generated/openapi.ts; a test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from './app.js';

/** Where the generated types live (committed). */
export const API_TYPES_FILE = fileURLToPath(
  new URL('../../../packages/ui/src/generated/openapi.ts', import.meta.url),
);

const HEADER = `// biome-ignore-all format: generated
// biome-ignore-all lint: generated
/**
 * Generated from the API's /openapi.json by openapi-typescript (apps/api/src/openapi-types.ts).
 * Do not edit: run \`npm run api-types -w @renxing/api\` after changing a route's schema.
 */
`;

/** The API's OpenAPI document: the app is built (no database is touched) and asked for it. */
export async function openapiDocument(): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: {} as never, secret: 'openapi-types-only-openapi-types-only' });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** The generated TypeScript source for the document. */
export async function apiTypesSource(): Promise<string> {
  const ast = await openapiTS((await openapiDocument()) as never, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(API_TYPES_FILE, await apiTypesSource());
  console.log(`wrote ${API_TYPES_FILE}`);
}
