/**
 * A volunteers file's row (CSV or XLSX: name,phone,skills,community[,lon,lat,capacity,organisation,
 * from,to]) admitted or refused with its reason. Several rows with one phone are one volunteer:
 * each adds an availability window; the other cells come from the first.
 */
import { normalisePhone } from './phone.js';
import { DEFAULT_CAPACITY, MAX_CAPACITY, MAX_NAME, parseSkills, type Skill } from './skills.js';
import { type AvailabilityWindow, parseInstant, windowProblem } from './windows.js';

export const VOLUNTEER_COLUMNS = ['name', 'phone', 'skills', 'community'] as const;
export const VOLUNTEER_OPTIONAL_COLUMNS = ['lon', 'lat', 'capacity', 'organisation', 'from', 'to'] as const;

export type VolunteerRow = Record<
  (typeof VOLUNTEER_COLUMNS)[number] | (typeof VOLUNTEER_OPTIONAL_COLUMNS)[number],
  string
>;

export const REJECT_REASONS = {
  unreadable_row: { en: 'row cannot be read (an unterminated quote)', 'zh-CN': '该行无法读取（引号未闭合）' },
  bad_name: {
    en: `name is empty or longer than ${MAX_NAME} characters`,
    'zh-CN': `姓名为空或超过 ${MAX_NAME} 个字符`,
  },
  bad_phone: { en: 'phone is not a phone number', 'zh-CN': '电话号码无效' },
  bad_skills: {
    en: 'skills is empty or names something not in the vocabulary (separate skills with ;)',
    'zh-CN': '技能为空或不在技能目录中（多个技能用 ; 分隔）',
  },
  bad_location: {
    en: 'lon/lat is not a longitude and a latitude (give both or neither)',
    'zh-CN': '经纬度无效（须同时填写或同时留空）',
  },
  bad_capacity: {
    en: `capacity is not a whole number from 1 to ${MAX_CAPACITY}`,
    'zh-CN': `每日可接任务数须为 1 至 ${MAX_CAPACITY} 的整数`,
  },
  bad_window: {
    en: 'from/to is not an availability window (two instants, to after from, at most 14 days; or both empty)',
    'zh-CN': '可服务时段无效（须为两个时间、结束晚于开始、不超过 14 天；或同时留空）',
  },
  unknown_place: { en: 'community is not a place within yours', 'zh-CN': '社区不存在或不在您的辖区内' },
  unknown_organisation: { en: 'organisation is not a known organisation', 'zh-CN': '所属组织不存在' },
  outside_scope: {
    en: 'this phone is a volunteer of a place outside yours',
    'zh-CN': '该电话号码已登记为您辖区以外的志愿者',
  },
  conflicting_row: {
    en: 'an earlier row with this phone names another person, community or skills',
    'zh-CN': '同一电话号码的前一行姓名、社区或技能不同',
  },
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export interface LineReject {
  line: number;
  reason: RejectReason;
}

export interface AdmittedRow {
  name: string;
  phone: string;
  skills: Skill[];
  community: string;
  lon: number | null;
  lat: number | null;
  capacity: number;
  organisation: string | null;
  window: AvailabilityWindow | null;
}

const number = (s: string): number | null => {
  const t = s.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
};

/** The row as a volunteer, or the first thing wrong with it. */
export function admitVolunteerRow(row: VolunteerRow): { ok: AdmittedRow } | { reject: RejectReason } {
  const name = row.name.trim();
  if (name === '' || name.length > MAX_NAME) return { reject: 'bad_name' };
  const phone = normalisePhone(row.phone);
  if (!phone) return { reject: 'bad_phone' };
  const { skills, unknown } = parseSkills(row.skills);
  if (skills.length === 0 || unknown.length > 0) return { reject: 'bad_skills' };
  let lon: number | null = null;
  let lat: number | null = null;
  if (row.lon.trim() !== '' || row.lat.trim() !== '') {
    lon = number(row.lon);
    lat = number(row.lat);
    if (lon === null || lat === null || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return { reject: 'bad_location' };
  }
  let capacity = DEFAULT_CAPACITY;
  if (row.capacity.trim() !== '') {
    const c = number(row.capacity);
    if (c === null || !Number.isInteger(c) || c < 1 || c > MAX_CAPACITY) return { reject: 'bad_capacity' };
    capacity = c;
  }
  let window: AvailabilityWindow | null = null;
  if (row.from.trim() !== '' || row.to.trim() !== '') {
    const from = parseInstant(row.from);
    const to = parseInstant(row.to);
    if (!from || !to || windowProblem({ from, to })) return { reject: 'bad_window' };
    window = { from, to };
  }
  const organisation = row.organisation.trim() || null;
  return {
    ok: { name, phone, skills, community: row.community.trim(), lon, lat, capacity, organisation, window },
  };
}
