/** A small city with centres for shelters' tests: two streets of 渝中区 and one of 江北区, households, users. */
import type { Db } from '@renxing/db';
import { insertUser, type UserRole } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { ShelterInput } from '../rules/registry.js';
import type { ShelterActor } from './shelters.js';

export const SECRET = Buffer.from('shelters-city-secret-shelters-city-00');
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ3 = 'cq.yz.jd02.sq03';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 12:00 in the city: day capacity holds. */
export const NOON = new Date('2026-12-06T12:00:00+08:00');
/** 22:00 in the city: night capacity holds. */
export const NIGHT = new Date('2026-12-06T22:00:00+08:00');

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

export interface TestCity {
  /** Users by name: admin (city), street1 (cq.yz.jd01), worker1 (sq01), jb1 (cq.jb). */
  users: Record<'admin' | 'street1' | 'worker1' | 'jb1', string>;
  /** People by name → id; 张伟、王芳、张小伟 share household h1 in sq01, 李娜 lives alone in sq02, 赵六 in sq09. */
  people: Record<string, string>;
  /** Households by key → id. */
  households: Record<string, string>;
}

export async function testCity(db: Db): Promise<TestCity> {
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
  await insertPlaces(db, [
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
  // A grid without a centre of its own: its people's home is measured from their community.
  await insertPlaces(db, [{ parentPath: SQ2, level: 'grid', code: 'wg01', name: '网格一' }]);
  await upsertPeople(
    db,
    [
      {
        name: '张伟',
        phone: '13800000001',
        idNumber: '500103199001011234',
        community: SQ1,
        household: 'h1',
        address: '较场口1号',
      },
      { name: '王芳', phone: '13800000002', community: SQ1, household: 'h1', address: '较场口1号' },
      { name: '张小伟', phone: '13800000003', community: SQ1, household: 'h1', address: '较场口1号' },
      { name: '李娜', phone: '13800000004', community: `${SQ2}.wg01`, household: 'h2', address: '民族路2号' },
      { name: '赵六', phone: '13800000009', community: SQ9, household: 'h9', address: '建新路9号' },
    ],
    { secret: SECRET },
  );
  const people = await db.query<{ id: string; name: string }>('SELECT id, name FROM people');
  const households = await db.query<{ id: string; import_key: string }>(
    'SELECT id, import_key FROM households',
  );
  const user = async (username: string, role: UserRole, placePath: string) =>
    (await insertUser(db, { username, passwordHash: 'x', role, placePath, displayName: username })).id;
  return {
    users: {
      admin: await user('admin', 'city_admin', 'cq'),
      street1: await user('street1', 'street_officer', 'cq.yz.jd01'),
      worker1: await user('worker1', 'community_worker', SQ1),
      jb1: await user('jb1', 'district_officer', 'cq.jb'),
    },
    people: Object.fromEntries(people.rows.map((r) => [r.name, r.id])),
    households: Object.fromEntries(households.rows.map((r) => [r.import_key, r.id])),
  };
}

/** An indoor shelter at `place` (default at its place's centre), 100 by day and 60 by night. */
export function shelterAt(place: string, name: string, o: Partial<ShelterInput> = {}): ShelterInput {
  const [lon, lat] = CENTRES[place] ?? CENTRES.cq;
  return {
    place,
    name,
    address: null,
    lon,
    lat,
    capacityDay: 100,
    capacityNight: 60,
    type: 'indoor',
    offers: [],
    ...o,
  };
}

export const actor = (userId: string, scope: string, now = NOON): ShelterActor => ({ userId, scope, now });
