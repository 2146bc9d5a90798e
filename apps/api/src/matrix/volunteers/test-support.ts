/**
 * Volunteers in the access matrix: who may call each of its operations, its fixture (a volunteer in
 * the matrix users' community linked to the volunteer account, the resident registered as a
 * volunteer, and a volunteer in 江北), its requests in and out of scope, its fuzz routes.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { registerVolunteer } from '@renxing/modules/volunteers';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const SELF: UserRole[] = ['resident', 'volunteer'];

export const VOLUNTEERS_ACCESS: Record<string, UserRole[]> = {
  registerVolunteer: [...STAFF, 'resident'],
  verifyVolunteer: STAFF,
  listVolunteers: STAFF,
  getVolunteer: STAFF,
  importVolunteers: STAFF,
  setVolunteerWindows: STAFF,
  recordVolunteerHours: STAFF,
  getMyVolunteer: SELF,
  setMyVolunteerWindows: SELF,
  listOrganisations: STAFF,
  createOrganisation: STAFF,
};

export interface VolunteersFixture {
  /** A volunteer of the matrix users' community (cq.yz.jd01.sq01), the account of `u_volunteer`. */
  volunteerIn: string;
  /** A volunteer of 江北 (cq.jb.jd03.sq09). */
  volunteerOut: string;
}

const SQ1 = 'cq.yz.jd01.sq01';
const SQ9 = 'cq.jb.jd03.sq09';
const WINDOW = { from: '2026-11-21T01:00:00Z', to: '2026-11-21T05:00:00Z' };

/**
 * The volunteers, registered as the system. Needs the matrix's places (sq09 included), its users
 * (`u_volunteer`, `u_resident` linked to `residentPerson`).
 */
export async function seedVolunteers(
  db: Db,
  o: { now: number; residentPerson: string },
): Promise<VolunteersFixture> {
  const now = new Date(o.now * 1000);
  const system = { kind: 'staff' as const, actor: { userId: null, scope: null, now } };
  const user = async (username: string) =>
    (await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
  const at = { lon: 106.574, lat: 29.552 };
  const inside = await registerVolunteer(
    db,
    {
      name: '矩阵志愿者',
      phone: '13900000101',
      skills: ['medicine_delivery'],
      community: SQ1,
      ...at,
      account: { userId: await user('u_volunteer') },
    },
    system,
  );
  await registerVolunteer(
    db,
    { skills: ['food_delivery'], ...at },
    { kind: 'self', userId: await user('u_resident'), personId: o.residentPerson, now },
  );
  const outside = await registerVolunteer(
    db,
    {
      name: '江北志愿者',
      phone: '13900000109',
      skills: ['transport'],
      community: SQ9,
      lon: 106.53,
      lat: 29.58,
    },
    system,
  );
  return { volunteerIn: inside.id, volunteerOut: outside.id };
}

const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** The request for a volunteers operation in or out of scope (null: none out of scope), or undefined for another. */
export function volunteersRequest(op: string, f: VolunteersFixture, out: boolean): Req | null | undefined {
  const volunteer = out ? f.volunteerOut : f.volunteerIn;
  switch (op) {
    case 'registerVolunteer':
      // A resident registers themself (already registered: 409); staff register someone new.
      return {
        method: 'POST',
        url: '/api/volunteers',
        payload: {
          name: '新志愿者',
          phone: phone(),
          skills: ['transport'],
          community: out ? SQ9 : SQ1,
          lon: 106.57,
          lat: 29.55,
        },
      };
    case 'verifyVolunteer':
      return { method: 'POST', url: `/api/volunteers/${volunteer}/verify` };
    case 'listVolunteers':
      return { method: 'GET', url: out ? '/api/volunteers?under=cq.jb' : '/api/volunteers' };
    case 'getVolunteer':
      return { method: 'GET', url: `/api/volunteers/${volunteer}` };
    case 'importVolunteers':
      // Out of scope a row is refused (200 with its reject), not the call: no out-of-scope request.
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/volunteers/import',
            headers: { 'content-type': 'text/csv' },
            payload: `name,phone,skills,community,lon,lat\n导入志愿者,13900000102,logistics,${SQ1},106.57,29.55\n`,
          };
    case 'setVolunteerWindows':
      return { method: 'PUT', url: `/api/volunteers/${volunteer}/windows`, payload: { windows: [WINDOW] } };
    case 'recordVolunteerHours':
      return { method: 'POST', url: `/api/volunteers/${volunteer}/hours`, payload: { hours: 1 } };
    case 'getMyVolunteer':
      return out ? null : { method: 'GET', url: '/api/volunteers/me' };
    case 'setMyVolunteerWindows':
      return out
        ? null
        : { method: 'PUT', url: '/api/volunteers/me/windows', payload: { windows: [WINDOW] } };
    case 'listOrganisations':
      return out ? null : { method: 'GET', url: '/api/volunteers/organisations' };
    case 'createOrganisation':
      return {
        method: 'POST',
        url: '/api/volunteers/organisations',
        payload: {
          name: `矩阵组织${Math.random().toString(36).slice(2, 10)}`,
          kind: 'social_org',
          place: out ? 'cq.jb' : SQ1,
        },
      };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** The volunteers' routes for apps/api/src/fuzz.test.ts, as the city admin (who may call them all but the self ones). */
export const VOLUNTEERS_FUZZ_ROUTES = [
  { method: 'POST' as const, url: '/api/volunteers', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/volunteers', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/volunteers/${NO_ONE}`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/volunteers/${NO_ONE}/verify`, auth: true, admin: true },
  { method: 'PUT' as const, url: `/api/volunteers/${NO_ONE}/windows`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/volunteers/${NO_ONE}/hours`, auth: true, admin: true },
  { method: 'POST' as const, url: '/api/volunteers/import', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/volunteers/organisations', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/volunteers/organisations', auth: true, admin: true },
];
