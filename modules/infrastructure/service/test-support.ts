/**
 * A small city with a water, power and telecom network, for infrastructure's tests (the network's
 * and the alarms'). Places: 渝中区 with two streets (communities sq01, sq02 and sq03) and 江北区
 * with one (sq09). The network, imported through the service (so its N-1 analysis is stored):
 *
 *   power    P-PLANT → S-YZ1 → E-SQ1 (sq01, 1200), E-SQ2 (sq02, 800), E-SQ3 (sq03, 500)
 *                    → S-JB1 → E-SQ3, E-SQ9 (sq09, 900)
 *   water    W-WORKS → W-PUMP1 (needs S-YZ1) → W-SQ1 (sq01, 1200), W-SQ2 (sq02, 800)
 *                    → W-PUMP9 (needs S-JB1) → W-SQ2, W-SQ9 (sq09, 900)
 *   telecom  T-CORE → T-SW1 (needs S-YZ1) → T-SQ1 (sq01, 1200)
 *
 * The hidden single point of failure: substation S-YZ1 takes sq01's power, water and telecom, and
 * sq02's power. sq03's power and sq02's water have a second path.
 */
import type { Db } from '@renxing/db';
import { insertUser, type UserRole } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import type { InfraActor } from './actor.js';
import { importAssets, type NetworkImportSummary } from './import.js';

export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ3 = 'cq.yz.jd02.sq03';
export const SQ9 = 'cq.jb.jd03.sq09';
export const NOW = new Date('2026-12-06T12:00:00+08:00');

export const CENTRES: Record<string, [number, number]> = {
  cq: [106.55, 29.56],
  'cq.yz': [106.56, 29.553],
  'cq.yz.jd01': [106.577, 29.557],
  [SQ1]: [106.574, 29.552],
  [SQ2]: [106.58, 29.559],
  'cq.yz.jd02': [106.585, 29.566],
  [SQ3]: [106.588, 29.567],
  'cq.jb': [106.574, 29.606],
  'cq.jb.jd03': [106.532, 29.578],
  [SQ9]: [106.53, 29.58],
};

export const NETWORK_ASSETS_CSV = `id,kind,type,name,community,population,place,operator,lon,lat
P-PLANT,power,source,江北电厂,,,cq.jb,cq,106.52,29.60
S-YZ1,power,node,解放碑变电站,,,cq.yz.jd01,,106.577,29.556
S-JB1,power,node,观音桥变电站,,,cq.jb.jd03,,106.532,29.579
E-SQ1,power,sink,较场口供电,${SQ1},1200,,,106.574,29.552
E-SQ2,power,sink,民族路供电,${SQ2},800,,,106.58,29.559
E-SQ3,power,sink,朝东路供电,${SQ3},500,,,106.588,29.567
E-SQ9,power,sink,建新供电,${SQ9},900,,,106.53,29.58
W-WORKS,water,source,江北水厂,,,cq.jb,,106.54,29.59
W-PUMP1,water,node,较场口泵站,,,cq.yz.jd01,,106.575,29.553
W-PUMP9,water,node,建新泵站,,,cq.jb.jd03,,106.531,29.581
W-SQ1,water,sink,较场口供水,${SQ1},1200,,,106.5741,29.5521
W-SQ2,water,sink,民族路供水,${SQ2},800,,,106.5801,29.5591
W-SQ9,water,sink,建新供水,${SQ9},900,,,106.5301,29.5801
T-CORE,telecom,source,通信核心机房,,,cq.yz,,106.56,29.553
T-SW1,telecom,node,解放碑交换机,,,cq.yz.jd01,,106.5765,29.5555
T-SQ1,telecom,sink,较场口通信,${SQ1},1200,,,106.5742,29.5522
`;

export const NETWORK_LINKS_CSV = `from,to,relation
P-PLANT,S-YZ1,feeds
P-PLANT,S-JB1,feeds
S-YZ1,E-SQ1,feeds
S-YZ1,E-SQ2,feeds
S-YZ1,E-SQ3,feeds
S-JB1,E-SQ3,feeds
S-JB1,E-SQ9,feeds
W-WORKS,W-PUMP1,feeds
W-WORKS,W-PUMP9,feeds
W-PUMP1,W-SQ1,feeds
W-PUMP1,W-SQ2,feeds
W-PUMP9,W-SQ2,feeds
W-PUMP9,W-SQ9,feeds
S-YZ1,W-PUMP1,needs
S-JB1,W-PUMP9,needs
T-CORE,T-SW1,feeds
T-SW1,T-SQ1,feeds
S-YZ1,T-SW1,needs
`;

/** Every asset id of the network, in byte order. */
export const ASSET_IDS = NETWORK_ASSETS_CSV.trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0])
  .sort();

/** An area around 解放碑 (jd01): S-YZ1, W-PUMP1, T-SW1 and the sinks of sq01 and sq02 stand inside it. */
export const JD01_AREA: [number, number][] = [
  [106.57, 29.55],
  [106.585, 29.55],
  [106.585, 29.562],
  [106.57, 29.562],
];

export interface TestCity {
  /** Users by name → id: admin (city), yz (district cq.yz), street1 (cq.yz.jd01), worker1 (sq01), jb (district cq.jb), op (infra_operator, cq.jb). */
  users: Record<'admin' | 'yz' | 'street1' | 'worker1' | 'jb' | 'op', string>;
  /** Place ids by path. */
  places: Record<string, string>;
}

/** The places and users (no network). */
export async function testCity(db: Db): Promise<TestCity> {
  const place = (path: string, name: string, level: 'city' | 'district' | 'street' | 'community') => {
    const parts = path.split('.');
    const [lon, lat] = CENTRES[path];
    const parentPath = parts.length > 1 ? parts.slice(0, -1).join('.') : null;
    return { parentPath, level, code: parts[parts.length - 1], name, lon, lat };
  };
  const inserted = await insertPlaces(db, [
    place('cq', '重庆市', 'city'),
    place('cq.yz', '渝中区', 'district'),
    place('cq.yz.jd01', '解放碑街道', 'street'),
    place(SQ1, '较场口社区', 'community'),
    place(SQ2, '民族路社区', 'community'),
    place('cq.yz.jd02', '朝天门街道', 'street'),
    place(SQ3, '朝东路社区', 'community'),
    place('cq.jb', '江北区', 'district'),
    place('cq.jb.jd03', '观音桥街道', 'street'),
    place(SQ9, '建新社区', 'community'),
  ]);
  const user = async (username: string, role: UserRole, placePath: string) =>
    (await insertUser(db, { username, passwordHash: 'x', role, placePath, displayName: username })).id;
  return {
    users: {
      admin: await user('admin', 'city_admin', 'cq'),
      yz: await user('yz', 'district_officer', 'cq.yz'),
      street1: await user('street1', 'street_officer', 'cq.yz.jd01'),
      worker1: await user('worker1', 'community_worker', SQ1),
      jb: await user('jb', 'district_officer', 'cq.jb'),
      op: await user('op', 'infra_operator', 'cq.jb'),
    },
    places: Object.fromEntries(inserted.map((p) => [p.path, p.id])),
  };
}

export const actor = (userId: string | null, scope: string | null, now = NOW): InfraActor => ({
  userId,
  scope,
  now,
});

export interface SeededNetwork extends TestCity {
  assets: NetworkImportSummary;
  links: NetworkImportSummary;
}

/** The test city and its network, imported by the city admin (N-1 stored). */
export async function seedNetwork(db: Db): Promise<SeededNetwork> {
  const city = await testCity(db);
  const admin = actor(city.users.admin, 'cq');
  const assets = await importAssets(db, admin, Buffer.from(NETWORK_ASSETS_CSV), {
    source: { file: 'assets.csv' },
  });
  const links = await importAssets(db, admin, Buffer.from(NETWORK_LINKS_CSV), {
    source: { file: 'links.csv' },
  });
  if (assets.rejects.length + links.rejects.length > 0)
    throw new Error(`seedNetwork: rejects ${JSON.stringify([...assets.rejects, ...links.rejects])}`);
  return { ...city, assets, links };
}
