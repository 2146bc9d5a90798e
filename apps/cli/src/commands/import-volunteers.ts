/**
 * `renxing import volunteers FILE`: volunteers into the database `openDatabase()` picks — FILE a
 * table (CSV or XLSX: name,phone,skills,community[,lon,lat,capacity,organisation,from,to]; skills
 * separated by `;`; several rows with one phone add availability windows) — in one transaction
 * through the volunteers service. Run as the system: every community of the city is within reach.
 * New volunteers are unverified; the same file again changes nothing. Bad rows go to the rejects
 * file (`line,reason`), the rest are kept.
 *
 * Flags: `--rejects PATH` (default `FILE.rejects.csv`).
 */
import fs from 'node:fs';
import { csvField, type Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { importVolunteers, type VolunteerImportSummary } from '@renxing/modules/volunteers';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { readWhole } from '../files.js';
import { flagsOf } from '../flags.js';

const WORDS = {
  en: {
    rows: 'rows read',
    volunteers: 'volunteers created / updated / unchanged',
    windows: 'availability windows added',
    rejected: 'rows rejected',
    rejects: 'rejects',
  },
  'zh-CN': {
    rows: '读取行数',
    volunteers: '志愿者 新增 / 更新 / 未变',
    windows: '新增可服务时段',
    rejected: '拒绝行数',
    rejects: '拒绝明细',
  },
} as const;

export interface ImportVolunteersOutcome {
  summary: VolunteerImportSummary;
  rejectsFile: string | null;
}

export async function importVolunteersCommand(
  flags: Flags,
  locale: Locale,
  options: { db?: Db; env?: NodeJS.ProcessEnv; out?: NodeJS.WritableStream; now?: Date } = {},
): Promise<ImportVolunteersOutcome> {
  const file = requireFlag(flags, 'file');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${file}.rejects.csv`;
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const w = WORDS[locale];
  const bytes = readWhole(file);
  const db = options.db ?? (await openDatabase({}, env));
  try {
    if (!options.db) await migrate(db);
    const summary = await importVolunteers(db, bytes, {
      source: { file },
      actor: { userId: null, scope: null, now: options.now ?? new Date() },
    });
    let rejectsFile: string | null = null;
    if (summary.rejects.length > 0) {
      fs.writeFileSync(
        rejectsPath,
        `line,reason\n${summary.rejects.map((r) => `${r.line},${csvField(r.message[locale])}\n`).join('')}`,
      );
      rejectsFile = rejectsPath;
    } else if (fs.existsSync(rejectsPath) && typeof flags.rejects !== 'string') {
      fs.rmSync(rejectsPath); // a stale report from an earlier run of the same file
    }
    out.write(
      [
        `${w.rows}: ${summary.rows}`,
        `${w.volunteers}: ${summary.created} / ${summary.updated} / ${summary.unchanged}`,
        `${w.windows}: ${summary.windows}`,
        `${w.rejected}: ${summary.rejects.length}`,
        ...(rejectsFile ? [`${w.rejects}: ${rejectsFile}`] : []),
        '',
      ].join('\n'),
    );
    return { summary, rejectsFile };
  } finally {
    if (!options.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['import', 'volunteers'],
  operand: 'FILE',
  usage: {
    en: 'renxing import volunteers FILE [--rejects R.csv]   volunteers (CSV or XLSX: name,phone,skills,community[,lon,lat,capacity,organisation,from,to])',
    'zh-CN':
      'renxing import volunteers FILE [--rejects R.csv]   志愿者（CSV 或 XLSX：name,phone,skills,community[,lon,lat,capacity,organisation,from,to]）',
  },
  flags: { ...flagsOf('rejects') },
  run: async (flags, locale) => {
    await importVolunteersCommand(flags, locale);
    return 0;
  },
};
