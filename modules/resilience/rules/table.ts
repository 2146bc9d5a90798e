/**
 * Admission of the scoring CLI's two tables (shared/contracts/resilience-index.md, "The CLI"),
 * cells by column name: indicators `key,mechanism,trait,direction` and values
 * `community,key,value`. Mechanism, trait and direction are read case-insensitively; keys and
 * communities as written (spaces trimmed). A value is a decimal number (`12`, `-0.5`, `1e3`),
 * finite; an empty value is no value (the row is kept: its community is listed). The first row
 * of a key, or of a (community, key), is kept; a later one is refused. Each refusal has a stable
 * code and a short phrase in both languages. Pure: no I/O.
 */
import { type IndicatorSpec, isDirection, isMechanism, isTrait, type Text } from '@renxing/contracts';
import type { ValueRow } from './scoring.js';

export const TABLE_REJECT_REASONS = {
  key_empty: { en: 'key is empty', 'zh-CN': 'key（指标键）为空' },
  key_duplicate: { en: 'key is a duplicate', 'zh-CN': 'key（指标键）重复' },
  bad_mechanism: {
    en: 'mechanism is not engineering, institutional or social',
    'zh-CN': 'mechanism 不是 engineering、institutional 或 social',
  },
  bad_trait: {
    en: 'trait is not self_organisation, redundancy or adaptability',
    'zh-CN': 'trait 不是 self_organisation、redundancy 或 adaptability',
  },
  bad_direction: { en: 'direction is not higher or lower', 'zh-CN': 'direction 不是 higher 或 lower' },
  community_empty: { en: 'community is empty', 'zh-CN': 'community（社区）为空' },
  unknown_key: { en: 'key is not an indicator of the indicators file', 'zh-CN': 'key 不是指标文件中的指标' },
  value_duplicate: {
    en: 'a second row for this community and key',
    'zh-CN': '同一社区与指标的重复行',
  },
  bad_value: { en: 'value is not a finite number', 'zh-CN': 'value 不是有限数字' },
} as const satisfies Record<string, Text>;

export type TableRejectReason = keyof typeof TABLE_REJECT_REASONS;

export interface TableReject {
  file: 'indicators' | 'values';
  /** The physical line (the header is line 1). */
  line: number;
  reason: TableRejectReason;
}

export type IndicatorCells = Partial<Record<'key' | 'mechanism' | 'trait' | 'direction', string>>;
export type ValueCells = Partial<Record<'community' | 'key' | 'value', string>>;

/** Rows as read: the physical line and the cells under the wanted columns. */
export interface TableRow<C> {
  line: number;
  cell: C;
}

export interface ScoreTables {
  /** In the order of the file. */
  indicators: IndicatorSpec[];
  /** The values given (rows with an empty value give none). */
  values: ValueRow[];
  /** Every community with an admitted row, a value or not, in first-seen order. */
  communities: string[];
  /** Indicators' rejects first, then values', each in line order. */
  rejects: TableReject[];
}

const trim = (s: string | undefined): string => (s ?? '').trim();
/** A plain decimal number: digits with an optional sign, point and exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An indicator row, or why it is refused; `seen` holds the keys admitted so far (an admitted key is added). */
export function admitIndicatorRow(
  cells: IndicatorCells,
  seen: Set<string>,
): { spec: IndicatorSpec; reason?: undefined } | { reason: TableRejectReason; spec?: undefined } {
  const key = trim(cells.key);
  if (key === '') return { reason: 'key_empty' };
  if (seen.has(key)) return { reason: 'key_duplicate' };
  const mechanism = trim(cells.mechanism).toLowerCase();
  if (!isMechanism(mechanism)) return { reason: 'bad_mechanism' };
  const trait = trim(cells.trait).toLowerCase();
  if (!isTrait(trait)) return { reason: 'bad_trait' };
  const direction = trim(cells.direction).toLowerCase();
  if (!isDirection(direction)) return { reason: 'bad_direction' };
  seen.add(key);
  return { spec: { key, mechanism, trait, direction } };
}

/**
 * A value row, or why it is refused. `keys` are the admitted indicators; `seen` holds the
 * (community, key) pairs admitted so far (an admitted pair is added). `value` null: no value.
 */
export function admitValueRow(
  cells: ValueCells,
  keys: ReadonlySet<string>,
  seen: Set<string>,
):
  | { community: string; key: string; value: number | null; reason?: undefined }
  | { reason: TableRejectReason; community?: undefined } {
  const community = trim(cells.community);
  if (community === '') return { reason: 'community_empty' };
  const key = trim(cells.key);
  if (!keys.has(key)) return { reason: 'unknown_key' };
  const pair = `${community}\u0000${key}`;
  if (seen.has(pair)) return { reason: 'value_duplicate' };
  const text = trim(cells.value);
  let value: number | null = null;
  if (text !== '') {
    value = Number(text);
    if (!DECIMAL.test(text) || !Number.isFinite(value)) return { reason: 'bad_value' };
    if (Object.is(value, -0)) value = 0;
  }
  seen.add(pair);
  return { community, key, value };
}

/** Both tables admitted: the indicators first (values refer to them), then the values. */
export function admitScoreTables(
  indicatorRows: readonly TableRow<IndicatorCells>[],
  valueRows: readonly TableRow<ValueCells>[],
): ScoreTables {
  const rejects: TableReject[] = [];
  const keys = new Set<string>();
  const indicators: IndicatorSpec[] = [];
  for (const { line, cell } of indicatorRows) {
    const a = admitIndicatorRow(cell, keys);
    if (a.spec) indicators.push(a.spec);
    else rejects.push({ file: 'indicators', line, reason: a.reason });
  }
  const pairs = new Set<string>();
  const values: ValueRow[] = [];
  const communities = new Set<string>();
  const valueRejects: TableReject[] = [];
  for (const { line, cell } of valueRows) {
    const a = admitValueRow(cell, keys, pairs);
    if (a.community === undefined) {
      valueRejects.push({ file: 'values', line, reason: a.reason });
      continue;
    }
    communities.add(a.community);
    if (a.value !== null) values.push({ community: a.community, key: a.key, value: a.value });
  }
  const byLine = (a: TableReject, b: TableReject) => a.line - b.line;
  return {
    indicators,
    values,
    communities: [...communities],
    rejects: [...rejects.sort(byLine), ...valueRejects.sort(byLine)],
  };
}
