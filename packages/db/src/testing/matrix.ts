/**
 * The database test matrix: every test body runs on embedded PGlite and on a real PostgreSQL
 * server, as kysely's suite loops over its dialects.
 *
 *   forEachDatabase('places', (t) => {
 *     it('finds a subtree', async () => { await insertPlace(t.db, …); … });
 *   }, { migrate: true });
 *
 * Each test file opens one in-memory PGlite (about 3 s, so it is shared by the file) and creates one
 * uniquely named database on the server (env TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped after the file. Each test gets its own
 * fresh schema on both (search_path), so tests never see each other's rows.
 *
 * No reachable server: with env CI set the postgres tests FAIL; otherwise they are skipped with a
 * loud warning.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { createPGlite, type Db, type DbKind, fromPGlite, fromPool, pgTypes } from '../database.js';
import { migrate } from '../migrate.js';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly kind: DbKind;
  /** The current test's database: a fresh schema, migrated when the options say so. */
  readonly db: Db;
  /**
   * A second database of the same kind for this test (another fresh schema, migrated like the
   * first), e.g. a second city's; closed and dropped with the test's.
   */
  another(): Promise<Db>;
}

export interface MatrixOptions {
  /** Apply this package's migrations to each test's fresh schema first. */
  migrate?: boolean;
}

const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** Whether the PostgreSQL server answers (probed once per test file, at import). */
export const postgresReachable: string | true = await probe(adminUrl);

if (postgresReachable !== true && !inCi) {
  console.warn(
    `\n${'!'.repeat(100)}\n` +
      `!! PostgreSQL at ${redact(adminUrl)} is not reachable (${postgresReachable}):\n` +
      '!! the postgres half of the database test matrix is SKIPPED. With CI set it FAILS instead.\n' +
      '!! Start it: pg_ctlcluster --skip-systemctl-redirect 15 main start (or set TEST_DATABASE_URL)\n' +
      `${'!'.repeat(100)}\n`,
  );
}

interface Engine {
  kind: DbKind;
  /** A Db whose unqualified names live in a new, empty schema. */
  open(schema: string): Promise<Db>;
  /** A database beside the open one (PGlite: an instance of its own, as its search path is per connection). */
  another(schema: string): Promise<Db>;
  drop(schema: string): Promise<void>;
  close(): Promise<void>;
}

const engines = new Map<DbKind, Promise<Engine>>();
let cleanupRegistered = false;

function engine(kind: DbKind): Promise<Engine> {
  let e = engines.get(kind);
  if (!e) {
    e = kind === 'pglite' ? pgliteEngine() : postgresEngine();
    engines.set(kind, e);
  }
  return e;
}

async function closeEngines(): Promise<void> {
  const open = [...engines.values()];
  engines.clear();
  for (const e of await Promise.allSettled(open)) {
    if (e.status === 'fulfilled') await e.value.close();
  }
}

/** Runs `fn`'s tests once per engine: `name [pglite]` and `name [postgres]`. */
export function forEachDatabase(
  name: string,
  fn: (t: TestDatabase) => void,
  options: MatrixOptions = {},
): void {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    afterAll(async () => {
      cleanupRegistered = false;
      await closeEngines();
    });
  }
  for (const kind of ['pglite', 'postgres'] as const) {
    const skip = kind === 'postgres' && postgresReachable !== true && !inCi;
    describe.skipIf(skip)(`${name} [${kind}]`, () => {
      let current: { db: Db; schema: string } | undefined;
      const others: { db: Db; schema: string }[] = [];
      const t: TestDatabase = {
        kind,
        get db() {
          if (!current) throw new Error('t.db is only available inside a test of forEachDatabase');
          return current.db;
        },
        async another() {
          const schema = `t_${randomBytes(6).toString('hex')}`;
          const db = await (await engine(kind)).another(schema);
          others.push({ db, schema });
          if (options.migrate) await migrate(db);
          return db;
        },
      };
      // Checked per test, not in beforeAll, so each test is reported FAILED rather than skipped.
      beforeEach(async () => {
        if (kind === 'postgres' && postgresReachable !== true) {
          throw new Error(
            `PostgreSQL at ${redact(adminUrl)} is not reachable (${postgresReachable}); ` +
              'CI is set, so the postgres tests fail rather than skip. ' +
              'Start it: pg_ctlcluster --skip-systemctl-redirect 15 main start',
          );
        }
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const db = await (await engine(kind)).open(schema);
        current = { db, schema };
        if (options.migrate) await migrate(db);
      });
      afterEach(async () => {
        // Closing an owned PGlite instance drops it; the postgres database is dropped after the file.
        for (const other of others.splice(0)) await other.db.close();
        if (!current) return;
        const { db, schema } = current;
        current = undefined;
        await db.close();
        await (await engine(kind)).drop(schema);
      });
      fn(t);
    });
  }
}

// ---------------------------------------------------------------------------------------------

async function pgliteEngine(): Promise<Engine> {
  const instance = await templatedPGlite();
  return {
    kind: 'pglite',
    async open(schema) {
      // One connection: the search_path set here holds until the next test's.
      await instance.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      return fromPGlite(instance, { owned: false });
    },
    async another() {
      return fromPGlite(await templatedPGlite(), { owned: true });
    },
    async drop(schema) {
      await instance.exec(`DROP SCHEMA ${schema} CASCADE; RESET search_path`);
    },
    close: () => instance.close(),
  };
}

async function postgresEngine(): Promise<Engine> {
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'renxing-test' });
  await admin.connect();
  await dropStaleDatabases(admin);
  const database = `renxing_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const open = async (schema: string): Promise<Db> => {
    const pool = new pg.Pool({
      connectionString: url.toString(),
      // Test data need not survive a crash: skip the fsync wait at each commit.
      options: `-c search_path=${schema} -c synchronous_commit=off`,
      application_name: 'renxing-test',
      types: pgTypes,
      max: 4,
    });
    const db = fromPool(pool, { owned: true });
    await db.exec(`CREATE SCHEMA ${schema}`);
    return db;
  };
  return {
    kind: 'postgres',
    open,
    another: open,
    async drop() {
      // The whole database is dropped after the file.
    },
    async close() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * Most of PGlite's start-up is initdb. The first test file to start dumps a fresh data directory to
 * the tmp dir (one file per PGlite version); later files load it instead (measured here: 2.6–4.2 s
 * → 1.5 s moderately loaded, 14 s → 4 s heavily loaded). Any problem with the file falls back to a
 * plain start.
 */
async function templatedPGlite(): Promise<PGlite> {
  const file = pgliteTemplatePath();
  if (existsSync(file)) {
    try {
      return await createPGlite(undefined, { loadDataDir: new Blob([readFileSync(file)]) });
    } catch {
      rmSync(file, { force: true });
    }
  }
  const instance = await createPGlite();
  try {
    const dump = await instance.dumpDataDir('none');
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file); // atomic: a parallel file never reads half of it
  } catch {
    // no cache this time
  }
  return instance;
}

function pgliteTemplatePath(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const key = createHash('sha256').update(`${entry}\0${version}`).digest('hex').slice(0, 12);
  return join(tmpdir(), `renxing-pglite-${version}-${key}.tar`);
}

/** Drops test databases left by runs that died (their process is gone); local servers only. */
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const host = new URL(adminUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host)) return;
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^renxing_test_[0-9]+_[0-9a-f]+$'`,
  );
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[2]);
    if (pid === process.pid || alive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function probe(url: string): Promise<string | true> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable TEST_DATABASE_URL)';
  }
}
