/** A small city for screening's tests: two communities of one street, people in households, a user. */
import type { Db } from '@renxing/db';
import { insertUser } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';

export const SECRET = Buffer.from('s'.repeat(32));
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';

/** `perCommunity` people in each of the two communities, three to a household; returns their ids in order and a user id. */
export async function testCity(db: Db, perCommunity: number): Promise<{ people: string[]; userId: string }> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
    { parentPath: 'cq.yz.jd01.sq02', level: 'grid', code: 'wg01', name: '网格一' },
  ]);
  const people = [SQ1, `${SQ2}.wg01`].flatMap((community, c) =>
    Array.from({ length: perCommunity }, (_, i) => ({
      name: `居民${c}-${i}`,
      phone: `1380${String(c * 100_000 + i).padStart(7, '0')}`,
      community,
      household: `h${c}-${Math.floor(i / 3)}`,
    })),
  );
  await upsertPeople(db, people, { secret: SECRET });
  const { rows } = await db.query<{ id: string }>('SELECT id FROM people ORDER BY phone');
  const user = await insertUser(db, {
    username: 'sampler',
    passwordHash: 'x',
    role: 'health_officer',
    placePath: 'cq',
    personId: null,
    displayName: '采样员',
    unit: null,
  });
  return { people: rows.map((r) => r.id), userId: user.id };
}
