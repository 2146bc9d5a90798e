/**
 * The demo city's community inbox: departments, a published responsibility list (own, assist,
 * negative, certificate and abolished-certificate items, each with its legal basis), and a month of
 * requests from six departments replayed day by day through the real services — departments
 * asking under the same duty codes for the same field keys in overlapping windows, the communities
 * answering some forms (so later forms arrive pre-filled), refused negative-list and abolished
 * requests, one one-off admission — so the burden figures mean something on first start.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import {
  answerWorkItem,
  approveAdmission,
  burden,
  burdenCounts,
  createDepartment,
  type FieldSpec,
  type FieldType,
  getWorkItem,
  type InboxActor,
  importDutyList,
  listItems,
  localDate,
  type Priority,
  submitWorkRequest,
  updateWorkItem,
  type WorkKind,
} from '@renxing/modules/inbox';

export const DEMO_DEPARTMENTS = [
  { code: 'wsjkw', name: '市卫生健康委员会', nameEn: 'Health Commission' },
  { code: 'mzj', name: '市民政局', nameEn: 'Civil Affairs Bureau' },
  { code: 'gaj', name: '市公安局', nameEn: 'Public Security Bureau' },
  { code: 'zjw', name: '市住房和城乡建设委员会', nameEn: 'Housing and Urban-Rural Development Commission' },
  { code: 'yjj', name: '市应急管理局', nameEn: 'Emergency Management Bureau' },
  { code: 'cgj', name: '市城市管理局', nameEn: 'Urban Management Bureau' },
  { code: 'jdb', name: '街道办事处', nameEn: 'Street Office' },
] as const;

const RJW = '社区居委会';

/** The responsibility list the city publishes: code, list, title, department, legal basis. */
export const DEMO_DUTY_LIST: [string, string, string, string, string][] = [
  [
    'S-01',
    'own',
    '宣传宪法、法律法规和国家政策，教育居民履行依法应尽的义务',
    RJW,
    '《城市居民委员会组织法》第三条第一项',
  ],
  ['S-02', 'own', '办理本居住地区居民的公共事务和公益事业', RJW, '《城市居民委员会组织法》第三条第二项'],
  ['S-03', 'own', '调解民间纠纷', RJW, '《城市居民委员会组织法》第三条第三项；《人民调解法》第三十四条'],
  ['S-04', 'own', '协助维护社会治安，开展矛盾纠纷排查', RJW, '《城市居民委员会组织法》第三条第四项'],
  ['S-05', 'own', '向人民政府反映居民的意见、要求和提出建议', RJW, '《城市居民委员会组织法》第三条第六项'],
  [
    'X-01',
    'assist',
    '协助做好传染病防控、预防接种和健康教育',
    '卫健委',
    '《传染病防治法》第九条；《疫苗管理法》',
  ],
  [
    'X-02',
    'assist',
    '协助开展老年人关爱服务和高龄津贴对象核查',
    '民政局',
    '《老年人权益保障法》第七条、第三十三条',
  ],
  [
    'X-03',
    'assist',
    '协助开展实有人口、出租房屋信息采集',
    '公安局',
    '《居住证暂行条例》第七条；《户口登记条例》',
  ],
  ['X-04', 'assist', '协助开展房屋安全隐患排查', '住建委', '《城市危险房屋管理规定》第六条'],
  [
    'X-05',
    'assist',
    '协助开展防灾减灾、应急避难场所和物资摸底',
    '应急管理局',
    '《突发事件应对法》；《自然灾害救助条例》第七条',
  ],
  [
    'X-06',
    'assist',
    '协助开展生活垃圾分类宣传和督导',
    '城管局',
    '《固体废物污染环境防治法》第四十九条；《城市市容和环境卫生管理条例》',
  ],
  ['X-07', 'assist', '协助受理最低生活保障申请和家庭经济状况核查', '民政局', '《社会救助暂行办法》第十一条'],
  ['X-08', 'assist', '协助开展群众性消防工作和火灾隐患排查', '应急管理局', '《消防法》第三十二条'],
  [
    'N-01',
    'negative',
    '招商引资、协税护税',
    '商务委、税务局',
    '《城市居民委员会组织法》第三条（不属居民委员会任务）',
  ],
  [
    'N-02',
    'negative',
    '占道经营、违法建设的行政执法和处罚',
    '城管局',
    '《行政处罚法》第十七条：行政处罚由具有行政处罚权的行政机关实施',
  ],
  [
    'N-03',
    'negative',
    '生产经营单位安全生产监督检查',
    '应急管理局',
    '《安全生产法》第十条：由负有安全生产监督管理职责的部门实施',
  ],
  ['N-04', 'negative', '食品经营场所监督检查', '市场监管局', '《食品安全法》第六条'],
  [
    'N-05',
    'negative',
    '为部门考核迎检编制台账、重复填报报表',
    '各部门',
    '《关于加强基层治理体系和治理能力现代化建设的意见》（2021）',
  ],
  ['Z-01', 'cert', '居住情况证明（申领居住证）', '公安局', '《居住证暂行条例》第九条'],
  ['Z-02', 'cert', '困难群众家庭情况说明（申请社会救助）', '民政局', '《社会救助暂行办法》第十一条'],
  [
    'Q-01',
    'cert_abolished',
    '亲属关系证明',
    '—',
    '《国务院办公厅关于做好证明事项清理工作的通知》（国办发〔2018〕47号）',
  ],
  [
    'Q-02',
    'cert_abolished',
    '无犯罪记录证明',
    '公安局',
    '《公安机关办理无犯罪记录证明的规定》第二条：由公安机关出具',
  ],
  ['Q-03', 'cert_abolished', '婚姻状况证明', '民政局', '《婚姻登记条例》；国办发〔2018〕47号'],
];

const F = (key: string, label: string, type: FieldType = 'integer'): FieldSpec => ({ key, label, type });
const FIELDS = {
  residents: F('residents.count', '常住人口数'),
  over60: F('residents.over_60', '60岁以上老人数'),
  over80: F('residents.over_80', '80岁以上老人数'),
  households: F('households.count', '户数'),
  alone: F('elderly.living_alone', '独居老人数'),
  disabled: F('elderly.disabled', '失能半失能老人数'),
  vaccinated: F('vaccination.over_60_done', '60岁以上已接种流感疫苗人数'),
  migrants: F('migrants.count', '流动人口数'),
  rentals: F('rentals.count', '出租房屋套数'),
  oldBuildings: F('buildings.old', '老旧房屋栋数'),
  oldBuildingsText: F('buildings.old', '老旧房屋（栋数及位置）', 'text'),
  dangerous: F('buildings.dangerous', 'C/D级危房栋数'),
  fire: F('fire.hazards', '火灾隐患处数'),
  shelters: F('shelters.count', '应急避难场所数'),
  capacity: F('shelters.capacity', '避难场所可容纳人数'),
  volunteers: F('volunteers.count', '志愿者人数'),
  wastePoints: F('waste.points', '垃圾分类投放点数'),
  sorting: F('waste.sorting_rate', '垃圾分类参与率（%）', 'number'),
  lowIncome: F('low_income.households', '低保户数'),
  disabledPeople: F('disabled.count', '持证残疾人数'),
  contact: F('contact.person', '填报人', 'text'),
  phone: F('contact.phone', '联系电话', 'text'),
  chargers: F('fire.ev_chargers', '电动自行车集中充电点数'),
};

interface Plan {
  day: number;
  department: string;
  duty: string;
  kind: WorkKind;
  title: string;
  targets: string[];
  window?: [number, number];
  /** Days after arrival. */
  due: number;
  priority?: Priority;
  resources?: string;
  fields?: FieldSpec[];
  admission?: true;
}

/**
 * Targets, resolved against the community the demo's worker serves: D1 its district, D2 and D3 two
 * others, S1 its street, S2 another street of D1. Most requests reach one or two districts, which
 * keeps the seed quick; a few reach the whole city.
 */
const ALL = 'cq';
const D1 = '@D1';
const D2 = '@D2';
const D3 = '@D3';
const S1 = '@S1';
const S2 = '@S2';
const Y = FIELDS;

/**
 * A month of requests (day 0 is 30 days ago). Overlaps on purpose: X-02 (elderly) asked by 民政, 卫健
 * and 应急; X-03 (population) by 公安, 住建 and 民政; X-08 (fire) by 应急, 城管 and 住建; the same
 * keys (residents.over_80, households.count, …) across duties.
 */
const PLANS: Plan[] = [
  {
    day: 0,
    department: 'gaj',
    duty: 'S-04',
    kind: 'task',
    title: '平安社区矛盾纠纷月度排查',
    targets: [D1, D2],
    due: 12,
  },
  {
    day: 1,
    department: 'mzj',
    duty: 'X-02',
    kind: 'form',
    title: '高龄津贴发放对象摸底',
    targets: [D1, D2],
    window: [0, 14],
    due: 5,
    resources: '市级高龄津贴工作经费，每社区 2,000 元',
    fields: [Y.over80, Y.alone, Y.disabled, Y.households, Y.contact, Y.phone],
  },
  {
    day: 2,
    department: 'wsjkw',
    duty: 'X-01',
    kind: 'form',
    title: '流感疫苗接种摸底（第一周）',
    targets: [D1],
    window: [0, 6],
    due: 3,
    resources: '区疾控中心派员 2 名，宣传物资',
    fields: [Y.residents, Y.over60, Y.vaccinated, Y.contact],
  },
  {
    day: 3,
    department: 'wsjkw',
    duty: 'X-02',
    kind: 'form',
    title: '老年人健康服务情况统计',
    targets: [D1],
    window: [1, 10],
    due: 6,
    resources: '家庭医生签约团队协助入户',
    fields: [Y.over60, Y.over80, Y.disabled, Y.vaccinated, Y.contact, Y.phone],
  },
  {
    day: 4,
    department: 'gaj',
    duty: 'X-03',
    kind: 'form',
    title: '实有人口和出租房屋信息核查',
    targets: [D1, D2],
    window: [0, 29],
    due: 14,
    resources: '派出所社区民警协同入户',
    fields: [Y.residents, Y.households, Y.migrants, Y.rentals, Y.contact, Y.phone],
  },
  {
    day: 5,
    department: 'cgj',
    duty: 'N-02',
    kind: 'task',
    title: '占道经营和违法建设集中整治',
    targets: [ALL],
    due: 7,
  },
  {
    day: 6,
    department: 'zjw',
    duty: 'X-03',
    kind: 'form',
    title: '住房租赁情况统计',
    targets: [D1],
    window: [5, 20],
    due: 8,
    resources: '住房租赁服务平台数据共享',
    fields: [Y.rentals, Y.households, Y.contact],
  },
  {
    day: 7,
    department: 'zjw',
    duty: 'X-04',
    kind: 'form',
    title: '老旧房屋安全隐患排查',
    targets: [D1, D3],
    window: [7, 20],
    due: 10,
    resources: '第三方房屋安全鉴定机构',
    fields: [Y.oldBuildings, Y.dangerous, Y.contact],
  },
  {
    day: 8,
    department: 'yjj',
    duty: 'X-04',
    kind: 'form',
    title: '汛期房屋和边坡隐患排查',
    targets: [D1],
    window: [8, 15],
    due: 4,
    priority: 'urgent',
    resources: '区应急局巡查组',
    fields: [Y.dangerous, Y.oldBuildingsText, Y.phone],
  },
  {
    day: 9,
    department: 'wsjkw',
    duty: 'X-01',
    kind: 'form',
    title: '流感疫苗接种摸底（第二周）',
    targets: [D1],
    window: [7, 13],
    due: 3,
    resources: '区疾控中心派员 2 名，宣传物资',
    fields: [Y.residents, Y.over60, Y.vaccinated, Y.contact],
  },
  {
    day: 9,
    department: 'yjj',
    duty: 'N-03',
    kind: 'task',
    title: '辖区企业安全生产大检查',
    targets: [D2],
    due: 5,
  },
  {
    day: 10,
    department: 'yjj',
    duty: 'X-08',
    kind: 'form',
    title: '冬季消防安全隐患排查',
    targets: [D1, D2],
    window: [10, 24],
    due: 7,
    resources: '消防救援站指导、灭火器 20 具',
    fields: [Y.fire, Y.oldBuildings, Y.volunteers, Y.contact],
  },
  {
    day: 11,
    department: 'cgj',
    duty: 'X-08',
    kind: 'form',
    title: '电动自行车充电隐患排查',
    targets: [D1],
    window: [10, 20],
    due: 6,
    resources: '充电桩建设补贴',
    fields: [Y.fire, Y.chargers, Y.contact, Y.phone],
  },
  {
    day: 12,
    department: 'gaj',
    duty: 'Q-01',
    kind: 'task',
    title: '为户籍迁移出具亲属关系证明',
    targets: [S1],
    due: 3,
  },
  {
    day: 12,
    department: 'mzj',
    duty: 'X-03',
    kind: 'form',
    title: '人口普查前期摸底',
    targets: [S1, S2],
    window: [10, 25],
    due: 7,
    resources: '普查员劳务补贴',
    fields: [Y.residents, Y.households, Y.migrants],
  },
  {
    day: 13,
    department: 'cgj',
    duty: 'X-06',
    kind: 'form',
    title: '生活垃圾分类月度统计',
    targets: [ALL],
    window: [0, 29],
    due: 10,
    resources: '分类督导员补贴',
    fields: [Y.wastePoints, Y.sorting, Y.households, Y.volunteers],
  },
  {
    day: 14,
    department: 'zjw',
    duty: 'X-08',
    kind: 'form',
    title: '高层住宅消防设施检查',
    targets: [S1],
    window: [12, 22],
    due: 6,
    resources: '物业服务企业配合',
    fields: [Y.fire, Y.oldBuildings, Y.phone],
  },
  {
    day: 15,
    department: 'yjj',
    duty: 'X-05',
    kind: 'form',
    title: '应急避难场所和物资摸底',
    targets: [D1, D2],
    window: [15, 29],
    due: 8,
    resources: '应急物资储备经费',
    fields: [Y.shelters, Y.capacity, Y.residents, Y.alone, Y.volunteers],
  },
  {
    day: 16,
    department: 'mzj',
    duty: 'X-07',
    kind: 'form',
    title: '低保家庭经济状况复核',
    targets: [D1],
    window: [15, 29],
    due: 10,
    resources: '社会救助经办人员经费',
    fields: [Y.lowIncome, Y.households, Y.over60, Y.disabledPeople],
  },
  {
    day: 17,
    department: 'zjw',
    duty: 'X-04',
    kind: 'form',
    title: '物业小区电梯安全情况统计',
    targets: [ALL],
    window: [17, 24],
    due: 5,
    fields: [Y.oldBuildings, Y.contact],
  },
  {
    day: 18,
    department: 'wsjkw',
    duty: 'T-99',
    kind: 'form',
    title: '创卫迎检台账补录',
    targets: [ALL],
    due: 3,
    fields: [Y.households, Y.contact],
  },
  {
    day: 19,
    department: 'wsjkw',
    duty: 'T-01',
    kind: 'task',
    title: '登革热防控：蚊媒孳生地清查',
    targets: [D1],
    window: [19, 26],
    due: 4,
    priority: 'urgent',
    admission: true,
  },
  {
    day: 20,
    department: 'cgj',
    duty: 'X-06',
    kind: 'form',
    title: '垃圾分类督导志愿者统计',
    targets: [D1],
    window: [14, 27],
    due: 6,
    resources: '分类督导员补贴',
    fields: [Y.volunteers, Y.wastePoints, Y.phone],
  },
  {
    day: 21,
    department: 'gaj',
    duty: 'Z-01',
    kind: 'task',
    title: '居住证申领居住情况核实',
    targets: [S1],
    due: 5,
  },
  {
    day: 22,
    department: 'mzj',
    duty: 'X-02',
    kind: 'form',
    title: '高龄津贴发放对象复核',
    targets: [D1, D2],
    window: [14, 28],
    due: 6,
    resources: '市级高龄津贴工作经费',
    fields: [Y.over80, Y.alone, Y.households, Y.phone],
  },
  {
    day: 23,
    department: 'wsjkw',
    duty: 'X-01',
    kind: 'form',
    title: '流感疫苗接种摸底（第三周）',
    targets: [D1],
    window: [14, 20],
    due: 3,
    resources: '区疾控中心派员 2 名，宣传物资',
    fields: [Y.residents, Y.over60, Y.vaccinated, Y.contact],
  },
  {
    day: 24,
    department: 'yjj',
    duty: 'X-02',
    kind: 'form',
    title: '寒潮天气独居老人走访',
    targets: [D1],
    window: [22, 29],
    due: 3,
    priority: 'urgent',
    resources: '取暖物资 50 份',
    fields: [Y.alone, Y.over80, Y.volunteers, Y.phone],
  },
  {
    day: 25,
    department: 'gaj',
    duty: 'X-03',
    kind: 'form',
    title: '出租房屋季度复核',
    targets: [D1],
    window: [20, 29],
    due: 10,
    resources: '派出所社区民警协同入户',
    fields: [Y.rentals, Y.migrants, Y.households],
  },
  {
    day: 26,
    department: 'cgj',
    duty: 'N-02',
    kind: 'task',
    title: '违法建设拆除前入户告知',
    targets: [S2],
    due: 3,
  },
  {
    day: 27,
    department: 'zjw',
    duty: 'X-08',
    kind: 'form',
    title: '老旧小区消防通道排查',
    targets: [D1],
    window: [24, 29],
    due: 5,
    resources: '老旧小区改造资金',
    fields: [Y.fire, Y.oldBuildings, Y.contact],
  },
  {
    day: 28,
    department: 'wsjkw',
    duty: 'X-02',
    kind: 'form',
    title: '失能老人健康服务需求调查',
    targets: [D1],
    window: [24, 29],
    due: 7,
    resources: '家庭医生签约团队协助入户',
    fields: [Y.over80, Y.disabled, Y.over60, Y.contact],
  },
];

/** When the communities answer: on `day`, the open items of `duty` in `share` of the focus district's communities. */
const ANSWERS: { day: number; duty: string; share: number }[] = [
  { day: 4, duty: 'X-02', share: 0.8 },
  { day: 4, duty: 'X-01', share: 0.9 },
  { day: 9, duty: 'X-03', share: 0.6 },
  { day: 11, duty: 'X-01', share: 0.9 },
  { day: 12, duty: 'X-04', share: 0.7 },
  { day: 14, duty: 'S-04', share: 0.9 },
  { day: 16, duty: 'X-08', share: 0.6 },
  { day: 18, duty: 'X-06', share: 0.7 },
  { day: 20, duty: 'X-05', share: 0.6 },
  { day: 21, duty: 'X-07', share: 0.5 },
  { day: 22, duty: 'T-01', share: 0.8 },
  { day: 24, duty: 'X-06', share: 0.6 },
  { day: 25, duty: 'X-01', share: 0.8 },
  { day: 26, duty: 'X-02', share: 0.5 },
  { day: 27, duty: 'X-03', share: 0.5 },
];

export interface DemoInboxUsers {
  /** The city admin's id: publishes the list and approves the admission. */
  admin: string;
  /** Department code → its officer's user id. */
  departments: Record<string, string>;
  /** Staff who answer for a community: the narrowest user whose place holds it. */
  staff: { id: string; place: string }[];
}

export interface DemoInboxResult {
  departments: number;
  dutyItems: number;
  requests: number;
  refused: number;
  answered: number;
  demands: number;
  items: number;
  itemsSaved: number;
  fieldsSaved: number;
}

/** Creates the departments (before their officers can be linked). */
export async function seedDepartments(db: Db, now: Date): Promise<void> {
  const actor: InboxActor = { userId: 'system:demo', scope: 'cq', department: null, now };
  for (const d of DEMO_DEPARTMENTS) await createDepartment(db, d, actor);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const RANGES: Record<string, [number, number]> = {
  'elderly.living_alone': [4, 40],
  'elderly.disabled': [2, 25],
  'vaccination.over_60_done': [20, 180],
  'migrants.count': [30, 400],
  'rentals.count': [10, 160],
  'buildings.old': [3, 40],
  'buildings.dangerous': [0, 4],
  'fire.hazards': [0, 12],
  'fire.ev_chargers': [1, 8],
  'shelters.count': [1, 4],
  'shelters.capacity': [300, 2000],
  'volunteers.count': [10, 80],
  'waste.points': [6, 30],
  'waste.sorting_rate': [55, 95],
  'low_income.households': [2, 30],
  'disabled.count': [5, 40],
};
const WORKERS = '王秀英李建华张丽刘洋陈静杨敏';

/** What a community types for a field it has no value for (deterministic per community and key). */
function typed(field: { key: string; type: FieldType }, community: string): string | number | boolean {
  const h = hash(`${community}|${field.key}`);
  if (field.key === 'contact.person') return `${WORKERS.slice((h % 6) * 2, (h % 6) * 2 + 2)}`;
  if (field.key === 'contact.phone') return `023-6${String(h % 10_000_000).padStart(7, '0')}`;
  if (field.type === 'text') return `${(h % 30) + 3} 栋，集中在老街片区`;
  if (field.type === 'boolean') return h % 2 === 0;
  if (field.type === 'date') return '2026-01-01';
  const [lo, hi] = RANGES[field.key] ?? [1, 100];
  return lo + (h % (hi - lo + 1));
}

/**
 * Replays the month: each day's requests, then that day's answers. `now` is the real clock: the
 * month is the 30 days before today, so getBurdenStats' default period covers it.
 */
export async function seedInbox(
  db: Db,
  users: DemoInboxUsers,
  o: {
    now: Date;
    communities: readonly string[];
    /** The community the demo's worker serves: the requests centre on its district. */
    focus: string;
    log?: (line: string) => void;
  },
): Promise<DemoInboxResult> {
  const log = o.log ?? (() => {});
  const today = localDate(o.now);
  const dayStart = Date.parse(`${today}T00:00:00+08:00`) - 30 * 86400_000;
  const at = (day: number, hour: number) => new Date(dayStart + day * 86400_000 + hour * 3600_000);
  const date = (day: number) => localDate(at(day, 12));
  const city = (now: Date): InboxActor => ({ userId: users.admin, scope: 'cq', department: null, now });

  const csv = [
    'code,list,title,department,legal_basis',
    ...DEMO_DUTY_LIST.map((row) => row.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')),
  ].join('\n');
  const list = await importDutyList(db, new TextEncoder().encode(`${csv}\n`), {
    kind: 'csv',
    source: { file: '社区工作事项清单.csv' },
    note: '社区工作事项清单（2026 年版）：依法履职、依法协助、负面清单、证明事项',
    actor: city(at(0, 8)),
  });
  if (list.rejects.length > 0) throw new Error(`demo duty list: ${JSON.stringify(list.rejects[0])}`);

  const index = new Map(o.communities.map((c, k) => [c, k]));
  const up = (path: string, n: number) => path.split('.').slice(0, n).join('.');
  const districts = [...new Set([up(o.focus, 2), ...o.communities.map((c) => up(c, 2))])];
  const streets = [...new Set(o.communities.filter((c) => up(c, 2) === districts[0]).map((c) => up(c, 3)))];
  const s1 = up(o.focus, 3);
  const place: Record<string, string> = {
    [D1]: districts[0],
    [D2]: districts[1] ?? districts[0],
    [D3]: districts[2] ?? districts[0],
    [S1]: s1,
    [S2]: streets.find((s) => s !== s1) ?? s1,
  };
  const staffFor = (path: string) =>
    users.staff
      .filter((s) => path === s.place || path.startsWith(`${s.place}.`))
      .sort((a, b) => b.place.length - a.place.length)[0]?.id ?? users.admin;

  let requests = 0;
  let refused = 0;
  let answered = 0;
  for (let day = 0; day < 30; day++) {
    let hour = 9;
    for (const p of PLANS.filter((x) => x.day === day)) {
      const now = at(day, hour++);
      let admission: string | null = null;
      if (p.admission) {
        admission = await approveAdmission(
          db,
          {
            department: p.department,
            duty: p.duty,
            reason: '登革热输入病例，蚊媒孳生地清查（一事一议，市政府常务会议同意）',
            validUntil: at(day + 10, 0),
          },
          city(now),
        );
      }
      try {
        await submitWorkRequest(
          db,
          {
            department: p.department,
            duty: p.duty,
            kind: p.kind,
            title: p.title,
            targets: [...new Set(p.targets.map((t) => place[t] ?? t))],
            due: at(day + p.due, 18),
            window: p.window ? { from: date(p.window[0]), to: date(p.window[1]) } : null,
            priority: p.priority ?? 'normal',
            resources: p.resources ?? null,
            admission,
            fields: p.fields ?? [],
          },
          { userId: users.departments[p.department], scope: 'cq', department: p.department, now },
        );
        requests++;
      } catch (e) {
        if (!(e instanceof RenxingError && e.code.startsWith('RX_DUTY_'))) throw e;
        refused++;
      }
    }
    for (const a of ANSWERS.filter((x) => x.day === day)) {
      const now = at(day, 16);
      const { items } = await listItems(db, { scope: 'cq', now, limit: 1000 });
      for (const item of items.filter((i) => i.duty === a.duty)) {
        const k = index.get(item.placePath) ?? 0;
        // The focus district answers busily; elsewhere less (and the seed stays quick).
        const share = item.placePath.startsWith(`${districts[0]}.`) ? a.share : a.share * 0.4;
        if (hash(`${item.placePath}|${a.day}|${a.duty}`) % 100 >= share * 100) continue;
        const actor: InboxActor = {
          userId: staffFor(item.placePath),
          scope: item.placePath,
          department: null,
          now,
        };
        const view = await getWorkItem(db, item.id, actor);
        if (view.fields.length === 0) {
          await updateWorkItem(db, item.id, { state: 'done', note: '已完成' }, actor);
        } else {
          const values: Record<string, unknown> = {};
          for (const f of view.fields) {
            // A pre-fill is confirmed, now and then corrected (one community in seven).
            values[f.answerKey] =
              f.prefill && (k + f.key.length) % 7 !== 0 ? f.prefill.value : typed(f, item.placePath);
          }
          await answerWorkItem(db, item.id, values, actor);
        }
        answered++;
      }
    }
  }
  const counts = await burdenCounts(db, { under: 'cq', from: date(0), to: today });
  const b = burden(counts.total);
  log(
    `inbox: ${DEMO_DEPARTMENTS.length} departments, ${list.items} duty items, ${requests} requests (${refused} refused), ` +
      `${b.demands} demands in ${b.items} items (${Math.round(b.itemsSaved * 100)} % saved), ` +
      `${b.fieldsEntered} of ${b.fieldsRequested} fields typed (${Math.round(b.fieldsSaved * 100)} % saved)`,
  );
  return {
    departments: DEMO_DEPARTMENTS.length,
    dutyItems: list.items,
    requests,
    refused,
    answered,
    demands: b.demands,
    items: b.items,
    itemsSaved: b.itemsSaved,
    fieldsSaved: b.fieldsSaved,
  };
}
