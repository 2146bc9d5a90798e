/**
 * Mutual aid in the access matrix: who may call each of its operations, its fixture (requests of a
 * resident of the matrix users' community and of one in 江北, each offered to a volunteer by a
 * matching run), its requests in and out of scope, its fuzz routes.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { createAidRequest, runAidMatching, systemActor } from '@renxing/modules/mutual-aid';
import { setVolunteerWindows, verifyVolunteer } from '@renxing/modules/volunteers';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const ASKERS: UserRole[] = [...STAFF, 'resident'];

export const MUTUAL_AID_ACCESS: Record<string, UserRole[]> = {
  createAidRequest: ASKERS,
  findAidDuplicate: ASKERS,
  listAidRequests: ASKERS,
  getAidRequest: ASKERS,
  cancelAidRequest: ASKERS,
  completeAidRequest: [...STAFF, 'volunteer'],
  runAidMatching: STAFF,
  listAidRuns: STAFF,
  listMyOffers: ['volunteer'],
  respondAidMatch: ['volunteer'],
};

export interface MutualAidFixture {
  /** 张三's request (the matrix resident, in cq.yz.jd01.sq01), offered to `u_volunteer`'s volunteer. */
  requestIn: string;
  /** 赵六's request (cq.jb.jd03.sq09), offered to 江北's volunteer. */
  requestOut: string;
  /** Another request of 张三's (no volunteer has its skill: it stays open), for cancelAidRequest. */
  cancelIn: string;
  offerIn: string;
  offerOut: string;
  personIn: string;
  personOut: string;
  now: number;
}

const SQ1_POINT = { lon: 106.574, lat: 29.552 };
const SQ9_POINT = { lon: 106.53, lat: 29.58 };

/**
 * The requests and the run that offers them, as the system. Needs the matrix's people and the
 * volunteers' fixture (seedVolunteers first: `volunteerIn` is `u_volunteer`'s, with
 * medicine_delivery in sq01; `volunteerOut` 江北's, with transport), whom it verifies and makes
 * available around `now`.
 */
export async function seedMutualAid(
  db: Db,
  o: {
    now: number;
    personIn: string;
    personOut: string;
    volunteers: { volunteerIn: string; volunteerOut: string };
  },
): Promise<MutualAidFixture> {
  const now = new Date(o.now * 1000);
  const hours = (h: number) => new Date((o.now + h * 3600) * 1000);
  const staff = { userId: null, scope: null, now };
  for (const id of [o.volunteers.volunteerIn, o.volunteers.volunteerOut]) {
    await verifyVolunteer(db, id, staff);
    await setVolunteerWindows(db, id, [{ from: hours(-1), to: hours(10) }], staff);
  }
  const system = systemActor(now);
  const ask = async (personId: string, need: string, location: { lon: number; lat: number }) =>
    (
      await createAidRequest(
        db,
        { personId, need, urgency: 'normal', from: hours(1), to: hours(5), location },
        system,
      )
    ).request.id;
  const requestIn = await ask(o.personIn, 'medicine_delivery', SQ1_POINT);
  const requestOut = await ask(o.personOut, 'transport', SQ9_POINT);
  const cancelIn = await ask(o.personIn, 'psychological', SQ1_POINT);
  const run = await runAidMatching(db, { actor: system });
  const offer = (request: string) => {
    const m = run.matches.find((x) => x.request === request);
    if (!m) throw new Error(`seedMutualAid: ${request} was not matched: ${JSON.stringify(run.unmatched)}`);
    return m.offer;
  };
  return {
    requestIn,
    requestOut,
    cancelIn,
    offerIn: offer(requestIn),
    offerOut: offer(requestOut),
    personIn: o.personIn,
    personOut: o.personOut,
    now: o.now,
  };
}

/** The request for a mutual-aid operation in or out of scope (null: none out of scope), or undefined for another. */
export function mutualAidRequest(op: string, f: MutualAidFixture, out: boolean): Req | null | undefined {
  const person = out ? f.personOut : f.personIn;
  const request = out ? f.requestOut : f.requestIn;
  const iso = (h: number) => new Date((f.now + h * 3600) * 1000).toISOString();
  switch (op) {
    case 'createAidRequest':
      // In scope the same ask as the fixture's: the duplicate is named (200), nothing new is made.
      return {
        method: 'POST',
        url: '/api/aid/requests',
        payload: {
          personId: person,
          need: out ? 'transport' : 'medicine_delivery',
          urgency: 'normal',
          window: { from: iso(2), to: iso(3) },
          location: out ? SQ9_POINT : SQ1_POINT,
        },
      };
    case 'findAidDuplicate':
      return {
        method: 'GET',
        url: `/api/aid/requests/duplicate?personId=${person}&need=medicine_delivery&from=${encodeURIComponent(iso(2))}&to=${encodeURIComponent(iso(3))}`,
      };
    case 'listAidRequests':
      return out ? null : { method: 'GET', url: '/api/aid/requests' };
    case 'getAidRequest':
      return { method: 'GET', url: `/api/aid/requests/${request}` };
    case 'cancelAidRequest':
      // Once cancelled, again is 409 (admitted all the same).
      return {
        method: 'POST',
        url: `/api/aid/requests/${out ? f.requestOut : f.cancelIn}/cancel`,
        payload: { reason: '矩阵测试' },
      };
    case 'completeAidRequest':
      // Not accepted yet: 409 for whoever is admitted; out of scope (or not the volunteer's): 404.
      return { method: 'POST', url: `/api/aid/requests/${request}/complete`, payload: {} };
    case 'runAidMatching':
      return out ? null : { method: 'POST', url: '/api/aid/match', payload: {} };
    case 'listAidRuns':
      return out ? null : { method: 'GET', url: '/api/aid/runs' };
    case 'listMyOffers':
      return out ? null : { method: 'GET', url: '/api/aid/offers' };
    case 'respondAidMatch':
      // In: the volunteer's own offer (accepted; again 409). Out: another volunteer's (404).
      return {
        method: 'POST',
        url: `/api/aid/offers/${out ? f.offerOut : f.offerIn}/respond`,
        payload: { answer: 'accept' },
      };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** Mutual aid's routes for apps/api/src/fuzz.test.ts, as the city admin (the volunteer's two answer 404 to that role). */
export const MUTUAL_AID_FUZZ_ROUTES = [
  { method: 'POST' as const, url: '/api/aid/requests', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/aid/requests', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/aid/requests/duplicate', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/aid/requests/${NO_ONE}`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/aid/requests/${NO_ONE}/cancel`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/aid/requests/${NO_ONE}/complete`, auth: true, admin: true },
  { method: 'POST' as const, url: '/api/aid/match', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/aid/runs', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/aid/offers', auth: true, admin: true },
  { method: 'POST' as const, url: `/api/aid/offers/${NO_ONE}/respond`, auth: true, admin: true },
];
