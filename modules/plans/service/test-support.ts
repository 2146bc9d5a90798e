/** A small city for plans' tests: a district with two streets and their communities, another district, and staff at each level. */
import type { Db } from '@renxing/db';
import { insertUser, type UserRole } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { createShelter } from '@renxing/modules/shelters';
import { importSupplyItems } from '@renxing/modules/supplies';
import type { PlanTask, VersionContent } from '../rules/content.js';
import { emptyContent } from '../rules/content.js';
import type { PlansActor } from './plans.js';

export const STREET = 'cq.yz.jd01';
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ3 = 'cq.yz.jd02.sq03';
export const SQ9 = 'cq.jb.jd03.sq09';

/** The supplies catalogue of the tests. */
const CATALOGUE = 'code,name,unit\nwater,饮用水,L\nlifejacket,救生衣,件\nmask,口罩,只\n';
/** Residents of 社区一 (社区二 has none). */
export const RESIDENTS = 10;

/** Imports the catalogue of the tests (water, lifejacket, mask). */
export async function supplyCatalogue(db: Db, userId: string): Promise<void> {
  await importSupplyItems(db, new TextEncoder().encode(CATALOGUE), {
    actor: { userId, scope: 'cq', now: new Date('2026-06-01T00:00:00Z') },
  });
}

export interface TestCity {
  admin: string;
  district: string;
  street: string;
  worker: string;
  worker2: string;
  /** An actor of `user` at `scope`, `now`. */
  as(user: string, scope: string, now: Date): PlansActor;
}

export async function testCity(db: Db): Promise<TestCity> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd02', name: '朝天门街道' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
    { parentPath: 'cq.yz.jd01.sq02', level: 'grid', code: 'wg01', name: '网格一' },
    { parentPath: 'cq.yz.jd02', level: 'community', code: 'sq03', name: '社区三' },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
  ]);
  const user = async (username: string, role: UserRole, placePath: string) =>
    (await insertUser(db, { username, passwordHash: 'x', role, placePath, displayName: username })).id;
  const admin = await user('admin', 'city_admin', 'cq');
  // The supplies catalogue the plans' norms name, and ten residents of 社区一.
  await supplyCatalogue(db, admin);
  await upsertPeople(
    db,
    Array.from({ length: RESIDENTS }, (_, i) => ({
      name: `居民${i}`,
      phone: `1390000${String(i).padStart(4, '0')}`,
      community: SQ1,
    })),
    { secret: Buffer.from('plans-test-city-secret-plans-test-0001') },
  );
  return {
    admin,
    district: await user('district', 'district_officer', 'cq.yz'),
    street: await user('street', 'street_officer', STREET),
    worker: await user('worker', 'community_worker', SQ1),
    worker2: await user('worker2', 'community_worker', SQ2),
    as: (userId, scope, now) => ({ userId, scope, now }),
  };
}

export const task = (key: string, more: Partial<PlanTask> = {}): PlanTask => ({
  key,
  title: `任务 ${key}`,
  who: { role: 'community_worker', placeLevel: 'community' },
  dueOffsetHours: 2,
  ...more,
});

/** A flood plan's levels: level II with three tasks in two groups and two norms; level IV one task. */
export function floodLevels(): VersionContent {
  const c = emptyContent();
  c.II = {
    tasks: [
      task('patrol', { title: '巡查河堤', dueOffsetHours: 1 }),
      task('evacuate', { title: '转移低洼地带群众', dueOffsetHours: 6 }),
      task('report', {
        title: '上报灾情',
        who: { role: 'street_officer', placeLevel: 'street' },
        dueOffsetHours: 12,
      }),
    ],
    norms: [
      { item: 'water', perResident: 9 },
      { item: 'lifejacket', perResident: 0.1 },
    ],
    shelters: [],
  };
  c.IV = {
    tasks: [task('watch', { title: '关注天气预警' })],
    norms: [{ item: 'water', perResident: 3 }],
    shelters: [],
  };
  return c;
}

/** A shelter at `place` (a closed one, as the registry adds them); its id. */
export async function shelterAt(db: Db, place: string, name: string, actorId: string): Promise<string> {
  const shelter = await createShelter(
    db,
    {
      place,
      name,
      address: null,
      lon: 106.57,
      lat: 29.55,
      capacityDay: 200,
      capacityNight: 100,
      type: 'indoor',
      offers: [],
    },
    { userId: actorId, scope: 'cq', now: new Date('2026-06-01T00:00:00Z') },
  );
  return shelter.id;
}
