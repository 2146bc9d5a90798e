/**
 * `renxing stream companions --cases C.csv --out O.csv`: the contract's companions CSV, answered by
 * the index shards (the query fans out over NATS) instead of an in-process index, so it can be put
 * side by side with `renxing companions --pings …` on the same pings: the two files are identical.
 * `--wait S` first waits (up to S s) until every ping published so far is built and indexed, and
 * every shard answers.
 */
import { type Locale, RenxingError } from '@renxing/contracts';
import { type CaseWindows, type CompanionParams, companionCsv, readCases } from '@renxing/engine';
import { openStream, queryStreamed, type StreamClient, waitCaughtUp } from '@renxing/stream';
import { companionParams, type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { openRejects, readWhole, TextFile } from '../files.js';
import { flagsOf, GRID, QUERY } from '../flags.js';
import { writeJson } from '../summary.js';
import { CONNECTION, streamConfig, streamFlags, streamWords } from './stream-config.js';

export interface StreamCompanionsOutcome {
  pings: number;
  cases: number;
  case_rejects: number;
  companions: number;
  seconds: number;
}

/**
 * The query; while `deadline` is ahead a shard that does not answer yet (an index worker starting
 * or taking over a shard, restoring its snapshot) is asked again instead of failing the run.
 */
async function askShards(
  client: StreamClient,
  cases: CaseWindows[],
  params: CompanionParams,
  deadline: number,
): ReturnType<typeof queryStreamed> {
  for (;;) {
    try {
      return await queryStreamed(client, cases, params);
    } catch (e) {
      if (!(e instanceof RenxingError && e.code === 'RX_STREAM_NO_SHARD') || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function streamCompanionsCommand(
  flags: Flags,
  locale: Locale,
  out: { write(s: string): unknown } = process.stderr,
): Promise<StreamCompanionsOutcome> {
  const w = streamWords(locale);
  const outPath = requireFlag(flags, 'out');
  const casesPath = requireFlag(flags, 'cases');
  const params = companionParams(flags);
  const cfg = streamConfig(flags, params);
  const waitSeconds = flags.wait === undefined ? 0 : Number(flags.wait);
  if (!(waitSeconds >= 0)) throw new RenxingError('RX_BAD_FLAG', { flag: '--wait', detail: 'seconds ≥ 0' });
  const casesBytes = readWhole(casesPath);
  const rejects = openRejects(flags.rejects, outPath);
  const { cases, rejects: caseRejects } = readCases([casesBytes], params.tzOffset, rejects.onReject);
  rejects.close();

  const t0 = performance.now();
  const client = await openStream(cfg);
  let answer: Awaited<ReturnType<typeof queryStreamed>>;
  try {
    if (waitSeconds > 0) {
      out.write(`${w.waiting} …\n`);
      await waitCaughtUp(client, { timeoutMs: waitSeconds * 1000 });
    }
    out.write(`${w.querying} …\n`);
    answer = await askShards(client, cases, params, Date.now() + waitSeconds * 1000);
  } finally {
    await client.close();
  }
  const file = new TextFile(outPath);
  for (const piece of companionCsv(answer.index, cases, answer.rows)) file.writeBytes(piece);
  file.close();
  const seconds = (performance.now() - t0) / 1000;
  const outcome: StreamCompanionsOutcome = {
    pings: answer.pings,
    cases: cases.length,
    case_rejects: caseRejects,
    companions: answer.rows.count,
    seconds: Number(seconds.toFixed(3)),
  };
  if (typeof flags.summary === 'string') writeJson(flags.summary, { ...outcome, params });
  out.write(
    [
      `${w.pings}: ${answer.pings}`,
      `${w.cases}: ${cases.length}`,
      `${w.caseRejects}: ${caseRejects}`,
      `${w.companions}: ${answer.rows.count}`,
      `${w.seconds}: ${seconds.toFixed(2)} s`,
      `${w.out}: ${outPath}`,
      ...(caseRejects > 0 ? [`${w.rejects}: ${rejects.path}`] : []),
      '',
    ].join('\n'),
  );
  return outcome;
}

export const command: Command = {
  words: ['stream', 'companions'],
  usage: {
    en: 'renxing stream companions --cases C.csv --out O.csv [--wait S] [--nats URL] [--prefix P] [options]',
    'zh-CN':
      'renxing stream companions --cases C.csv --out O.csv [--wait S] [--nats URL] [--prefix P] [选项]',
  },
  flags: {
    ...flagsOf('cases', 'out', 'rejects', 'summary'),
    ...streamFlags('wait', ...CONNECTION),
    ...flagsOf(...GRID, ...QUERY),
  },
  run: async (flags, locale) => {
    await streamCompanionsCommand(flags, locale);
    return 0;
  },
};
