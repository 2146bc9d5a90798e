/**
 * The demo city's social resilience (社会韧性): six organisations (a 社会组织, a 志愿服务队, a 物业, an
 * enterprise and two government units whose officials are posted down), ~150 volunteers across
 * the focus district's communities with skills, availability windows and homes near their
 * community (most verified; officials posted to the busiest communities), a day of mutual-aid
 * requests with one matching run and the volunteers' answers (so the board has every state, two
 * expired into the inbox), a day of residents' reports in every category (near-duplicates with
 * supporters, public responses, SLA breaches), and the focus community's symptom reports of the
 * last 24 hours rising well above their 14-day baseline, so the early warning raises on first start.
 *
 * Deterministic (a seeded stream; every time is relative to the demo's `now`) and idempotent: a
 * stage already seeded is read back, not made again. Everything goes through the volunteers',
 * mutual aid's and participation's services, audited as the people who would do it.
 */
import type { Db } from '@renxing/db';
import { hashPassword, insertUser, userById } from '@renxing/modules/access';
import {
  type AidActor,
  cancelAidRequest,
  completeAidRequest,
  createAidRequest,
  listAidRequests,
  respondAidMatch,
  runAidMatching,
  systemActor,
} from '@renxing/modules/mutual-aid';
import {
  createOrganisation,
  listOrganisations,
  listVolunteers,
  type OrganisationKind,
  registerVolunteer,
  type Skill,
  type Volunteer,
  type VolunteerActor,
  verifyVolunteer,
} from '@renxing/modules/volunteers';
import { type DemoParticipationResult, demoNotifier, seedParticipation } from './social-reports.js';

const HOUR = 3_600_000;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛';
const GIVEN = '志国建军晓梅丽华红英明亮春燕海涛丹丹小龙雪梅永刚文静玉珍德胜秋菊佳怡一鸣思雨浩宇';

/** A made-up volunteer's name (deterministic). */
export function volunteerName(n: number): string {
  const s = SURNAMES[n % SURNAMES.length];
  const g = Math.floor(n / SURNAMES.length);
  return s + GIVEN[(g * 5 + 1) % GIVEN.length] + (g % 4 === 3 ? '' : GIVEN[(g * 11 + 7) % GIVEN.length]);
}
const MIN = 60_000;

/** mulberry32: a small seeded stream, so the demo is the same every time. */
export function stream(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point about `east` and `north` metres from another. */
export const nudge = (p: { lon: number; lat: number }, east: number, north: number) => ({
  lon: Math.round((p.lon + east / (111_320 * Math.cos((p.lat * Math.PI) / 180))) * 1e6) / 1e6,
  lat: Math.round((p.lat + north / 110_540) * 1e6) / 1e6,
});

export interface DemoPlace {
  path: string;
  name: string;
  lon: number;
  lat: number;
  residents: number;
}

/** A resident of the demo registry. */
export interface DemoResident {
  id: string;
  name: string;
  community: string;
}

/** Residents of each community in a stable order, handed out one after another (then round again). */
export class ResidentPool {
  private readonly next = new Map<string, number>();
  constructor(private readonly byCommunity: ReadonlyMap<string, readonly DemoResident[]>) {}
  /** The next resident of `community` not handed out yet (from the start of its list), or null. */
  take(community: string): DemoResident | null {
    const list = this.byCommunity.get(community) ?? [];
    if (list.length === 0) return null;
    const k = this.next.get(community) ?? 0;
    this.next.set(community, k + 1);
    return list[k % list.length];
  }
  /** The `k`-th resident from the end of `community`'s list (volunteers come from there), or null. */
  fromEnd(community: string, k: number): DemoResident | null {
    const list = this.byCommunity.get(community) ?? [];
    return list.length > 2 * k + 2 ? list[list.length - 1 - k] : null;
  }
  size(community: string): number {
    return this.byCommunity.get(community)?.length ?? 0;
  }
}

type OrganisationKey = 'social' | 'team' | 'property' | 'pharmacy' | 'health' | 'civil';

/** The demo's organisations, named after the focus district, street and community. */
export function demoOrganisations(names: { district: string; street: string; community: string }): {
  key: OrganisationKey;
  name: string;
  kind: OrganisationKind;
  where: 'district' | 'street' | 'community';
}[] {
  const short = (name: string) => name.replace(/(街道|社区|区)$/, '');
  return [
    {
      key: 'social',
      name: `${short(names.district)}阳光社会工作服务中心`,
      kind: 'social_org',
      where: 'district',
    },
    { key: 'team', name: `${names.street}青年志愿服务队`, kind: 'volunteer_team', where: 'street' },
    {
      key: 'property',
      name: `山城物业${short(names.community)}服务中心`,
      kind: 'property_mgmt',
      where: 'community',
    },
    { key: 'pharmacy', name: '重庆和平大药房连锁有限公司', kind: 'enterprise', where: 'district' },
    { key: 'health', name: `${names.district}卫生健康委员会`, kind: 'unit', where: 'district' },
    { key: 'civil', name: `${names.district}民政局`, kind: 'unit', where: 'district' },
  ];
}

/** One volunteer the demo registers. */
export interface VolunteerPlan {
  name: string;
  phone: string;
  personId: string | null;
  community: string;
  skills: Skill[];
  lon: number;
  lat: number;
  capacity: number;
  organisation: OrganisationKey | null;
  posted: boolean;
  verified: boolean;
  windows: { from: Date; to: Date }[];
  /** Whether they answer offers on an account of their own (`vol_<n>`). */
  account: boolean;
}

/** Ordinary volunteers per community: the focus, the next three busiest, the rest. */
const PER_COMMUNITY = [16, 12, 12, 12];
const PER_OTHER = 7;
/** Officials posted down: to the focus, and to the next three busiest. */
const POSTED = [5, 3, 3, 3];

const SKILL_MIX: [Skill, number][] = [
  ['medicine_delivery', 0.45],
  ['food_delivery', 0.5],
  ['transport', 0.3],
  ['elderly_care', 0.35],
  ['logistics', 0.15],
  ['psychological', 0.06],
  ['medical', 0.05],
  ['translation', 0.04],
];

/**
 * Availability shifts, hours from the demo's hour (now, floored): some covering the day behind, the
 * hour of the matching run and the evening ahead, some tomorrow.
 */
const SHIFTS: [number, number][][] = [
  [
    [-9, -3],
    [-3, 5],
  ],
  [[-6, 6]],
  [
    [-4, 2],
    [20, 26],
  ],
  [[-12, 12]],
  [
    [-10, -4],
    [1, 7],
  ],
  [[18, 30]],
];

/** The volunteers of the demo, over `communities` ranked busiest first (the focus first). */
export function planVolunteers(
  ranked: readonly DemoPlace[],
  pool: ResidentPool,
  hour: Date,
  focusStreet: string,
): VolunteerPlan[] {
  const rnd = stream(0x50c1a1);
  const at = (h: number) => new Date(hour.getTime() + h * HOUR);
  const names = new Set<string>();
  const plans: VolunteerPlan[] = [];
  let n = 0;
  const uniqueName = () => {
    let name = volunteerName(n);
    for (let k = 1; names.has(name); k++) name = volunteerName(n + k * 1009);
    names.add(name);
    return name;
  };
  ranked.forEach((c, rank) => {
    const ordinary = PER_COMMUNITY[rank] ?? PER_OTHER;
    const posted = POSTED[rank] ?? 0;
    for (let i = 0; i < ordinary + posted; i++) {
      const isPosted = i >= ordinary;
      // A third of the ordinary volunteers are residents of the registry (their name and phone).
      const person = !isPosted && i % 3 === 0 ? pool.fromEnd(c.path, Math.floor(i / 3)) : null;
      const phoneOf = (k: number) => `177${String(23_000_000 + k * 37).padStart(8, '0')}`;
      let skills = SKILL_MIX.filter(([, p]) => rnd() < p).map(([s]) => s);
      let organisation: VolunteerPlan['organisation'] = null;
      if (isPosted) {
        organisation = i % 2 === 0 ? 'health' : 'civil';
        skills =
          organisation === 'health' ? ['medicine_delivery', 'transport'] : ['food_delivery', 'elderly_care'];
      } else {
        const r = rnd();
        if (rank === 0 && r < 0.3) organisation = 'property';
        else if (c.path.startsWith(`${focusStreet}.`) && r < 0.5) organisation = 'team';
        else if (r < 0.62) organisation = 'social';
        else if (r < 0.72) organisation = 'pharmacy';
        if (organisation === 'pharmacy' && !skills.includes('medicine_delivery'))
          skills.unshift('medicine_delivery');
        if (organisation === 'property' && !skills.includes('food_delivery')) skills.unshift('food_delivery');
      }
      if (skills.length === 0)
        skills = [(['food_delivery', 'medicine_delivery', 'elderly_care'] as const)[n % 3]];
      const shifts = SHIFTS[Math.floor(rnd() * SHIFTS.length)];
      const home = nudge(c, (rnd() - 0.5) * 2400, (rnd() - 0.5) * 2400);
      plans.push({
        name: person?.name ?? uniqueName(),
        phone: phoneOf(n),
        personId: person?.id ?? null,
        community: c.path,
        skills: [...new Set(skills)].sort(
          (a, b) => SKILL_MIX.findIndex(([s]) => s === a) - SKILL_MIX.findIndex(([s]) => s === b),
        ),
        ...home,
        capacity: isPosted ? 3 : rnd() < 0.15 ? 1 : rnd() < 0.2 ? 3 : 2,
        organisation,
        posted: isPosted,
        // Officials are verified by their unit; most others by their community or organisation.
        verified: isPosted || rnd() < 0.85,
        windows: shifts.map(([a, b]) => ({ from: at(a), to: at(b) })),
        account: rank === 0 || (c.path.startsWith(`${focusStreet}.`) && i < 3),
      });
      if (person) names.add(person.name);
      n++;
    }
  });
  // A person's name in the registry and a made-up one may coincide: keep names unique per community.
  const seen = new Set<string>();
  for (const p of plans) {
    let key = `${p.community}|${p.name}`;
    for (let k = 2; seen.has(key); k++) {
      p.name = `${p.name.replace(/\d+$/, '')}${k}`;
      key = `${p.community}|${p.name}`;
    }
    seen.add(key);
  }
  return plans;
}

export interface DemoSocialResult {
  organisations: number;
  volunteers: number;
  verified: number;
  posted: number;
  /** Aid requests of the demo by state. */
  requests: Record<string, number>;
  /** The matching run: requests it was given, and those it matched. */
  run: { requests: number; matched: number; unmatched: number } | null;
  /** Requests asked again while live: caught as the same request. */
  duplicatesCaught: number;
  participation: DemoParticipationResult;
}

export interface DemoSocialOptions {
  now: Date;
  admin: string;
  /** The focus community's worker (verifies its volunteers, answers its reports). */
  worker: string;
  focus: string;
  /** The demo's volunteer account (linked to one of the focus community's volunteers). */
  volunteerUser?: string | null;
  /** The demo's resident account (asks for medicine, reports). */
  residentUser?: string | null;
  /** The password of the volunteers' own accounts. */
  password: string;
  log: (line: string) => void;
}

/** The city's places of the focus district and of the others' communities, with residents counted. */
async function places(db: Db, city: string): Promise<DemoPlace[]> {
  const { rows } = await db.query<DemoPlace>(
    `SELECT p.path, p.name, p.lon, p.lat, COALESCE(c.people, 0)::int AS residents
       FROM places p LEFT JOIN people_place_counts c ON c.place_id = p.id
      WHERE p.path > $1 || '.' AND p.path < $1 || '/' AND p.level = 'community' AND p.lon IS NOT NULL
      ORDER BY p.path`,
    [city],
  );
  return rows;
}

async function placeNames(
  db: Db,
  [district, street, community]: [string, string, string],
): Promise<{ district: string; street: string; community: string }> {
  const { rows } = await db.query<{ path: string; name: string }>(
    'SELECT path, name FROM places WHERE path = ANY($1::text[])',
    [[district, street, community]],
  );
  const name = (path: string) => rows.find((r) => r.path === path)?.name ?? path;
  return { district: name(district), street: name(street), community: name(community) };
}

async function residents(db: Db, city: string): Promise<Map<string, DemoResident[]>> {
  const { rows } = await db.query<DemoResident>(
    `SELECT pe.id, pe.name, h.path AS community FROM people pe JOIN places h ON h.id = pe.home_place_id
      WHERE h.path > $1 || '.' AND h.path < $1 || '/' AND h.level = 'community'
      ORDER BY h.path, pe.phone, pe.id`,
    [city],
  );
  const out = new Map<string, DemoResident[]>();
  for (const r of rows) {
    const list = out.get(r.community) ?? [];
    list.push(r);
    out.set(r.community, list);
  }
  return out;
}

/** The focus district's communities, the focus first, then by residents (most first), then path. */
export function rankCommunities(all: readonly DemoPlace[], focus: string): DemoPlace[] {
  const district = focus.split('.').slice(0, 2).join('.');
  return all
    .filter((c) => c.path.startsWith(`${district}.`))
    .sort(
      (a, b) =>
        Number(b.path === focus) - Number(a.path === focus) ||
        b.residents - a.residents ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
}

export async function seedSocial(db: Db, o: DemoSocialOptions): Promise<DemoSocialResult> {
  const city = o.focus.split('.')[0];
  const district = o.focus.split('.').slice(0, 2).join('.');
  const focusStreet = o.focus.split('.').slice(0, 3).join('.');
  const T = o.now.getTime();
  const hour = new Date(Math.floor(T / HOUR) * HOUR);
  const all = await places(db, city);
  const ranked = rankCommunities(all, o.focus);
  if (ranked.length === 0) throw new Error(`demo social: no communities under ${district}`);
  const pool = new ResidentPool(await residents(db, city));

  // Organisations.
  const adminActor = (at: Date): VolunteerActor => ({ userId: o.admin, scope: city, now: at });
  const registeredAt = new Date(T - 72 * HOUR);
  const existingOrgs = new Map((await listOrganisations(db, { scope: null })).map((x) => [x.name, x]));
  const orgs = new Map<string, string>();
  const specs = demoOrganisations(await placeNames(db, [district, focusStreet, o.focus]));
  for (const spec of specs) {
    const place = spec.where === 'district' ? district : spec.where === 'street' ? focusStreet : o.focus;
    const org =
      existingOrgs.get(spec.name) ??
      (await createOrganisation(db, { name: spec.name, kind: spec.kind, place }, adminActor(registeredAt)));
    orgs.set(spec.key, org.id);
  }

  // Volunteers: those not registered yet (by community and name), then verified.
  const plans = planVolunteers(ranked, pool, hour, focusStreet);
  const stored = await listVolunteers(db, { scope: district, limit: 10_000 });
  const byKey = new Map(stored.volunteers.map((v) => [`${v.community}|${v.name}`, v]));
  const linked = o.volunteerUser
    ? (stored.volunteers.find((v) => v.userId === o.volunteerUser) ?? null)
    : null;
  let demoVolunteer: Volunteer | null = linked;
  const volunteers: { plan: VolunteerPlan; v: Volunteer }[] = [];
  let passwordHash: string | undefined;
  for (const [k, p] of plans.entries()) {
    let v = byKey.get(`${p.community}|${p.name}`);
    if (!v) {
      // The demo's volunteer account is the focus community's first volunteer who delivers medicine.
      const isDemo =
        !demoVolunteer &&
        o.volunteerUser &&
        p.community === o.focus &&
        !p.posted &&
        p.skills.includes('medicine_delivery');
      let account: { userId: string } | null = isDemo ? { userId: o.volunteerUser! } : null;
      if (!isDemo && p.account) {
        // Their own account to answer offers (the password hashed once for all of them).
        passwordHash ??= await hashPassword(o.password);
        const user = await insertUser(db, {
          username: `vol_${String(k + 1).padStart(3, '0')}`,
          passwordHash,
          role: 'volunteer',
          placePath: p.community,
          displayName: p.name,
        });
        account = { userId: user.id };
      }
      v = await registerVolunteer(
        db,
        {
          name: p.name,
          phone: p.phone,
          personId: p.personId,
          community: p.community,
          skills: p.skills,
          lon: p.lon,
          lat: p.lat,
          // The demo's volunteer is on call around the matching run and takes two tasks a day.
          capacity: isDemo ? 2 : p.capacity,
          organisationId: p.organisation ? orgs.get(p.organisation)! : null,
          posted: p.posted,
          windows: isDemo
            ? [{ from: new Date(hour.getTime() - 12 * HOUR), to: new Date(hour.getTime() + 12 * HOUR) }]
            : p.windows,
          account,
        },
        { kind: 'staff', actor: adminActor(new Date(registeredAt.getTime() + k * MIN)) },
      );
      if (isDemo) {
        demoVolunteer = v;
        p.verified = true;
      }
    }
    volunteers.push({ plan: p, v });
  }
  const verifiedAt = new Date(T - 48 * HOUR);
  for (const [k, { plan, v }] of volunteers.entries()) {
    if (!plan.verified || v.state === 'verified') continue;
    // The focus community's worker verifies its own; the admin (for the organisations) the rest.
    const by =
      v.community === o.focus ? { userId: o.worker, scope: o.focus } : { userId: o.admin, scope: city };
    await verifyVolunteer(db, v.id, { ...by, now: new Date(verifiedAt.getTime() + k * MIN) });
  }
  const after = await listVolunteers(db, { scope: district, limit: 10_000 });
  const verified = after.volunteers.filter((v) => v.state === 'verified').length;
  const posted = after.volunteers.filter((v) => v.posted).length;
  o.log(
    `social: ${specs.length} organisations, ${after.total} volunteers (${verified} verified, ${posted} officials posted down)`,
  );

  const aid = await seedAid(db, {
    ...o,
    hour,
    ranked,
    all,
    pool,
    volunteers: after.volunteers,
    demoVolunteer,
  });
  o.log(
    `mutual aid: ${Object.entries(aid.requests)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')}${aid.run ? `; the matching run matched ${aid.run.matched} of ${aid.run.requests}` : ''}`,
  );

  const participation = await seedParticipation(db, { ...o, ranked, pool });
  o.log(
    `participation: ${participation.reports} reports (${participation.breaches} past their SLA), early warning in ${participation.warnings.join(', ') || 'none'}`,
  );
  return {
    organisations: specs.length,
    volunteers: after.total,
    verified,
    posted,
    ...aid,
    participation,
  };
}

const NEEDS: { need: Skill; weight: number; notes: string[] }[] = [
  {
    need: 'medicine_delivery',
    weight: 10,
    notes: [
      '降压药吃完了，社区医院开好了处方',
      '胰岛素需要冷藏带回',
      '孩子发烧，需要退烧药',
      '慢性病长期处方药代取',
    ],
  },
  {
    need: 'food_delivery',
    weight: 9,
    notes: ['独居，楼栋封控中，需要一周的米面蔬菜', '家里两位老人，需要送些蔬菜和鸡蛋', '行动不便，帮忙买菜'],
  },
  {
    need: 'elderly_care',
    weight: 6,
    notes: ['老人独居，子女在外地，请帮忙上门看看', '老人需要有人陪同半天', '帮忙给老人量血压、整理药盒'],
  },
  {
    need: 'transport',
    weight: 5,
    notes: ['需要去医院做透析', '孕检复查，需要接送', '腿脚不便，需要送去核酸检测点'],
  },
];

function pickNeed(rnd: () => number): (typeof NEEDS)[number] {
  const total = NEEDS.reduce((s, n) => s + n.weight, 0);
  let r = rnd() * total;
  for (const n of NEEDS) {
    r -= n.weight;
    if (r < 0) return n;
  }
  return NEEDS[0];
}

interface AidContext extends DemoSocialOptions {
  hour: Date;
  ranked: readonly DemoPlace[];
  all: readonly DemoPlace[];
  pool: ResidentPool;
  volunteers: readonly Volunteer[];
  demoVolunteer: Volunteer | null;
}

/** How many of the demo's requests are in each state (the district's and the far one's). */
async function requestStates(db: Db, now: Date): Promise<Record<string, number>> {
  const { requests } = await listAidRequests(db, { limit: 10_000 }, systemActor(now));
  const out: Record<string, number> = {};
  for (const r of requests) out[r.state] = (out[r.state] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A day of requests: two early ones that expire unmatched, thirty before the matching run (a few
 * urgent; two from a community across the city that no volunteer reaches), the run, the
 * volunteers' answers (most accept, two decline, several are done), a dozen after the run still
 * open, one cancelled, and one asked twice (caught as the same request). Nothing when the
 * city has requests already.
 */
async function seedAid(
  db: Db,
  c: AidContext,
): Promise<Pick<DemoSocialResult, 'requests' | 'run' | 'duplicatesCaught'>> {
  const T = c.now.getTime();
  const existing = await listAidRequests(db, { limit: 1 }, systemActor(c.now));
  if (existing.total > 0) return { requests: await requestStates(db, c.now), run: null, duplicatesCaught: 0 };

  const rnd = stream(0xa1d);
  // The requester is told of every change (in the app), at the time it happened.
  const { notifier, at: clock } = demoNotifier(db);
  const H = c.hour.getTime();
  const R = H - 2 * HOUR; // the matching run
  const staff = (at: number): AidActor => ({
    userId: c.admin,
    role: 'city_admin',
    scope: c.focus.split('.')[0],
    personId: null,
    now: new Date(at),
  });
  const focusStreet = c.focus.split('.').slice(0, 3).join('.');
  // Requests come mostly from the focus street, the rest from the district.
  const where = (k: number) => {
    const inStreet = c.ranked.filter((p) => p.path.startsWith(`${focusStreet}.`));
    const list = k % 3 === 2 ? c.ranked : inStreet;
    return list[Math.floor(rnd() * list.length)];
  };
  const far = [...c.all]
    .filter((p) => !p.path.startsWith(`${c.focus.split('.').slice(0, 2).join('.')}.`))
    .sort(
      (a, b) =>
        Math.hypot(b.lon - c.ranked[0].lon, b.lat - c.ranked[0].lat) -
        Math.hypot(a.lon - c.ranked[0].lon, a.lat - c.ranked[0].lat),
    )[0];

  const made: { id: string; at: number; need: Skill; requester: string }[] = [];
  const ask = async (
    place: DemoPlace,
    at: number,
    window: [number, number],
    urgent: boolean,
    need = pickNeed(rnd),
    location: { lon: number; lat: number } | null = null,
  ) => {
    const person = c.pool.take(place.path);
    if (!person) return;
    clock(at);
    const r = await createAidRequest(
      db,
      {
        personId: person.id,
        need: need.need,
        urgency: urgent ? 'urgent' : 'normal',
        from: new Date(window[0]),
        to: new Date(window[1]),
        notes: need.notes[Math.floor(rnd() * need.notes.length)],
        location,
      },
      staff(at),
      notifier,
    );
    made.push({ id: r.request.id, at, need: need.need, requester: person.id });
  };

  // Early in the day: two that nobody takes before their window passes.
  await ask(c.ranked[1] ?? c.ranked[0], T - 20 * HOUR, [T - 20 * HOUR, T - 17 * HOUR], false, NEEDS[3]);
  await ask(c.ranked[2] ?? c.ranked[0], T - 19 * HOUR, [T - 19 * HOUR, T - 16 * HOUR], true, NEEDS[2]);
  // Two neighbours of the demo's volunteer need medicine: the run offers them to the volunteer.
  if (c.demoVolunteer) {
    const me = c.demoVolunteer;
    for (const [k, [east, north]] of [
      [120, 80],
      [-90, 140],
    ].entries()) {
      const at = R - (5 - k) * HOUR;
      await ask(c.ranked[0], at, [at, R + 5 * HOUR], false, NEEDS[0], nudge(me, east, north));
    }
  }
  // Before the run: thirty over the morning, six urgent, two from across the city.
  for (let k = 0; k < 30; k++) {
    const at = R - 14 * HOUR + k * 27 * MIN;
    const urgent = k % 5 === 1;
    const place = k === 7 || k === 19 ? far : where(k);
    if (!place) continue;
    const to = urgent
      ? Math.max(at + 3 * HOUR, R + 2 * HOUR)
      : Math.max(at + 5 * HOUR, R + (3 + (k % 5)) * HOUR);
    await ask(place, at, [at, to], urgent);
  }
  // The demo resident asks for medicine before the run.
  const resident = c.residentUser ? await userById(db, c.residentUser) : undefined;
  let residentRequest: string | null = null;
  if (resident?.personId) {
    clock(R - 3 * HOUR);
    const r = await createAidRequest(
      db,
      {
        need: 'medicine_delivery',
        urgency: 'normal',
        from: new Date(R - 3 * HOUR),
        to: new Date(R + 6 * HOUR),
        notes: '家里的降压药只剩两天的量，麻烦帮忙从社区卫生服务中心取药',
      },
      {
        userId: resident.id,
        role: 'resident',
        scope: null,
        personId: resident.personId,
        now: new Date(R - 3 * HOUR),
      },
      notifier,
    );
    residentRequest = r.request.id;
  }

  // The run (the timer's), then the volunteers' answers over the next two hours.
  clock(R);
  const run = await runAidMatching(db, { actor: systemActor(new Date(R)), trigger: 'scheduled', notifier });
  const accounts = new Map(c.volunteers.filter((v) => v.userId).map((v) => [v.id, v.userId!]));
  const answering = run.matches.filter(
    (m) => accounts.has(m.volunteer) && m.volunteer !== c.demoVolunteer?.id,
  );
  // The demo resident's request is accepted when a volunteer with an account has it.
  answering.sort((a, b) => Number(b.request === residentRequest) - Number(a.request === residentRequest));
  const asVolunteer = (id: string, at: number): AidActor => ({
    userId: accounts.get(id)!,
    role: 'volunteer',
    scope: null,
    personId: null,
    now: new Date(at),
  });
  let t = R + 10 * MIN;
  const accepted: { request: string; volunteer: string }[] = [];
  for (const [k, m] of answering.slice(0, 14).entries()) {
    t += 6 * MIN;
    const decline = k === 2 || k === 6;
    clock(t);
    await respondAidMatch(
      db,
      m.offer,
      decline
        ? { accept: false, note: k === 2 ? '临时有事，今天去不了' : '距离有点远，走不开' }
        : { accept: true },
      asVolunteer(m.volunteer, t),
      notifier,
    );
    if (!decline) accepted.push(m);
  }
  // Most of those accepted first are done by now (the demo resident's stays accepted: theirs to see).
  const finished = accepted.filter((m) => m.request !== residentRequest);
  for (const m of finished.slice(0, Math.min(7, finished.length - 2))) {
    t += 7 * MIN;
    clock(Math.min(t, T - MIN));
    await completeAidRequest(
      db,
      m.request,
      { note: '已送达' },
      asVolunteer(m.volunteer, Math.min(t, T - MIN)),
      notifier,
    );
  }
  // The demo volunteer's own: one done earlier, one waiting for their answer.
  const mine = run.matches.filter((m) => m.volunteer === c.demoVolunteer?.id);
  if (mine.length > 1 && c.volunteerUser) {
    const me: AidActor = {
      userId: c.volunteerUser,
      role: 'volunteer',
      scope: null,
      personId: null,
      now: new Date(R + 20 * MIN),
    };
    clock(R + 20 * MIN);
    await respondAidMatch(db, mine[0].offer, { accept: true }, me, notifier);
    clock(R + 75 * MIN);
    await completeAidRequest(
      db,
      mine[0].request,
      { note: '药已送到，老人已服药' },
      { ...me, now: new Date(R + 75 * MIN) },
      notifier,
    );
  }

  // After the run: a dozen more, still open; one cancelled; one asked twice.
  const before = made.length;
  for (let k = 0; k < 12; k++) {
    const at = R + 8 * MIN + k * 9 * MIN;
    const place = where(k);
    if (!place) continue;
    await ask(place, at, [at, at + (k % 4 === 0 ? 3 : 6) * HOUR], k % 6 === 0);
  }
  const late = made.slice(before);
  let duplicatesCaught = 0;
  if (late.length > 1) {
    clock(late[1].at + 40 * MIN);
    await cancelAidRequest(
      db,
      late[1].id,
      '家属已经送来了，不需要了',
      staff(late[1].at + 40 * MIN),
      notifier,
    );
    const again = late[late.length - 1];
    const r = await createAidRequest(
      db,
      {
        personId: again.requester,
        need: again.need,
        urgency: 'normal',
        from: new Date(again.at + 30 * MIN),
        to: new Date(again.at + 4 * HOUR),
      },
      staff(Math.min(again.at + 20 * MIN, T)),
    );
    if (!r.created && r.request.id === again.id) duplicatesCaught++;
  }
  return {
    requests: await requestStates(db, c.now),
    run: { requests: run.run.requests, matched: run.run.matched, unmatched: run.unmatched.length },
    duplicatesCaught,
  };
}
