import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase, resolveTarget, sqlState, TransactionAbortedError } from './database.js';
import { forEachDatabase } from './testing/matrix.js';

async function count(db: Db, table = 'items'): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return rows[0].n;
}

forEachDatabase('the Db seam', (t) => {
  it('returns the same JavaScript values for the same types', async () => {
    const { rows } = await t.db.query(
      `SELECT 1::int8 AS i8, 9007199254740993::int8 AS big, 2::int4 AS i4, 1.50::numeric AS n, 1.5::float8 AS f,
              true AS b, 'x'::text AS s, '2024-03-01'::date AS d, '2024-03-01 08:00:00+08'::timestamptz AS ts,
              '2024-03-01 08:00:00'::timestamp AS local, '1 day 02:00:00'::interval AS iv,
              '{"a": [1, "b"]}'::jsonb AS j, ARRAY[1, 2]::int4[] AS ia, ARRAY['a', NULL]::text[] AS ta,
              '00000000-0000-4000-8000-000000000001'::uuid AS u, NULL::text AS nothing,
              ARRAY[1, NULL]::int8[] AS i8a, ARRAY['2024-03-01']::date[] AS da,
              ARRAY['1 day']::interval[] AS iva, ARRAY['2024-03-01 08:00:00+08']::timestamptz[] AS tsa,
              ARRAY['2024-03-01 08:00:00']::timestamp[] AS la`,
    );
    expect(rows[0]).toEqual({
      i8: 1,
      big: 9007199254740993n,
      i4: 2,
      n: '1.50',
      f: 1.5,
      b: true,
      s: 'x',
      d: '2024-03-01',
      ts: new Date('2024-03-01T00:00:00Z'),
      local: '2024-03-01 08:00:00',
      iv: '1 day 02:00:00',
      j: { a: [1, 'b'] },
      ia: [1, 2],
      ta: ['a', null],
      u: '00000000-0000-4000-8000-000000000001',
      nothing: null,
      i8a: [1, null],
      da: ['2024-03-01'],
      iva: ['1 day'],
      tsa: [new Date('2024-03-01T00:00:00Z')],
      la: ['2024-03-01 08:00:00'],
    });
  });

  it('binds $n parameters of every common kind the same way', async () => {
    const when = new Date('2024-05-06T07:08:09.123Z');
    const { rows } = await t.db.query(
      `SELECT $1::timestamptz AS ts, $2::jsonb AS j, $3::text[] AS arr, $4::int AS i, $5::bool AS b,
              $6::text AS nothing, $7::int8 AS i8, $8::float8[] AS fa`,
      [when, JSON.stringify({ k: [1, 2] }), ['x', 'y,z', null], 42, false, null, 5, [1.5, null]],
    );
    expect(rows[0]).toEqual({
      ts: when,
      j: { k: [1, 2] },
      arr: ['x', 'y,z', null],
      i: 42,
      b: false,
      nothing: null,
      i8: 5,
      fa: [1.5, null],
    });
  });

  it('counts affected rows the same way', async () => {
    await t.db.exec(
      'CREATE TABLE items (id int PRIMARY KEY, v text); INSERT INTO items VALUES (1, $$a$$), (2, $$b$$)',
    );
    expect((await t.db.query('UPDATE items SET v = $1', ['c'])).rowCount).toBe(2);
    expect((await t.db.query('SELECT * FROM items WHERE id = 1')).rowCount).toBe(1);
    expect((await t.db.query('DELETE FROM items WHERE id = 99')).rowCount).toBe(0);
  });

  it('reports SQLSTATE codes the same way', async () => {
    await t.db.exec('CREATE TABLE items (id int PRIMARY KEY)');
    await t.db.query('INSERT INTO items VALUES (1)');
    const error = await t.db.query('INSERT INTO items VALUES (1)').catch((e: unknown) => e);
    expect(sqlState(error)).toBe('23505');
    expect(sqlState(await t.db.query('SELECT nope').catch((e: unknown) => e))).toBe('42703');
  });

  it('runs several statements in exec, one in query', async () => {
    await t.db.exec(
      'CREATE TABLE items (id int); INSERT INTO items VALUES (1); INSERT INTO items VALUES (2)',
    );
    expect(await count(t.db)).toBe(2);
    await expect(t.db.query('SELECT 1; SELECT 2')).rejects.toThrow();
  });

  it('commits a transaction that resolves', async () => {
    await t.db.exec('CREATE TABLE items (id int)');
    const value = await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO items VALUES ($1)', [1]);
      await tx.query('INSERT INTO items VALUES ($1)', [2]);
      return 'done';
    });
    expect(value).toBe('done');
    expect(await count(t.db)).toBe(2);
  });

  it('rolls back a transaction that throws, and rethrows', async () => {
    await t.db.exec('CREATE TABLE items (id int PRIMARY KEY)');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO items VALUES (1)');
        await tx.exec('CREATE TABLE made_inside (x int)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count(t.db)).toBe(0);
    const table = await t.db.query<{ t: string | null }>(`SELECT to_regclass('made_inside')::text AS t`);
    expect(table.rows[0].t).toBeNull();
  });

  it('rolls back a transaction whose statement fails', async () => {
    await t.db.exec('CREATE TABLE items (id int PRIMARY KEY)');
    const error = await t.db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO items VALUES (1)');
        await tx.query('INSERT INTO items VALUES (1)');
      })
      .catch((e: unknown) => e);
    expect(sqlState(error)).toBe('23505');
    expect(await count(t.db)).toBe(0);
  });

  it('refuses to commit when a failed statement was swallowed', async () => {
    await t.db.exec('CREATE TABLE items (id int PRIMARY KEY)');
    const outcome = t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO items VALUES (1)');
      await tx.query('INSERT INTO items VALUES (1)').catch(() => {});
      return 'looked fine';
    });
    await expect(outcome).rejects.toBeInstanceOf(TransactionAbortedError);
    expect(await count(t.db)).toBe(0);
  });

  it('nests transactions as savepoints', async () => {
    await t.db.exec('CREATE TABLE items (id int PRIMARY KEY)');
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO items VALUES (1)');
      await expect(
        tx.transaction(async (inner) => {
          await inner.query('INSERT INTO items VALUES (2)');
          await inner.query('INSERT INTO items VALUES (2)');
        }),
      ).rejects.toThrow();
      await tx.transaction(async (inner) => {
        await inner.query('INSERT INTO items VALUES (3)');
      });
    });
    const { rows } = await t.db.query<{ id: number }>('SELECT id FROM items ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('keeps a transaction isolated from other connections until commit', async () => {
    if (t.kind === 'pglite') return; // one connection: nothing else can look
    await t.db.exec('CREATE TABLE items (id int)');
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO items VALUES (1)');
      expect(await count(t.db)).toBe(0);
    });
    expect(await count(t.db)).toBe(1);
  });

  it('refuses a transaction handle used after its transaction ended', async () => {
    let leaked: Db | undefined;
    await t.db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toThrow('already ended');
    await expect(leaked!.close()).rejects.toThrow('transaction handle');
  });
});

describe('resolveTarget', () => {
  it('prefers explicit options, then DATABASE_URL, then RENXING_DATA_DIR, then ./data/pg', () => {
    const env = { DATABASE_URL: 'postgres://env/db', RENXING_DATA_DIR: '/var/renxing' };
    expect(resolveTarget({ url: 'postgres://x/y' }, env)).toEqual({
      kind: 'postgres',
      url: 'postgres://x/y',
    });
    expect(resolveTarget({ memory: true }, env)).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(resolveTarget({ dataDir: '/d' }, env)).toEqual({ kind: 'pglite', dataDir: '/d' });
    expect(resolveTarget({}, env)).toEqual({ kind: 'postgres', url: 'postgres://env/db' });
    expect(resolveTarget({}, { RENXING_DATA_DIR: '/var/renxing' })).toEqual({
      kind: 'pglite',
      dataDir: '/var/renxing/pg',
    });
    expect(resolveTarget({}, {})).toEqual({ kind: 'pglite', dataDir: 'data/pg' });
    expect(() => resolveTarget({ url: 'postgres://x/y', memory: true }, {})).toThrow('at most one');
  });
});

describe('openDatabase on disk', () => {
  it('keeps PGlite data in its data directory across reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renxing-db-'));
    try {
      const first = await openDatabase({ dataDir: join(dir, 'pg') }, {});
      expect(first.kind).toBe('pglite');
      await first.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      await first.close();
      const again = await openDatabase({}, { RENXING_DATA_DIR: dir });
      const { rows } = await again.query<{ v: string }>('SELECT v FROM kept');
      await again.close();
      expect(rows).toEqual([{ v: 'still here' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
