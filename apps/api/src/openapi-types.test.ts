import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from './openapi-types.js';

describe("the console's generated API types", () => {
  it('match what the routes declare (else run `npm run api-types -w @renxing/api`)', async () => {
    const fresh = await apiTypesSource();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(
      committed === fresh,
      'packages/ui/src/generated/openapi.ts is stale: run `npm run api-types -w @renxing/api`',
    ).toBe(true);
    // The generated file names every operation the API serves.
    for (const op of ['listTasks', 'getHealthCode', 'createCase', 'listAudit'])
      expect(fresh).toContain(`${op}: {`);
  });
});
