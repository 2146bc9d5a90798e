/** The database kernel: the PGlite | PostgreSQL seam, the one migration runner, the city secret and phone pseudonyms. */
export {
  createPGlite,
  type Db,
  type DbKind,
  defaultDataDir,
  type Env,
  fromPGlite,
  fromPool,
  type OpenOptions,
  openDatabase,
  pgTypes,
  type QueryResult,
  renxingDataDir,
  resolveTarget,
  sqlState,
  type Target,
  TransactionAbortedError,
} from './database.js';
export type { Tables } from './generated/tables.js';
export {
  appliedRows,
  checksumOf,
  loadMigrations,
  type MigrateOptions,
  type MigrateResult,
  type Migration,
  MigrationError,
  migrate,
  migrationDirs,
  modulesDir,
} from './migrate.js';
export {
  CITY_SECRET_FILE,
  citySecret,
  normalisePhone,
  phonePseudonym,
  pseudonymOf,
  secretOf,
} from './pseudonym.js';
export { cityLevel, subtree, UUID } from './sql.js';
