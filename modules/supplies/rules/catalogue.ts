/**
 * The city's catalogue of supplies as a file gives it (importSupplyItems): each row admitted on its
 * own — the item, or the reason it is refused. Reasons are stable codes with an English and a
 * zh-CN text for the console. Pure.
 */
import type { Text } from '@renxing/contracts';

/** The columns a catalogue file must have; `shelf_life_days` and `min_per_store` may follow. */
export const ITEM_COLUMNS = ['code', 'name', 'unit'] as const;
export const OPTIONAL_ITEM_COLUMNS = ['shelf_life_days', 'min_per_store'] as const;

/** An item's code: a letter or digit, then up to 63 of letters, digits, `_`, `.` and `-`. */
export const ITEM_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
/** The longest shelf life a catalogue states: a hundred years. */
export const MAX_SHELF_LIFE_DAYS = 36_500;
/** The most of one thing any count holds (well inside a double's integers). */
export const MAX_QUANTITY = 1_000_000_000_000;

export const ITEM_REJECTS = {
  unreadable_row: {
    en: 'the row cannot be read (an unterminated quote)',
    'zh-CN': '该行无法读取（引号未闭合）',
  },
  bad_code: {
    en: 'code: 1 to 64 letters, digits, _ . - (starting with a letter or digit)',
    'zh-CN': '编码应为 1 至 64 位字母、数字或 _ . -（以字母或数字开头）',
  },
  bad_name: { en: 'name is empty or longer than 200 characters', 'zh-CN': '名称为空或超过 200 个字符' },
  bad_unit: { en: 'unit is empty or longer than 32 characters', 'zh-CN': '单位为空或超过 32 个字符' },
  bad_shelf_life: {
    en: `shelf_life_days: a whole number of days from 1 to ${MAX_SHELF_LIFE_DAYS}, or empty for none`,
    'zh-CN': `保质期天数应为 1 至 ${MAX_SHELF_LIFE_DAYS} 的整数，无保质期则留空`,
  },
  bad_minimum: {
    en: 'min_per_store: a whole number of 0 or more, or empty for none',
    'zh-CN': '每库最低储备应为不小于 0 的整数，无要求则留空',
  },
  duplicate_code: {
    en: 'the code is on an earlier line of the file (the first is kept)',
    'zh-CN': '编码与文件前面的行重复（以第一行为准）',
  },
} as const satisfies Record<string, Text>;

export type ItemRejectReason = keyof typeof ITEM_REJECTS;

export interface ItemReject {
  line: number;
  reason: ItemRejectReason;
}

export interface SupplyItemInput {
  code: string;
  name: string;
  unit: string;
  /** Days from receipt to expiry, when the item expires at all. */
  shelfLifeDays: number | null;
  /** The least every store should hold of it, when the city says so. */
  minPerStore: number | null;
}

const CODE = new RegExp(ITEM_CODE_PATTERN);

/** A whole number in [min, max] as a cell writes it ('' → null); undefined when it is not one. */
function wholeCell(cell: string, min: number, max: number): number | null | undefined {
  const s = cell.trim();
  if (s === '') return null;
  if (!/^\d{1,13}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

/** One row of a catalogue file: the item it states, or why it is refused. */
export function admitItem(cells: {
  code: string;
  name: string;
  unit: string;
  shelfLifeDays: string;
  minPerStore: string;
}): { kind: 'item'; item: SupplyItemInput } | { kind: 'reject'; reason: ItemRejectReason } {
  const code = cells.code.trim();
  if (!CODE.test(code)) return { kind: 'reject', reason: 'bad_code' };
  const name = cells.name.trim();
  if (name.length < 1 || name.length > 200) return { kind: 'reject', reason: 'bad_name' };
  const unit = cells.unit.trim();
  if (unit.length < 1 || unit.length > 32) return { kind: 'reject', reason: 'bad_unit' };
  const shelfLifeDays = wholeCell(cells.shelfLifeDays, 1, MAX_SHELF_LIFE_DAYS);
  if (shelfLifeDays === undefined) return { kind: 'reject', reason: 'bad_shelf_life' };
  const minPerStore = wholeCell(cells.minPerStore, 0, MAX_QUANTITY);
  if (minPerStore === undefined) return { kind: 'reject', reason: 'bad_minimum' };
  return { kind: 'item', item: { code, name, unit, shelfLifeDays, minPerStore } };
}

/** Whether `a` and `b` state the same item (re-importing it changes nothing). */
export function sameItem(a: SupplyItemInput, b: SupplyItemInput): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.unit === b.unit &&
    a.shelfLifeDays === b.shelfLifeDays &&
    a.minPerStore === b.minPerStore
  );
}
