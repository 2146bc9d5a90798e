/**
 * `renxing screening resolve`: a tubes file and a results file → each member's outcome for each
 * tube, per shared/contracts/screening.md ("The CLI"). The decisions are screening's rules
 * (TubeBook, admitResult, memberOutcomes); this file reads the two tables (CSV or XLSX, columns by
 * name), writes `person,tube,outcome,at`, the rejects (`file,line,reason`, tubes first, each in
 * file order) and the summary.
 */
import { csvField, type Locale } from '@renxing/contracts';
import { formatInstantAt } from '@renxing/engine';
import {
  admitResult,
  memberOutcomes,
  outcomeCounts,
  REJECT_REASONS,
  type ReportedResult,
  TubeBook,
} from '@renxing/modules/screening';
import { companionParams, type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { TextFile } from '../files.js';
import { flagsOf, stringFlag } from '../flags.js';
import { printSummary, writeJson } from '../summary.js';
import { byLine, type LineReject as Reject, readColumns } from '../tables.js';

export const OUTCOMES_HEADER = 'person,tube,outcome,at\n';
export const SCREENING_REJECTS_HEADER = 'file,line,reason\n';

const TUBE_COLUMNS = ['tube', 'k', 'sampled_at', 'person'] as const;
const RESULT_COLUMNS = ['tube', 'result', 'reported_at'] as const;

type RejectsFile = 'tubes' | 'results';

/** The `--summary` JSON: the contract's counts. */
export interface ResolveSummary {
  people: number;
  tubes: number;
  tests: number;
  negative: number;
  positive: number;
  awaiting_retest: number;
  rejects: number;
}

/** The city's UTC offset: `--tz-offset` as the companions command reads it, else +08:00. */
function cityOffset(flags: Flags): number {
  return companionParams({ 'tz-offset': flags['tz-offset'] }).tzOffset;
}

export async function screeningResolveCommand(
  flags: Flags,
  locale: Locale,
  io: { err?: typeof process.stderr } = {},
): Promise<ResolveSummary & { out: string; rejectsFile: string }> {
  const tubesPath = requireFlag(flags, 'tubes');
  const resultsPath = requireFlag(flags, 'results');
  const outPath = requireFlag(flags, 'out');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${outPath}.rejects.csv`;
  const tz = cityOffset(flags);

  // Both inputs are checked before anything is written.
  const tubesTable = await readColumns(tubesPath, TUBE_COLUMNS);
  const resultsTable = await readColumns(resultsPath, RESULT_COLUMNS);

  const book = new TubeBook(tz);
  for (const { line, cell } of tubesTable.rows)
    book.add({ line, tube: cell.tube, k: cell.k, sampledAt: cell.sampled_at, person: cell.person });
  const tubeRejects: Reject[] = [
    ...book.rejects.map((r) => ({ line: r.line, reason: REJECT_REASONS[r.reason].en })),
    ...tubesTable.unreadable,
  ].sort(byLine);

  const results = new Map<string, ReportedResult>();
  const resultRejects: Reject[] = [...resultsTable.unreadable];
  for (const { line, cell } of resultsTable.rows) {
    const admission = admitResult(
      { result: cell.result, reportedAt: cell.reported_at },
      book.tubes.get(cell.tube),
      results.get(cell.tube),
      tz,
    );
    if (admission.kind === 'accept') results.set(cell.tube, admission.result);
    else if (admission.kind === 'reject')
      resultRejects.push({ line, reason: REJECT_REASONS[admission.reason].en });
  }
  resultRejects.sort(byLine);

  const outcomes = memberOutcomes(book.tubes.values(), results);
  const out = new TextFile(outPath);
  out.write(OUTCOMES_HEADER);
  for (const o of outcomes)
    out.write(`${csvField(o.person)},${csvField(o.tube)},${o.outcome},${formatInstantAt(o.at, tz)}\n`);
  out.close();

  const rejects = new TextFile(rejectsPath);
  rejects.write(SCREENING_REJECTS_HEADER);
  const writeRejects = (file: RejectsFile, list: readonly Reject[]) => {
    for (const r of list) rejects.write(`${file},${r.line},${csvField(r.reason)}\n`);
  };
  writeRejects('tubes', tubeRejects);
  writeRejects('results', resultRejects);
  rejects.close();

  const counts = outcomeCounts(outcomes);
  const summary: ResolveSummary = {
    people: new Set(outcomes.map((o) => o.person)).size,
    tubes: book.tubes.size,
    tests: results.size,
    negative: counts.negative,
    positive: counts.positive,
    awaiting_retest: counts.awaiting_retest,
    rejects: tubeRejects.length + resultRejects.length,
  };
  if (typeof flags.summary === 'string' && flags.summary) writeJson(flags.summary, summary);
  printSummary(
    locale,
    {
      screen_people: summary.people,
      screen_tubes: summary.tubes,
      screen_tests: summary.tests,
      screen_negative: counts.negative,
      screen_positive: counts.positive,
      screen_awaiting_retest: counts.awaiting_retest,
      screen_retest_negative: counts.retest_negative,
      screen_retest_positive: counts.retest_positive,
      screen_resample: counts.resample,
      screen_pending: counts.pending,
      screen_tube_rejects: tubeRejects.length,
      screen_result_rejects: resultRejects.length,
      out: outPath,
      rejects_file: rejectsPath,
    },
    io.err,
  );
  return { ...summary, out: outPath, rejectsFile: rejectsPath };
}

const s = stringFlag;

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['screening', 'resolve'],
  usage: {
    en: 'renxing screening resolve --tubes T.csv --results R.csv --out O.csv [--rejects J.csv] [--summary S.json]',
    'zh-CN':
      'renxing screening resolve --tubes T.csv --results R.csv --out O.csv [--rejects J.csv] [--summary S.json]',
  },
  flags: {
    tubes: s(
      'T.csv',
      'tubes, one row per member in scan order: tube,k,sampled_at,person (CSV or XLSX)',
      '采样管清单，每名被采样者一行，按扫码顺序：tube,k,sampled_at,person（CSV 或 XLSX）',
    ),
    results: s(
      'R.csv',
      'lab results: tube,result,reported_at (negative | positive | invalid)',
      '检测结果：tube,result,reported_at（negative | positive | invalid）',
    ),
    ...flagsOf('out', 'rejects', 'summary', 'tz-offset'),
  },
  run: async (flags, locale) => {
    await screeningResolveCommand(flags, locale);
    return 0;
  },
};
