import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import { forEachDatabase } from '@renxing/db/testing';
import { upsertPeople } from '@renxing/modules/people';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it, vi } from 'vitest';
import { setSupplyNorms } from '../service/norms.js';

// The API as it will be once supplies is registered (apps/api/src/modules.ts).
vi.mock('../../../apps/api/src/modules.js', async (original) => {
  const { MODULES } = await original<typeof import('../../../apps/api/src/modules.js')>();
  const { suppliesModule } = await import('../module.js');
  const { withSupplies } = await import('./test-support.js');
  return { MODULES: withSupplies(MODULES, suppliesModule) };
});

const T0 = Date.parse('2026-12-05T02:00:00Z') / 1000;
const DAY = 86_400;
const CATALOGUE =
  'code,name,unit,shelf_life_days,min_per_store\nMASK,医用口罩,个,1095,\nWATER,饮用水,升,365,10\n';

forEachDatabase(
  'supplies api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup() {
      await seedCity(t.db);
      await addUser(t.db, 'worker1', 'community_worker', 'cq.yz.jd01.sq01');
      await addUser(t.db, 'worker3', 'community_worker', 'cq.yz.jd02.sq03');
      await upsertPeople(
        t.db,
        Array.from({ length: 10 }, (_, i) => ({
          name: `居民${i}`,
          phone: `1380000${String(i).padStart(4, '0')}`,
          community: 'cq.yz.jd01.sq01',
        })),
        { secret: Buffer.alloc(32, 1) },
      );
      app = await testApp(t.db, 1000, { now: () => T0 });
      const admin = await login(app, 'admin');
      const send = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown, headers = {}) =>
        app!.inject({
          method,
          url,
          headers: { 'accept-language': 'zh-CN', ...authHeaders(s), ...headers },
          ...(payload === undefined ? {} : { payload: payload as string }),
        });
      const imported = await send(admin, 'POST', '/api/supplies/items/import?name=items.csv', CATALOGUE, {
        'content-type': 'text/csv',
      });
      expect(imported.statusCode, imported.body).toBe(200);
      const store = async (s: Session, place: string, name: string) => {
        const res = await send(s, 'POST', '/api/supplies/stores', { place, name });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };
      return { admin, send, store };
    }

    it('receives, issues (FEFO) and refuses what would go below zero with a message naming item, store and what is available', async () => {
      const { admin, send, store } = await setup();
      const worker = await login(app!, 'worker1');
      const sq01 = await store(worker, 'cq.yz.jd01.sq01', '社区物资站');
      const r1 = await send(worker, 'POST', '/api/supplies/receipts', {
        store: sq01,
        item: 'MASK',
        quantity: 30,
        expiresAt: new Date((T0 + 40 * DAY) * 1000).toISOString(),
      });
      expect(r1.statusCode, r1.body).toBe(201);
      expect(r1.json()).toMatchObject({
        kind: 'receive',
        quantity: 30,
        store: { id: sq01, name: '社区物资站' },
      });
      await send(worker, 'POST', '/api/supplies/receipts', {
        store: sq01,
        item: 'MASK',
        quantity: 20,
        expiresAt: null,
      });
      const issued = await send(worker, 'POST', '/api/supplies/issues', {
        store: sq01,
        item: 'MASK',
        quantity: 35,
        reason: '居民',
      });
      expect(issued.statusCode).toBe(201);
      expect(issued.json().lots.map((l: { delta: number }) => l.delta)).toEqual([-30, -5]);
      const refused = await send(worker, 'POST', '/api/supplies/issues', {
        store: sq01,
        item: 'MASK',
        quantity: 16,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        code: 'RX_SUPPLY_INSUFFICIENT',
        message: '已拒绝：社区一·社区物资站 现有可用 医用口罩（MASK） 15个，需 16个；未作任何变动',
        field: 'body.quantity',
      });
      const stock = await send(worker, 'GET', `/api/supplies/stock?store=${sq01}`);
      expect(
        stock.json().map((l: { quantity: number; expiresAt: string | null }) => [l.quantity, l.expiresAt]),
      ).toEqual([[15, null]]);
      const moves = await send(admin, 'GET', '/api/supplies/movements?under=cq.yz');
      expect(moves.json()).toMatchObject({
        total: 3,
        movements: [{ kind: 'issue' }, { kind: 'receive' }, { kind: 'receive' }],
      });
      const adjust = await send(worker, 'POST', '/api/supplies/adjustments', {
        store: sq01,
        item: 'MASK',
        delta: -1,
        reason: '',
      });
      expect(adjust.statusCode).toBe(400);
    });

    it('keeps each user to their place: stores and stock outside it read as not found', async () => {
      const { admin, send, store } = await setup();
      const other = await store(admin, 'cq.yz.jd02.sq03', '社区三物资站');
      const mine = await store(admin, 'cq.yz.jd01.sq01', '社区一物资站');
      await send(admin, 'POST', '/api/supplies/receipts', { store: other, item: 'WATER', quantity: 5 });
      const worker = await login(app!, 'worker1');
      for (const [method, url, body] of [
        ['POST', '/api/supplies/receipts', { store: other, item: 'WATER', quantity: 1 }],
        ['POST', '/api/supplies/issues', { store: other, item: 'WATER', quantity: 1 }],
        ['POST', '/api/supplies/transfers', { from: mine, to: other, item: 'WATER', quantity: 1 }],
        ['POST', '/api/supplies/expiries', { store: other }],
        ['GET', `/api/supplies/stock?store=${other}`],
        ['GET', '/api/supplies/gaps?under=cq.yz.jd02'],
        ['POST', '/api/supplies/stores', { place: 'cq.yz.jd02.sq03', name: '越界' }],
      ] as const) {
        const res = await send(worker, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
      expect(
        (await send(worker, 'GET', '/api/supplies/stores')).json().map((s: { id: string }) => s.id),
      ).toEqual([mine]);
      const importing = await send(worker, 'POST', '/api/supplies/items/import', CATALOGUE, {
        'content-type': 'text/csv',
      });
      expect(importing.statusCode).toBe(404);
    });

    it('imports the catalogue with rejects, shows the gaps and their change after an issue, exports XLSX and raises alerts once', async () => {
      const { admin, send, store } = await setup();
      const res = await send(
        admin,
        'POST',
        '/api/supplies/items/import',
        'code,name,unit\nTENT,帐篷,顶\n-bad,x,y\n',
        {
          'content-type': 'text/csv',
        },
      );
      expect(res.json()).toMatchObject({ rows: 2, created: 1, rejects: [{ line: 3, reason: 'bad_code' }] });
      await setSupplyNorms(t.db, 'plan:test', [{ item: 'WATER', perResident: 9, places: ['cq.yz.jd01'] }]);
      const sq01 = await store(admin, 'cq.yz.jd01.sq01', '社区物资站');
      await send(admin, 'POST', '/api/supplies/receipts', { store: sq01, item: 'WATER', quantity: 100 });
      const gap = async () => {
        const g = await send(
          admin,
          'GET',
          '/api/supplies/gaps?under=cq.yz.jd01&item=WATER&horizon=2026-12-10',
        );
        expect(g.statusCode, g.body).toBe(200);
        return g.json().rows.find((r: { path: string }) => r.path === 'cq.yz.jd01.sq01');
      };
      expect(await gap()).toMatchObject({ requirement: 90, stock: 100, gap: 0, residents: 10 });
      await send(admin, 'POST', '/api/supplies/issues', { store: sq01, item: 'WATER', quantity: 30 });
      expect(await gap()).toMatchObject({ requirement: 90, stock: 70, gap: 20 });
      const bad = await send(admin, 'GET', '/api/supplies/gaps?horizon=2026-13-40');
      expect(bad.statusCode).toBe(400);

      const file = await send(admin, 'GET', '/api/supplies/export?under=cq.yz');
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['库存 Stock', '缺口 Gaps']);

      const alerts = await send(admin, 'GET', '/api/supplies/alerts');
      expect(alerts.json().gaps.map((g: { path: string }) => g.path)).toContain('cq.yz.jd01.sq01');
      // WATER: at least 10 in every store; the store holds 70.
      expect(alerts.json().belowMinimum).toEqual([]);
      const raised = await send(admin, 'POST', '/api/supplies/alerts/raise?under=cq.yz');
      expect(raised.json()).toMatchObject({ raised: 3, gaps: 3 });
      expect((await send(admin, 'POST', '/api/supplies/alerts/raise?under=cq.yz')).json().raised).toBe(0);
      const norms = await send(admin, 'GET', '/api/supplies/norms');
      expect(norms.json()).toMatchObject([{ source: 'plan:test', item: 'WATER', perResident: 9 }]);
      const items = await send(admin, 'GET', '/api/supplies/items');
      expect(items.json().map((i: { code: string }) => i.code)).toEqual(['MASK', 'TENT', 'WATER']);
    });
  },
  { migrate: true },
);
