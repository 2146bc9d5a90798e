/** Supplies' share of the access matrix and the fuzz: who may call each operation, its fixture, its requests in and out of scope. */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { createSupplyStore, importSupplyItems, receiveStock } from '@renxing/modules/supplies';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];

export const SUPPLIES_ACCESS: Record<string, UserRole[]> = {
  listSupplyItems: STAFF,
  importSupplyItems: ['city_admin'],
  listSupplyStores: STAFF,
  createSupplyStore: STAFF,
  listStock: STAFF,
  listMovements: STAFF,
  receiveStock: STAFF,
  issueStock: STAFF,
  transferStock: STAFF,
  adjustStock: STAFF,
  expireStock: STAFF,
  getSupplyGaps: STAFF,
  listSupplyNorms: STAFF,
  exportSupplies: STAFF,
  listSupplyAlerts: STAFF,
  raiseSupplyAlerts: STAFF,
};

export interface SuppliesFixture {
  /** Two stores in the community of the matrix's place users (cq.yz.jd01.sq01). */
  storeIn: string;
  storeIn2: string;
  /** One in the other district (cq.jb.jd03.sq09). */
  storeOut: string;
}

const CATALOGUE = 'code,name,unit,shelf_life_days\nMASK,医用口罩,个,1095\nWATER,饮用水,升,365\n';

/** The catalogue, the three stores and a thousand masks in each of the in-scope and out-of-scope ones. */
export async function seedSupplies(db: Db, o: { now: number; userId: string }): Promise<SuppliesFixture> {
  const actor = { userId: o.userId, scope: 'cq', now: new Date(o.now * 1000) };
  await importSupplyItems(db, new TextEncoder().encode(CATALOGUE), { actor });
  const store = async (place: string, name: string) =>
    (await createSupplyStore(db, { place, name }, actor)).id;
  const f = {
    storeIn: await store('cq.yz.jd01.sq01', '社区一物资站'),
    storeIn2: await store('cq.yz.jd01.sq01', '社区一备用库'),
    storeOut: await store('cq.jb.jd03.sq09', '社区九物资站'),
  };
  for (const s of [f.storeIn, f.storeOut])
    await receiveStock(db, { store: s, item: 'MASK', quantity: 1000 }, actor);
  return f;
}

/** The request for a supplies operation in or out of scope (null: none out of scope), or undefined for another module's. */
export function suppliesRequest(op: string, f: SuppliesFixture, out: boolean): Req | null | undefined {
  const place = out ? 'cq.jb' : 'cq.yz.jd01.sq01';
  const store = out ? f.storeOut : f.storeIn;
  switch (op) {
    case 'listSupplyItems':
      return out ? null : { method: 'GET', url: '/api/supplies/items' };
    case 'importSupplyItems':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/supplies/items/import',
            headers: { 'content-type': 'text/csv' },
            payload: CATALOGUE,
          };
    case 'listSupplyNorms':
      return out ? null : { method: 'GET', url: '/api/supplies/norms' };
    case 'listSupplyStores':
      return { method: 'GET', url: `/api/supplies/stores?under=${place}` };
    case 'createSupplyStore':
      return {
        method: 'POST',
        url: '/api/supplies/stores',
        payload: {
          place: out ? 'cq.jb.jd03.sq09' : 'cq.yz.jd01.sq01',
          name: `仓库${Math.random().toString(36).slice(2, 8)}`,
        },
      };
    case 'listStock':
      return { method: 'GET', url: `/api/supplies/stock?store=${store}` };
    case 'listMovements':
      return { method: 'GET', url: `/api/supplies/movements?store=${store}` };
    case 'receiveStock':
      return { method: 'POST', url: '/api/supplies/receipts', payload: { store, item: 'MASK', quantity: 1 } };
    case 'issueStock':
      return { method: 'POST', url: '/api/supplies/issues', payload: { store, item: 'MASK', quantity: 1 } };
    case 'transferStock':
      return {
        method: 'POST',
        url: '/api/supplies/transfers',
        payload: { from: store, to: f.storeIn2, item: 'MASK', quantity: 1 },
      };
    case 'adjustStock':
      return {
        method: 'POST',
        url: '/api/supplies/adjustments',
        payload: { store, item: 'MASK', delta: 1, reason: '盘盈' },
      };
    case 'expireStock':
      return { method: 'POST', url: '/api/supplies/expiries', payload: { store } };
    case 'getSupplyGaps':
      return { method: 'GET', url: `/api/supplies/gaps?under=${place}` };
    case 'exportSupplies':
      return { method: 'GET', url: `/api/supplies/export?under=${place}` };
    case 'listSupplyAlerts':
      return { method: 'GET', url: `/api/supplies/alerts?under=${place}` };
    case 'raiseSupplyAlerts':
      return { method: 'POST', url: `/api/supplies/alerts/raise?under=${place}` };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/**
 * Supplies' routes for the fuzz, called as the city admin (who may call them all). exportSupplies
 * is left out: its answer is a workbook, not the JSON the fuzz reads (http/supplies.test.ts reads it).
 */
export const SUPPLIES_FUZZ_ROUTES: readonly { method: 'GET' | 'POST'; url: string; admin: true }[] = [
  { method: 'GET', url: '/api/supplies/items', admin: true },
  { method: 'POST', url: '/api/supplies/items/import', admin: true },
  { method: 'GET', url: '/api/supplies/norms', admin: true },
  { method: 'GET', url: '/api/supplies/stores', admin: true },
  { method: 'POST', url: '/api/supplies/stores', admin: true },
  { method: 'GET', url: '/api/supplies/stock', admin: true },
  { method: 'GET', url: `/api/supplies/stock?store=${NO_ONE}`, admin: true },
  { method: 'GET', url: '/api/supplies/movements', admin: true },
  { method: 'POST', url: '/api/supplies/receipts', admin: true },
  { method: 'POST', url: '/api/supplies/issues', admin: true },
  { method: 'POST', url: '/api/supplies/transfers', admin: true },
  { method: 'POST', url: '/api/supplies/adjustments', admin: true },
  { method: 'POST', url: '/api/supplies/expiries', admin: true },
  { method: 'GET', url: '/api/supplies/gaps', admin: true },
  { method: 'GET', url: '/api/supplies/alerts', admin: true },
  { method: 'POST', url: '/api/supplies/alerts/raise', admin: true },
];
