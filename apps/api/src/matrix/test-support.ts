/** Screening's share of the access matrix: who may call each operation, its fixture and its requests in and out of scope. */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { createScreeningRound, registerSample } from '@renxing/modules/screening';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const ORGANISERS: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'health_officer'];
const SAMPLERS: UserRole[] = [...STAFF, 'health_officer'];

export const SCREENING_ACCESS: Record<string, UserRole[]> = {
  createScreeningRound: ORGANISERS,
  listScreeningRounds: [...STAFF, 'health_officer', 'lab_user'],
  getScreeningRound: [...STAFF, 'health_officer', 'lab_user'],
  addScreeningSite: ORGANISERS,
  setScreeningExemption: SAMPLERS,
  registerSample: SAMPLERS,
  sealTube: SAMPLERS,
  getTube: [...SAMPLERS, 'lab_user'],
  importTubeResults: ['lab_user', 'health_officer'],
  listResultImports: ['lab_user', 'health_officer', 'city_admin'],
  getRoundCoverage: SAMPLERS,
  listUntested: SAMPLERS,
  getPoolSizeAdvice: [...ORGANISERS, 'lab_user'],
};

export interface ScreeningFixture {
  roundIn: string;
  roundOut: string;
  siteIn: string;
  siteOut: string;
  tubeIn: string;
  tubeOut: string;
}

/**
 * Two rounds — one over the street of the matrix's place users (a site in sq01), one over the
 * other district's street (a site in sq09) — each with a tube holding one of its residents.
 */
export async function seedScreening(
  db: Db,
  o: { now: number; userId: string; personIn: string; personOut: string },
): Promise<ScreeningFixture> {
  const actor = { userId: o.userId, scope: 'cq', now: new Date(o.now * 1000) };
  const round = async (name: string, place: string, site: string, tube: string, person: string) => {
    const r = await createScreeningRound(
      db,
      {
        name,
        from: new Date((o.now - 3600) * 1000),
        to: new Date((o.now + 86400) * 1000),
        places: [{ path: place, zone: 'controlled' }],
        sites: [{ name: '采样点', place: site, opens: '08:00', closes: '20:00', capacityPerHour: 200 }],
      },
      actor,
    );
    await registerSample(db, { siteId: r.sites[0].id, tube, person: { by: 'id', value: person } }, actor);
    return { round: r.round.id, site: r.sites[0].id };
  };
  const inside = await round('第一轮', 'cq.yz.jd01', 'cq.yz.jd01.sq01', 'MX-IN', o.personIn);
  const outside = await round('江北第一轮', 'cq.jb.jd03', 'cq.jb.jd03.sq09', 'MX-OUT', o.personOut);
  return {
    roundIn: inside.round,
    roundOut: outside.round,
    siteIn: inside.site,
    siteOut: outside.site,
    tubeIn: 'MX-IN',
    tubeOut: 'MX-OUT',
  };
}

/** The request for a screening operation in or out of scope (null: none out of scope), or undefined for another module's. */
export function screeningRequest(
  op: string,
  f: ScreeningFixture,
  out: boolean,
  person: string,
  now: number,
): Req | null | undefined {
  const round = out ? f.roundOut : f.roundIn;
  switch (op) {
    case 'createScreeningRound':
      return {
        method: 'POST',
        url: '/api/screening/rounds',
        payload: {
          name: '新一轮',
          from: new Date(now * 1000).toISOString(),
          to: new Date((now + 86400) * 1000).toISOString(),
          places: [{ path: out ? 'cq.jb.jd03.sq09' : 'cq.yz.jd01.sq01', zone: 'prevention' }],
        },
      };
    case 'listScreeningRounds':
      return out ? null : { method: 'GET', url: '/api/screening/rounds' };
    case 'getScreeningRound':
      return { method: 'GET', url: `/api/screening/rounds/${round}` };
    case 'addScreeningSite':
      return {
        method: 'POST',
        url: `/api/screening/rounds/${round}/sites`,
        payload: {
          name: '第二采样点',
          place: out ? 'cq.jb.jd03.sq09' : 'cq.yz.jd01.sq01',
          opens: '09:00',
          closes: '18:00',
          capacityPerHour: 120,
        },
      };
    case 'setScreeningExemption':
      return {
        method: 'PUT',
        url: `/api/screening/rounds/${round}/exemptions/${person}`,
        payload: { reason: 'away', note: '外出务工' },
      };
    case 'registerSample':
      return {
        method: 'POST',
        url: '/api/screening/samples',
        payload: {
          siteId: out ? f.siteOut : f.siteIn,
          tube: out ? 'MX-OUT' : 'MX-IN',
          person: { id: person },
        },
      };
    case 'sealTube':
      return { method: 'POST', url: `/api/screening/tubes/${out ? f.tubeOut : f.tubeIn}/seal` };
    case 'getTube':
      return { method: 'GET', url: `/api/screening/tubes/${out ? f.tubeOut : f.tubeIn}` };
    case 'importTubeResults':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/screening/results',
            headers: { 'content-type': 'text/csv' },
            payload: 'tube,result,reported_at\nNO-SUCH-TUBE,negative,2026-11-20 20:00:00\n',
          };
    case 'listResultImports':
      return out ? null : { method: 'GET', url: '/api/screening/results' };
    case 'getRoundCoverage':
      return { method: 'GET', url: `/api/screening/rounds/${round}/coverage` };
    case 'listUntested':
      return { method: 'GET', url: `/api/screening/rounds/${round}/untested` };
    case 'getPoolSizeAdvice':
      return out ? null : { method: 'GET', url: '/api/screening/pool-size?prevalence=0.01' };
    default:
      return undefined;
  }
}
