/** `renxing companions`: pings CSV (or a saved index) + cases CSV → companions CSV. */
import { type Locale, RenxingError } from '@renxing/contracts';
import { CompanionIndex, companionCsv, type RejectSink, readCases } from '@renxing/engine';
import {
  companionParams,
  defaultThreads,
  type Flags,
  GRID_FLAGS,
  requireFlag,
  threadsFlag,
} from '../args.js';
import type { Command } from '../command.js';
import { openRejects, readShared, readWhole, TextFile } from '../files.js';
import { flagsOf, GRID, QUERY } from '../flags.js';
import { indexFromPingsFile, type Loaded } from '../load.js';
import { messages } from '../messages.js';
import { compact, progress } from '../progress.js';
import { queryCases, startQueryWorkers } from '../query-parallel.js';
import { indexSummary, printSummary, writeJson } from '../summary.js';

export async function companionsCommand(flags: Flags, locale: Locale): Promise<void> {
  const m = messages(locale);
  const t0 = performance.now();
  const outPath = requireFlag(flags, 'out');
  const casesPath = requireFlag(flags, 'cases');
  const indexPath = typeof flags.index === 'string' ? flags.index : undefined;
  if (indexPath && flags.pings !== undefined)
    throw new RenxingError('RX_FLAG_CONFLICT', {
      flag: '--pings',
      detail: 'give --pings or --index, not both',
    });
  if (!indexPath) requireFlag(flags, 'pings');
  if (indexPath) {
    for (const f of GRID_FLAGS)
      if (f !== 'tz-offset' && flags[f] !== undefined)
        throw new RenxingError('RX_FLAG_CONFLICT', {
          flag: `--${f}`,
          detail: 'the index fixes the grid and stays',
        });
  }
  const params = companionParams(flags);
  const threads = threadsFlag(flags) ?? defaultThreads();
  const casesBytes = readWhole(casesPath);
  // Started now, the query workers load the engine while the index is read.
  const workers = startQueryWorkers(threads, casesBytes, { prefault: indexPath !== undefined });

  const rejects = openRejects(flags.rejects, outPath);
  const { onReject, path: rejectsPath } = rejects;

  let index: CompanionIndex;
  let readSeconds = 0;
  let whole: Loaded['whole'] | undefined;
  let read: ReturnType<typeof readCases>;
  if (indexPath) {
    index = CompanionIndex.fromBuffer(readShared(indexPath));
    read = readCases(
      [casesBytes],
      flags['tz-offset'] === undefined ? index.tzOffset : params.tzOffset,
      onReject,
    );
  } else {
    // The cases first: only the cells they can reach are indexed. Their rejects follow the pings'.
    const held: Parameters<RejectSink>[] = [];
    read = readCases([casesBytes], params.tzOffset, (...r) => held.push(r));
    const loaded = await indexFromPingsFile(
      flags.pings as string,
      params,
      onReject,
      locale,
      threads,
      read.cases,
    );
    for (const r of held) onReject(...r);
    ({ index, readSeconds, whole } = loaded);
  }
  const { cases: caseList, rejects: caseRejects } = read;
  rejects.close();

  const bar = progress(m.querying, caseList.length);
  const tq = performance.now();
  const answered = await queryCases(
    index,
    caseList,
    params,
    threads,
    (done) => bar.update(done, `${done}/${caseList.length}`),
    workers,
  );
  const { rows, cases } = answered;
  const querySeconds = (performance.now() - tq) / 1000;
  bar.finish(`${compact(rows.count)} ${m.companions}`);

  const out = new TextFile(outPath);
  for (const piece of companionCsv(index, cases, rows)) out.writeBytes(piece);
  out.close();

  const seconds = (performance.now() - t0) / 1000;
  const summary = {
    ...indexSummary(index, whole),
    cases: cases.length,
    case_rejects: caseRejects,
    companions: rows.count,
    seconds: Number(seconds.toFixed(3)),
    read_seconds: Number(readSeconds.toFixed(3)),
    query_seconds: Number(querySeconds.toFixed(3)),
    params,
  };
  if (typeof flags.summary === 'string') writeJson(flags.summary, summary);
  const rejected = summary.ping_rejects + summary.case_rejects;
  printSummary(locale, {
    pings: summary.pings,
    ping_rejects: summary.ping_rejects,
    duplicates: summary.duplicates,
    subjects: summary.subjects,
    stays: summary.stays,
    cases: summary.cases,
    case_rejects: summary.case_rejects,
    companions: summary.companions,
    seconds: `${seconds.toFixed(2)} s`,
    throughput:
      readSeconds > 0 ? `${compact(Math.round(summary.pings / seconds))} ${m.per_second}` : undefined,
    out: outPath,
    rejects_file: rejected > 0 ? `${rejectsPath} (${m.see_rejects})` : rejectsPath,
  });
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['companions'],
  usage: {
    en: `renxing companions --pings P.csv --cases C.csv --out O.csv [options]
renxing companions --index city.idx --cases C.csv --out O.csv [options]`,
    'zh-CN': `renxing companions --pings P.csv --cases C.csv --out O.csv [选项]
renxing companions --index city.idx --cases C.csv --out O.csv [选项]`,
  },
  flags: flagsOf('pings', 'index', 'cases', 'out', 'rejects', 'summary', ...GRID, ...QUERY, 'workers'),
  run: async (flags, locale) => {
    await companionsCommand(flags, locale);
    return 0;
  },
};
