/** The CLI's flag vocabulary: each flag once, with its help line; commands pick theirs by name. */
import type { FlagSpec } from './command.js';

/** A string flag: its value's placeholder and its help line in both languages. */
export const stringFlag = (value: string, en: string, zh: string): FlagSpec => ({
  type: 'string',
  value,
  help: { en, 'zh-CN': zh },
});
const s = stringFlag;

export const FLAGS = {
  pings: s('P.csv', 'pings CSV: subject,ts,lon,lat', '定位 CSV：subject,ts,lon,lat'),
  cases: s('C.csv', 'cases CSV: subject,from,to', '病例 CSV：subject,from,to'),
  index: s(
    'city.idx',
    'a saved index (from renxing index) instead of --pings',
    '已保存的索引（renxing index 生成），代替 --pings',
  ),
  out: s('FILE', 'where to write the output', '输出文件'),
  rejects: s(
    'R.csv',
    'bad rows, file,line,reason (default <out>.rejects.csv)',
    '坏行清单 file,line,reason（默认 <out>.rejects.csv）',
  ),
  summary: s(
    'S.json',
    'counts as JSON (pings, ping_rejects, duplicates, case_rejects, stays, companions, …)',
    '以 JSON 写出计数（pings、ping_rejects、duplicates、case_rejects、stays、companions 等）',
  ),
  preset: s('NAME', 'default | chengdu-2021 (default: default)', 'default | chengdu-2021（默认 default）'),
  origin: s('LON,LAT', 'grid origin (default 106.55,29.56)', '网格原点（默认 106.55,29.56）'),
  size: s('M', 'cell edge in metres (default 800)', '网格边长，米（默认 800）'),
  'max-gap': s(
    'S',
    'a ping covers until the next one when it comes within S s (default 1800)',
    '下一个定位点在 S 秒内到达时，本点覆盖至下一点（默认 1800）',
  ),
  'tz-offset': s(
    '±HH:MM',
    'offset of instants written without one (default +08:00)',
    '未写时区的时间按此偏移解释（默认 +08:00）',
  ),
  'min-overlap': s('S', 'seconds of overlap needed (default 600)', '需要的重叠秒数（默认 600）'),
  mode: s(
    'M',
    'contiguous | cumulative (default contiguous)',
    'contiguous（连续）| cumulative（累计）（默认 contiguous）',
  ),
  'min-cell-dwell': s(
    'S',
    'a cell counts only if either subject dwelt there ≥ S s (default off)',
    '任一方在该网格停留 ≥ S 秒时该网格才计入（默认关闭）',
  ),
  'dwell-window': s(
    'S',
    "seconds before the case's end in which dwell is measured (default 1209600)",
    '计算停留时长的时间窗，秒（默认 1209600，即 14 天）',
  ),
  workers: s(
    'N',
    'threads reading pings and answering cases (default: one per core, at most 4)',
    '读取定位与查询病例的线程数（默认每核一个，最多 4）',
  ),
  phones: s('N', 'phones in the synthetic city (default 20000)', '合成城市的手机数（默认 20000）'),
  days: s('D', 'days of pings (default 1)', '定位数据的天数（默认 1）'),
  seed: s('S', 'random seed (default 1)', '随机种子（默认 1）'),
  'out-dir': s('DIR', 'where to write pings.csv and cases.csv', 'pings.csv 与 cases.csv 的输出目录'),
  username: s('U', 'the new user’s sign-in name', '新用户的登录名'),
  role: s(
    'R',
    'city_admin, district_officer, street_officer, community_worker, health_officer, department_officer, lab_user, auditor or resident',
    'city_admin、district_officer、street_officer、community_worker、health_officer、department_officer、lab_user、auditor 或 resident',
  ),
  place: s(
    'PATH',
    'the user’s place, a path such as cq.yz.jd01 (staff)',
    '用户所属地点，路径如 cq.yz.jd01（工作人员）',
  ),
  person: s('UUID', 'the person a resident account belongs to', '居民账号对应的人员'),
  department: s(
    'CODE',
    'the department a department_officer acts for, by code (e.g. wsjkw)',
    '部门工作人员（department_officer）所代表的部门代码（如 wsjkw）',
  ),
  'batch-size': s('N', 'rows per transaction (default 1000)', '每个事务的行数（默认 1000）'),
  concurrency: s(
    'N',
    'batches written at once (default 1, 2 on PostgreSQL)',
    '同时写入的批次数（默认 1，PostgreSQL 为 2）',
  ),
  'retention-days': s('N', 'the retention window in days (default 21)', '保留期天数（默认 21）'),
  verify: {
    type: 'boolean',
    help: {
      en: 'check only: is anything older than the window stored?',
      'zh-CN': '仅检查：是否仍存有早于保留期的数据',
    },
  },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** The flags of a command, from the vocabulary. */
export function flagsOf(...names: FlagName[]): Record<string, FlagSpec> {
  return Object.fromEntries(names.map((n) => [n, FLAGS[n]]));
}

/** The flags every command that reads pings into a grid takes. */
export const GRID: FlagName[] = ['preset', 'origin', 'size', 'max-gap', 'tz-offset'];
/** The flags of the companion rule's query. */
export const QUERY: FlagName[] = ['min-overlap', 'mode', 'min-cell-dwell', 'dwell-window'];
