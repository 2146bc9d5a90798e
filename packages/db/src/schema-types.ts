/**
 * The tables as the migrations leave them, as TypeScript: one interface per table, one property
 * per column, typed as this package's drivers return it (int8 as number, timestamptz as Date,
 * jsonb as unknown). Stores type their rows from it (`Pick<Tables['tasks'], 'id' | 'state'>`), so a
 * column renamed or dropped by a migration breaks the build where a store still names it.
 * `npm run schema-types -w @renxing/db` rewrites src/generated/tables.ts; a test fails when stale.
 */
import { fileURLToPath } from 'node:url';
import { type Db, openDatabase } from './database.js';
import { migrate } from './migrate.js';

/** Where the generated types live (committed). */
export const TABLES_FILE = fileURLToPath(new URL('../src/generated/tables.ts', import.meta.url));

const SCALARS: Record<string, string> = {
  uuid: 'string',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  citext: 'string',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'string',
  bool: 'boolean',
  timestamptz: 'Date',
  timestamp: 'string',
  date: 'string',
  interval: 'string',
  json: 'unknown',
  jsonb: 'unknown',
  bytea: 'Uint8Array',
  inet: 'string',
};

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

function tsType(udt: string): string {
  if (udt.startsWith('_')) return `${tsType(udt.slice(1))}[]`;
  return SCALARS[udt] ?? 'unknown';
}

/** The source of tables.ts for the schema of `db` (already migrated). */
export async function tablesSource(db: Db): Promise<string> {
  const { rows } = await db.query<ColumnRow>(
    `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migrations'
      ORDER BY c.table_name COLLATE "C", c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) {
    const type = tsType(r.udt_name) + (r.is_nullable === 'YES' ? ' | null' : '');
    tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), `    ${r.column_name}: ${type};`]);
  }
  const body = [...tables].map(([name, columns]) => `  ${name}: {\n${columns.join('\n')}\n  };`).join('\n');
  return `/**
 * Generated from the migrated schema by packages/db/src/schema-types.ts. Do not edit: run
 * \`npm run schema-types\` after adding a migration.
 */
export interface Tables {
${body}
}
`;
}

/** tables.ts for the migrations in the repository, on a fresh in-memory database. */
export async function currentTablesSource(): Promise<string> {
  const db = await openDatabase({ memory: true }, {});
  try {
    await migrate(db);
    return await tablesSource(db);
  } finally {
    await db.close();
  }
}
