/**
 * Transmission chains' share of the access matrix and the fuzz: who may call getTransmissionChain,
 * the pings that give the matrix's cases a chain, its requests in and out of scope, and its route
 * for random queries. The chain is of the matrix's own cases (its caseIn of 社区一, caseOut of 社区九).
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { importPings } from '@renxing/modules/trajectories';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];

export const CHAINS_ACCESS: Record<string, UserRole[]> = {
  getTransmissionChain: [...STAFF, 'health_officer'],
};

/** The matrix's cases: one its place users can see, one in the other district. */
export interface ChainsFixture {
  caseIn: string;
  caseOut: string;
}

/**
 * Pings that make chains of the matrix's cases: 王五 (caseIn) meets 张三 (both of 社区一) the hour
 * before `now`, and 张三 then a phone not in the registry; 钱七 (caseOut) meets 赵六 (社区九).
 */
export async function seedChains(db: Db, o: { secret: Buffer; now: number }): Promise<void> {
  const lines = ['subject,ts,lon,lat'];
  for (let k = 0; k <= 6; k++) {
    const [a, b] = [o.now - 7200 + k * 300, o.now - 3600 + k * 300];
    lines.push(`13800000003,${a},106.5701,29.5601`, `13800000001,${a},106.5702,29.5602`);
    lines.push(`13800000001,${b},106.6001,29.5801`, `13900000001,${b},106.6002,29.5802`);
    lines.push(`13800000007,${a},106.5301,29.6001`, `13800000006,${a},106.5302,29.6002`);
  }
  const imported = await importPings(db, Buffer.from(`${lines.join('\n')}\n`), {
    secret: o.secret,
    source: 'matrix-chains.csv',
  });
  if (imported.rejected !== 0) throw new Error(`seedChains: ${imported.rejected} pings rejected`);
}

/** The request for a chains operation in or out of scope, or undefined for another module's. */
export function chainsRequest(op: string, f: ChainsFixture, out: boolean): Req | null | undefined {
  switch (op) {
    case 'getTransmissionChain':
      // In scope: three generations of people living in 社区一 (under every place user's place).
      return out
        ? { method: 'GET', url: `/api/cases/${f.caseOut}/chain` }
        : { method: 'GET', url: `/api/cases/${f.caseIn}/chain?depth=3&place=cq.yz.jd01.sq01` };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** The chain's route for the fuzz, as the city admin (who may call it). */
export const CHAINS_FUZZ_ROUTES = [
  { method: 'GET' as const, url: `/api/cases/${NO_ONE}/chain`, auth: true, admin: true },
] as const;
