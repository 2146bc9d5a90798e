import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createShelter } from '@renxing/modules/shelters';
import { createSupplyStore } from '@renxing/modules/supplies';
import { expect, it } from 'vitest';
import { drillRows, ServiceGraph } from '../rules/network.js';
import { allLinks, graphAssets } from '../store/network.js';
import { runDrill } from './drill.js';
import { actor, JD01_AREA, NOW, SQ1, SQ2, SQ3, SQ9, seedNetwork } from './test-support.js';

const graphOf = async (db: Db) => ServiceGraph.build(await graphAssets(db), await allLinks(db));

forEachDatabase(
  'infrastructure: drills',
  (t) => {
    async function setup() {
      const city = await seedNetwork(t.db);
      const admin = { userId: city.users.admin, scope: 'cq', now: NOW };
      const shelter = await createShelter(
        t.db,
        {
          place: SQ1,
          name: '较场口小学',
          address: null,
          lon: 106.574,
          lat: 29.552,
          capacityDay: 300,
          capacityNight: 200,
          type: 'indoor',
          offers: [],
        },
        admin,
      );
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
        admin,
      );
      const store = await createSupplyStore(t.db, { place: SQ2, name: '民族路仓库' }, admin);
      return { city, shelter, store };
    }

    it('fails a set of assets by id: the contract rows, communities with people, shelters and stores there', async () => {
      const { city, shelter, store } = await setup();
      const drill = await runDrill(t.db, actor(city.users.admin, 'cq'), { assetIds: ['S-YZ1', 'S-JB1'] });
      expect(drill.failed).toEqual(['S-YZ1', 'S-JB1']);
      expect(drill.assets.map((a) => [a.id, a.name, a.kind])).toEqual([
        ['S-YZ1', '解放碑变电站', 'power'],
        ['S-JB1', '观音桥变电站', 'power'],
      ]);
      const expected = drillRows(await graphOf(t.db), ['S-YZ1', 'S-JB1']);
      expect(
        drill.rows.map(({ asset, kind, community, populationLost }) => ({
          asset,
          kind,
          community,
          populationLost,
        })),
      ).toEqual(expected);
      expect(drill.rows.every((r) => r.asset === 'S-YZ1+S-JB1')).toBe(true);
      expect(drill.communities.map((c) => [c.path, c.name, c.people, c.kinds])).toEqual([
        [SQ1, '较场口社区', 1200, ['power', 'telecom', 'water']],
        [SQ9, '建新社区', 900, ['power', 'water']],
        [SQ2, '民族路社区', 800, ['power', 'water']],
        [SQ3, '朝东路社区', 500, ['power']],
      ]);
      expect(drill.shelters.map((s) => [s.id, s.name, s.communityId, s.capacityNight])).toEqual([
        [expect.any(String), '建新小学', city.places[SQ9], 80],
        [shelter.id, '较场口小学', city.places[SQ1], 200],
      ]);
      expect(drill.stores).toEqual([
        {
          id: store.id,
          name: '民族路仓库',
          communityId: city.places[SQ2],
          place: SQ2,
          placeName: '民族路社区',
        },
      ]);
      const audit = await t.db.query<{ detail: { failed: string[] } }>(
        "SELECT detail FROM audit_log WHERE action = 'infrastructure.drill'",
      );
      expect(audit.rows.map((r) => r.detail.failed)).toEqual([['S-YZ1', 'S-JB1']]);
    });

    it('fails every located asset inside an area (a flood zone)', async () => {
      const { city } = await setup();
      const drill = await runDrill(t.db, actor(city.users.admin, 'cq'), { polygon: JD01_AREA });
      expect(drill.failed).toEqual([
        'E-SQ1',
        'E-SQ2',
        'S-YZ1',
        'T-SQ1',
        'T-SW1',
        'W-PUMP1',
        'W-SQ1',
        'W-SQ2',
      ]);
      expect(drill.rows).toEqual(
        drillRows(await graphOf(t.db), drill.failed).map((r) => ({
          ...r,
          communityPath: expect.any(String),
          communityName: expect.any(String),
        })),
      );
      // sq03 keeps its power through S-JB1; sq02 loses its water too (its sink stood in the area).
      expect(drill.communities.map((c) => [c.path, c.services])).toEqual([
        [
          SQ1,
          [
            { kind: 'power', populationLost: 1200 },
            { kind: 'telecom', populationLost: 1200 },
            { kind: 'water', populationLost: 1200 },
          ],
        ],
        [
          SQ2,
          [
            { kind: 'power', populationLost: 800 },
            { kind: 'water', populationLost: 800 },
          ],
        ],
      ]);
      expect(drill.shelters.map((s) => s.name)).toEqual(['较场口小学']);
      expect(drill.stores.map((s) => s.name)).toEqual(['民族路仓库']);
      // Named ids and an area together: the named first, then the rest of the area's.
      const both = await runDrill(t.db, actor(city.users.admin, 'cq'), {
        assetIds: ['W-SQ2'],
        polygon: [
          [106.52, 29.575],
          [106.535, 29.575],
          [106.535, 29.585],
        ],
      });
      expect(both.failed).toEqual(['W-SQ2', 'E-SQ9', 'S-JB1', 'W-PUMP9', 'W-SQ9']);
      // An area with nothing inside fails nothing.
      const none = await runDrill(t.db, actor(city.users.admin, 'cq'), {
        polygon: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      });
      expect(none).toMatchObject({ failed: [], rows: [], communities: [], shelters: [], stores: [] });
    });

    it('drills only what the caller sees, and shows them only their communities', async () => {
      const { city } = await setup();
      const yz = actor(city.users.yz, 'cq.yz');
      await expect(runDrill(t.db, yz, { assetIds: ['S-JB1'] })).rejects.toMatchObject({
        code: 'RX_NO_SUCH_ASSET',
        field: 'body.assetIds',
      });
      await expect(runDrill(t.db, yz, { assetIds: ['NOPE'] })).rejects.toMatchObject({
        code: 'RX_NO_SUCH_ASSET',
      });
      await expect(runDrill(t.db, yz, {})).rejects.toMatchObject({ code: 'RX_VALIDATION' });
      // 江北区 fails its plant (it stands there): of the communities that lose power, only sq09 is theirs.
      const jb = await runDrill(t.db, actor(city.users.jb, 'cq.jb'), { assetIds: ['P-PLANT'] });
      expect(jb.communities.map((c) => c.path)).toEqual([SQ9]);
      expect(jb.shelters.map((s) => s.name)).toEqual(['建新小学']);
      expect(jb.stores).toEqual([]);
      // An area over both districts picks only the caller's assets.
      const wide = await runDrill(t.db, yz, {
        polygon: [
          [106.5, 29.5],
          [106.6, 29.5],
          [106.6, 29.62],
          [106.5, 29.62],
        ],
      });
      expect(wide.failed).toEqual([
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
      expect(wide.communities.map((c) => c.path)).toEqual([SQ1, SQ2, SQ3]);
    });
  },
  { migrate: true },
);
