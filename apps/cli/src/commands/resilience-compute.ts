/**
 * `renxing resilience compute [--date YYYY-MM-DD]`: the resilience index of every community for a
 * city date (default today) computed in the database `openDatabase()` picks, as the daily run does:
 * each enabled indicator, the scores and ranks, stored in one transaction replacing that date's run
 * (audited as the system). Progress on stderr, the run's figures on stdout.
 */
import type { Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { computeResilienceIndex, type ResilienceRun } from '@renxing/modules/resilience';
import type { Flags } from '../args.js';
import type { Command, FlagSpec } from '../command.js';
import { progress } from '../progress.js';

const WORDS = {
  en: {
    computing: 'computing the resilience index',
    phase: {
      communities: 'communities',
      indicators: 'indicators',
      scoring: 'scoring',
      saving: 'saving',
    } as Record<string, string>,
    date: 'date',
    communities: 'communities',
    indicators: 'indicators computed',
    disabled: 'switched off',
    absent: 'no value anywhere',
    ms: 'ms',
  },
  'zh-CN': {
    computing: '正在计算韧性指数',
    phase: { communities: '社区', indicators: '指标', scoring: '评分', saving: '保存' } as Record<
      string,
      string
    >,
    date: '日期',
    communities: '社区数',
    indicators: '参与计算的指标',
    disabled: '已停用',
    absent: '全市均无数值',
    ms: '毫秒',
  },
} as const;

const DATE_FLAG: FlagSpec = {
  type: 'string',
  value: 'YYYY-MM-DD',
  help: { en: 'the city date to compute (default today)', 'zh-CN': '要计算的日期（默认今天）' },
};

export async function resilienceComputeCommand(
  flags: Flags,
  locale: Locale,
  options: { db?: Db; env?: NodeJS.ProcessEnv; out?: NodeJS.WritableStream; now?: Date } = {},
): Promise<ResilienceRun> {
  const date = typeof flags.date === 'string' && flags.date ? flags.date : undefined;
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const w = WORDS[locale];
  const db = options.db ?? (await openDatabase({}, env));
  try {
    if (!options.db) await migrate(db);
    const bar = progress(w.computing, 1);
    const run = await computeResilienceIndex(db, {
      date,
      actor: { userId: null, scope: null, now: options.now ?? new Date() },
      onProgress: (p) =>
        bar.update(
          p.phase === 'indicators' ? p.done / Math.max(p.total, 1) : 0,
          `${w.phase[p.phase] ?? p.phase} ${p.done}/${p.total}`,
        ),
    });
    bar.finish();
    const list = (keys: readonly string[]) => (keys.length > 0 ? keys.join(', ') : '—');
    out.write(
      [
        `${w.date}: ${run.date}`,
        `  ${w.communities}: ${run.communities}`,
        `  ${w.indicators}: ${list(run.indicators)}`,
        `  ${w.disabled}: ${list(run.disabled)}`,
        `  ${w.absent}: ${list(run.absent)}`,
        `  ${w.ms}: ${run.ms}`,
        '',
      ].join('\n'),
    );
    return run;
  } finally {
    if (!options.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['resilience', 'compute'],
  usage: {
    en: "renxing resilience compute [--date YYYY-MM-DD]   every community's resilience index for a date, stored",
    'zh-CN': 'renxing resilience compute [--date YYYY-MM-DD]   计算并保存某日各社区的韧性指数',
  },
  flags: { date: DATE_FLAG },
  run: async (flags, locale) => {
    await resilienceComputeCommand(flags, locale);
    return 0;
  },
};
