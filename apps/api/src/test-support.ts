/** A small city, users and a signed-in helper for the API tests. */
import type { Db } from '@renxing/db';
import { type CreateUser, createUser, type User } from '@renxing/modules/access';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from './app.js';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const PASSWORD = 'correct horse battery';

/** A user who signs in with PASSWORD. */
export function addUser(
  db: Db,
  username: string,
  role: CreateUser['role'],
  placePath: string | null,
  more: Omit<Partial<CreateUser>, 'username' | 'role' | 'placePath' | 'password'> = {},
): Promise<User> {
  return createUser(db, { username, password: PASSWORD, role, placePath, ...more });
}

export async function seedCity(db: Db): Promise<void> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd02', name: '朝天门街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
    { parentPath: 'cq.yz.jd02', level: 'community', code: 'sq03', name: '社区三' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
  ]);
  await addUser(db, 'street1', 'street_officer', 'cq.yz.jd01');
  await addUser(db, 'admin', 'city_admin', 'cq');
}

/** Three people of seedCity's city: 甲 and 乙 under street1's street, 丙 outside it. Their ids. */
export async function seedThreePeople(db: Db, secret: Buffer): Promise<{ a: string; b: string; c: string }> {
  await upsertPeople(
    db,
    [
      { name: '甲', phone: '13800000001', community: 'cq.yz.jd01.sq01' },
      { name: '乙', phone: '13800000002', community: 'cq.yz.jd01.sq02' },
      { name: '丙', phone: '13800000003', community: 'cq.yz.jd02.sq03' },
    ],
    { secret },
  );
  const { people } = await peopleUnder(db, 'cq');
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  return { a: id('甲'), b: id('乙'), c: id('丙') };
}

export function testApp(db: Db, loginLimit = 5, extra: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ db, secret: SECRET, loginLimit, ...extra });
}

export interface Session {
  cookie: string;
  csrf: string;
  /** The signed-in user's id. */
  userId: string;
}

/** The cookie and CSRF headers of a request made as `s`. */
export const authHeaders = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** A request as `s` (null: signed out), in `lang`. */
export const send = (
  app: FastifyInstance,
  s: Session | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  lang = 'en',
) =>
  app.inject({
    method,
    url,
    headers: { 'accept-language': lang, ...(s ? authHeaders(s) : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rx_session')!;
  const body = res.json();
  return { cookie: `rx_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}
export { readConfig } from './config.js';
