/**
 * The databases a service bench runs on: a scratch PostgreSQL database created for the run on the
 * test server (`TEST_DATABASE_URL`, default the local one) and dropped after it.
 */
import { type Db, openDatabase } from '@renxing/db';
import pg from 'pg';
import { log } from './infra-report.js';

export interface Target {
  name: string;
  db: Db;
  drop?: () => Promise<void>;
}

/** A new database `renxing_bench_<tag>_<pid>` on the server, or null (logged) when it is not reachable. */
export async function scratchPostgres(tag: string): Promise<Target | null> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `renxing_bench_${tag}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    log(`PostgreSQL not reachable at ${adminUrl} (${(error as Error).message}): PGlite only`);
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() }, {});
  return {
    name: 'PostgreSQL',
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
