/**
 * Admission of the CLI's rows (`renxing aid match`): requests `id,need,urgency,lon,lat,from,to`
 * and volunteers `id,skills,lon,lat,from,to,capacity`, cells by column name, instants in the
 * companion grammar read at `tz` seconds east of UTC when they carry no offset. Each refusal is a
 * short phrase naming the field, in both languages.
 *
 * A need or skill is any non-empty word (the vocabulary is open). Several volunteer rows with one
 * id add availability windows: the first admitted row gives the skills, place and capacity (an
 * empty capacity is the contract's default, 2); a later row adds its window and its other cells
 * are not read.
 */
import type { Text } from '@renxing/contracts';
import { parseInstantText } from '@renxing/engine';
import {
  type MatchRequest,
  type MatchVolunteer,
  type TimeWindow,
  URGENCIES,
  type Urgency,
} from './match-types.js';

export const AID_REJECT_REASONS = {
  id_empty: { en: 'id is empty', 'zh-CN': 'id 为空' },
  id_duplicate: { en: 'id is a duplicate', 'zh-CN': 'id 重复' },
  need_empty: { en: 'need is empty', 'zh-CN': 'need（需求）为空' },
  bad_urgency: { en: 'urgency is not urgent or normal', 'zh-CN': 'urgency 不是 urgent 或 normal' },
  skills_empty: { en: 'skills is empty', 'zh-CN': 'skills（技能）为空' },
  bad_lon: { en: 'lon is not a number from -180 to 180', 'zh-CN': 'lon 不是 -180 到 180 之间的数' },
  bad_lat: { en: 'lat is not a number from -90 to 90', 'zh-CN': 'lat 不是 -90 到 90 之间的数' },
  bad_from: { en: 'from is not an instant', 'zh-CN': 'from 不是有效时间' },
  bad_to: { en: 'to is not an instant', 'zh-CN': 'to 不是有效时间' },
  from_after_to: { en: 'from is after to', 'zh-CN': 'from 晚于 to' },
  bad_capacity: { en: 'capacity is not a whole number ≥ 0', 'zh-CN': 'capacity 不是大于等于 0 的整数' },
} as const satisfies Record<string, Text>;

export type AidRejectReason = keyof typeof AID_REJECT_REASONS;

/** The contract's default daily capacity. */
export const DEFAULT_CAPACITY = 2;

export type RequestCells = Partial<Record<'id' | 'need' | 'urgency' | 'lon' | 'lat' | 'from' | 'to', string>>;
export type VolunteerCells = Partial<
  Record<'id' | 'skills' | 'lon' | 'lat' | 'from' | 'to' | 'capacity', string>
>;

const trim = (s: string | undefined): string => (s ?? '').trim();
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const WHOLE = /^[0-9]+$/;

function coordinate(text: string | undefined, limit: number): number | null {
  const t = trim(text);
  if (!DECIMAL.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) && Math.abs(x) <= limit ? x : null;
}

type Place = { lon: number; lat: number };

function placeOf(cells: { lon?: string; lat?: string }): Place | AidRejectReason {
  const lon = coordinate(cells.lon, 180);
  if (lon === null) return 'bad_lon';
  const lat = coordinate(cells.lat, 90);
  if (lat === null) return 'bad_lat';
  return { lon, lat };
}

function windowOf(cells: { from?: string; to?: string }, tz: number): TimeWindow | AidRejectReason {
  const from = parseInstantText(trim(cells.from), tz);
  if (Number.isNaN(from)) return 'bad_from';
  const to = parseInstantText(trim(cells.to), tz);
  if (Number.isNaN(to)) return 'bad_to';
  if (from > to) return 'from_after_to';
  return { from, to };
}

/** A request row, or why it is refused; an admitted id is added to `seen`. */
export function admitRequestRow(
  cells: RequestCells,
  seen: Set<string>,
  tz: number,
): { request: MatchRequest; reason?: undefined } | { reason: AidRejectReason; request?: undefined } {
  const id = trim(cells.id);
  if (id === '') return { reason: 'id_empty' };
  if (seen.has(id)) return { reason: 'id_duplicate' };
  const need = trim(cells.need);
  if (need === '') return { reason: 'need_empty' };
  const urgency = trim(cells.urgency).toLowerCase();
  if (!(URGENCIES as readonly string[]).includes(urgency)) return { reason: 'bad_urgency' };
  const place = placeOf(cells);
  if (typeof place === 'string') return { reason: place };
  const w = windowOf(cells, tz);
  if (typeof w === 'string') return { reason: w };
  seen.add(id);
  return { request: { id, need, urgency: urgency as Urgency, ...place, from: w.from, to: w.to } };
}

/** A volunteer being read: its windows grow with each admitted row of its id. */
export interface VolunteerDraft extends MatchVolunteer {
  windows: TimeWindow[];
}

/**
 * A volunteer row: a new volunteer (into `volunteers`, in file order) or one more window of a
 * known one; the refusal's reason, or null when admitted.
 */
export function admitVolunteerRow(
  cells: VolunteerCells,
  volunteers: Map<string, VolunteerDraft>,
  tz: number,
): AidRejectReason | null {
  const id = trim(cells.id);
  if (id === '') return 'id_empty';
  const known = volunteers.get(id);
  if (known) {
    const w = windowOf(cells, tz);
    if (typeof w === 'string') return w;
    known.windows.push(w);
    return null;
  }
  const skills = [
    ...new Set(
      trim(cells.skills)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (skills.length === 0) return 'skills_empty';
  const place = placeOf(cells);
  if (typeof place === 'string') return place;
  const w = windowOf(cells, tz);
  if (typeof w === 'string') return w;
  const c = trim(cells.capacity);
  if (c !== '' && (!WHOLE.test(c) || !Number.isSafeInteger(Number(c)))) return 'bad_capacity';
  const capacity = c === '' ? DEFAULT_CAPACITY : Number(c);
  volunteers.set(id, { id, skills, ...place, windows: [w], capacity });
  return null;
}
