import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { tableXlsx } from '@renxing/sheets';
import { expect, it } from 'vitest';
import { n1Rows, ServiceGraph } from '../rules/network.js';
import { storedLossRows } from '../store/n1.js';
import { allLinks, graphAssets } from '../store/network.js';
import { importAssets } from './import.js';
import { getN1Analysis } from './n1.js';
import { getAsset, listAssets, removeAsset, saveAsset, saveLink } from './network.js';
import {
  ASSET_IDS,
  actor,
  NETWORK_ASSETS_CSV,
  NETWORK_LINKS_CSV,
  SQ1,
  SQ2,
  SQ3,
  SQ9,
  seedNetwork,
  testCity,
} from './test-support.js';

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const count = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params)).rows[0].n;
const audits = (db: Db, action: string) =>
  count(db, 'SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
/** The stored rows must be exactly what the rules compute from the stored network. */
async function expectStoredN1(db: Db) {
  const expected = n1Rows(ServiceGraph.build(await graphAssets(db), await allLinks(db)));
  expect(await storedLossRows(db)).toEqual(expected);
  return expected;
}

forEachDatabase(
  'infrastructure: import and N-1',
  (t) => {
    it('imports assets and links as CSV, stores the N-1 analysis the rules give, and changes nothing the second time', async () => {
      const city = await seedNetwork(t.db);
      expect(city.assets).toMatchObject({
        what: 'assets',
        rows: 16,
        created: 16,
        assets: { created: 16, updated: 0, unchanged: 0 },
        rejects: [],
        n1: { rows: expect.any(Number) },
      });
      expect(city.links).toMatchObject({
        what: 'links',
        rows: 18,
        links: { created: 18, unchanged: 0 },
        rejects: [],
      });
      expect(await count(t.db, 'SELECT count(*)::int AS n FROM infra_assets')).toBe(16);
      expect(await count(t.db, 'SELECT count(*)::int AS n FROM infra_n1_runs')).toBe(2);
      expect(await audits(t.db, 'infrastructure.import')).toBe(2);
      const rows = await expectStoredN1(t.db);
      expect(rows.length).toBe(city.links.n1!.rows);

      // The hidden single point of failure: S-YZ1 takes sq01's power, water and telecom, sq02's power.
      const n1 = await getN1Analysis(t.db, null);
      expect(n1).toMatchObject({ assets: 16, links: 18, computedAt: expect.any(Date) });
      expect(
        n1.rows.filter((r) => r.asset === 'S-YZ1').map((r) => [r.kind, r.communityPath, r.populationLost]),
      ).toEqual([
        ['power', SQ1, 1200],
        ['power', SQ2, 800],
        ['telecom', SQ1, 1200],
        ['water', SQ1, 1200],
      ]);
      // Redundant paths: sq03's power (S-YZ1, S-JB1) and sq02's water (two pumps) have no single pump or substation.
      expect(n1.rows.some((r) => r.communityPath === SQ3 && r.asset.startsWith('S-'))).toBe(false);
      expect(
        n1.rows.some((r) => r.communityPath === SQ2 && r.kind === 'water' && r.asset.startsWith('W-PUMP')),
      ).toBe(false);
      const sq1 = n1.spofs.find((s) => s.communityPath === SQ1)!;
      expect(sq1).toMatchObject({ name: '较场口社区', peopleAtRisk: 1200 });
      expect(sq1.assets).toEqual([
        'E-SQ1',
        'P-PLANT',
        'S-YZ1',
        'T-CORE',
        'T-SQ1',
        'T-SW1',
        'W-PUMP1',
        'W-SQ1',
        'W-WORKS',
      ]);
      expect(n1.spofs.map((s) => s.communityPath)).toEqual([SQ1, SQ9, SQ2, SQ3]);

      const admin = actor(city.users.admin, 'cq');
      const again = await importAssets(t.db, admin, csv([NETWORK_ASSETS_CSV.trim()]));
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 16, n1: null });
      const links = await importAssets(t.db, admin, csv([NETWORK_LINKS_CSV.trim()]));
      expect(links).toMatchObject({ created: 0, unchanged: 18, n1: null });
      expect(await count(t.db, 'SELECT count(*)::int AS n FROM infra_n1_runs')).toBe(2);
      expect(await audits(t.db, 'infrastructure.import')).toBe(4);
    });

    it('resolves places by path or id with their defaults, and refuses bad rows by line with their reason', async () => {
      const city = await testCity(t.db);
      const admin = actor(city.users.admin, 'cq');
      const result = await importAssets(
        t.db,
        admin,
        csv([
          'ID,Kind,Type,Name,Community,Population,Place,Operator,Lon,Lat,note',
          `W1,water,source,水厂,,,cq.jb,,106.5,29.6,extra column ignored`,
          `W2,water,sink,,${city.places[SQ1]},100,,,,`,
          `W3,water,sink,三号,${SQ9},0,,cq,,`,
          `W4,water,node,四号,,,,${'cq.yz'},,`,
          ',water,node,,,,,,,', // 6 id_empty
          'W1,water,node,,,,,,,', // 7 id_duplicate
          'W5,water,pipe,,,,,,,', // 8 bad_type
          'W6,water,sink,,,10,,,,', // 9 community_empty
          `W7,water,sink,,${SQ1},-1,,,,`, // 10 bad_population
          'W8,water,sink,,cq.yz.jd01,10,,,,', // 11 a street is no community
          'W9,water,sink,,cq.nowhere,10,,,,', // 12 no such place
          'W10,water,node,,,,,,106.5,', // 13 half a location
          'W11,water,node,,,,cq.nowhere,,,', // 14 unknown place
          'W12,water,node,,,,,cq.nowhere,,', // 15 unknown operator
          `W13,water,node,${'名'.repeat(201)},,,,,,`, // 16 name too long
          `${'x'.repeat(65)},water,node,,,,,,,`, // 17 id too long
          'W14,,node,,,,,,,', // 18 kind_empty
          'W16,water,node,名\u0000字,,,,,,', // 19 a NUL
          'W15,water,node,"unterminated,,,,,,,', // 20 unreadable
        ]),
      );
      expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
        [6, 'id_empty'],
        [7, 'id_duplicate'],
        [8, 'bad_type'],
        [9, 'community_empty'],
        [10, 'bad_population'],
        [11, 'unknown_community'],
        [12, 'unknown_community'],
        [13, 'bad_location'],
        [14, 'unknown_place'],
        [15, 'unknown_operator'],
        [16, 'name_too_long'],
        [17, 'id_too_long'],
        [18, 'kind_empty'],
        [19, 'bad_text'],
        [20, 'unreadable_row'],
      ]);
      expect(result.rejects[0].message).toEqual({ en: 'id is empty', 'zh-CN': 'id 为空' });
      expect(result).toMatchObject({ what: 'assets', created: 4 });
      const { assets } = await listAssets(t.db, null);
      const by = Object.fromEntries(assets.map((a) => [a.id, a]));
      // A source without a community: its place as written, operated from its district.
      expect(by.W1).toMatchObject({ placePath: 'cq.jb', operatorPlacePath: 'cq.jb', lon: 106.5, lat: 29.6 });
      // A sink named by its community's id: there, its name defaulting to the id, operated from 渝中区.
      expect(by.W2).toMatchObject({
        name: 'W2',
        placePath: SQ1,
        communityPath: SQ1,
        communityName: '较场口社区',
        population: 100,
        operatorPlacePath: 'cq.yz',
        lon: null,
      });
      // An operator above the asset (the city's company); population 0 allowed.
      expect(by.W3).toMatchObject({ placePath: SQ9, operatorPlacePath: 'cq', population: 0 });
      // A node with an operator and no place stands at its operator's place.
      expect(by.W4).toMatchObject({ placePath: 'cq.yz', operatorPlacePath: 'cq.yz', communityId: null });
      await expectStoredN1(t.db);
    });

    it('imports XLSX tables, links refused by line, and drops feeds links when an asset changes kind', async () => {
      const city = await seedNetwork(t.db);
      const admin = actor(city.users.admin, 'cq');
      const xlsx = await tableXlsx(
        '设施',
        ['id', 'kind', 'type', 'name', 'community', 'population'],
        [
          ['G-GATE', 'gas', 'source', '门站', null, null],
          ['G-SQ2', 'gas', 'sink', '民族路燃气', SQ2, 650],
          ['G-BAD', 'gas', 'sink', '坏', SQ2, 'many'],
        ],
      );
      const assets = await importAssets(t.db, admin, xlsx, { source: { file: 'gas.xlsx' } });
      expect(assets).toMatchObject({
        what: 'assets',
        created: 2,
        rejects: [{ line: 4, reason: 'bad_population' }],
      });
      const links = await importAssets(
        t.db,
        admin,
        await tableXlsx(
          '连接',
          ['from', 'to', 'relation'],
          [
            ['G-GATE', 'G-SQ2', 'feeds'],
            ['G-GATE', 'G-NONE', 'feeds'],
            ['G-NONE', 'G-SQ2', 'feeds'],
            ['G-GATE', 'G-SQ2', 'flows'],
            ['G-GATE', 'E-SQ2', 'feeds'],
            ['S-YZ1', 'G-GATE', 'needs'],
          ],
        ),
      );
      expect(links.rejects.map((r) => [r.line, r.reason])).toEqual([
        [3, 'unknown_to'],
        [4, 'unknown_from'],
        [5, 'bad_relation'],
        [6, 'feeds_across_kinds'],
      ]);
      expect(links.links).toMatchObject({ created: 2 });
      let n1 = await getN1Analysis(t.db, null);
      expect(n1.rows.filter((r) => r.kind === 'gas').map((r) => `${r.asset}:${r.communityPath}`)).toEqual([
        `G-GATE:${SQ2}`,
        `G-SQ2:${SQ2}`,
        `P-PLANT:${SQ2}`,
        `S-YZ1:${SQ2}`,
      ]);

      // S-YZ1 becomes a gas node: its power feeds (in: P-PLANT; out: three sinks) are dropped.
      const changed = await importAssets(
        t.db,
        admin,
        csv(['id,kind,type,name,place', 'S-YZ1,gas,node,解放碑调压站,cq.yz.jd01']),
      );
      expect(changed).toMatchObject({ updated: 1, links: { removed: 4 }, n1: { rows: expect.any(Number) } });
      expect(
        await count(
          t.db,
          "SELECT count(*)::int AS n FROM infra_links WHERE from_id = 'S-YZ1' AND relation = 'feeds'",
        ),
      ).toBe(0);
      n1 = await getN1Analysis(t.db, null);
      expect(n1.rows.some((r) => r.asset === 'S-YZ1' && r.kind === 'power')).toBe(false);
      await expectStoredN1(t.db);
    });

    it('imports GeoJSON: points are assets, lines are links, features refused by index', async () => {
      const city = await testCity(t.db);
      const admin = actor(city.users.admin, 'cq');
      const point = (lon: unknown, lat: unknown, properties: Record<string, unknown>) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties,
      });
      const line = (properties: Record<string, unknown>) => ({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [106.5, 29.5],
            [106.6, 29.6],
          ],
        },
        properties,
      });
      const doc = {
        type: 'FeatureCollection',
        features: [
          line({ from: 'H-SRC', to: 'H-SQ1' }), // 0: a link to assets later in the file; feeds by default
          point(106.55, 29.56, { id: 'H-SRC', kind: 'heat', type: 'source', name: '热源厂', place: 'cq' }),
          point(106.574, 29.552, {
            id: 'H-SQ1',
            kind: 'heat',
            type: 'sink',
            community: SQ1,
            population: 300,
          }),
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} }, // 3
          { type: 'Nope' }, // 4
          point('x', 29.5, { id: 'H-X', kind: 'heat', type: 'node' }), // 5
          point(200, 29.5, { id: 'H-Y', kind: 'heat', type: 'node' }), // 6
          line({ from: 'H-SRC', to: 'H-NONE' }), // 7
          point(106.58, 29.559, { id: 'H-\ud800', kind: 'heat', type: 'node' }), // 8: a lone surrogate
          point(106.58, 29.559, { id: 'H-SQ2', kind: 'heat', type: 'sink', community: SQ2, population: 1.5 }), // 9
        ],
      };
      const result = await importAssets(t.db, admin, Buffer.from(JSON.stringify(doc)));
      expect(result).toMatchObject({
        what: 'geojson',
        rows: 10,
        assets: { created: 2 },
        links: { created: 1 },
      });
      expect(result.rejects.map((r) => [r.feature, r.reason])).toEqual([
        [3, 'unsupported_geometry'],
        [4, 'not_a_feature'],
        [5, 'bad_location'],
        [6, 'bad_location'],
        [7, 'unknown_to'],
        [8, 'bad_text'],
        [9, 'bad_population'],
      ]);
      expect(result.rejects.every((r) => r.line === undefined)).toBe(true);
      const page = await getAsset(t.db, 'cq', 'H-SQ1');
      expect(page.asset).toMatchObject({ lon: 106.574, lat: 29.552, communityPath: SQ1, working: true });
      expect(page.upstream).toEqual([
        { id: 'H-SRC', name: '热源厂', kind: 'heat', type: 'source', relation: 'feeds', working: true },
      ]);
      expect(page.impact.map((r) => [r.asset, r.kind, r.communityPath, r.populationLost])).toEqual([
        ['H-SQ1', 'heat', SQ1, 300],
      ]);
      await expect(
        importAssets(t.db, admin, Buffer.from('{"type":"Feature"}'), { source: { file: 'x.geojson' } }),
      ).rejects.toMatchObject({ code: 'RX_FILE_UNREADABLE' });
      await expect(importAssets(t.db, admin, Buffer.from('{not json'))).rejects.toMatchObject({
        code: 'RX_FILE_UNREADABLE',
      });
      await expect(importAssets(t.db, admin, csv(['id,kind']))).rejects.toMatchObject({
        code: 'RX_MISSING_COLUMN',
      });
    });

    it('keeps each caller to their place: what they see, import, and the N-1 rows of their communities', async () => {
      const city = await seedNetwork(t.db);
      const yz = actor(city.users.yz, 'cq.yz');
      const seen = await listAssets(t.db, 'cq.yz');
      expect(seen.assets.map((a) => a.id)).toEqual([
        'E-SQ1',
        'E-SQ2',
        'E-SQ3',
        'S-YZ1',
        'T-CORE',
        'T-SQ1',
        'T-SW1',
        'W-PUMP1',
        'W-SQ1',
        'W-SQ2',
      ]);
      expect(seen.kinds).toEqual(['power', 'telecom', 'water']);
      expect(seen.links.every((l) => seen.assets.some((a) => a.id === l.from))).toBe(true);
      expect(seen.links).toContainEqual({ from: 'S-YZ1', to: 'W-PUMP1', relation: 'needs' });
      expect(seen.assets.every((a) => a.working && !a.offline && a.openAlarms === 0)).toBe(true);
      // The operator in 江北区 sees 江北's assets (and the plant it stands in, operated from the city).
      const op = await listAssets(t.db, 'cq.jb', { kind: 'water' });
      expect(op.assets.map((a) => a.id)).toEqual(['W-PUMP9', 'W-SQ9', 'W-WORKS']);
      expect(op.kinds).toEqual(['power', 'water']);
      const under = await listAssets(t.db, 'cq', { placeId: city.places['cq.yz.jd01'] });
      expect(under.assets.map((a) => a.id)).toEqual([
        'E-SQ1',
        'E-SQ2',
        'S-YZ1',
        'T-SQ1',
        'T-SW1',
        'W-PUMP1',
        'W-SQ1',
        'W-SQ2',
      ]);
      await expect(listAssets(t.db, 'cq.yz', { placeId: city.places['cq.jb'] })).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(getAsset(t.db, 'cq.yz', 'S-JB1')).rejects.toMatchObject({ code: 'RX_NO_SUCH_ASSET' });
      expect((await getAsset(t.db, 'cq.yz', 'S-YZ1')).downstream.map((e) => e.id)).toEqual([
        'E-SQ1',
        'E-SQ2',
        'E-SQ3',
        'T-SW1',
        'W-PUMP1',
      ]);

      const n1 = await getN1Analysis(t.db, 'cq.yz');
      expect(new Set(n1.rows.map((r) => r.communityPath))).toEqual(new Set([SQ1, SQ2, SQ3]));
      expect(n1.rows.some((r) => r.asset === 'P-PLANT')).toBe(true);

      const result = await importAssets(
        t.db,
        yz,
        csv([
          'id,kind,type,community,population,place,operator',
          'Y-1,water,node,,,cq.yz.jd02,,',
          `Y-2,water,sink,${SQ9},10,,,`,
          'Y-3,water,node,,,cq.jb.jd03,,',
          'S-JB1,power,node,,,cq.yz.jd01,,',
          'Y-4,water,node,,,cq.yz.jd02,cq,',
          'Y-5,water,node,,,cq.yz.jd02,cq.jb,',
        ]),
      );
      expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
        [3, 'unknown_community'],
        [4, 'unknown_place'],
        [5, 'asset_out_of_reach'],
        [7, 'unknown_operator'],
      ]);
      expect(result.assets.created).toBe(2);
      const links = await importAssets(
        t.db,
        yz,
        csv(['from,to,relation', 'S-YZ1,Y-1,needs', 'S-JB1,Y-1,needs']),
      );
      expect(links.rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'unknown_from']]);
    });

    it('stores the analysis of the whole network when imports run at once', async () => {
      const city = await seedNetwork(t.db);
      const admin = actor(city.users.admin, 'cq');
      const file = (kind: string, n: number) =>
        csv([
          'id,kind,type,community,population',
          ...Array.from({ length: n }, (_, i) => `${kind}-${i},${kind},sink,${i % 2 ? SQ1 : SQ9},${10 + i}`),
        ]);
      const results = await Promise.all([
        importAssets(t.db, admin, file('gas', 30)),
        importAssets(t.db, admin, file('heat', 30)),
        importAssets(t.db, admin, file('cold', 30)),
      ]);
      expect(results.map((r) => r.created)).toEqual([30, 30, 30]);
      // Sinks without a source never work, so they add no rows; the stored rows are the network's.
      const rows = await expectStoredN1(t.db);
      expect(rows.length).toBe(city.links.n1!.rows);
      const runs = await t.db.query<{ assets: number }>('SELECT assets FROM infra_n1_runs ORDER BY id');
      expect(runs.rows.map((r) => r.assets).sort((a, b) => a - b)).toEqual([16, 16, 46, 76, 106]);
    });

    it('saves and removes single assets and links, recomputing the analysis each time', async () => {
      const city = await seedNetwork(t.db);
      const admin = actor(city.users.admin, 'cq');
      await saveAsset(t.db, admin, {
        id: 'E-SQ1B',
        kind: 'power',
        type: 'sink',
        community: SQ1,
        population: 1200,
      });
      await saveLink(t.db, admin, { from: 'S-JB1', to: 'E-SQ1B', relation: 'feeds' });
      // sq01's power now has a second path: S-YZ1 no longer takes it alone.
      let n1 = await getN1Analysis(t.db, null);
      expect(n1.rows.some((r) => r.asset === 'S-YZ1' && r.kind === 'power' && r.communityPath === SQ1)).toBe(
        false,
      );
      await expect(
        saveAsset(t.db, admin, { id: 'E-X', kind: 'power', type: 'sink', community: 'cq.nowhere' }),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION' });
      await removeAsset(t.db, admin, 'E-SQ1B');
      n1 = await getN1Analysis(t.db, null);
      expect(n1.rows.some((r) => r.asset === 'S-YZ1' && r.kind === 'power' && r.communityPath === SQ1)).toBe(
        true,
      );
      await expect(removeAsset(t.db, actor(city.users.yz, 'cq.yz'), 'S-JB1')).rejects.toMatchObject({
        code: 'RX_NO_SUCH_ASSET',
      });
      expect(await audits(t.db, 'infrastructure.asset.save')).toBe(1);
      expect(await audits(t.db, 'infrastructure.asset.delete')).toBe(1);
      expect(await count(t.db, 'SELECT count(*)::int AS n FROM infra_assets')).toBe(ASSET_IDS.length);
      await expectStoredN1(t.db);
    });
  },
  { migrate: true },
);
