/** Shelters' share of the access matrix: who may call each operation, its fixture, its requests in and out of scope, its fuzz routes. */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { checkInShelter, createShelter, setShelterState } from '@renxing/modules/shelters';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const MANAGERS: UserRole[] = ['city_admin', 'district_officer', 'street_officer'];

export const SHELTERS_ACCESS: Record<string, UserRole[]> = {
  listShelters: STAFF,
  getShelter: STAFF,
  exportShelters: STAFF,
  findShelterWithRoom: STAFF,
  findEvacuees: STAFF,
  checkInShelter: STAFF,
  checkOutShelter: STAFF,
  createShelter: MANAGERS,
  updateShelter: MANAGERS,
  importShelters: MANAGERS,
  setShelterState: MANAGERS,
};

export interface SheltersFixture {
  /** An open shelter in the matrix users' community (cq.yz.jd01.sq01), and one in 江北 (cq.jb.jd03.sq09). */
  shelterIn: string;
  shelterOut: string;
  /** A stay in each. */
  stayIn: string;
  stayOut: string;
}

const place = (path: string, name: string, lon: number, lat: number) => ({
  place: path,
  name,
  address: null,
  lon,
  lat,
  capacityDay: 1000,
  capacityNight: 1000,
  type: 'indoor' as const,
  offers: [],
});

/** Two open shelters, one each side of the matrix's places, each with a group checked in. */
export async function seedShelters(db: Db, o: { now: number; userId: string }): Promise<SheltersFixture> {
  const actor = { userId: o.userId, scope: 'cq', now: new Date(o.now * 1000) };
  const open = async (p: ReturnType<typeof place>) => {
    const s = await createShelter(db, p, actor);
    await setShelterState(db, s.id, 'open', actor);
    const stay = await checkInShelter(db, s.id, { name: '矩阵测试组', people: 3 }, actor);
    return { shelter: s.id, stay: stay.checkIn.id };
  };
  const inside = await open(place('cq.yz.jd01.sq01', '较场口小学', 106.574, 29.552));
  const outside = await open(place('cq.jb.jd03.sq09', '建新小学', 106.53, 29.58));
  return {
    shelterIn: inside.shelter,
    shelterOut: outside.shelter,
    stayIn: inside.stay,
    stayOut: outside.stay,
  };
}

/** The request for a shelters operation in or out of scope (null: none out of scope), or undefined for another module's. */
export function sheltersRequest(op: string, f: SheltersFixture, out: boolean): Req | null | undefined {
  const shelter = out ? f.shelterOut : f.shelterIn;
  const where = out ? 'cq.jb.jd03.sq09' : 'cq.yz.jd01.sq01';
  switch (op) {
    case 'listShelters':
      return { method: 'GET', url: out ? '/api/shelters?under=cq.jb' : '/api/shelters' };
    case 'getShelter':
      return { method: 'GET', url: `/api/shelters/${shelter}` };
    case 'exportShelters':
      return { method: 'GET', url: `/api/shelters/export?format=${out ? 'edxl&under=cq.jb' : 'geojson'}` };
    case 'findShelterWithRoom':
      // In scope from a point (the matrix's places have no centres); out of scope from 江北's community.
      return {
        method: 'GET',
        url: out
          ? `/api/shelters/nearest?people=2&place=${where}`
          : '/api/shelters/nearest?people=2&lon=106.57&lat=29.55',
      };
    case 'findEvacuees':
      return out ? null : { method: 'GET', url: `/api/shelters/evacuees?q=${encodeURIComponent('张')}` };
    case 'checkInShelter':
      return {
        method: 'POST',
        url: `/api/shelters/${shelter}/check-ins`,
        payload: { name: '矩阵', people: 1 },
      };
    case 'checkOutShelter':
      // Checked out by the first admitted caller; the others find it out already (200, nothing changed).
      return { method: 'POST', url: `/api/shelters/check-ins/${out ? f.stayOut : f.stayIn}/check-out` };
    case 'createShelter':
      return {
        method: 'POST',
        url: '/api/shelters',
        payload: { ...place(where, `新避难场所-${Math.random().toString(36).slice(2, 8)}`, 106.57, 29.55) },
      };
    case 'updateShelter':
      return { method: 'PATCH', url: `/api/shelters/${shelter}`, payload: { capacityNight: 900 } };
    case 'importShelters':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/shelters/import',
            headers: { 'content-type': 'text/csv' },
            payload: `place,name,lon,lat,capacity_day,capacity_night,type\n${where},矩阵公园,106.57,29.55,500,100,outdoor\n`,
          };
    case 'setShelterState':
      return { method: 'POST', url: `/api/shelters/${shelter}/state`, payload: { state: 'open' } };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** Shelters' routes for apps/api/src/fuzz.test.ts, as the city admin (who may call them all). */
export const SHELTERS_FUZZ_ROUTES = [
  { method: 'GET' as const, url: '/api/shelters', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/shelters', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/shelters/${NO_ONE}`, auth: true, admin: true },
  { method: 'PATCH' as const, url: `/api/shelters/${NO_ONE}`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/shelters/${NO_ONE}/state`, auth: true, admin: true },
  { method: 'POST' as const, url: '/api/shelters/import', auth: true, admin: true },
  { method: 'POST' as const, url: `/api/shelters/${NO_ONE}/check-ins`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/shelters/check-ins/${NO_ONE}/check-out`, auth: true, admin: true },
  { method: 'GET' as const, url: '/api/shelters/nearest', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/shelters/evacuees', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/shelters/export', auth: true, admin: true },
];
