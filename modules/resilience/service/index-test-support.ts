/**
 * A small city for the index's tests: 渝中区 解放碑街道 with three communities (sq01–sq03), 江北区
 * 观音桥街道 with one (sq09), residents in each, staff users; and test indicators whose values are
 * fixed per community path (changeable between computations), with records and advice.
 */
import type { IndicatorDefinition, IndicatorSpec } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { createUser, type UserRole } from '@renxing/modules/access';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { ResilienceActor } from './actor.js';

export const PASSWORD = 'correct horse battery';
export const CITY_SECRET = Buffer.from('resilience-city-secret-resilience-city-0001');
export const SQ1 = 'cq.yz.jd01.sq01';
export const SQ2 = 'cq.yz.jd01.sq02';
export const SQ3 = 'cq.yz.jd01.sq03';
export const SQ9 = 'cq.jb.jd03.sq09';
/** 10:00 in the city on 2026-12-06. */
export const NOW = new Date('2026-12-06T10:00:00+08:00');
export const TODAY = '2026-12-06';

export interface ResilienceCity {
  /** admin (cq, city_admin), street1 (jd01), worker1 (sq01), jb1 (cq.jb). */
  users: Record<'admin' | 'street1' | 'worker1' | 'jb1', string>;
  /** Community ids by path. */
  ids: Record<string, string>;
}

export async function resilienceCity(db: Db): Promise<ResilienceCity> {
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
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq03',
      name: '小什字社区',
      lon: 106.585,
      lat: 29.561,
    },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区', lon: 106.574, lat: 29.606 },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道', lon: 106.532, lat: 29.578 },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '建新社区', lon: 106.53, lat: 29.58 },
  ]);
  const people = [
    { name: '张伟', phone: '13800000001', community: SQ1, household: 'h1', address: '较场口1号' },
    { name: '王芳', phone: '13800000002', community: SQ1, household: 'h1', address: '较场口1号' },
    { name: '李娜', phone: '13800000004', community: SQ2, household: 'h2', address: '民族路2号' },
    { name: '刘洋', phone: '13800000005', community: SQ3, household: 'h3', address: '小什字3号' },
    { name: '赵六', phone: '13800000009', community: SQ9, household: 'h9', address: '建新路9号' },
  ];
  await upsertPeople(db, people, { secret: CITY_SECRET });
  const { rows } = await db.query<{ id: string; path: string }>(
    "SELECT id, path FROM places WHERE level = 'community'",
  );
  const user = async (username: string, role: UserRole, placePath: string | null) =>
    (await createUser(db, { username, password: PASSWORD, role, placePath, personId: null })).id;
  return {
    users: {
      admin: await user('admin', 'city_admin', 'cq'),
      street1: await user('street1', 'street_officer', 'cq.yz.jd01'),
      worker1: await user('worker1', 'community_worker', SQ1),
      jb1: await user('jb1', 'district_officer', 'cq.jb'),
    },
    ids: Object.fromEntries(rows.map((r) => [r.path, r.id])),
  };
}

export const actor = (userId: string | null, scope: string | null, now = NOW): ResilienceActor => ({
  userId,
  scope,
  now,
});

/** Values of the test indicators by key, then community path (a missing path: no value). */
export type FixedValues = Record<string, Record<string, number>>;

/** Test indicators: engineering (higher), institutional (lower), social (higher), and one never with a value. */
export const TEST_SPECS: (IndicatorSpec & { unit: string })[] = [
  { key: 't.eng', mechanism: 'engineering', trait: 'redundancy', direction: 'higher', unit: 'per_100' },
  { key: 't.inst', mechanism: 'institutional', trait: 'adaptability', direction: 'lower', unit: 'hours' },
  { key: 't.soc', mechanism: 'social', trait: 'self_organisation', direction: 'higher', unit: 'per_1000' },
  { key: 't.empty', mechanism: 'social', trait: 'redundancy', direction: 'higher', unit: 'share' },
];

export const initialValues = (): FixedValues => ({
  't.eng': { [SQ1]: 10, [SQ2]: 20, [SQ3]: 30 },
  't.inst': { [SQ1]: 5, [SQ2]: 5, [SQ3]: 15, [SQ9]: 25 },
  't.soc': { [SQ1]: 1, [SQ2]: 3, [SQ3]: 2, [SQ9]: 3 },
  't.empty': {},
});

/** The test indicators reading `values` when computed (so a test may change them between runs). */
export function testIndicators(values: FixedValues): IndicatorDefinition<Db>[] {
  return TEST_SPECS.map((spec) => ({
    ...spec,
    title: { en: `test ${spec.key}`, 'zh-CN': `测试 ${spec.key}` },
    definition: { en: 'fixed values', 'zh-CN': '固定数值' },
    async compute(_db, ctx) {
      const mine = values[spec.key] ?? {};
      return ctx.communities
        .filter((c) => mine[c.path] !== undefined)
        .map((c) => ({
          community: c.id,
          value: mine[c.path],
          numerator: mine[c.path],
          denominator: 1,
          summary: { en: `${spec.key} ${mine[c.path]}`, 'zh-CN': `${spec.key} ${mine[c.path]}` },
          records: [{ kind: 'test', id: `${c.path}:1`, label: `record of ${c.path}`, value: mine[c.path] }],
          recordCount: 1,
        }));
    },
    advice(input) {
      const amount = Math.ceil(Math.abs(input.target - input.current.value));
      if (amount === 0) return null;
      return {
        amount,
        text: { en: `move ${spec.key} by ${amount}`, 'zh-CN': `将 ${spec.key} 改变 ${amount}` },
      };
    },
  }));
}
