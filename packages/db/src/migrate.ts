/**
 * Plain SQL migrations: each module keeps its own in `modules/<area>/store/migrations/NNNN_name.sql`;
 * the runner gathers every module's folder into one sequence of versions (unique across modules),
 * applies them in order, each in its own transaction, recorded in `schema_migrations`. An applied
 * file whose text changed is refused, not re-run.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.js';

export interface Migration {
  version: number;
  /** `0001_places.sql` */
  file: string;
  /** `places` */
  name: string;
  sql: string;
  /** sha256 hex of the file's text with line endings normalised to `\n`. */
  checksum: string;
}

export interface MigrateOptions {
  /** The migrations folder(s); default: every module's `store/migrations/` (see `migrationDirs`). */
  dir?: string | URL | readonly (string | URL)[];
  /** Already loaded migrations (instead of `dir`). */
  migrations?: readonly Migration[];
  /** Progress lines, e.g. `console.log`. */
  log?: (line: string) => void;
}

export interface MigrateResult {
  /** The migrations applied by this run, in order (empty when the schema was up to date). */
  applied: Migration[];
  /** How many were already applied before this run. */
  alreadyApplied: number;
}

/** A migration cannot be applied: a changed, missing, misnamed or out-of-order file, or its SQL failed. */
export class MigrationError extends Error {
  readonly file: string | undefined;
  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
    this.file = file;
  }
}

/** The modules' root, the same from `src/` and `dist/`. */
export const modulesDir: URL = new URL('../../../modules/', import.meta.url);

/** `modules/<area>/store/migrations/` of every module that has one, sorted by area. */
export async function migrationDirs(root: string | URL = modulesDir): Promise<string[]> {
  const base = typeof root === 'string' ? root : fileURLToPath(root);
  const dirs: string[] = [];
  for (const area of (await readdir(base)).sort()) {
    const dir = join(base, area, 'store', 'migrations');
    if (
      await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      dirs.push(dir);
  }
  return dirs;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** Reads and checks the migration files of the folders (default: every module's), sorted by version. */
export async function loadMigrations(dir?: string | URL | readonly (string | URL)[]): Promise<Migration[]> {
  const dirs =
    dir === undefined ? await migrationDirs() : typeof dir === 'string' || dir instanceof URL ? [dir] : dir;
  const files: { file: string; path: string }[] = [];
  for (const d of dirs) {
    const path = typeof d === 'string' ? d : fileURLToPath(d);
    for (const file of await readdir(path)) if (file.endsWith('.sql')) files.push({ file, path });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const migrations: Migration[] = [];
  for (const { file, path } of files) {
    const match = FILE_NAME.exec(file);
    if (!match) {
      throw new MigrationError(
        `migration file ${file} is misnamed: expected NNNN_lower_snake_name.sql`,
        file,
      );
    }
    const version = Number(match[1]);
    const previous = migrations[migrations.length - 1];
    if (previous?.version === version) {
      throw new MigrationError(`migrations ${previous.file} and ${file} share version ${match[1]}`, file);
    }
    const sql = await readFile(`${path}/${file}`, 'utf8');
    migrations.push({ version, file, name: match[2], sql, checksum: checksumOf(sql) });
  }
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('renxing.migrate.' || current_schema()))`;

/**
 * Applies the migrations not yet recorded, in order, each in its own transaction (so a failing one
 * leaves nothing behind) and under an advisory lock (so two processes never apply one twice).
 * Throws a `MigrationError` naming the file: the caller must exit non-zero.
 */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = options.migrations ?? (await loadMigrations(options.dir));
  const log = options.log ?? (() => {});

  await db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });

  const applied = await appliedRows(db);
  const pending = checkPlan(migrations, applied);

  const done: Migration[] = [];
  for (const m of pending) {
    const started = performance.now();
    const ran = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      // Another process may have applied it while this one waited for the lock.
      const again = await tx.query<AppliedRow>('SELECT checksum FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (again.rows.length > 0) {
        if (again.rows[0].checksum !== m.checksum) throw changed(m);
        return false;
      }
      try {
        await tx.exec(m.sql);
      } catch (error) {
        throw failed(m, error);
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      return true;
    });
    if (ran) {
      done.push(m);
      log(`applied ${m.file} (${Math.round(performance.now() - started)} ms)`);
    }
  }
  return { applied: done, alreadyApplied: applied.length };
}

/** The migrations recorded as applied (empty before the first run). */
export async function appliedRows(db: Db): Promise<AppliedRow[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (exists.rows[0].t === null) return [];
  const { rows } = await db.query<AppliedRow>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return rows;
}

/** Checks the recorded history against the files; returns the files still to apply. */
function checkPlan(migrations: readonly Migration[], applied: readonly AppliedRow[]): Migration[] {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const m = byVersion.get(row.version);
    const file = `${String(row.version).padStart(4, '0')}_${row.name}.sql`;
    if (!m) {
      throw new MigrationError(
        `migration ${file} is recorded as applied but its file is missing: is this an older build of Renxing?`,
        file,
      );
    }
    if (m.checksum !== row.checksum) throw changed(m);
  }
  const last = applied.length > 0 ? applied[applied.length - 1].version : 0;
  const done = new Set(applied.map((r) => r.version));
  const pending = migrations.filter((m) => !done.has(m.version));
  const early = pending.find((m) => m.version < last);
  if (early) {
    throw new MigrationError(
      `migration ${early.file} is older than the last applied one (${String(last).padStart(4, '0')}); ` +
        'renumber it after the last applied migration',
      early.file,
    );
  }
  return pending;
}

function changed(m: Migration): MigrationError {
  return new MigrationError(
    `migration ${m.file} was changed after it was applied (checksum differs): ` +
      'never edit an applied migration, add a new one',
    m.file,
  );
}

function failed(m: Migration, error: unknown): MigrationError {
  const e = error as { message?: string; position?: string | number };
  const at = e.position !== undefined ? `, line ${lineOf(m.sql, Number(e.position))}` : '';
  return new MigrationError(`migration ${m.file} failed${at}: ${e.message ?? String(error)}`, m.file, {
    cause: error,
  });
}

/** The 1-based line of a 1-based character position, as PostgreSQL reports positions. */
function lineOf(sql: string, position: number): number {
  return sql.slice(0, Math.max(0, position - 1)).split('\n').length;
}
