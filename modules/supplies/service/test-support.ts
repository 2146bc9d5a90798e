/** A small city for supplies' tests: a district of two streets and three communities, one outside it, residents, a user. */
import type { Db } from '@renxing/db';
import { insertUser } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { SuppliesActor } from './actor.js';
import { importSupplyItems } from './catalogue.js';
import { createSupplyStore } from './stores.js';

export const SECRET = Buffer.from('s'.repeat(32));
/** 2026-12-05 10:00 in the city. */
export const NOW = new Date('2026-12-05T02:00:00Z');
export const DAY = 86_400_000;
export const at = (days: number) => new Date(NOW.getTime() + days * DAY);

export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ3 = 'cq.yz.jd02.sq03';
export const SQ9 = 'cq.jb.jd03.sq09';

/** Residents homed in each community (sq02's in its grid). */
export const RESIDENTS = { [SQ1]: 10, [SQ2]: 20, [SQ3]: 5, [SQ9]: 4 } as const;

export const CATALOGUE = [
  'code,name,unit,shelf_life_days,min_per_store',
  'MASK,医用口罩,个,1095,',
  'WATER,饮用水,升,365,',
  'TENT,帐篷,顶,,2',
].join('\n');

export async function suppliesCity(
  db: Db,
): Promise<{ userId: string; actor: (scope?: string) => SuppliesActor }> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市', lon: 106.55, lat: 29.56 },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd02', name: '朝天门街道' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一', lon: 106.57, lat: 29.55 },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二', lon: 106.58, lat: 29.56 },
    { parentPath: 'cq.yz.jd01.sq02', level: 'grid', code: 'wg01', name: '网格一' },
    { parentPath: 'cq.yz.jd02', level: 'community', code: 'sq03', name: '社区三', lon: 106.59, lat: 29.57 },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
  ]);
  let n = 0;
  const people = Object.entries(RESIDENTS).flatMap(([community, count]) =>
    Array.from({ length: count }, () => {
      n++;
      return {
        name: `居民${n}`,
        phone: `1380${String(n).padStart(7, '0')}`,
        // Half of sq02's residents live in its grid: they count for the community all the same.
        community: community === SQ2 && n % 2 === 0 ? `${SQ2}.wg01` : community,
      };
    }),
  );
  await upsertPeople(db, people, { secret: SECRET });
  const user = await insertUser(db, {
    username: 'keeper',
    passwordHash: 'x',
    role: 'city_admin',
    placePath: 'cq',
    personId: null,
    displayName: '仓管员',
    unit: null,
  });
  return {
    userId: user.id,
    actor: (scope = 'cq') => ({ userId: user.id, scope, now: NOW }),
  };
}

/** The test catalogue (MASK, WATER, TENT) imported. */
export async function seedCatalogue(db: Db, actor: SuppliesActor): Promise<void> {
  await importSupplyItems(db, new TextEncoder().encode(CATALOGUE), {
    actor,
    source: { file: 'catalogue.csv' },
  });
}

/** A store at `place`; its id. */
export async function storeAt(db: Db, place: string, actor: SuppliesActor, name = '仓库'): Promise<string> {
  return (await createSupplyStore(db, { place, name }, actor)).id;
}

/** Stock of every (store, item) as the lots hold it. */
export async function lotTotals(db: Db): Promise<Map<string, number>> {
  const { rows } = await db.query<{ store_id: string; item_code: string; q: number }>(
    'SELECT store_id, item_code, sum(quantity)::bigint AS q FROM supply_lots GROUP BY 1, 2',
  );
  return new Map(rows.filter((r) => r.q !== 0).map((r) => [`${r.store_id}/${r.item_code}`, r.q]));
}

/**
 * Stock of every (store, item) as the movements say it: receipts − issues − transfers out +
 * transfers in ± adjustments − expiries.
 */
export async function movementTotals(db: Db): Promise<Map<string, number>> {
  const { rows } = await db.query<{ store_id: string; item_code: string; q: number }>(
    `SELECT store_id, item_code, sum(q)::bigint AS q FROM (
       SELECT store_id, item_code, CASE kind WHEN 'receive' THEN quantity WHEN 'adjust' THEN quantity ELSE -quantity END AS q
         FROM supply_movements
       UNION ALL
       SELECT to_store_id, item_code, quantity FROM supply_movements WHERE kind = 'transfer'
     ) m GROUP BY 1, 2`,
  );
  return new Map(rows.filter((r) => r.q !== 0).map((r) => [`${r.store_id}/${r.item_code}`, r.q]));
}

/** Each lot's quantity against the sum of its journal lines: the lots whose differ. */
export async function unjournalled(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT l.id FROM supply_lots l
       LEFT JOIN (SELECT lot_id, sum(delta) AS d FROM supply_movement_lines GROUP BY lot_id) j ON j.lot_id = l.id
      WHERE l.quantity <> coalesce(j.d, 0)`,
  );
  return rows.map((r) => r.id);
}
