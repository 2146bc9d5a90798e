/**
 * The network's routes through the API as a caller meets them: the same kernel plugins as
 * apps/api/src/app.ts (error catalogue, input rules, shared schemas, cookies, the OpenAPI document,
 * the session hook enforcing the access table) with the network's routes under /api.
 */
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { callerAs, moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import { createShelter } from '@renxing/modules/shelters';
import { tableXlsx, XLSX_TYPE } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { ACCESS } from '../access.js';
import {
  JD01_AREA,
  NETWORK_ASSETS_CSV,
  NETWORK_LINKS_CSV,
  NOW,
  SQ1,
  SQ2,
  SQ9,
  testCity,
} from '../service/test-support.js';
import networkRoutes from './network.js';

const networkApp = (db: Db, now: () => number): Promise<FastifyInstance> =>
  moduleTestApp(db, { now, installAuth, modules: [accessModule, { access: ACCESS, routes: networkRoutes }] });

forEachDatabase(
  'infrastructure: network http',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup() {
      const city = await testCity(t.db);
      app = await networkApp(t.db, () => NOW.getTime() / 1000);
      const users: [string, UserRole, string][] = [
        ['h_admin', 'city_admin', 'cq'],
        ['h_yz', 'district_officer', 'cq.yz'],
        ['h_street', 'street_officer', 'cq.yz.jd01'],
        ['h_worker', 'community_worker', SQ1],
        ['h_op', 'infra_operator', 'cq.jb'],
        ['h_health', 'health_officer', 'cq'],
      ];
      for (const [username, role, placePath] of users)
        await createUser(t.db, { username, password: PASSWORD, role, placePath });
      const as = (username: string) => callerAs(app!, username);
      return { city, as };
    }

    it('imports CSV, XLSX and GeoJSON, lists the network, shows an asset and the stored N-1 analysis', async () => {
      const { city, as } = await setup();
      const admin = await as('h_admin');
      const assets = await admin('POST', '/api/infra/import?name=assets.csv', NETWORK_ASSETS_CSV, {
        type: 'text/csv',
      });
      expect(assets.statusCode).toBe(200);
      expect(assets.json()).toMatchObject({
        what: 'assets',
        created: 16,
        rejects: [],
        n1: { rows: expect.any(Number) },
      });
      const links = await admin('POST', '/api/infra/import', NETWORK_LINKS_CSV, { type: 'text/csv' });
      expect(links.json()).toMatchObject({ what: 'links', created: 18, links: { created: 18 } });

      const xlsx = await tableXlsx(
        'gas',
        ['id', 'kind', 'type', 'community', 'population'],
        [
          ['G-GATE', 'gas', 'source', null, null],
          ['G-SQ2', 'gas', 'sink', SQ2, 'lots'],
        ],
      );
      const gas = await admin('POST', '/api/infra/import?what=assets', xlsx, { type: XLSX_TYPE });
      expect(gas.json()).toMatchObject({
        created: 1,
        rejects: [
          { line: 3, reason: 'bad_population', message: { 'zh-CN': 'population 不是大于等于 0 的整数' } },
        ],
      });
      const geojson = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [106.58, 29.559] },
            properties: { id: 'G-SQ2', kind: 'gas', type: 'sink', community: SQ2, population: 650 },
          },
          {
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: [] },
            properties: { from: 'G-GATE', to: 'G-SQ2' },
          },
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} },
        ],
      };
      const geo = await admin('POST', '/api/infra/import', JSON.stringify(geojson), {
        type: 'application/geo+json',
      });
      expect(geo.json()).toMatchObject({
        what: 'geojson',
        assets: { created: 1 },
        links: { created: 1 },
        rejects: [{ feature: 2, reason: 'unsupported_geometry' }],
      });
      // The same document as plain JSON changes nothing.
      const again = await admin('POST', '/api/infra/import', geojson, { type: 'application/json' });
      expect(again.json()).toMatchObject({ what: 'geojson', created: 0, unchanged: 2, n1: null });

      const list = await admin('GET', '/api/infra/assets?kind=gas');
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        assets: [
          { id: 'G-GATE', type: 'source', working: true, offline: false, openAlarms: 0, placePath: 'cq' },
          {
            id: 'G-SQ2',
            communityId: city.places[SQ2],
            communityName: '民族路社区',
            population: 650,
            lon: 106.58,
          },
        ],
        links: [{ from: 'G-GATE', to: 'G-SQ2', relation: 'feeds' }],
        kinds: ['gas', 'power', 'telecom', 'water'],
      });
      const jd01 = await admin('GET', `/api/infra/assets?placeId=${city.places['cq.yz.jd01']}&kind=power`);
      expect(jd01.json().assets.map((a: { id: string }) => a.id)).toEqual(['E-SQ1', 'E-SQ2', 'S-YZ1']);

      const page = await admin('GET', '/api/infra/assets/S-YZ1');
      expect(page.statusCode).toBe(200);
      const p = page.json();
      expect(p.asset).toMatchObject({ id: 'S-YZ1', name: '解放碑变电站', operatorPlacePath: 'cq.yz' });
      expect(p.upstream).toEqual([
        { id: 'P-PLANT', name: '江北电厂', kind: 'power', type: 'source', relation: 'feeds', working: true },
      ]);
      expect(p.downstream.map((e: { id: string; relation: string }) => `${e.id}:${e.relation}`)).toEqual([
        'E-SQ1:feeds',
        'E-SQ2:feeds',
        'E-SQ3:feeds',
        'T-SW1:needs',
        'W-PUMP1:needs',
      ]);
      expect(p).toMatchObject({ sensors: [], alarms: [] });
      expect(
        p.impact.map((r: { kind: string; communityPath: string; populationLost: number }) => [
          r.kind,
          r.communityPath,
          r.populationLost,
        ]),
      ).toEqual([
        ['power', SQ1, 1200],
        ['power', SQ2, 800],
        ['telecom', SQ1, 1200],
        ['water', SQ1, 1200],
      ]);

      const n1 = await admin('GET', '/api/infra/n-1');
      expect(n1.statusCode).toBe(200);
      expect(n1.json()).toMatchObject({ computedAt: NOW.toISOString(), assets: 18, links: 19 });
      expect(n1.json().spofs[0]).toMatchObject({
        communityPath: SQ1,
        name: '较场口社区',
        peopleAtRisk: 1200,
      });
      const rerun = await admin('POST', '/api/infra/n-1');
      expect(rerun.statusCode).toBe(200);
      expect(rerun.json().rows).toEqual(n1.json().rows);
      const runs = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM infra_n1_runs');
      expect(runs.rows[0].n).toBe(5);
    });

    it('publishes its operations in the OpenAPI document', async () => {
      await setup();
      await app!.ready();
      const doc = app!.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
      const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
      expect(ops.filter((o) => o && o in ACCESS).sort()).toEqual([
        'getAsset',
        'getN1Analysis',
        'importAssets',
        'listAssets',
        'runDrill',
        'runN1Analysis',
      ]);
    });

    it('runs drills by ids and by area with the shelters of the communities hit', async () => {
      const { city, as } = await setup();
      const admin = await as('h_admin');
      await admin('POST', '/api/infra/import', NETWORK_ASSETS_CSV, { type: 'text/csv' });
      await admin('POST', '/api/infra/import', NETWORK_LINKS_CSV, { type: 'text/csv' });
      await createShelter(
        t.db,
        {
          place: SQ9,
          name: '建新小学',
          address: null,
          lon: 106.53,
          lat: 29.58,
          capacityDay: 100,
          capacityNight: 80,
          type: 'indoor',
          offers: [],
        },
        { userId: city.users.admin, scope: 'cq', now: NOW },
      );
      const byIds = await admin('POST', '/api/infra/drills', { assetIds: ['S-JB1'] });
      expect(byIds.statusCode).toBe(200);
      expect(byIds.json()).toMatchObject({
        failed: ['S-JB1'],
        rows: [
          { asset: 'S-JB1', kind: 'power', communityPath: SQ9, populationLost: 900 },
          { asset: 'S-JB1', kind: 'water', communityPath: SQ9, populationLost: 900 },
        ],
        communities: [{ path: SQ9, name: '建新社区', people: 900, kinds: ['power', 'water'] }],
        shelters: [{ name: '建新小学', communityId: city.places[SQ9], capacityNight: 80 }],
        stores: [],
      });
      const area = await admin('POST', '/api/infra/drills', { polygon: JD01_AREA });
      expect(area.json().failed).toEqual([
        'E-SQ1',
        'E-SQ2',
        'S-YZ1',
        'T-SQ1',
        'T-SW1',
        'W-PUMP1',
        'W-SQ1',
        'W-SQ2',
      ]);
      expect((await admin('POST', '/api/infra/drills', {})).statusCode).toBe(400);
      const short = await admin('POST', '/api/infra/drills', {
        polygon: [
          [106.5, 29.5],
          [106.6, 29.5],
        ],
      });
      expect(short.statusCode).toBe(400);
      const far = await admin('POST', '/api/infra/drills', {
        polygon: [
          [0, 95],
          [1, 0],
          [1, 1],
        ],
      });
      expect(far.json()).toMatchObject({ code: 'RX_VALIDATION', field: 'body.polygon.0' });
    });

    it('admits each role to what the access table says, and keeps callers to their place', async () => {
      const { as } = await setup();
      const admin = await as('h_admin');
      await admin('POST', '/api/infra/import', NETWORK_ASSETS_CSV, { type: 'text/csv' });
      await admin('POST', '/api/infra/import', NETWORK_LINKS_CSV, { type: 'text/csv' });

      const yz = await as('h_yz');
      const hidden = await yz('GET', '/api/infra/assets/S-JB1', undefined, { lang: 'zh-CN' });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({
        code: 'RX_NO_SUCH_ASSET',
        message: expect.stringContaining('S-JB1'),
      });
      expect((await yz('POST', '/api/infra/drills', { assetIds: ['S-JB1'] })).statusCode).toBe(404);
      const drill = await yz('POST', '/api/infra/drills', { assetIds: ['S-YZ1'] });
      expect(drill.json().communities.map((c: { path: string }) => c.path)).toEqual([SQ1, SQ2]);
      const refused = await yz('POST', '/api/infra/import', 'id,kind,type,place\nY-1,water,node,cq.jb\n', {
        type: 'text/csv',
      });
      expect(refused.json()).toMatchObject({ created: 0, rejects: [{ line: 2, reason: 'unknown_place' }] });

      // The operator in 江北 sees 江北's network and imports there.
      const op = await as('h_op');
      const opList = await op('GET', '/api/infra/assets');
      expect(opList.json().assets.map((a: { id: string }) => a.id)).toEqual([
        'E-SQ9',
        'P-PLANT',
        'S-JB1',
        'W-PUMP9',
        'W-SQ9',
        'W-WORKS',
      ]);
      const opImport = await op(
        'POST',
        '/api/infra/import',
        'id,kind,type,place\nJ-1,water,node,cq.jb.jd03\n',
        {
          type: 'text/csv',
        },
      );
      expect(opImport.json()).toMatchObject({ created: 1 });

      // A community worker reads the rows of their community only; may not import or drill.
      const worker = await as('h_worker');
      const n1 = await worker('GET', '/api/infra/n-1');
      expect(n1.statusCode).toBe(200);
      expect(new Set(n1.json().rows.map((r: { communityPath: string }) => r.communityPath))).toEqual(
        new Set([SQ1]),
      );
      expect((await worker('POST', '/api/infra/drills', { assetIds: ['E-SQ1'] })).statusCode).toBe(404);
      expect(
        (await worker('POST', '/api/infra/import', 'id,kind,type\n', { type: 'text/csv' })).statusCode,
      ).toBe(404);
      // Roles outside the table do not reach the network at all.
      const health = await as('h_health');
      expect((await health('GET', '/api/infra/assets')).statusCode).toBe(404);
      expect((await health('GET', '/api/infra/n-1')).statusCode).toBe(404);
    });
  },
  { migrate: true },
);
