/**
 * `renxing import people FILE`: people from a CSV or XLSX file into the registry (the database
 * `openDatabase()` picks: DATABASE_URL, else PGlite under RENXING_DATA_DIR), in batches that each
 * commit on their own; re-running after a crash neither loses nor duplicates anyone. Phones are
 * pseudonymised with the city secret (RENXING_CITY_SECRET, else `<RENXING_DATA_DIR>/city-secret`).
 * Bad rows go to the rejects file (`line,field,reason`), the rest are kept.
 *
 * Flags: `--file PATH` (or the positional FILE, wired by main), `--rejects PATH` (default
 * `FILE.rejects.csv`), `--batch-size N` (default 1000), `--concurrency N` (batches in flight;
 * default 2 on a PostgreSQL server, 1 on PGlite).
 */
import fs from 'node:fs';
import type { Locale } from '@renxing/contracts';
import { citySecret, type Db, migrate, openDatabase, renxingDataDir } from '@renxing/db';
import { type ImportResult, importPeopleFile, rejectsCsv } from '@renxing/modules/people';
import { type Flags, positiveInt, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { readWhole } from '../files.js';
import { flagsOf } from '../flags.js';
import { progress } from '../progress.js';

const WORDS = {
  en: {
    importing: 'importing people',
    rows: 'rows read',
    inserted: 'people added',
    updated: 'people updated',
    rejected: 'rows rejected',
    rejects: 'rejects',
  },
  'zh-CN': {
    importing: '正在导入人员',
    rows: '读取行数',
    inserted: '新增人员',
    updated: '更新人员',
    rejected: '拒绝行数',
    rejects: '拒绝明细',
  },
} as const;

export interface ImportPeopleOutcome extends ImportResult {
  rejectsFile: string | null;
}

export async function importPeopleCommand(
  flags: Flags,
  locale: Locale,
  options: { db?: Db; env?: NodeJS.ProcessEnv; out?: NodeJS.WritableStream } = {},
): Promise<ImportPeopleOutcome> {
  const file = requireFlag(flags, 'file');
  const batchSize = positiveInt(flags, 'batch-size', 1000);
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${file}.rejects.csv`;
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const w = WORDS[locale];

  const bytes = readWhole(file);
  const secret = citySecret({ env, dataDir: renxingDataDir(env) });
  const db = options.db ?? (await openDatabase({}, env));
  try {
    if (!options.db) await migrate(db);
    const concurrency = positiveInt(flags, 'concurrency', db.kind === 'postgres' ? 2 : 1);
    const bar = progress(`${w.importing} ${file}`, 1);
    const result = await importPeopleFile(db, bytes, {
      secret,
      batchSize,
      concurrency,
      file,
      onBatch: ({ rowsDone, rowsTotal }) =>
        bar.update(rowsDone / Math.max(rowsTotal, 1), `${rowsDone}/${rowsTotal}`),
    });
    bar.finish();
    let rejectsFile: string | null = null;
    if (result.rejects.length > 0) {
      fs.writeFileSync(rejectsPath, rejectsCsv(result.rejects));
      rejectsFile = rejectsPath;
    } else if (fs.existsSync(rejectsPath) && typeof flags.rejects !== 'string') {
      fs.rmSync(rejectsPath); // a stale report from an earlier run of the same file
    }
    out.write(
      [
        `${w.rows}: ${result.rows}`,
        `${w.inserted}: ${result.inserted}`,
        `${w.updated}: ${result.updated}`,
        `${w.rejected}: ${result.rejects.length}`,
        ...(rejectsFile ? [`${w.rejects}: ${rejectsFile}`] : []),
        '',
      ].join('\n'),
    );
    return { ...result, rejectsFile };
  } finally {
    if (!options.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['import', 'people'],
  operand: 'FILE',
  usage: {
    en: 'renxing import people FILE [--rejects R.csv] [--batch-size N] [--concurrency N]   CSV or XLSX',
    'zh-CN': 'renxing import people FILE [--rejects R.csv] [--batch-size N] [--concurrency N]   CSV 或 XLSX',
  },
  flags: flagsOf('rejects', 'batch-size', 'concurrency'),
  run: async (flags, locale) => {
    await importPeopleCommand(flags, locale);
    return 0;
  },
};
