/**
 * The rows of the contract's files, admitted one at a time (shared/contracts/screening.md, "Result
 * files" and "The CLI"): what is kept, and for what is not, the reason. Reasons are stable
 * English phrases in files (checks read them) with a zh-CN text for the console. Pure.
 */
import type { Text } from '@renxing/contracts';
import { parseInstantText } from '@renxing/engine';
import { MAX_TUBE_SIZE, type ReportedResult, TUBE_RESULTS, type Tube, type TubeResult } from './types.js';

export const REJECT_REASONS = {
  unreadable_row: { en: 'row cannot be read (an unterminated quote)', 'zh-CN': '该行无法读取（引号未闭合）' },
  tube_empty: { en: 'tube is empty', 'zh-CN': '管码为空' },
  bad_k: {
    en: `k is not an integer from 1 to ${MAX_TUBE_SIZE}`,
    'zh-CN': `k 不是 1 到 ${MAX_TUBE_SIZE} 的整数`,
  },
  bad_sampled_at: { en: 'sampled_at is not an instant', 'zh-CN': 'sampled_at 不是有效时间' },
  person_empty: { en: 'person is empty', 'zh-CN': '人员为空' },
  k_differs: { en: "k differs from the tube's first row", 'zh-CN': 'k 与该管第一行不同' },
  sampled_at_differs: {
    en: "sampled_at differs from the tube's first row",
    'zh-CN': 'sampled_at 与该管第一行不同',
  },
  tube_full: { en: 'tube full', 'zh-CN': '管已满' },
  unknown_tube: { en: 'unknown tube', 'zh-CN': '未知的管码' },
  bad_result: {
    en: 'result is not negative, positive or invalid',
    'zh-CN': '结果不是 negative、positive 或 invalid',
  },
  bad_reported_at: { en: 'reported_at is not an instant', 'zh-CN': 'reported_at 不是有效时间' },
  reported_before_sampling: { en: 'reported before the sampling time', 'zh-CN': '报告时间早于采样时间' },
  result_conflict: {
    en: "result differs from the tube's first result",
    'zh-CN': '结果与该管已有结果不同（以第一次结果为准，需卫健人员更正）',
  },
} as const satisfies Record<string, Text>;

export type RejectReason = keyof typeof REJECT_REASONS;

export interface LineReject {
  line: number;
  reason: RejectReason;
}

/** A row of the tubes file, its cells by column. */
export interface TubeRow {
  line: number;
  tube: string;
  k: string;
  sampledAt: string;
  person: string;
}

/** A row of a result file, its cells by column. */
export interface ResultRow {
  line: number;
  tube: string;
  result: string;
  reportedAt: string;
}

const K_TEXT = /^[0-9]+$/;

/** A tube's capacity from its text, or null when it is not an integer in 1..50. */
export function tubeSize(text: string): number | null {
  const t = text.trim();
  if (!K_TEXT.test(t)) return null;
  const k = Number(t);
  return k >= 1 && k <= MAX_TUBE_SIZE ? k : null;
}

/** Tubes and their members from the tubes file's rows in file order (scan order = file order). */
export class TubeBook {
  readonly tubes = new Map<string, Tube>();
  readonly rejects: LineReject[] = [];

  constructor(private readonly tzOffset: number) {}

  add(row: TubeRow): void {
    const reason = this.refusal(row);
    if (reason) this.rejects.push({ line: row.line, reason });
  }

  private refusal(row: TubeRow): RejectReason | null {
    if (row.tube.trim() === '') return 'tube_empty';
    const k = tubeSize(row.k);
    if (k === null) return 'bad_k';
    const at = parseInstantText(row.sampledAt, this.tzOffset);
    if (Number.isNaN(at)) return 'bad_sampled_at';
    if (row.person.trim() === '') return 'person_empty';
    const tube = this.tubes.get(row.tube);
    if (!tube) {
      this.tubes.set(row.tube, { barcode: row.tube, k, sampledAt: at, members: [row.person] });
      return null;
    }
    if (tube.k !== k) return 'k_differs';
    if (tube.sampledAt !== at) return 'sampled_at_differs';
    // The same person scanned into the same tube again is one swab (idempotent), not a reject.
    if (tube.members.includes(row.person)) return null;
    if (tube.members.length >= tube.k) return 'tube_full';
    tube.members.push(row.person);
    return null;
  }
}

/** What a result row does to its tube. */
export type ResultAdmission =
  | { kind: 'accept'; result: ReportedResult }
  | { kind: 'same' }
  | { kind: 'reject'; reason: RejectReason };

/** The result word, case-insensitive with surrounding spaces trimmed, or null. */
export function resultWord(text: string): TubeResult | null {
  const w = text.trim().toLowerCase();
  return (TUBE_RESULTS as readonly string[]).includes(w) ? (w as TubeResult) : null;
}

/**
 * Admits one result row for `tube` (undefined: unknown) whose first result so far is `first`:
 * a new result, the same result again (a no-op), or a reject naming why. The first result stands.
 */
export function admitResult(
  row: Pick<ResultRow, 'result' | 'reportedAt'>,
  tube: Pick<Tube, 'sampledAt'> | undefined,
  first: ReportedResult | undefined,
  tzOffset: number,
): ResultAdmission {
  if (!tube) return { kind: 'reject', reason: 'unknown_tube' };
  const result = resultWord(row.result);
  if (!result) return { kind: 'reject', reason: 'bad_result' };
  const reportedAt = parseInstantText(row.reportedAt, tzOffset);
  if (Number.isNaN(reportedAt)) return { kind: 'reject', reason: 'bad_reported_at' };
  if (reportedAt < tube.sampledAt) return { kind: 'reject', reason: 'reported_before_sampling' };
  if (first)
    return first.result === result ? { kind: 'same' } : { kind: 'reject', reason: 'result_conflict' };
  return { kind: 'accept', result: { result, reportedAt } };
}
