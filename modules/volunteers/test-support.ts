/**
 * A small city for volunteers' tests (two communities of 渝中区' 解放碑街道, one of 江北区, people and
 * users) and a test API serving the volunteers module alone with sign-in: the same kernel plugins as
 * apps/api/src/app.ts and its routes under /api.
 */
import type { Db } from '@renxing/db';
import { moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { volunteersModule } from './module.js';
import type { VolunteerActor } from './service/actor.js';

export { PASSWORD, signIn } from '@renxing/http/testing';

export const CITY_SECRET = Buffer.from('volunteers-city-secret-volunteers-city-0001');
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 10:00 in the city on 2026-12-06. */
export const NOW = new Date('2026-12-06T10:00:00+08:00');

export interface VolunteersCity {
  /** Users by name: admin (cq), street1 (cq.yz.jd01), worker1 (sq01), worker2 (sq02), jb1 (cq.jb), resident (张伟), v1 (a volunteer account at sq01). */
  users: Record<'admin' | 'street1' | 'worker1' | 'worker2' | 'jb1' | 'resident' | 'v1', string>;
  /** People by name: 张伟 and 王芳 (sq01), 李娜 (sq02), 赵六 (sq09). */
  people: Record<string, string>;
}

export async function volunteersCity(db: Db): Promise<VolunteersCity> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市', lon: 106.55, lat: 29.56 },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区', lon: 106.56, lat: 29.553 },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道', lon: 106.577, lat: 29.557 },
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq01',
      name: '较场口社区',
      lon: 106.574,
      lat: 29.552,
    },
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq02',
      name: '民族路社区',
      lon: 106.58,
      lat: 29.559,
    },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区', lon: 106.574, lat: 29.606 },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道', lon: 106.532, lat: 29.578 },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '建新社区', lon: 106.53, lat: 29.58 },
  ]);
  // A grid without a centre of its own: its volunteers stand at their community's.
  await insertPlaces(db, [{ parentPath: SQ2, level: 'grid', code: 'wg01', name: '网格一' }]);
  await upsertPeople(
    db,
    [
      { name: '张伟', phone: '13800000001', community: SQ1, household: 'h1', address: '较场口1号' },
      { name: '王芳', phone: '13800000002', community: SQ1, household: 'h1', address: '较场口1号' },
      { name: '李娜', phone: '13800000004', community: `${SQ2}.wg01`, household: 'h2', address: '民族路2号' },
      { name: '赵六', phone: '13800000009', community: SQ9, household: 'h9', address: '建新路9号' },
    ],
    { secret: CITY_SECRET },
  );
  const people = await db.query<{ id: string; name: string }>('SELECT id, name FROM people');
  const byName = Object.fromEntries(people.rows.map((r) => [r.name, r.id]));
  const user = async (username: string, role: UserRole, placePath: string | null, personId?: string) =>
    (await createUser(db, { username, password: PASSWORD, role, placePath, personId: personId ?? null })).id;
  return {
    users: {
      admin: await user('admin', 'city_admin', 'cq'),
      street1: await user('street1', 'street_officer', 'cq.yz.jd01'),
      worker1: await user('worker1', 'community_worker', SQ1),
      worker2: await user('worker2', 'community_worker', SQ2),
      jb1: await user('jb1', 'district_officer', 'cq.jb'),
      resident: await user('resident', 'resident', null, byName.张伟),
      v1: await user('v1', 'volunteer', SQ1),
    },
    people: byName,
  };
}

export const actor = (userId: string | null, scope: string | null, now = NOW): VolunteerActor => ({
  userId,
  scope,
  now,
});

export const volunteersApp = (db: Db, o: { now: () => number }): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now: o.now,
    installAuth,
    modules: [accessModule, volunteersModule],
    ctx: { citySecret: () => CITY_SECRET },
  });
