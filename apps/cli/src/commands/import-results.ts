/**
 * `renxing import results FILE`: a lab's result file (CSV or XLSX: `tube,result,reported_at`, extra
 * columns kept as evidence) into the database `openDatabase()` picks, resolving every member of
 * its tubes at once (shared/contracts/screening.md): health codes, re-test and re-sample items in
 * the members' communities' inboxes. One transaction: re-running the same file changes nothing.
 * Bad rows go to the rejects file (`file,line,reason`), the rest are kept.
 *
 * Flags: `--rejects PATH` (default `FILE.rejects.csv`), `--preset NAME` (default RENXING_PRESET,
 * else `default`).
 */
import fs from 'node:fs';
import type { Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { type ImportPhase, importTubeResults, type ResultImportSummary } from '@renxing/modules/screening';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { readWhole } from '../files.js';
import { flagsOf } from '../flags.js';
import { progress } from '../progress.js';

const WORDS = {
  en: {
    importing: 'importing results',
    phase: {
      reading: 'reading',
      resolving: 'resolving tubes',
      health_codes: 'health codes',
      inbox: 'inbox items',
    },
    rows: 'rows read',
    accepted: 'new tube results',
    unchanged: 'rows already known',
    negative: 'people resolved negative',
    positive: 'people positive',
    awaiting: 'people awaiting a single-tube re-test',
    resample: 'people to re-sample',
    codes: 'health codes changed',
    items: 'inbox items raised / closed',
    rejected: 'rows rejected',
    rejects: 'rejects',
  },
  'zh-CN': {
    importing: '正在导入检测结果',
    phase: { reading: '读取', resolving: '解析管结果', health_codes: '健康码', inbox: '社区事项' },
    rows: '读取行数',
    accepted: '新增管结果',
    unchanged: '已有结果的行',
    negative: '判定阴性人数',
    positive: '阳性人数',
    awaiting: '待单管复检人数',
    resample: '需重新采样人数',
    codes: '健康码变更',
    items: '社区事项 新增 / 关闭',
    rejected: '拒绝行数',
    rejects: '拒绝明细',
  },
} as const;

export interface ImportResultsOutcome extends ResultImportSummary {
  rejectsFile: string | null;
}

export async function importResultsCommand(
  flags: Flags,
  locale: Locale,
  options: { db?: Db; env?: NodeJS.ProcessEnv; out?: NodeJS.WritableStream; now?: Date } = {},
): Promise<ImportResultsOutcome> {
  const file = requireFlag(flags, 'file');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${file}.rejects.csv`;
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const w = WORDS[locale];
  const preset = typeof flags.preset === 'string' ? flags.preset : (env.RENXING_PRESET ?? 'default');

  const bytes = readWhole(file);
  const db = options.db ?? (await openDatabase({}, env));
  try {
    if (!options.db) await migrate(db);
    const bar = progress(`${w.importing} ${file}`, 1);
    const summary = await importTubeResults(db, bytes, {
      source: { file },
      actor: null,
      now: options.now ?? new Date(),
      preset,
      onProgress: (phase: ImportPhase, done, total) =>
        bar.update(done / Math.max(total, 1), `${w.phase[phase]} ${done}/${total}`),
    });
    bar.finish();
    let rejectsFile: string | null = null;
    if (summary.rejects.length > 0) {
      const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
      const lines = summary.rejects.map((r) => `results,${r.line},${field(r.message[locale])}\n`);
      fs.writeFileSync(rejectsPath, `file,line,reason\n${lines.join('')}`);
      rejectsFile = rejectsPath;
    } else if (fs.existsSync(rejectsPath) && typeof flags.rejects !== 'string') {
      fs.rmSync(rejectsPath); // a stale report from an earlier run of the same file
    }
    out.write(
      [
        `${w.rows}: ${summary.rows}`,
        `${w.accepted}: ${summary.accepted}`,
        `${w.unchanged}: ${summary.unchanged}`,
        `${w.negative}: ${summary.members.negative}`,
        `${w.positive}: ${summary.members.positive}`,
        `${w.awaiting}: ${summary.members.awaitingRetest}`,
        `${w.resample}: ${summary.members.resample}`,
        `${w.codes}: ${summary.healthCodeChanges}`,
        `${w.items}: ${summary.itemsRaised} / ${summary.itemsClosed}`,
        `${w.rejected}: ${summary.rejects.length}`,
        ...(rejectsFile ? [`${w.rejects}: ${rejectsFile}`] : []),
        '',
      ].join('\n'),
    );
    return { ...summary, rejectsFile };
  } finally {
    if (!options.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['import', 'results'],
  operand: 'FILE',
  usage: {
    en: 'renxing import results FILE [--rejects R.csv] [--preset NAME]   a lab result file, CSV or XLSX (tube,result,reported_at)',
    'zh-CN':
      'renxing import results FILE [--rejects R.csv] [--preset NAME]   实验室结果文件，CSV 或 XLSX（tube,result,reported_at）',
  },
  flags: flagsOf('rejects', 'preset'),
  run: async (flags, locale) => {
    await importResultsCommand(flags, locale);
    return 0;
  },
};
