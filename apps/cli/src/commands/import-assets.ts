/**
 * `renxing import assets FILE [--links L]`: the infrastructure network into the database
 * `openDatabase()` picks — FILE an assets table (CSV or XLSX: id,kind,type[,community,population,
 * name,place,operator,lon,lat]) or a GeoJSON FeatureCollection (Point features are assets,
 * LineString features links), then `--links` a links table (from,to,relation), each file in one
 * transaction through the infrastructure service, the N-1 analysis recomputed and stored after
 * each. Run as the system: every place of the city is within reach. The same files again change
 * nothing. Bad rows go to the rejects file (`file,line,feature,reason`: a table's line, a GeoJSON
 * feature's index from 0), the rest are kept.
 *
 * Flags: `--links PATH`, `--rejects PATH` (default `FILE.rejects.csv`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { csvField, type Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { importAssets, type NetworkImportSummary } from '@renxing/modules/infrastructure';
import { type Flags, requireFlag } from '../args.js';
import type { Command, FlagSpec } from '../command.js';
import { readWhole } from '../files.js';
import { flagsOf } from '../flags.js';
import { progress } from '../progress.js';

const WORDS = {
  en: {
    importing: 'importing',
    phase: { reading: 'reading', checking: 'checking rows', writing: 'writing', 'n-1': 'N-1 analysis' },
    rows: 'rows read',
    assets: 'assets created / updated / unchanged',
    links: 'links created / unchanged',
    n1: 'N-1 rows stored',
    rejected: 'rows rejected',
    rejects: 'rejects',
  },
  'zh-CN': {
    importing: '正在导入',
    phase: { reading: '读取', checking: '检查各行', writing: '写入', 'n-1': 'N-1 分析' },
    rows: '读取行数',
    assets: '设施 新增 / 更新 / 未变',
    links: '连接 新增 / 未变',
    n1: 'N-1 结果行数',
    rejected: '拒绝行数',
    rejects: '拒绝明细',
  },
} as const;

/** `--links`: declared here (the vocabulary in flags.ts is shared by every command). */
const LINKS_FLAG: FlagSpec = {
  type: 'string',
  value: 'L.csv',
  help: {
    en: 'a links table to import after FILE: from,to,relation (feeds or needs)',
    'zh-CN': '在 FILE 之后导入的连接表：from,to,relation（feeds 或 needs）',
  },
};

export interface ImportAssetsOutcome {
  /** One summary per file, FILE first. */
  files: { file: string; summary: NetworkImportSummary }[];
  rejectsFile: string | null;
}

export async function importAssetsCommand(
  flags: Flags,
  locale: Locale,
  options: { db?: Db; env?: NodeJS.ProcessEnv; out?: NodeJS.WritableStream; now?: Date } = {},
): Promise<ImportAssetsOutcome> {
  const file = requireFlag(flags, 'file');
  const links = typeof flags.links === 'string' && flags.links ? flags.links : null;
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${file}.rejects.csv`;
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const w = WORDS[locale];

  const inputs = [file, ...(links ? [links] : [])].map((f) => ({ file: f, bytes: readWhole(f) }));
  const db = options.db ?? (await openDatabase({}, env));
  try {
    if (!options.db) await migrate(db);
    const files: ImportAssetsOutcome['files'] = [];
    for (const input of inputs) {
      const bar = progress(`${w.importing} ${input.file}`, 1);
      const summary = await importAssets(
        db,
        { userId: null, scope: null, now: options.now ?? new Date() },
        input.bytes,
        {
          what: input.file === links ? 'links' : undefined,
          source: { file: input.file },
          onProgress: (phase, done, total) =>
            bar.update(done / Math.max(total, 1), `${w.phase[phase]} ${done}/${total}`),
        },
      );
      bar.finish();
      files.push({ file: input.file, summary });
    }
    let rejectsFile: string | null = null;
    const lines = files.flatMap(({ file: f, summary }) =>
      summary.rejects.map(
        (r) =>
          `${csvField(path.basename(f))},${r.line ?? ''},${r.feature ?? ''},${csvField(r.message[locale])}\n`,
      ),
    );
    if (lines.length > 0) {
      fs.writeFileSync(rejectsPath, `file,line,feature,reason\n${lines.join('')}`);
      rejectsFile = rejectsPath;
    } else if (fs.existsSync(rejectsPath) && typeof flags.rejects !== 'string') {
      fs.rmSync(rejectsPath); // a stale report from an earlier run of the same file
    }
    const report = files.flatMap(({ file: f, summary: s }) => [
      `${f}`,
      `  ${w.rows}: ${s.rows}`,
      `  ${w.assets}: ${s.assets.created} / ${s.assets.updated} / ${s.assets.unchanged}`,
      `  ${w.links}: ${s.links.created} / ${s.links.unchanged}`,
      `  ${w.rejected}: ${s.rejects.length}`,
      ...(s.n1 ? [`  ${w.n1}: ${s.n1.rows}`] : []),
    ]);
    out.write([...report, ...(rejectsFile ? [`${w.rejects}: ${rejectsFile}`] : []), ''].join('\n'));
    return { files, rejectsFile };
  } finally {
    if (!options.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['import', 'assets'],
  operand: 'FILE',
  usage: {
    en: 'renxing import assets FILE [--links L.csv] [--rejects R.csv]   infrastructure assets (CSV, XLSX or GeoJSON) and links',
    'zh-CN':
      'renxing import assets FILE [--links L.csv] [--rejects R.csv]   基础设施及其连接（CSV、XLSX 或 GeoJSON）',
  },
  flags: { ...flagsOf('rejects'), links: LINKS_FLAG },
  run: async (flags, locale) => {
    await importAssetsCommand(flags, locale);
    return 0;
  },
};
