/**
 * `renxing resilience score`: an indicators file and a values file → each community's mechanism,
 * index and trait scores, per shared/contracts/resilience-index.md ("Scoring", "The CLI"). The
 * decisions are the resilience module's rules (admitScoreTables, scoreCommunities); this file
 * reads the two tables (CSV or XLSX, columns by name), writes
 * `community,engineering,institutional,social,index,self_organisation,redundancy,adaptability`
 * (6 decimals, an empty cell where the community has no indicator of that group, by community in
 * byte order), the rejects (`file,line,reason`: indicators first, each in line order) and the
 * summary on stderr.
 */
import { csvField, type Locale, MECHANISMS, TRAITS } from '@renxing/contracts';
import {
  admitScoreTables,
  type CommunityScore,
  scoreCommunities,
  TABLE_REJECT_REASONS,
} from '@renxing/modules/resilience';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { TextFile } from '../files.js';
import { flagsOf, stringFlag } from '../flags.js';
import { writeJson } from '../summary.js';
import { byLine, type LineReject, readColumns } from '../tables.js';

export const SCORES_HEADER =
  'community,engineering,institutional,social,index,self_organisation,redundancy,adaptability\n';
export const RESILIENCE_REJECTS_HEADER = 'file,line,reason\n';

const INDICATOR_COLUMNS = ['key', 'mechanism', 'trait', 'direction'] as const;
const VALUE_COLUMNS = ['community', 'key', 'value'] as const;

/** A score to 6 decimals; empty when there is none (never `-0.000000`). */
export function cell(x: number | null): string {
  if (x === null) return '';
  const s = x.toFixed(6);
  return s === '-0.000000' ? '0.000000' : s;
}

export const scoreLine = (c: CommunityScore): string =>
  `${[
    csvField(c.community),
    ...MECHANISMS.map((m) => cell(c.mechanisms[m])),
    cell(c.index),
    ...TRAITS.map((t) => cell(c.traits[t])),
  ].join(',')}\n`;

/** The `--summary` JSON. */
export interface ResilienceScoreSummary {
  indicators: number;
  values: number;
  communities: number;
  /** Communities with an index (a value of at least one indicator). */
  scored: number;
  rejects: number;
}

function summaryText(locale: Locale, s: ResilienceScoreSummary, out: string, rejects: string): string {
  const lines =
    locale === 'zh-CN'
      ? [
          '韧性评分',
          `  指标 ${s.indicators}，取值 ${s.values}，坏行 ${s.rejects}`,
          `  社区 ${s.communities}（有指数 ${s.scored}）`,
          `  输出 ${out}`,
          `  拒收文件 ${rejects}`,
        ]
      : [
          'resilience score',
          `  indicators ${s.indicators}, values ${s.values}, rejects ${s.rejects}`,
          `  communities ${s.communities} (with an index ${s.scored})`,
          `  output ${out}`,
          `  rejects ${rejects}`,
        ];
  return `${lines.join('\n')}\n`;
}

export async function resilienceScoreCommand(
  flags: Flags,
  locale: Locale,
  io: { err?: { write(s: string): unknown } } = {},
): Promise<ResilienceScoreSummary & { out: string; rejectsFile: string }> {
  const indicatorsPath = requireFlag(flags, 'indicators');
  const valuesPath = requireFlag(flags, 'values');
  const outPath = requireFlag(flags, 'out');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${outPath}.rejects.csv`;

  // Both inputs are checked, and the scores computed, before anything is written.
  const sTable = await readColumns(indicatorsPath, INDICATOR_COLUMNS);
  const vTable = await readColumns(valuesPath, VALUE_COLUMNS);
  const tables = admitScoreTables(sTable.rows, vTable.rows);
  const scoring = scoreCommunities(tables.indicators, tables.values, tables.communities);

  const reasons = (file: 'indicators' | 'values', unreadable: LineReject[]): LineReject[] =>
    [
      ...unreadable,
      ...tables.rejects
        .filter((r) => r.file === file)
        .map((r) => ({ line: r.line, reason: TABLE_REJECT_REASONS[r.reason].en })),
    ].sort(byLine);
  const indicatorRejects = reasons('indicators', sTable.unreadable);
  const valueRejects = reasons('values', vTable.unreadable);

  const out = new TextFile(outPath);
  out.write(SCORES_HEADER);
  for (const c of scoring.communities) out.write(scoreLine(c));
  out.close();

  const rejects = new TextFile(rejectsPath);
  rejects.write(RESILIENCE_REJECTS_HEADER);
  for (const r of indicatorRejects) rejects.write(`indicators,${r.line},${csvField(r.reason)}\n`);
  for (const r of valueRejects) rejects.write(`values,${r.line},${csvField(r.reason)}\n`);
  rejects.close();

  const summary: ResilienceScoreSummary = {
    indicators: tables.indicators.length,
    values: tables.values.length,
    communities: scoring.communities.length,
    scored: scoring.communities.filter((c) => c.index !== null).length,
    rejects: indicatorRejects.length + valueRejects.length,
  };
  if (typeof flags.summary === 'string' && flags.summary) writeJson(flags.summary, summary);
  (io.err ?? process.stderr).write(summaryText(locale, summary, outPath, rejectsPath));
  return { ...summary, out: outPath, rejectsFile: rejectsPath };
}

const s = stringFlag;

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['resilience', 'score'],
  usage: {
    en: 'renxing resilience score --indicators S.csv --values V.csv --out O.csv [--rejects J.csv] [--summary S.json]',
    'zh-CN':
      'renxing resilience score --indicators S.csv --values V.csv --out O.csv [--rejects J.csv] [--summary S.json]',
  },
  flags: {
    indicators: s(
      'S.csv',
      'indicators: key,mechanism (engineering | institutional | social),trait (self_organisation | redundancy | adaptability),direction (higher | lower) (CSV or XLSX)',
      '指标：key,mechanism（engineering | institutional | social）,trait（self_organisation | redundancy | adaptability）,direction（higher | lower）（CSV 或 XLSX）',
    ),
    values: s(
      'V.csv',
      'values: community,key,value (a missing row or an empty value: no value)',
      '取值：community,key,value（缺行或值为空：无取值）',
    ),
    ...flagsOf('out', 'rejects', 'summary'),
  },
  run: async (flags, locale) => {
    await resilienceScoreCommand(flags, locale);
    return 0;
  },
};
