/**
 * The demo's public participation (公众参与): the city's SLAs for urgent categories, a day of
 * residents' reports over the focus district in every category — a blocked fire lane reported by
 * three neighbours in nearly the same words (one issue, three supporters), some acknowledged,
 * assigned and answered in public, some left past their SLA — and the residents' early warning:
 * the focus community's symptom reports from distinct residents over the last 24 hours well above
 * their 14-day baseline (one a day, some days none), checked at the demo's `now`, so the warning is
 * in the community's inbox on first start. Other communities stay at one or two a day, below the
 * rule's floor of three.
 */
import type { Db } from '@renxing/db';
import { userById } from '@renxing/modules/access';
import {
  checkEarlyWarnings,
  getParticipationStats,
  listReports,
  listWarnings,
  type ParticipationActor,
  respondReport,
  setReportSla,
  submitReport,
} from '@renxing/modules/participation';
import { createNotifier, type Notifier } from '@renxing/notify';
import type { DemoPlace, ResidentPool } from './social.js';

const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 24 * HOUR;

type Category = 'hazard' | 'suggestion' | 'complaint' | 'health_symptom' | 'need';

export interface DemoParticipationResult {
  /** The demo's reports (the day's and the symptom baseline's). */
  reports: number;
  byCategory: Record<string, number>;
  /** The most supporters behind one issue. */
  supporters: number;
  /** Responses shown in public. */
  publicResponses: number;
  /** Reports of the last 24 h past their SLA (the statistics' breaches). */
  breaches: number;
  /** Communities with an early warning. */
  warnings: string[];
  /** The community whose residents raise it. */
  warningCommunity: string;
}

/** The city's service levels the demo sets (hours to acknowledge, to respond); the rest keep the defaults. */
export const DEMO_SLAS: { category: Category; ackHours: number; respondHours: number }[] = [
  { category: 'hazard', ackHours: 2, respondHours: 24 },
  { category: 'health_symptom', ackHours: 2, respondHours: 12 },
  { category: 'need', ackHours: 4, respondHours: 24 },
];

/** What staff do to a report of the day: nothing, acknowledge, assign, or respond (in public or not). */
type Handling = 'none' | 'ack' | 'assign' | 'respond' | 'respond-public' | 'close';

interface DayReport {
  category: Category;
  text: string;
  /** Hours before now. */
  ago: number;
  /** Where: the focus community (0), or the n-th community of the district ranking. */
  rank: number;
  allowPublic: boolean;
  handling: Handling;
  /** Hours after submission staff act. */
  after?: number;
  response?: string;
  assignee?: string;
}

/** The day's reports (the early warning's symptom reports come on top). */
export const DAY_REPORTS: DayReport[] = [
  // One issue, three neighbours: near-duplicates with a count of supporters, answered in public.
  {
    category: 'hazard',
    text: '3栋1单元楼道堆满了纸箱和旧家具，消防通道被堵死了',
    ago: 22,
    rank: 0,
    allowPublic: true,
    handling: 'respond-public',
    after: 3,
    response: '已通知物业，今天下午已清理完毕，楼道畅通。感谢居民反映！',
  },
  {
    category: 'hazard',
    text: '3栋1单元楼道堆满了纸箱和旧家具，消防通道被堵死了！',
    ago: 21,
    rank: 0,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'hazard',
    text: '3栋1单元楼道堆满纸箱和旧家具，消防通道被堵死了',
    ago: 19.5,
    rank: 0,
    allowPublic: false,
    handling: 'none',
  },
  {
    category: 'hazard',
    text: '小区东门的井盖松动了，晚上有人差点踩空',
    ago: 17,
    rank: 1,
    allowPublic: true,
    handling: 'respond-public',
    after: 1.5,
    response: '市政已到场更换井盖并设置警示标志。',
  },
  {
    category: 'hazard',
    text: '二号楼外墙瓷砖脱落，下面就是人行道',
    ago: 9,
    rank: 2,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'hazard',
    text: '江边步道护栏缺了一截，孩子在那里玩很危险',
    ago: 6,
    rank: 4,
    allowPublic: true,
    handling: 'ack',
    after: 1,
  },
  {
    category: 'hazard',
    text: '地下车库入口积水很深，车辆进出困难',
    ago: 1,
    rank: 3,
    allowPublic: false,
    handling: 'none',
  },
  {
    category: 'suggestion',
    text: '建议在社区卫生服务中心为老年人开设绿色通道',
    ago: 20,
    rank: 0,
    allowPublic: true,
    handling: 'respond-public',
    after: 6,
    response: '已与社区卫生服务中心商定，下周起每天上午设老年人专窗。',
  },
  {
    category: 'suggestion',
    text: '希望核酸检测点晚上延长到九点，下班赶不上',
    ago: 15,
    rank: 5,
    allowPublic: true,
    handling: 'assign',
    after: 2,
    assignee: '街道防疫办',
  },
  {
    category: 'suggestion',
    text: '建议在小区里设快递集中投放点，减少人员聚集',
    ago: 11,
    rank: 1,
    allowPublic: true,
    handling: 'ack',
    after: 3,
  },
  {
    category: 'suggestion',
    text: '建议社区群里每天公布物资配送的时间和地点',
    ago: 4,
    rank: 0,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'suggestion',
    text: '可以组织楼栋志愿者帮独居老人代购',
    ago: 2,
    rank: 6,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'complaint',
    text: '夜里十二点了工地还在施工，噪音太大影响休息',
    ago: 23,
    rank: 2,
    allowPublic: true,
    handling: 'respond',
    after: 10,
    response: '已联系城管执法，要求工地晚十点后停工。',
  },
  {
    category: 'complaint',
    text: '小区的垃圾两天没有清运了，味道很大',
    ago: 16,
    rank: 0,
    allowPublic: true,
    handling: 'close',
    after: 4,
    response: '环卫公司已补运，并调整为每日两次清运。',
  },
  {
    category: 'complaint',
    text: '团购配送的蔬菜不新鲜，价格也偏高',
    ago: 12,
    rank: 3,
    allowPublic: false,
    handling: 'ack',
    after: 2,
  },
  {
    category: 'complaint',
    text: '广场舞音响太吵，晚上九点以后还在放',
    ago: 7,
    rank: 7,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'complaint',
    text: '电梯已经坏了三天，老人上下楼很困难',
    ago: 3,
    rank: 1,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'need',
    text: '独居老人家里停水了，需要送两桶桶装水',
    ago: 18,
    rank: 1,
    allowPublic: false,
    handling: 'respond',
    after: 2,
    response: '志愿者已送水上门。',
  },
  {
    category: 'need',
    text: '家里有瘫痪老人，想借一台轮椅',
    ago: 13,
    rank: 0,
    allowPublic: false,
    handling: 'assign',
    after: 1,
    assignee: '社区残协',
  },
  {
    category: 'need',
    text: '需要预约上门核酸，家里老人行动不便',
    ago: 8,
    rank: 2,
    allowPublic: true,
    handling: 'none',
  },
  {
    category: 'need',
    text: '想找懂手语的志愿者帮忙和医生沟通',
    ago: 2.5,
    rank: 5,
    allowPublic: true,
    handling: 'none',
  },
  // Symptom reports elsewhere: one per community, below the warning's floor.
  {
    category: 'health_symptom',
    text: '孩子昨晚发烧到38度5，今天退了一些',
    ago: 14,
    rank: 1,
    allowPublic: false,
    handling: 'respond',
    after: 1,
    response: '社区医生已电话随访，建议居家观察并测体温。',
  },
  {
    category: 'health_symptom',
    text: '我有点咽痛、乏力，不知道要不要去医院',
    ago: 10,
    rank: 2,
    allowPublic: false,
    handling: 'ack',
    after: 1.5,
  },
  {
    category: 'health_symptom',
    text: '爱人咳嗽三天了，今天开始低烧',
    ago: 5,
    rank: 3,
    allowPublic: false,
    handling: 'none',
  },
];

/** What residents of the warning community write (each a different resident). */
const SYMPTOMS = [
  '家里老人发烧38度，咳嗽两天了',
  '我从昨天开始发热、嗓子疼，浑身没力气',
  '孩子高烧39度，还有点拉肚子',
  '这两天一直干咳，今天开始发烧',
  '爱人头疼、发烧，量了38度2',
  '楼上楼下好几户都有人咳嗽发热，我也开始发烧了',
  '全家三口都有点发烧，老人最严重',
  '发烧两天，味觉好像变差了',
  '低烧不退，肌肉酸痛，晚上咳得睡不着',
  '今天早上起来发烧，喉咙痛得厉害',
  '父亲咳嗽、发热，胸口有点闷',
];
/** The baseline's words: a cold now and then. */
const ORDINARY = [
  '有点感冒，流鼻涕',
  '孩子咳嗽了几天，精神还好',
  '嗓子有点痛',
  '老人血压有点高，头晕',
  '有点拉肚子',
];

/** Hours before now of the warning community's symptom reports in the last 24 h: rising towards now. */
export const SPIKE_HOURS = [20, 14, 9, 6, 4.5, 3.2, 2.1, 1.4, 0.6];
/** Days (before now) on which the warning community had one symptom report in its baseline. */
export const BASELINE_DAYS_WITH_ONE = [1, 2, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14];

export interface ParticipationContext {
  now: Date;
  admin: string;
  worker: string;
  focus: string;
  residentUser?: string | null;
  ranked: readonly DemoPlace[];
  pool: ResidentPool;
}

/** A notifier (in-app) whose messages carry the simulated time of the change they tell of: set it with `at`. */
export function demoNotifier(db: Db): { notifier: Notifier; at: (t: number) => void } {
  let clock = 0;
  return {
    notifier: createNotifier({ db, smtpUrl: null, now: () => new Date(clock) }),
    at: (t) => (clock = t),
  };
}

/**
 * The reports, the SLAs and the early-warning check. Reports are made only when the district has
 * none yet; the check runs every time (a second one within 24 h raises nothing).
 */
export async function seedParticipation(db: Db, c: ParticipationContext): Promise<DemoParticipationResult> {
  const T = c.now.getTime();
  const city = c.focus.split('.')[0];
  const district = c.focus.split('.').slice(0, 2).join('.');
  const { notifier, at } = demoNotifier(db);
  const system = (t: number): ParticipationActor => ({
    userId: null,
    role: 'system',
    personId: null,
    scope: null,
    now: new Date(t),
  });
  const staffFor = (place: string, t: number): ParticipationActor =>
    place === c.focus
      ? { userId: c.worker, role: 'community_worker', personId: null, scope: c.focus, now: new Date(t) }
      : { userId: c.admin, role: 'city_admin', personId: null, scope: city, now: new Date(t) };
  const place = (rank: number) => c.ranked[rank % c.ranked.length]!;

  const existing = await listReports(db, { scope: district, limit: 1, offset: 0 });
  if (existing.total === 0) {
    for (const s of DEMO_SLAS) await setReportSla(db, system(T - 15 * DAY), s);

    const submit = async (
      who: { id: string } | null,
      p: DemoPlace,
      t: number,
      category: Category,
      text: string,
      allowPublic = false,
    ) => {
      if (!who) return null;
      at(t);
      const r = await submitReport(db, notifier, system(t), {
        personId: who.id,
        category,
        text,
        placePath: p.path,
        allowPublic,
      });
      return r.report;
    };

    // The 14 days behind: the warning community's baseline, and a cold now and then elsewhere.
    const W = place(0);
    for (let d = 14; d >= 1; d--) {
      if (BASELINE_DAYS_WITH_ONE.includes(d)) {
        const t = T - d * DAY - (4 + ((d * 5) % 15)) * HOUR;
        await submit(c.pool.take(W.path), W, t, 'health_symptom', ORDINARY[d % ORDINARY.length]);
      }
      for (const [i, p] of c.ranked.entries()) {
        if (i === 0 || (d + i) % 3 !== 0) continue;
        const t = T - d * DAY - (6 + ((d + i) % 12)) * HOUR;
        await submit(c.pool.take(p.path), p, t, 'health_symptom', ORDINARY[(d + i) % ORDINARY.length]);
      }
    }

    // The day's reports, by time, and what staff did with them.
    const day = [...DAY_REPORTS].sort((a, b) => b.ago - a.ago);
    for (const d of day) {
      const p = place(d.rank);
      const t = T - d.ago * HOUR;
      const report = await submit(c.pool.take(p.path), p, t, d.category, d.text, d.allowPublic);
      if (!report || d.handling === 'none' || report.duplicateOf) continue;
      const when = Math.min(t + (d.after ?? 1) * HOUR, T - MIN);
      const staff = (k: number) => staffFor(p.path, when + k * 20 * MIN);
      const act = async (k: number, input: Parameters<typeof respondReport>[4]) => {
        at(when + k * 20 * MIN);
        await respondReport(db, notifier, staff(k), report.id, input);
      };
      await act(0, { action: 'acknowledge' });
      if (d.handling === 'ack') continue;
      if (d.assignee) await act(1, { action: 'assign', assignee: d.assignee });
      if (d.handling === 'assign') continue;
      await act(2, {
        action: 'respond',
        text: d.response ?? '已处理。',
        public: d.handling === 'respond-public' || d.handling === 'close',
      });
      if (d.handling === 'close') await act(3, { action: 'close' });
    }

    // The demo resident's own suggestion, answered in public.
    const resident = c.residentUser ? await userById(db, c.residentUser) : undefined;
    if (resident?.personId) {
      const t = T - 5 * HOUR;
      const me: ParticipationActor = {
        userId: resident.id,
        role: 'resident',
        personId: resident.personId,
        scope: null,
        now: new Date(t),
      };
      at(t);
      const r = await submitReport(db, notifier, me, {
        category: 'suggestion',
        text: '建议在小区门口设一个药品代取点，方便居家的老人',
        allowPublic: true,
      });
      const staff = staffFor(r.report.placePath, t + 2 * HOUR);
      at(t + 2 * HOUR);
      await respondReport(db, notifier, staff, r.report.id, { action: 'acknowledge' });
      at(t + 3 * HOUR);
      await respondReport(db, notifier, { ...staff, now: new Date(t + 3 * HOUR) }, r.report.id, {
        action: 'respond',
        text: '好建议！社区卫生服务中心将在小区东门每周二、五设代取点。',
        public: true,
      });
    }

    // The warning community's residents, one after another over the last 24 h.
    for (const [k, h] of SPIKE_HOURS.entries())
      await submit(c.pool.take(W.path), W, T - h * HOUR, 'health_symptom', SYMPTOMS[k % SYMPTOMS.length]);
  }

  at(T);
  await checkEarlyWarnings(db, notifier, c.now);
  return summary(db, c, district);
}

async function summary(db: Db, c: ParticipationContext, district: string): Promise<DemoParticipationResult> {
  const T = c.now.getTime();
  const { reports, total } = await listReports(db, { scope: district, limit: 10_000, offset: 0 });
  const byCategory: Record<string, number> = {};
  for (const r of reports) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
  const stats = await getParticipationStats(db, {
    scope: district,
    from: new Date(T - DAY),
    to: c.now,
    now: c.now,
  });
  const warnings = await listWarnings(db, { scope: district, limit: 100 });
  return {
    reports: total,
    byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => (a < b ? -1 : 1))),
    supporters: Math.max(0, ...reports.map((r) => r.supporters)),
    publicResponses: reports.filter((r) => r.response && r.responsePublic && r.allowPublic).length,
    breaches: stats.breaches,
    warnings: [...new Set(warnings.map((w) => w.placePath))].sort(),
    warningCommunity: c.focus,
  };
}
