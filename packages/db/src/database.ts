/**
 * The PGlite | PostgreSQL seam: one small interface, two implementations.
 *
 * Both speak the same SQL with `$1` parameters and return the same JavaScript values for the same
 * column types (see `scalarParsers`), so every query in this package runs unchanged on either.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  PGlite,
  TransactionAbortedError as PGliteAbortedError,
  type Transaction as PGliteTransaction,
} from '@electric-sql/pglite';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned by a SELECT, or changed by an INSERT / UPDATE / DELETE. */
  rowCount: number;
}

export interface Db {
  readonly kind: DbKind;
  /** One statement, parameters as `$1`, `$2`, …; never interpolate values into `sql`. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Any number of statements, no parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws.
   * Use the `tx` handed to `fn`, not the outer handle, for every statement that belongs to it.
   * Nested calls on `tx` become savepoints.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string: use a `pg` pool against that server. */
  url?: string;
  /** Embedded PGlite with its data in this directory. */
  dataDir?: string;
  /** Embedded PGlite in memory (nothing kept). */
  memory?: boolean;
}

/** COMMIT found the transaction aborted (a statement in it failed and `fn` swallowed the error). */
export class TransactionAbortedError extends Error {
  constructor() {
    super('transaction aborted: a statement in it failed, so COMMIT rolled it back');
    this.name = 'TransactionAbortedError';
  }
}

/**
 * The data directory: `RENXING_DATA_DIR`, default `./data`. It holds the city secret, the signing
 * keys and (in `pg/`) the embedded database; the server and the CLI must agree on it.
 */
export function renxingDataDir(env: Env): string {
  return env.RENXING_DATA_DIR || 'data';
}

/** Where `openDatabase` puts an embedded database when told nothing else. */
export function defaultDataDir(env: Env): string {
  return join(renxingDataDir(env), 'pg');
}

/**
 * The environment as the caller read it (the apps pass theirs): this package never reads the
 * process's own, so what configures a database is visible where it is opened.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | undefined };

/**
 * Which database `openDatabase` opens. Explicit options win over the environment:
 * `url` → server; `memory` → in-memory PGlite; `dataDir` → PGlite on disk;
 * else env `DATABASE_URL` → server; else PGlite in `$RENXING_DATA_DIR/pg` (default `./data/pg`).
 */
export function resolveTarget(options: OpenOptions, env: Env): Target {
  const explicit = [options.url !== undefined, options.memory === true, options.dataDir !== undefined];
  if (explicit.filter(Boolean).length > 1) {
    throw new Error('openDatabase: give at most one of url, memory and dataDir');
  }
  if (options.url !== undefined) {
    if (!options.url) throw new Error('openDatabase: url is empty');
    return { kind: 'postgres', url: options.url };
  }
  if (options.memory) return { kind: 'pglite', dataDir: undefined };
  if (options.dataDir !== undefined) return { kind: 'pglite', dataDir: options.dataDir };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: defaultDataDir(env) };
}

/** Opens the database that `resolveTarget` names (`env`: DATABASE_URL, RENXING_DATA_DIR). */
export async function openDatabase(options: OpenOptions, env: Env): Promise<Db> {
  const target = resolveTarget(options, env);
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, application_name: 'renxing', types: pgTypes });
    return fromPool(pool, { owned: true });
  }
  if (target.dataDir !== undefined) mkdirSync(target.dataDir, { recursive: true });
  return fromPGlite(await createPGlite(target.dataDir), { owned: true });
}

// ---------------------------------------------------------------------------------------------
// Value parity. PGlite's defaults are the reference; `pg` is told to match them, and both are told
// to keep calendar values (date, interval, timestamp without time zone) as PostgreSQL's text.

const OID = { int8: 20, date: 1082, timestamp: 1114, interval: 1186 } as const;
const ARRAY_OID = { int8: 1016, date: 1182, timestamp: 1115, interval: 1187 } as const;
const TEXT_ARRAY_OID: number = 1009;

/** int8 as a JavaScript number while it is exact, as a bigint beyond 2^53 (PGlite's own rule). */
function parseInt8(text: string): number | bigint {
  const n = BigInt(text);
  return n < BigInt(Number.MIN_SAFE_INTEGER) || n > BigInt(Number.MAX_SAFE_INTEGER) ? n : Number(n);
}
const asText = (text: string): string => text;

const scalarParsers: Record<number, (text: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.date]: asText,
  [OID.timestamp]: asText,
  [OID.interval]: asText,
};

/** Arrays of those types, for `pg` (PGlite already applies the element's parser). */
function arrayOf(parse: (text: string) => unknown): (text: string) => unknown {
  const split = pg.types.getTypeParser(TEXT_ARRAY_OID, 'text') as (text: string) => unknown;
  const map = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(map) : v === null ? null : parse(v as string);
  return (text) => map(split(text));
}

const pgOnlyParsers: Record<number, (text: string) => unknown> = {
  [ARRAY_OID.int8]: arrayOf(parseInt8),
  [ARRAY_OID.date]: arrayOf(asText),
  [ARRAY_OID.timestamp]: arrayOf(asText),
  [ARRAY_OID.interval]: arrayOf(asText),
};

/**
 * Creates a PGlite instance with the parsers that make its values match the `pg` side.
 * `loadDataDir` starts it from a tarball made by `dumpDataDir()` instead of running initdb.
 */
export async function createPGlite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  const parsers = Object.fromEntries(
    Object.entries(scalarParsers).map(([oid, parse]) => [oid, (text: string) => parse(text)]),
  );
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers,
  });
}

/** `pg` type parsers matching PGlite's; per pool, so the process-wide `pg.types` stay untouched. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const own = format !== 'binary' ? (scalarParsers[oid] ?? pgOnlyParsers[oid]) : undefined;
    return own ?? pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

// ---------------------------------------------------------------------------------------------
// PGlite

/** Wraps a PGlite instance. `owned: false` leaves the instance open on `close()` (shared in tests). */
export function fromPGlite(instance: PGlite, { owned }: { owned: boolean }): Db {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[]) {
      return result<T>(await instance.query<T>(sql, params as unknown[] | undefined));
    },
    async exec(sql: string) {
      await instance.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      try {
        return await instance.transaction((tx) => withinScope(pgliteTx(tx), fn));
      } catch (error) {
        throw error instanceof PGliteAbortedError ? new TransactionAbortedError() : error;
      }
    },
    async close() {
      if (owned) await instance.close();
    },
  };
}

function pgliteTx(tx: PGliteTransaction): Runner {
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      result<T>(await tx.query<T>(sql, params as unknown[] | undefined)),
    exec: async (sql: string) => {
      await tx.exec(sql);
    },
  };
}

function result<T>(r: { rows: T[]; rowCount?: number; affectedRows?: number }): QueryResult<T> {
  return { rows: r.rows, rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server through a pg pool

/**
 * Wraps a pg pool; `owned: true` ends the pool on `close()`. A pool built elsewhere should pass
 * `types: pgTypes` so its values match PGlite's.
 */
export function fromPool(pool: pg.Pool, { owned }: { owned: boolean }): Db {
  // An idle client whose server connection dies must not crash the process; the next query fails.
  pool.on('error', () => {});
  if (!pool.options.types) pool.options.types = pgTypes;
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: readonly unknown[]) {
      return pgResult<T>(await pool.query(sql, (params ?? []) as unknown[]));
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await withinScope(clientRunner(client), fn);
        const commit = await client.query('COMMIT');
        // PostgreSQL answers COMMIT of an aborted transaction with ROLLBACK, not an error.
        if (commit.command === 'ROLLBACK') throw new TransactionAbortedError();
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error; // the connection is unusable: destroy it, not reuse it
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}

function clientRunner(client: pg.PoolClient): Runner {
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      pgResult<T>(await client.query(sql, (params ?? []) as unknown[])),
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

function pgResult<T>(r: pg.QueryResult): QueryResult<T> {
  return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
}

// ---------------------------------------------------------------------------------------------
// A transaction handle, shared by both engines: savepoints for nesting, and refusal after the end.

type Runner = Pick<Db, 'kind' | 'query' | 'exec'>;

async function withinScope<T>(runner: Runner, fn: (tx: Db) => Promise<T>): Promise<T> {
  const scope = { open: true, savepoints: 0 };
  try {
    return await fn(txHandle(runner, scope));
  } finally {
    scope.open = false;
  }
}

function txHandle(runner: Runner, scope: { open: boolean; savepoints: number }): Db {
  const live = () => {
    if (!scope.open) throw new Error('this transaction has already ended: use it only inside its callback');
  };
  const tx: Db = {
    kind: runner.kind,
    async query<T>(sql: string, params?: readonly unknown[]) {
      live();
      return runner.query<T>(sql, params);
    },
    async exec(sql: string) {
      live();
      await runner.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      live();
      const name = `renxing_sp_${++scope.savepoints}`;
      await runner.exec(`SAVEPOINT ${name}`);
      try {
        const value = await fn(tx);
        await runner.exec(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (error) {
        await runner.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
    async close() {
      throw new Error('close() on a transaction handle: close the database it came from');
    },
  };
  return tx;
}

/** The SQLSTATE of a database error from either engine (`23505` unique violation, …). */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
