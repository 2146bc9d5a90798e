/**
 * The contract's check: 100 concurrent check-ins to a shelter with 40 places left — exactly 40
 * succeed and available ends at 0. On PGlite (one connection) the transactions queue; on
 * PostgreSQL they run on 50 connections of their own, really at once, and meet at the shelter's row.
 */
import { type Db, fromPool, pgTypes } from '@renxing/db';
import { DEFAULT_TEST_DATABASE_URL, forEachDatabase, type TestDatabase } from '@renxing/db/testing';
import pg from 'pg';
import { expect, it } from 'vitest';
import { availableAt } from '../rules/capacity.js';
import { countedOccupancy } from '../store/checkins.js';
import { shelterById } from '../store/shelters.js';
import { checkInShelter, checkOutShelter } from './checkins.js';
import { createShelter, setShelterState } from './shelters.js';
import { actor, NOON, SQ1, shelterAt, testCity } from './test-support.js';

const CONNECTIONS = 50;

/** Many connections to the test's database and schema (PostgreSQL), or the test's own (PGlite). */
async function parallel(
  t: TestDatabase,
): Promise<{ db: Db; connections: () => number; close: () => Promise<void> }> {
  if (t.kind === 'pglite') return { db: t.db, connections: () => 1, close: async () => {} };
  const { rows } = await t.db.query<{ db: string; schema: string }>(
    'SELECT current_database() AS db, current_schema() AS schema',
  );
  const url = new URL(process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL);
  url.pathname = `/${rows[0].db}`;
  const pool = new pg.Pool({
    connectionString: url.toString(),
    options: `-c search_path=${rows[0].schema}`,
    types: pgTypes,
    max: CONNECTIONS,
  });
  let most = 0;
  pool.on('acquire', () => {
    most = Math.max(most, pool.totalCount - pool.idleCount);
  });
  return { db: fromPool(pool, { owned: true }), connections: () => most, close: () => pool.end() };
}

forEachDatabase(
  'shelters: concurrent check-ins',
  (t) => {
    it('100 concurrent check-ins to a shelter with 40 places left: exactly 40 succeed, available ends at 0', async () => {
      const { users } = await testCity(t.db);
      const admin = actor(users.admin, 'cq');
      const s = await createShelter(
        t.db,
        shelterAt(SQ1, '较场口小学', { capacityDay: 100, capacityNight: 100 }),
        admin,
      );
      await setShelterState(t.db, s.id, 'open', admin);
      await checkInShelter(t.db, s.id, { name: '先到的 60 人', people: 60 }, admin);
      expect(availableAt((await shelterById(t.db, s.id))!, NOON)).toBe(40);

      const many = await parallel(t);
      try {
        const worker = actor(users.worker1, SQ1);
        const results = await Promise.allSettled(
          Array.from({ length: 100 }, (_, i) =>
            checkInShelter(many.db, s.id, { name: `居民${i}`, people: 1 }, worker),
          ),
        );
        const ok = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        expect(ok).toHaveLength(40);
        for (const r of refused)
          expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'RX_SHELTER_FULL' });
        if (t.kind === 'postgres') expect(many.connections()).toBeGreaterThan(10);
      } finally {
        await many.close();
      }
      const after = (await shelterById(t.db, s.id))!;
      expect(after.occupancy).toBe(100);
      expect(availableAt(after, NOON)).toBe(0);
      expect(await countedOccupancy(t.db, s.id)).toBe(100);
      const audited = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'shelter.check_in'",
      );
      expect(audited.rows[0].n).toBe(41);
    });

    it('20 concurrent check-outs of one stay free its places once', async () => {
      const { users } = await testCity(t.db);
      const admin = actor(users.admin, 'cq');
      const s = await createShelter(t.db, shelterAt(SQ1, '小学'), admin);
      await setShelterState(t.db, s.id, 'open', admin);
      const stay = await checkInShelter(t.db, s.id, { name: '一家', people: 4 }, admin);
      await checkInShelter(t.db, s.id, { name: '另一家', people: 3 }, admin);
      const many = await parallel(t);
      try {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => checkOutShelter(many.db, stay.checkIn.id, admin)),
        );
        expect(results.filter((r) => r.changed)).toHaveLength(1);
      } finally {
        await many.close();
      }
      expect((await shelterById(t.db, s.id))!.occupancy).toBe(3);
      expect(await countedOccupancy(t.db, s.id)).toBe(3);
    });
  },
  { migrate: true },
);
