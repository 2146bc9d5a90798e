import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { ancestors, insertPlace, insertPlaces, type NewPlace, placeByPath, under } from './places.js';

/** A Db that counts the statements sent through it, its transactions' included. */
function counting(db: Db, counter = { statements: 0 }): Db & { readonly statements: number } {
  return {
    get statements() {
      return counter.statements;
    },
    kind: db.kind,
    query: <T>(sql: string, params?: readonly unknown[]) => {
      counter.statements++;
      return db.query<T>(sql, params);
    },
    exec: (sql: string) => {
      counter.statements++;
      return db.exec(sql);
    },
    transaction: <T>(fn: (tx: Db) => Promise<T>) => db.transaction((tx) => fn(counting(tx, counter))),
    close: () => db.close(),
  };
}

// Siblings whose codes share a prefix (yz, yz2, yz_b) are the trap a naive LIKE 'cq.yz%' falls into.
const CITY: NewPlace[] = [
  { level: 'city', code: 'cq', name: '重庆', nameEn: 'Chongqing', lon: 106.55, lat: 29.56 },
  { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区', nameEn: 'Yuzhong' },
  { parentPath: 'cq', level: 'district', code: 'yz2', name: '渝中二区' },
  { parentPath: 'cq', level: 'district', code: 'yz_b', name: '渝中乙区' },
  { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
  { parentPath: 'cq.yz', level: 'street', code: 'jd02', name: '七星岗街道' },
  { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq03', name: '民生路社区' },
  { parentPath: 'cq.yz.jd01.sq03', level: 'grid', code: 'wg1', name: '网格1', lon: 106.57, lat: 29.55 },
  { parentPath: 'cq.yz.jd02', level: 'community', code: 'sq01', name: '领事巷社区' },
  { parentPath: 'cq.yz2', level: 'street', code: 'jd01', name: '二区一街道' },
  { parentPath: 'cq.yz_b', level: 'street', code: 'jd01', name: '乙区一街道' },
];

forEachDatabase(
  'places',
  (t) => {
    it('inserts a hierarchy in one statement per depth, paths computed from the parents', async () => {
      const db = counting(t.db);
      const places = await insertPlaces(db, CITY);
      expect(db.statements).toBe(5); // depths 0..4, one INSERT each, inside one transaction
      expect(places.map((p) => p.path)).toEqual([
        'cq',
        'cq.yz',
        'cq.yz.jd01',
        'cq.yz.jd01.sq03',
        'cq.yz.jd01.sq03.wg1',
        'cq.yz.jd02',
        'cq.yz.jd02.sq01',
        'cq.yz2',
        'cq.yz2.jd01',
        'cq.yz_b',
        'cq.yz_b.jd01',
      ]);
      const street = places.find((p) => p.path === 'cq.yz.jd01')!;
      const district = places.find((p) => p.path === 'cq.yz')!;
      expect(street).toMatchObject({ parentId: district.id, level: 'street', code: 'jd01', nameEn: null });
      expect(places[0]).toMatchObject({ lon: 106.55, lat: 29.56, nameEn: 'Chongqing', parentId: null });
    });

    it('returns everything under a place in one query, and nothing beside it', async () => {
      await insertPlaces(t.db, CITY);
      const db = counting(t.db);
      const subtree = await under(db, 'cq.yz');
      expect(db.statements).toBe(1);
      expect(subtree.map((p) => p.path)).toEqual([
        'cq.yz',
        'cq.yz.jd01',
        'cq.yz.jd01.sq03',
        'cq.yz.jd01.sq03.wg1',
        'cq.yz.jd02',
        'cq.yz.jd02.sq01',
      ]);
      expect((await under(t.db, 'cq.yz', { level: 'community' })).map((p) => p.code)).toEqual([
        'sq03',
        'sq01',
      ]);
      expect((await under(t.db, 'cq')).length).toBe(CITY.length);
      expect(await under(t.db, 'cq.nowhere')).toEqual([]);
    });

    it('answers the subtree query with a range scan of the path index', async () => {
      await insertPlaces(t.db, CITY);
      const plan = await t.db.transaction(async (tx) => {
        await tx.exec('SET LOCAL enable_seqscan = off');
        const { rows } = await tx.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT * FROM places WHERE path >= $1 AND path < $1 || '/'`,
          ['cq.yz'],
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index (Only )?Scan using places_path_key|Bitmap Index Scan on places_path_key/);
      expect(plan).not.toMatch(/Seq Scan/);
    });

    it('lists ancestors root first, in one query', async () => {
      await insertPlaces(t.db, CITY);
      const db = counting(t.db);
      expect((await ancestors(db, 'cq.yz.jd01.sq03')).map((p) => p.path)).toEqual([
        'cq',
        'cq.yz',
        'cq.yz.jd01',
      ]);
      expect(db.statements).toBe(1);
      expect((await ancestors(t.db, 'cq.yz', { includeSelf: true })).map((p) => p.level)).toEqual([
        'city',
        'district',
      ]);
      expect(await ancestors(t.db, 'cq')).toEqual([]);
    });

    it('inserts one place under a stored parent, and finds it by path', async () => {
      await insertPlaces(t.db, CITY.slice(0, 2));
      const street = await insertPlace(t.db, {
        parentPath: 'cq.yz',
        level: 'street',
        code: 'jd09',
        name: '新街道',
      });
      expect(street.path).toBe('cq.yz.jd09');
      expect(await placeByPath(t.db, 'cq.yz.jd09')).toEqual(street);
      expect(await placeByPath(t.db, 'cq.zz')).toBeUndefined();
    });

    it('inserts nothing of a batch when a parent is missing', async () => {
      await insertPlaces(t.db, CITY.slice(0, 1));
      await expect(
        insertPlaces(t.db, [
          { parentPath: 'cq', level: 'district', code: 'ok', name: '有' },
          { parentPath: 'cq.gone', level: 'street', code: 'jd01', name: '无' },
        ]),
      ).rejects.toThrow('no parent place at cq.gone');
      expect((await under(t.db, 'cq')).map((p) => p.path)).toEqual(['cq']);
    });

    it('refuses a place above or beside its parent level, a non-city root, a move and a duplicate', async () => {
      await insertPlaces(t.db, CITY.slice(0, 2));
      await expect(
        insertPlace(t.db, { parentPath: 'cq.yz', level: 'district', code: 'x', name: 'x' }),
      ).rejects.toThrow(/a district cannot be under the district cq\.yz/);
      await expect(insertPlace(t.db, { level: 'district', code: 'lone', name: 'x' })).rejects.toThrow();
      await expect(t.db.query(`UPDATE places SET code = 'yy' WHERE path = 'cq.yz'`)).rejects.toThrow(
        /cannot be moved/,
      );
      await t.db.query(`UPDATE places SET name = '渝中' WHERE path = 'cq.yz'`); // renaming is fine
      await expect(
        insertPlace(t.db, { parentPath: 'cq', level: 'district', code: 'yz', name: 'dup' }),
      ).rejects.toThrow();
      await expect(
        t.db.query(`INSERT INTO places (parent_id, level, code, name, path)
                    SELECT id, 'district', 'zz', 'x', 'cq.wrong' FROM places WHERE path = 'cq'`),
      ).rejects.toThrow(/does not match its parent/);
    });

    it('refuses malformed paths and codes before asking the database', async () => {
      const db = counting(t.db);
      await expect(under(db, "cq.yz' OR 1=1")).rejects.toThrow(RangeError);
      await expect(under(db, 'cq..yz')).rejects.toThrow(RangeError);
      await expect(insertPlace(db, { level: 'city', code: 'CQ', name: 'x' })).rejects.toThrow(RangeError);
      expect(db.statements).toBe(0);
    });
  },
  { migrate: true },
);
