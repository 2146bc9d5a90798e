/**
 * The console's types for supplies' operations, generated from the API's own /openapi.json (the
 * paths tagged `supplies`) by openapi-typescript into web/openapi.ts, as apps/api/src/openapi-types.ts
 * does for the registered modules: the screens cannot drift from the routes. Stale: run
 * `UPDATE_SUPPLIES_TYPES=1 npx vitest run modules/supplies/http/openapi.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildApp } from '@renxing/api';
import openapiTS, { astToString } from 'openapi-typescript';
import { expect, it, vi } from 'vitest';

vi.mock('../../../apps/api/src/modules.js', async (original) => {
  const { MODULES } = await original<typeof import('../../../apps/api/src/modules.js')>();
  const { suppliesModule } = await import('../module.js');
  const { withSupplies } = await import('./test-support.js');
  return { MODULES: withSupplies(MODULES, suppliesModule) };
});

const FILE = new URL('../web/openapi.ts', import.meta.url);

const HEADER = `// biome-ignore-all format: generated
// biome-ignore-all lint: generated
/**
 * Generated from the API's /openapi.json (the paths tagged supplies) by openapi-typescript
 * (modules/supplies/http/openapi.test.ts). Do not edit: run
 * \`UPDATE_SUPPLIES_TYPES=1 npx vitest run modules/supplies/http/openapi.test.ts\` after changing a route's schema.
 */
`;

async function source(): Promise<string> {
  const app = await buildApp({ db: {} as never, secret: 'openapi-types-only-openapi-types-only' });
  try {
    await app.ready();
    const doc = app.swagger() as unknown as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    const paths = Object.fromEntries(
      Object.entries(doc.paths).filter(([, ops]) =>
        Object.values(ops).some((o) => o.tags?.includes('supplies')),
      ),
    );
    // Only the models those paths refer to.
    const used = new Set(
      [...JSON.stringify(paths).matchAll(/#\/components\/schemas\/([\w-]+)/g)].map((m) => m[1]),
    );
    const schemas = Object.fromEntries(
      Object.entries(doc.components.schemas).filter(([name]) => used.has(name)),
    );
    const ast = await openapiTS({ ...doc, paths, components: { ...doc.components, schemas } } as never, {
      alphabetize: true,
    });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
  }
}

it("supplies' console types match what its routes declare", async () => {
  const fresh = await source();
  if (process.env.UPDATE_SUPPLIES_TYPES) writeFileSync(FILE, fresh);
  const committed = readFileSync(FILE, 'utf8');
  expect(committed === fresh, 'modules/supplies/web/openapi.ts is stale: see the header of this test').toBe(
    true,
  );
  for (const op of [
    'listSupplyItems',
    'receiveStock',
    'issueStock',
    'transferStock',
    'adjustStock',
    'getSupplyGaps',
  ])
    expect(fresh).toContain(`${op}: {`);
});
