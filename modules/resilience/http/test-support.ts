/**
 * For self-assessments' tests: a small city (渝中区 解放碑街道 with two communities, 江北区 观音桥街道
 * with one), staff users at each level, answers to a bank, and a test API serving the
 * self-assessment routes alone with sign-in (the same kernel plugins as apps/api/src/app.ts, routes under /api).
 */
import type { Db } from '@renxing/db';
import { moduleTestApp, PASSWORD } from '@renxing/http/testing';
import { accessModule, createUser, installAuth, type UserRole } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { ACCESS } from '../access.js';
import type { Answer, QuestionBank } from '../rules/banks.js';
import type { ResilienceActor } from '../service/actor.js';
import assessmentRoutes from './assessments.js';

export { PASSWORD, signIn } from '@renxing/http/testing';

export const JD1 = 'cq.yz.jd01';
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 10:00 in the city on 2026-12-06. */
export const NOW = new Date('2026-12-06T10:00:00+08:00');

export type StaffName = 'admin' | 'yz1' | 'street1' | 'street1b' | 'worker1' | 'worker2' | 'jb1';

/** Users by name: admin (cq), yz1 (district cq.yz), street1 and street1b (jd01), worker1 (sq01), worker2 (sq02), jb1 (district cq.jb). */
export async function assessmentCity(db: Db): Promise<Record<StaffName, string>> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道', nameEn: 'Jiefangbei' },
    { parentPath: JD1, level: 'community', code: 'sq01', name: '较场口社区', nameEn: 'Jiaochangkou' },
    { parentPath: JD1, level: 'community', code: 'sq02', name: '民族路社区' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '建新社区' },
  ]);
  await insertPlaces(db, [{ parentPath: SQ1, level: 'grid', code: 'wg01', name: '网格一' }]);
  const user = async (username: string, role: UserRole, placePath: string) =>
    (await createUser(db, { username, password: PASSWORD, role, placePath, displayName: `${username} name` }))
      .id;
  return {
    admin: await user('admin', 'city_admin', 'cq'),
    yz1: await user('yz1', 'district_officer', 'cq.yz'),
    street1: await user('street1', 'street_officer', JD1),
    street1b: await user('street1b', 'street_officer', JD1),
    worker1: await user('worker1', 'community_worker', SQ1),
    worker2: await user('worker2', 'community_worker', SQ2),
    jb1: await user('jb1', 'district_officer', 'cq.jb'),
  };
}

export const actor = (userId: string | null, scope: string | null, now = NOW): ResilienceActor => ({
  userId,
  scope,
  now,
});

/** Every question of the bank answered: `scoreOf(i)` for the i-th question (default the maximum), with evidence. */
export function answersTo(
  bank: QuestionBank,
  scoreOf: (i: number) => number = () => bank.scale.max,
): Answer[] {
  return bank.sections
    .flatMap((s) => s.questions)
    .map((q, i) => ({ question: q.id, score: scoreOf(i), evidence: `记录 ${q.id}` }));
}

export const resilienceApp = (db: Db, o: { now: () => number }): Promise<FastifyInstance> =>
  moduleTestApp(db, {
    now: o.now,
    installAuth,
    modules: [accessModule, { access: ACCESS, routes: assessmentRoutes }],
  });
