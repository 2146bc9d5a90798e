/**
 * Infrastructure's network in the access matrix: who may call each of its operations, its fixture
 * (a small network with an asset in the matrix users' community and one in 江北's), its requests in
 * and out of scope, its fuzz routes.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { importAssets } from '@renxing/modules/infrastructure';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const READERS: UserRole[] = [...STAFF, 'infra_operator'];
const KEEPERS: UserRole[] = ['city_admin', 'district_officer', 'infra_operator'];

export const INFRA_NETWORK_ACCESS: Record<string, UserRole[]> = {
  importAssets: KEEPERS,
  listAssets: READERS,
  getAsset: READERS,
  getN1Analysis: READERS,
  runN1Analysis: READERS,
  runDrill: KEEPERS,
};

export interface InfraNetworkFixture {
  /** A sink serving the matrix users' community (cq.yz.jd01.sq01), and one serving 江北's (cq.jb.jd03.sq09). */
  assetIn: string;
  assetOut: string;
  /** 江北区's place id (a place outside every matrix user's but the city's). */
  placeOut: string;
}

const ASSETS = `id,kind,type,name,community,population,place,lon,lat
MX-PLANT,power,source,矩阵电厂,,,cq,106.55,29.56
MX-SUB,power,node,矩阵变电站,,,cq,106.56,29.56
MX-SQ01,power,sink,社区一供电,cq.yz.jd01.sq01,1200,,106.574,29.552
MX-SQ09,power,sink,社区九供电,cq.jb.jd03.sq09,900,,106.53,29.58
`;
const LINKS = `from,to,relation
MX-PLANT,MX-SUB,feeds
MX-SUB,MX-SQ01,feeds
MX-SUB,MX-SQ09,feeds
`;

/** The network, imported as the system (its N-1 analysis stored). Needs the matrix's places (sq09 included). */
export async function seedInfraNetwork(db: Db, o: { now: number }): Promise<InfraNetworkFixture> {
  const system = { userId: null, scope: null, now: new Date(o.now * 1000) };
  for (const file of [ASSETS, LINKS]) {
    const r = await importAssets(db, system, Buffer.from(file));
    if (r.rejects.length > 0) throw new Error(`seedInfraNetwork: ${JSON.stringify(r.rejects)}`);
  }
  const { rows } = await db.query<{ id: string }>("SELECT id FROM places WHERE path = 'cq.jb'");
  return { assetIn: 'MX-SQ01', assetOut: 'MX-SQ09', placeOut: rows[0].id };
}

/** The request for a network operation in or out of scope (null: none out of scope), or undefined for another. */
export function infraNetworkRequest(
  op: string,
  f: InfraNetworkFixture,
  out: boolean,
): Req | null | undefined {
  const asset = out ? f.assetOut : f.assetIn;
  switch (op) {
    case 'importAssets':
      // Out of scope a row is refused (200 with its reject), not the call: no out-of-scope request.
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/infra/import',
            headers: { 'content-type': 'text/csv' },
            payload: 'id,kind,type,community,population\nMX-SQ01B,power,sink,cq.yz.jd01.sq01,10\n',
          };
    case 'listAssets':
      return { method: 'GET', url: out ? `/api/infra/assets?placeId=${f.placeOut}` : '/api/infra/assets' };
    case 'getAsset':
      return { method: 'GET', url: `/api/infra/assets/${asset}` };
    case 'getN1Analysis':
      return out ? null : { method: 'GET', url: '/api/infra/n-1' };
    case 'runN1Analysis':
      return out ? null : { method: 'POST', url: '/api/infra/n-1' };
    case 'runDrill':
      return { method: 'POST', url: '/api/infra/drills', payload: { assetIds: [asset] } };
    default:
      return undefined;
  }
}

/** The network's routes for apps/api/src/fuzz.test.ts, as the city admin (who may call them all). */
export const INFRA_NETWORK_FUZZ_ROUTES = [
  { method: 'POST' as const, url: '/api/infra/import', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/infra/assets', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/infra/assets/MX-NONE', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/infra/n-1', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/infra/n-1', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/infra/drills', auth: true, admin: true },
];
