import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentTablesSource, TABLES_FILE } from './schema-types.js';

describe("the stores' table types", () => {
  it('match the migrated schema (else run `npm run schema-types`)', async () => {
    const fresh = await currentTablesSource();
    expect(
      readFileSync(TABLES_FILE, 'utf8') === fresh,
      'src/generated/tables.ts is stale: run `npm run schema-types`',
    ).toBe(true);
    // Every module's tables are there, with their columns' types and nullability.
    expect(fresh).toMatch(/ {2}tasks: \{[^}]*\n {4}state: string;/);
    expect(fresh).toMatch(/ {2}places: \{[^}]*\n {4}parent_id: string \| null;/);
    expect(fresh).toMatch(/ {2}audit_log: \{[^}]*\n {4}seq: number;/);
  });
});
