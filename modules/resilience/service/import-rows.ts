/** The index's upload files read line by line: the reasons a line is refused, in both languages. */

import type { Text } from '@renxing/contracts';
import { type FileSource, headerColumns, readTable, type TableKind } from '@renxing/sheets';

export const REJECT_REASONS = {
  unreadable_row: { en: 'row cannot be read (an unterminated quote)', 'zh-CN': '该行无法读取（引号未闭合）' },
  bad_key: {
    en: 'key is not an indicator key (lower case area.what, e.g. city.drills_per_year)',
    'zh-CN': '指标键无效（小写“领域.名称”，如 city.drills_per_year）',
  },
  platform_key: {
    en: 'key is one of the platform’s indicators: choose another',
    'zh-CN': '该键是平台自带指标，请换一个',
  },
  bad_mechanism: {
    en: 'mechanism is not engineering, institutional or social',
    'zh-CN': '机制须为 engineering、institutional 或 social',
  },
  bad_trait: {
    en: 'trait is not self_organisation, redundancy or adaptability',
    'zh-CN': '特征须为 self_organisation、redundancy 或 adaptability',
  },
  bad_direction: { en: 'direction is not higher or lower', 'zh-CN': '方向须为 higher 或 lower' },
  bad_unit: { en: 'unit is empty or longer than 40 characters', 'zh-CN': '单位为空或超过 40 个字符' },
  bad_title: {
    en: 'title or title_en is empty or longer than 200 characters',
    'zh-CN': '名称或英文名称为空或超过 200 个字符',
  },
  bad_definition: { en: 'definition is longer than 2,000 characters', 'zh-CN': '定义超过 2000 个字符' },
  duplicate: { en: 'an earlier line of the file says this already', 'zh-CN': '文件前面的行已有相同内容' },
  unknown_place: { en: 'community is not a place within yours', 'zh-CN': '社区不存在或不在您的辖区内' },
  not_community: { en: 'community names a place that is not a community', 'zh-CN': '所填地点不是社区' },
  unknown_key: {
    en: 'key is not one of the city’s own indicators (import the indicator first)',
    'zh-CN': '不是本市自定义指标（请先导入指标）',
  },
  bad_value: { en: 'value is not a number', 'zh-CN': '数值无效' },
  bad_date: { en: 'date is not a date YYYY-MM-DD', 'zh-CN': '日期无效（YYYY-MM-DD）' },
} as const satisfies Record<string, Text>;

export type RejectReason = keyof typeof REJECT_REASONS;

export interface LineReject {
  line: number;
  reason: RejectReason;
}

export interface ImportSummary {
  /** Data rows read (the header not counted). */
  rows: number;
  saved: number;
  rejects: (LineReject & { message: Text })[];
}

export interface ImportOptions<A> {
  kind?: TableKind;
  source?: FileSource;
  actor: A;
}

/** The file's data lines as records of the named columns (`optional` ones '' when absent); unreadable lines as rejects. */
export async function readLines<C extends string, O extends string>(
  bytes: Uint8Array,
  columns: readonly C[],
  optional: readonly O[],
  o: { kind?: TableKind; source?: FileSource },
): Promise<{ rows: number; lines: { line: number; cells: Record<C | O, string> }[]; rejects: LineReject[] }> {
  const source = o.source ?? {};
  const table = await readTable(bytes, o.kind, source);
  const [header, ...data] = table.rows;
  const { at, extra } = headerColumns(header, columns, source);
  const where = { ...at } as Record<string, number | undefined>;
  for (const name of optional) where[name] = extra.find((e) => e.name === name)?.index;
  const lines = data
    .filter((r) => !r.cells.every((c) => c.trim() === ''))
    .map((r) => ({
      line: r.line,
      cells: Object.fromEntries(
        [...columns, ...optional].map((c) => {
          const i = where[c];
          return [c, i === undefined ? '' : (r.cells[i] ?? '').trim()];
        }),
      ) as Record<C | O, string>,
    }));
  const rejects: LineReject[] = table.rejects.map((r) => ({ line: r.line, reason: 'unreadable_row' }));
  return { rows: data.length + table.rejects.length, lines, rejects };
}

export const withMessages = (rejects: LineReject[]): ImportSummary['rejects'] =>
  [...rejects].sort((a, b) => a.line - b.line).map((r) => ({ ...r, message: REJECT_REASONS[r.reason] }));
