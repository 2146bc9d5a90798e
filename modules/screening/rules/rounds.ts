/**
 * Rounds: zones and their pooling, the checks a new round and its sites pass, and who is expected.
 * Pure.
 */
import { MAX_TUBE_SIZE } from './types.js';

/** Risk zones of a round's places: 封控区 sealed, 管控区 controlled, 防范区 prevention. */
export const ZONES = ['sealed', 'controlled', 'prevention'] as const;
export type Zone = (typeof ZONES)[number];

/** Tube size (k) per zone. */
export type Pooling = Record<Zone, number>;

/** The usual modes: sealed areas one person a tube, controlled 10 in 1, prevention 20 in 1. */
export const DEFAULT_POOLING: Pooling = { sealed: 1, controlled: 10, prevention: 20 };

export const EXEMPT_REASONS = ['bedridden', 'away', 'infant', 'other'] as const;
export type ExemptReason = (typeof EXEMPT_REASONS)[number];

/** Why a round's input cannot be used: the field and the reason (en, zh-CN). */
export interface InputProblem {
  field: string;
  en: string;
  'zh-CN': string;
}

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export interface SiteInput {
  name: string;
  place: string;
  zone?: Zone;
  lon?: number | null;
  lat?: number | null;
  opens: string;
  closes: string;
  capacityPerHour: number;
}

/** The first problem of a round's window, pooling and places, or null. */
export function roundProblem(input: {
  from: number;
  to: number;
  pooling: Pooling;
  places: readonly { path: string }[];
}): InputProblem | null {
  if (!(input.from < input.to)) {
    return { field: 'body.to', en: 'the round must end after it starts', 'zh-CN': '结束时间须晚于开始时间' };
  }
  for (const z of ZONES) {
    const k = input.pooling[z];
    if (!Number.isInteger(k) || k < 1 || k > MAX_TUBE_SIZE) {
      return {
        field: `body.pooling.${z}`,
        en: `a tube holds 1 to ${MAX_TUBE_SIZE} swabs`,
        'zh-CN': `每管 1 至 ${MAX_TUBE_SIZE} 人`,
      };
    }
  }
  if (input.places.length === 0) {
    return { field: 'body.places', en: 'a round covers at least one place', 'zh-CN': '轮次至少覆盖一个地点' };
  }
  const seen = new Set<string>();
  for (const [i, p] of input.places.entries()) {
    if (seen.has(p.path)) {
      return { field: `body.places.${i}.path`, en: 'this place is listed twice', 'zh-CN': '地点重复' };
    }
    seen.add(p.path);
  }
  return null;
}

/** The first problem of a site (at `field`), or null. `within`: whether its place lies in the round. */
export function siteProblem(site: SiteInput, field: string, within: boolean): InputProblem | null {
  if (!within) {
    return {
      field: `${field}.place`,
      en: "the site is not within the round's places",
      'zh-CN': '采样点不在本轮范围内',
    };
  }
  if (!HHMM.test(site.opens) || !HHMM.test(site.closes) || site.opens >= site.closes) {
    return {
      field: `${field}.opens`,
      en: 'hours are HH:MM, opening before closing',
      'zh-CN': '开放时间格式为 HH:MM，且开始早于结束',
    };
  }
  if ((site.lon == null) !== (site.lat == null)) {
    return {
      field: `${field}.lat`,
      en: 'give both lon and lat, or neither',
      'zh-CN': '经纬度须同时填写或同时留空',
    };
  }
  return null;
}

/** The zone of a place: the zone of the deepest round place at or above it. */
export function zoneOf(path: string, places: readonly { path: string; zone: Zone }[]): Zone | null {
  let best: { path: string; zone: Zone } | null = null;
  for (const p of places) {
    const above = path === p.path || path.startsWith(`${p.path}.`);
    if (above && (!best || p.path.length > best.path.length)) best = p;
  }
  return best?.zone ?? null;
}

/**
 * The countdown of what remains: untested people over the sites' hourly capacity, and the hours
 * left in the window at `now`.
 */
export function countdown(
  untested: number,
  capacityPerHour: number,
  now: number,
  to: number,
): { untested: number; hoursNeeded: number | null; hoursLeft: number; onTrack: boolean | null } {
  const hoursLeft = Math.max(0, (to - now) / 3600);
  const hoursNeeded = capacityPerHour > 0 ? untested / capacityPerHour : null;
  return {
    untested,
    hoursNeeded,
    hoursLeft,
    onTrack: hoursNeeded === null ? null : hoursNeeded <= hoursLeft,
  };
}
