/**
 * Participation's test city and a test API serving the module alone (with sign-in): the same
 * kernel plugins as apps/api/src/app.ts, the access module's login, participation's routes.
 */
import type { Db } from '@renxing/db';
import { moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, hashPassword, insertUser, installAuth, type UserRole } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import type { Notifier } from '@renxing/notify';
import type { FastifyInstance } from 'fastify';
import { participationModule } from './module.js';
import type { ParticipationActor } from './service/actor.js';

export { PASSWORD, signIn } from '@renxing/http/testing';

export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 2026-12-06 12:00 in the city (+08:00). */
export const NOW = new Date('2026-12-06T04:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const at = (msFromNow: number) => new Date(NOW.getTime() + msFromNow);

export interface City {
  /** Residents' person ids by name (甲 乙 丙 of sq01, 丁 of sq02, 戊 of sq09, 居民01…居民20 of sq01). */
  person: Record<string, string>;
  /** User ids by username (residents: `res_a` … `res_e`). */
  user: Record<string, string>;
}

/** Residents with a user each (`res_a` is 甲 …): name, home, username. */
const RESIDENTS: [string, string, string][] = [
  ['甲', SQ1, 'res_a'],
  ['乙', SQ1, 'res_b'],
  ['丙', SQ1, 'res_c'],
  ['丁', SQ2, 'res_d'],
  ['戊', SQ9, 'res_e'],
];

/** A resident's username by name. */
export const RESIDENT_USER: Record<string, string> = Object.fromEntries(RESIDENTS.map(([n, , u]) => [n, u]));

let passwordHash: Promise<string> | undefined;

export async function seedCity(db: Db): Promise<City> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
    { parentPath: 'cq.yz.jd01.sq01', level: 'grid', code: 'wg1', name: '网格一' },
  ]);
  const person: Record<string, string> = {};
  const user: Record<string, string> = {};
  const addPerson = async (name: string, home: string) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO people (name, import_key, home_place_id) SELECT $1, $1, id FROM places WHERE path = $2 RETURNING id`,
      [name, home],
    );
    person[name] = rows[0]!.id;
  };
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  for (const [name, home, username] of RESIDENTS) {
    await addPerson(name, home);
    user[username] = (
      await insertUser(db, { username, passwordHash: hash, role: 'resident', personId: person[name] })
    ).id;
  }
  for (let i = 1; i <= 20; i++) await addPerson(`居民${String(i).padStart(2, '0')}`, `${SQ1}.wg1`);
  const staff: [string, UserRole, string][] = [
    ['admin', 'city_admin', 'cq'],
    ['worker1', 'community_worker', SQ1],
    ['worker9', 'community_worker', SQ9],
    ['street1', 'street_officer', 'cq.yz.jd01'],
    ['health_yz', 'health_officer', 'cq.yz'],
    ['health_jb', 'health_officer', 'cq.jb'],
    ['health_city', 'health_officer', 'cq'],
    ['health_street', 'health_officer', 'cq.yz.jd01'],
    ['volunteer1', 'volunteer', SQ1],
  ];
  for (const [username, role, placePath] of staff)
    user[username] = (await insertUser(db, { username, passwordHash: hash, role, placePath })).id;
  return { person, user };
}

/** A resident as the services see them. */
export const residentActor = (c: City, name: string, now = NOW): ParticipationActor => ({
  userId: c.user[RESIDENT_USER[name]!]!,
  role: 'resident',
  personId: c.person[name]!,
  scope: null,
  now,
});

/** Staff as the services see them. */
export const staffActor = (c: City, username: string, scope: string, now = NOW): ParticipationActor => ({
  userId: c.user[username]!,
  role: 'community_worker',
  personId: null,
  scope,
  now,
});

export const systemActor = (now = NOW): ParticipationActor => ({
  userId: null,
  role: 'system',
  personId: null,
  scope: null,
  now,
});

/** A test API serving participation (with sign-in) on `db`, notifying through `notifier` (default in-app only). */
export const participationApp = (
  db: Db,
  o: { now: () => number; notifier?: Notifier; earlyWarningSeconds?: number },
): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now: o.now,
    installAuth,
    modules: [accessModule, participationModule],
    ctx: { earlyWarningSeconds: o.earlyWarningSeconds ?? 0, ...(o.notifier ? { notifier: o.notifier } : {}) },
  });

/** The smallest PNG (1×1, transparent). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
