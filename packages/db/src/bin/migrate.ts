/**
 * `npm run migrate -w packages/db`: applies pending migrations to the database that
 * `openDatabase` picks (DATABASE_URL, else PGlite in $RENXING_DATA_DIR/pg or ./data/pg).
 * Exits 1 when a migration is refused or fails.
 */
import { openDatabase } from '../database.js';
import { migrate } from '../migrate.js';

const db = await openDatabase({}, process.env);
try {
  const { applied, alreadyApplied } = await migrate(db, { log: (line) => console.log(line) });
  console.log(`${db.kind}: ${applied.length} applied, ${alreadyApplied} already applied`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
