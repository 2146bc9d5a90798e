/** `npm run schema-types`: rewrites src/generated/tables.ts from the migrations. */
import { writeFileSync } from 'node:fs';
import { currentTablesSource, TABLES_FILE } from '../schema-types.js';

writeFileSync(TABLES_FILE, await currentTablesSource());
console.log(`wrote ${TABLES_FILE}`);
