/**
 * The demo city `npm start` seeds on first start: the hierarchy (demo/places.ts), ~20,000
 * residents whose homes are where the synthetic city's phones spend the night, a day of their
 * pings (through the real import, bad rows included), a few confirmed cases with detection run,
 * and one user per role. Everything goes through the same services the API uses.
 */

import { generateCases, generatePings } from '@renxing/city-gen';
import type { Db } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { detectCases, registerCase } from '@renxing/modules/cases';
import { busiestCommunity, someoneWithColour } from '@renxing/modules/dashboard';
import { setDepartmentOfficer } from '@renxing/modules/inbox';
import { type NewPerson, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { importPings } from '@renxing/modules/trajectories';
import { type DemoInboxResult, seedDepartments, seedInbox } from './inbox.js';
import { DEMO_DEPARTMENTS } from './inbox-month.js';
import { type DemoInfrastructureResult, seedInfrastructure } from './infrastructure.js';
import { demoCity } from './places.js';
import { type DemoPlansResult, seedPlans } from './plans.js';
import { type DemoResilienceResult, seedResilience } from './resilience.js';
import { type DemoScreeningResult, seedScreening } from './screening.js';
import { type DemoSheltersResult, seedShelters } from './shelters.js';
import { type DemoSocialResult, seedSocial } from './social.js';
import { type DemoSuppliesResult, seedSupplies } from './supplies.js';

export const DEMO_PASSWORD = 'renxing-demo-2026';

export interface DemoOptions {
  secret: Buffer;
  preset: string;
  /** Phones in the synthetic city (default 20,000). */
  phones?: number;
  seed?: number;
  /** The first simulated day, a local (+08:00) date YYYY-MM-DD (default: `days` days ago, ending yesterday). */
  day?: string;
  /** Days of pings (default 1). */
  days?: number;
  origin?: [number, number];
  cases?: number;
  log?: (line: string) => void;
}

export interface DemoUser {
  username: string;
  role: string;
  place: string | null;
}

export interface DemoResult {
  people: number;
  pings: number;
  rejected: number;
  cases: { label: string; companions: number }[];
  users: DemoUser[];
  password: string;
  inbox: DemoInboxResult;
  screening: DemoScreeningResult;
  supplies: DemoSuppliesResult;
  shelters: DemoSheltersResult;
  plans: DemoPlansResult;
  infrastructure: DemoInfrastructureResult;
  social: DemoSocialResult;
  resilience: DemoResilienceResult;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建华丹玲飞宇浩然欣怡子涵梓轩雨桐思远嘉怡俊杰晓东文博';
const ROADS = [
  '解放碑路',
  '民族路',
  '中山路',
  '建新北路',
  '南坪正街',
  '天星桥正街',
  '石桥铺路',
  '观音桥步行街',
];

function pick(s: string, n: number): string {
  return s[n % s.length];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Age bands of a Chinese city (2020 census, rounded): share of residents up to each age. */
const AGES: [number, number][] = [
  [14, 0.16],
  [59, 0.78],
  [69, 0.89],
  [79, 0.965],
  [99, 1],
];

/**
 * A valid 18-character ID number for demo resident `n` (deterministic, unique: the area code and
 * sequence number spell n), born so that the city's ages follow AGES as of 2026-06-30.
 */
export function demoIdNumber(n: number): string {
  const u = ((n * 7919 + 104729) % 100_003) / 100_003;
  let age = 99;
  let from = 0;
  let below = 0;
  for (const [to, share] of AGES) {
    if (u < share) {
      age = from + Math.floor(((u - below) / (share - below)) * (to - from + 1));
      break;
    }
    from = to + 1;
    below = share;
  }
  const birth = new Date(Date.UTC(2026 - age, 5, 30) - ((n * 37) % 365) * 86400_000);
  const body = `${500100 + Math.floor(n / 1000)}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(n % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (body.charCodeAt(k) - 48) * ID_WEIGHTS[k];
  return body + '10X98765432'[sum % 11];
}

/** A Chinese name from a number (deterministic, so the demo is the same every time). */
export function nameOf(n: number): string {
  const g = Math.floor(n / SURNAMES.length);
  return pick(SURNAMES, n) + pick(GIVEN, g * 7 + 3) + (g % 3 === 0 ? '' : pick(GIVEN, g * 13 + 5));
}

export async function seedDemo(db: Db, o: DemoOptions): Promise<DemoResult> {
  const log = o.log ?? (() => {});
  const origin = o.origin ?? [106.55, 29.56];
  const city = demoCity(origin);
  const days = o.days ?? 1;
  const cityOptions = {
    phones: o.phones ?? 20000,
    days,
    seed: o.seed ?? 7,
    startDate: o.day ?? new Date(Date.now() + 8 * 3600_000 - days * 86400_000).toISOString().slice(0, 10),
    origin,
    cases: o.cases ?? 4,
  };
  await insertPlaces(db, city.places);
  log(`places: ${city.places.length} (${city.communities.length} communities)`);

  // One pass over the generated pings: keep the bytes for the import, and each phone's first
  // position of the day (just after midnight, at home) for its home community.
  const chunks: Buffer[] = [];
  const home = new Map<string, [number, number]>();
  const cosLat = Math.cos((origin[1] * Math.PI) / 180);
  const M = (Math.PI / 180) * 6371008.8;
  for (const text of generatePings(cityOptions)) {
    chunks.push(Buffer.from(text));
    for (const line of text.split('\n')) {
      const f = line.split(',');
      if (f.length !== 4 || !/^1[0-9]{10}$/.test(f[0]) || home.has(f[0])) continue;
      const lon = Number(f[2]);
      const lat = Number(f[3]);
      if (Number.isFinite(lon) && Number.isFinite(lat))
        home.set(f[0], [(lon - origin[0]) * cosLat * M, (lat - origin[1]) * M]);
    }
  }
  const people: NewPerson[] = [];
  let n = 0;
  for (const [phone, [x, y]] of home) {
    people.push({
      name: nameOf(n),
      phone,
      idNumber: demoIdNumber(n),
      community: city.communityAt(x, y),
      address: `${ROADS[n % ROADS.length]}${(n % 300) + 1}号${(n % 6) + 1}单元`,
      household: `h${Math.floor(n / 3)}`,
    });
    n++;
  }
  for (let k = 0; k < people.length; k += 5000) {
    await upsertPeople(db, people.slice(k, k + 5000), { secret: o.secret });
    log(`residents: ${Math.min(k + 5000, people.length)} / ${people.length}`);
  }

  const imported = await importPings(db, toIterable(chunks), {
    secret: o.secret,
    source: 'demo-city.csv',
    onProgress: (p) => {
      if (p.rows % 500_000 < 20_000) log(`pings: ${p.rows}`);
    },
  });
  log(`pings: ${imported.kept} kept, ${imported.rejected} rejected (bad rows of the synthetic feed)`);

  // Cases among the registered phones; confirmed the evening of the last simulated day.
  const caseRows = generateCases(cityOptions).trim().split('\n').slice(1);
  const confirmedAt = Date.parse(`${cityOptions.startDate}T20:00:00+08:00`) / 1000 + (days - 1) * 86400;
  const registered: { id: string; label: string }[] = [];
  for (const row of caseRows) {
    const [phone, from, to] = row.split(',');
    if (!home.has(phone)) continue;
    const at = (s: string) => (s ? Math.floor(Date.parse(s) / 1000) : null);
    const r = await registerCase(
      db,
      { phone, confirmedAt, from: at(from), to: at(to) },
      { secret: o.secret, preset: o.preset, actorId: 'system:demo' },
    );
    registered.push({ id: r.case.id, label: r.case.label });
  }
  // One detection run for all of them: one load of the day's pings, one index.
  let phase = '';
  const results = await detectCases(
    db,
    registered.map((c) => c.id),
    {
      now: confirmedAt + 3600,
      params: { originLon: origin[0], originLat: origin[1] },
      onProgress: (_id, p) => {
        if (p.phase === phase || p.phase === 'storing') return;
        phase = p.phase;
        log(`detection: ${phase}`);
      },
    },
  );
  const cases: DemoResult['cases'] = [];
  results.forEach((result, k) => {
    if (result instanceof Error) throw result;
    cases.push({ label: registered[k].label, companions: result.companions });
    log(`case ${registered[k].label}: ${result.companions} companions, ${result.yellow} codes turned yellow`);
  });

  const now = new Date();
  await seedDepartments(db, now);
  const users = await demoUsers(db);
  const byName = new Map(users.map((u) => [u.username, u]));
  const inbox = await seedInbox(
    db,
    {
      admin: byName.get('admin')!.id,
      departments: Object.fromEntries(
        DEMO_DEPARTMENTS.map((d) => [d.code, byName.get(`dept_${d.code}`)!.id]),
      ),
      staff: users
        .filter((u) => ['community_worker', 'street_officer', 'district_officer'].includes(u.role))
        .map((u) => ({ id: u.id, place: u.place! })),
    },
    { now, communities: city.communities, focus: byName.get('worker')!.place!, log },
  );
  const screening = await seedScreening(db, {
    now,
    focus: byName.get('worker')!.place!,
    who: { health: byName.get('health')!.id, lab: byName.get('lab')!.id },
    preset: o.preset,
    log,
  });
  const shelters = await seedShelters(db, {
    now,
    admin: byName.get('admin')!.id,
    focus: byName.get('worker')!.place!,
    log,
  });
  const supplies = await seedSupplies(db, {
    now,
    admin: byName.get('admin')!.id,
    focus: byName.get('worker')!.place!,
    log,
  });
  const plans = await seedPlans(db, {
    now,
    admin: byName.get('admin')!.id,
    focus: byName.get('worker')!.place!,
    health: byName.get('health')!.id,
    log,
  });
  const infrastructure = await seedInfrastructure(db, {
    now,
    admin: byName.get('admin')!.id,
    focus: byName.get('worker')!.place!,
    log,
  });
  const social = await seedSocial(db, {
    now,
    admin: byName.get('admin')!.id,
    worker: byName.get('worker')!.id,
    focus: byName.get('worker')!.place!,
    volunteerUser: byName.get('volunteer')!.id,
    residentUser: byName.get('resident')!.id,
    password: DEMO_PASSWORD,
    log,
  });
  // Last, so that every area's data is there to compute the index from.
  const resilience = await seedResilience(db, {
    now,
    admin: byName.get('admin')!.id,
    worker: byName.get('worker')!.id,
    street: byName.get('street')!.id,
    focus: byName.get('worker')!.place!,
    communities: city.communities,
    log,
  });
  return {
    people: people.length,
    pings: imported.kept,
    rejected: imported.rejected,
    cases,
    users: users.map(({ username, role, place }) => ({ username, role, place })),
    password: DEMO_PASSWORD,
    inbox,
    screening,
    supplies,
    shelters,
    plans,
    infrastructure,
    social,
    resilience,
  };
}

async function* toIterable(chunks: Buffer[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

/**
 * One user per role; the staff of the community with most open tasks, a resident there who is
 * yellow, and one officer per department (dept_<code>, acting for it over the city).
 */
async function demoUsers(db: Db): Promise<(DemoUser & { id: string })[]> {
  const community = (await busiestCommunity(db)) ?? 'cq.yz.jd01.sq01';
  const street = community.split('.').slice(0, 3).join('.');
  const district = community.split('.').slice(0, 2).join('.');
  const residentId =
    (await someoneWithColour(db, community, 'yellow')) ?? (await someoneWithColour(db, 'cq', 'green'));
  const specs: (DemoUser & { personId?: string; unit?: string; department?: string })[] = [
    { username: 'admin', role: 'city_admin', place: 'cq' },
    { username: 'health', role: 'health_officer', place: 'cq', unit: '市疾控中心' },
    { username: 'health2', role: 'health_officer', place: 'cq', unit: '市卫健委' },
    { username: 'district', role: 'district_officer', place: district },
    { username: 'street', role: 'street_officer', place: street },
    { username: 'worker', role: 'community_worker', place: community },
    { username: 'lab', role: 'lab_user', place: 'cq', unit: '第三方检测实验室' },
    { username: 'auditor', role: 'auditor', place: 'cq' },
    { username: 'operator', role: 'infra_operator', place: 'cq', unit: '市水务·电力·通信运维中心' },
    { username: 'resident', role: 'resident', place: null, personId: residentId },
    // Linked to one of the focus community's volunteers by the social seed (demo/social.ts).
    { username: 'volunteer', role: 'volunteer', place: community },
    ...DEMO_DEPARTMENTS.map((d) => ({
      username: `dept_${d.code}`,
      role: 'department_officer',
      place: 'cq',
      unit: d.name,
      department: d.code,
    })),
  ];
  const made: (DemoUser & { id: string })[] = [];
  for (const u of specs) {
    const user = await createUser(db, {
      username: u.username,
      password: DEMO_PASSWORD,
      role: u.role as never,
      placePath: u.place,
      personId: u.personId ?? null,
      unit: u.unit ?? null,
      displayName: u.username,
    });
    if (u.department) await setDepartmentOfficer(db, user.id, u.department);
    made.push({ id: user.id, username: u.username, role: u.role, place: u.place });
  }
  return made;
}
