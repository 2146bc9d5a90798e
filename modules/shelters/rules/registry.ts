/**
 * A shelter's registry entry as typed or imported: the words a file may use for its type and what
 * it offers, the checks each value passes, and the rows of an import admitted one at a time (what is
 * kept, and for what is not, the reason). Pure.
 */
import type { Text } from '@renxing/contracts';
import { OFFERS, type Offer, type ShelterType } from './types.js';

export const MAX_CAPACITY = 1_000_000;
export const MAX_NAME = 200;

/** A shelter as created or replaced (the place is a path). */
export interface ShelterInput {
  place: string;
  name: string;
  address: string | null;
  lon: number;
  lat: number;
  capacityDay: number;
  capacityNight: number;
  type: ShelterType;
  offers: Offer[];
}

/** The offers sorted as stored, each once. */
export function normaliseOffers(offers: readonly Offer[]): Offer[] {
  return OFFERS.filter((o) => offers.includes(o));
}

/** What is wrong with an entry (the first problem, naming its field), or null. */
export function shelterProblem(s: ShelterInput): { field: keyof ShelterInput; text: Text } | null {
  const name = s.name.trim();
  if (name.length < 1 || name.length > MAX_NAME)
    return {
      field: 'name',
      text: { en: `a name of 1 to ${MAX_NAME} characters`, 'zh-CN': `名称须为 1 至 ${MAX_NAME} 个字符` },
    };
  if (!(Math.abs(s.lon) <= 180))
    return { field: 'lon', text: { en: 'a longitude in [-180, 180]', 'zh-CN': '经度须在 -180 至 180 之间' } };
  if (!(Math.abs(s.lat) <= 90))
    return { field: 'lat', text: { en: 'a latitude in [-90, 90]', 'zh-CN': '纬度须在 -90 至 90 之间' } };
  for (const field of ['capacityDay', 'capacityNight'] as const) {
    const c = s[field];
    if (!Number.isSafeInteger(c) || c < 0 || c > MAX_CAPACITY)
      return {
        field,
        text: { en: `a whole number from 0 to ${MAX_CAPACITY}`, 'zh-CN': `须为 0 至 ${MAX_CAPACITY} 的整数` },
      };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Import files

/** The columns of a shelters file; `offers` and `address` may be absent. */
export const SHELTER_COLUMNS = [
  'place',
  'name',
  'lon',
  'lat',
  'capacity_day',
  'capacity_night',
  'type',
] as const;
export const OPTIONAL_COLUMNS = ['offers', 'address'] as const;
export type ShelterColumn = (typeof SHELTER_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export const REJECT_REASONS = {
  unreadable_row: { en: 'row cannot be read (an unterminated quote)', 'zh-CN': '该行无法读取（引号未闭合）' },
  unknown_place: { en: 'place is not a place within yours', 'zh-CN': '地点不存在或不在您的辖区内' },
  bad_name: {
    en: `name is empty or longer than ${MAX_NAME} characters`,
    'zh-CN': `名称为空或超过 ${MAX_NAME} 个字符`,
  },
  bad_location: { en: 'lon/lat is not a longitude and a latitude', 'zh-CN': '经纬度无效' },
  bad_capacity: {
    en: `capacity_day/capacity_night is not a whole number from 0 to ${MAX_CAPACITY}`,
    'zh-CN': `白天/夜间容量须为 0 至 ${MAX_CAPACITY} 的整数`,
  },
  bad_type: { en: 'type is not indoor or outdoor', 'zh-CN': '类型须为 indoor（室内）或 outdoor（室外）' },
  bad_offers: {
    en: 'offers holds a word other than beds, accessible, medical, pets',
    'zh-CN': '设施只能填写床位、无障碍、医疗、宠物（beds、accessible、medical、pets）',
  },
  duplicate_row: {
    en: 'the same place and name as an earlier row',
    'zh-CN': '与前面某行的地点和名称相同',
  },
} as const satisfies Record<string, Text>;

export type RejectReason = keyof typeof REJECT_REASONS;

export interface LineReject {
  line: number;
  reason: RejectReason;
}

const TYPE_WORDS: Record<string, ShelterType> = {
  indoor: 'indoor',
  室内: 'indoor',
  outdoor: 'outdoor',
  室外: 'outdoor',
  户外: 'outdoor',
};

const OFFER_WORDS: Record<string, Offer> = {
  beds: 'beds',
  bed: 'beds',
  床位: 'beds',
  accessible: 'accessible',
  无障碍: 'accessible',
  medical: 'medical',
  医疗: 'medical',
  pets: 'pets',
  pet: 'pets',
  宠物: 'pets',
};

/** The type a cell names (indoor/outdoor, 室内/室外/户外, any case), or null. */
export function typeWord(text: string): ShelterType | null {
  return TYPE_WORDS[text.trim().toLowerCase()] ?? null;
}

/** The offers a cell lists (separated by commas, semicolons, 、, | or spaces), or null for an unknown word. */
export function offerWords(text: string): Offer[] | null {
  const out: Offer[] = [];
  for (const word of text.split(/[\s,;，；、|]+/)) {
    if (word === '') continue;
    const o = OFFER_WORDS[word.toLowerCase()];
    if (!o) return null;
    out.push(o);
  }
  return normaliseOffers(out);
}

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
const WHOLE = /^[0-9]+$/;

/** A row of a shelters file, its cells by column ('' for an absent optional column). */
export type ShelterRow = Record<ShelterColumn, string> & { line: number };

/** One row's entry, or why it is refused (the place's existence is the caller's to check). */
export function admitShelterRow(row: ShelterRow): { ok: ShelterInput } | { reject: RejectReason } {
  const name = row.name.trim();
  if (name.length < 1 || name.length > MAX_NAME) return { reject: 'bad_name' };
  const [lon, lat] = [row.lon.trim(), row.lat.trim()];
  if (!DECIMAL.test(lon) || !DECIMAL.test(lat) || Math.abs(Number(lon)) > 180 || Math.abs(Number(lat)) > 90)
    return { reject: 'bad_location' };
  const [day, night] = [row.capacity_day.trim(), row.capacity_night.trim()];
  if (!WHOLE.test(day) || !WHOLE.test(night) || Number(day) > MAX_CAPACITY || Number(night) > MAX_CAPACITY)
    return { reject: 'bad_capacity' };
  const type = typeWord(row.type);
  if (!type) return { reject: 'bad_type' };
  const offers = offerWords(row.offers);
  if (!offers) return { reject: 'bad_offers' };
  return {
    ok: {
      place: row.place.trim(),
      name,
      address: row.address.trim() || null,
      lon: Number(lon),
      lat: Number(lat),
      capacityDay: Number(day),
      capacityNight: Number(night),
      type,
      offers,
    },
  };
}
