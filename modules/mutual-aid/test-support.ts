/**
 * Mutual aid's test city and app. Places: 渝中区 (street jd01: communities sq01, sq02) and 江北区
 * (street jd03: sq09), each with a centre. People: 张三 and 李四 in sq01, 王五 in sq02, 赵六 in sq09.
 * Users: admin (city), worker1 (community worker, sq01), jb (district officer, 江北), the resident
 * 张三 (`resident`), and volunteers vol1 and vol2 (sq01, verified, medicine and food delivery, free
 * all day of NOW, capacity 1) and vol9 (sq09, verified, medicine). The app: the kernel plugins as
 * apps/api/src/app.ts, the access routes and mutual aid's under /api, a real in-app notifier, and
 * no scheduled matcher (no configuration).
 */
import type { Db } from '@renxing/db';
import { moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { registerVolunteer, verifyVolunteer } from '@renxing/modules/volunteers';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from './access.js';
import aidRoutes from './http/routes.js';
import type { AidActor } from './service/actor.js';

/** signIn: a signed-in caller, requests as `username` (in English). */
export { callerAs as signIn, PASSWORD } from '@renxing/http/testing';

export const SECRET = Buffer.from('aid-city-secret-aid-city-secret-aid-0001');
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 2026-12-06 10:00 in the city (+08:00). */
export const NOW = new Date('2026-12-06T10:00:00+08:00');
export const HOUR = 3_600_000;
export const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

export const CENTRES: Record<string, [number, number]> = {
  cq: [106.55, 29.56],
  'cq.yz': [106.56, 29.553],
  'cq.yz.jd01': [106.577, 29.557],
  [SQ1]: [106.574, 29.552],
  [SQ2]: [106.58, 29.559],
  'cq.jb': [106.574, 29.606],
  'cq.jb.jd03': [106.532, 29.578],
  [SQ9]: [106.53, 29.58],
};

export interface AidCity {
  people: Record<'zhang' | 'li' | 'wang' | 'zhao', string>;
  users: Record<'admin' | 'worker1' | 'jb' | 'resident' | 'vol1' | 'vol2' | 'vol9', string>;
  volunteers: Record<'vol1' | 'vol2' | 'vol9', string>;
  places: Record<string, string>;
}

export const staffActor = (userId: string, role: UserRole, scope: string, now = NOW): AidActor => ({
  userId,
  role,
  scope,
  personId: null,
  now,
});

export const residentActor = (userId: string, personId: string, now = NOW): AidActor => ({
  userId,
  role: 'resident',
  scope: null,
  personId,
  now,
});

export const volunteerActor = (userId: string, now = NOW): AidActor => ({
  userId,
  role: 'volunteer',
  scope: SQ1,
  personId: null,
  now,
});

export async function seedAidCity(db: Db): Promise<AidCity> {
  const place = (path: string, name: string, level: 'city' | 'district' | 'street' | 'community') => {
    const parts = path.split('.');
    const [lon, lat] = CENTRES[path];
    return {
      parentPath: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
      level,
      code: parts[parts.length - 1],
      name,
      lon,
      lat,
    };
  };
  const inserted = await insertPlaces(db, [
    place('cq', '重庆市', 'city'),
    place('cq.yz', '渝中区', 'district'),
    place('cq.yz.jd01', '解放碑街道', 'street'),
    place(SQ1, '较场口社区', 'community'),
    place(SQ2, '民族路社区', 'community'),
    place('cq.jb', '江北区', 'district'),
    place('cq.jb.jd03', '观音桥街道', 'street'),
    place(SQ9, '建新社区', 'community'),
  ]);
  await upsertPeople(
    db,
    [
      { name: '张三', phone: '13800000001', community: SQ1, address: '较场口1号' },
      { name: '李四', phone: '13800000002', community: SQ1, address: '较场口2号' },
      { name: '王五', phone: '13800000003', community: SQ2, address: '民族路3号' },
      { name: '赵六', phone: '13800000006', community: SQ9, address: '建新6号' },
    ],
    { secret: SECRET },
  );
  const { people } = await peopleUnder(db, 'cq');
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  const user = async (
    username: string,
    role: UserRole,
    placePath: string | null,
    personId: string | null = null,
  ) =>
    (await createUser(db, { username, password: PASSWORD, role, placePath, personId, displayName: username }))
      .id;
  const users = {
    admin: await user('admin', 'city_admin', 'cq'),
    worker1: await user('worker1', 'community_worker', SQ1),
    jb: await user('jb', 'district_officer', 'cq.jb'),
    resident: await user('resident', 'resident', null, person('张三')),
  };
  const staff = { userId: users.admin, scope: 'cq', now: at(-24) };
  const volunteer = async (
    username: string,
    name: string,
    phone: string,
    community: string,
    skills: string[],
  ) => {
    const [lon, lat] = CENTRES[community];
    const v = await registerVolunteer(
      db,
      {
        name,
        phone,
        community,
        skills,
        lon: lon + 0.001,
        lat,
        capacity: 1,
        windows: [{ from: at(-10), to: at(14) }],
        account: { username, password: PASSWORD },
      },
      { kind: 'staff', actor: staff },
    );
    await verifyVolunteer(db, v.id, staff);
    const { rows } = await db.query<{ user_id: string }>('SELECT user_id FROM volunteers WHERE id = $1', [
      v.id,
    ]);
    return { id: v.id, userId: rows[0].user_id };
  };
  const v1 = await volunteer('vol1', '志愿者甲', '13900000001', SQ1, ['medicine_delivery', 'food_delivery']);
  const v2 = await volunteer('vol2', '志愿者乙', '13900000002', SQ1, ['medicine_delivery', 'food_delivery']);
  const v9 = await volunteer('vol9', '志愿者九', '13900000009', SQ9, ['medicine_delivery']);
  return {
    people: { zhang: person('张三'), li: person('李四'), wang: person('王五'), zhao: person('赵六') },
    users: { ...users, vol1: v1.userId, vol2: v2.userId, vol9: v9.userId },
    volunteers: { vol1: v1.id, vol2: v2.id, vol9: v9.id },
    places: Object.fromEntries(inserted.map((p) => [p.path, p.id])),
  };
}

/** The app: kernel plugins, access and mutual aid under /api, clock `now` (epoch seconds; changeable). */
export const aidApp = (db: Db, clock: { now: number }): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now: () => clock.now,
    installAuth,
    modules: [accessModule, { access: ACCESS, routes: aidRoutes }],
    ctx: { citySecret: () => SECRET },
  });
