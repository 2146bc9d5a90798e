/** `renxing index`: pings CSV → a saved companion index. */
import fs from 'node:fs';
import type { Locale } from '@renxing/contracts';
import { companionParams, type Flags, requireFlag, threadsFlag } from '../args.js';
import type { Command } from '../command.js';
import { openRejects } from '../files.js';
import { flagsOf, GRID, QUERY } from '../flags.js';
import { indexFromPingsFile } from '../load.js';
import { compact } from '../progress.js';
import { indexSummary, printSummary, writeJson } from '../summary.js';

export async function indexCommand(flags: Flags, locale: Locale): Promise<void> {
  const t0 = performance.now();
  const pingsPath = requireFlag(flags, 'pings');
  const outPath = requireFlag(flags, 'out');
  const params = companionParams(flags);
  const rejects = openRejects(flags.rejects, outPath);
  const { onReject, path: rejectsPath } = rejects;
  const { index } = await indexFromPingsFile(pingsPath, params, onReject, locale, threadsFlag(flags));
  rejects.close();
  fs.writeFileSync(outPath, new Uint8Array(index.buffer));
  const seconds = (performance.now() - t0) / 1000;
  const summary = { ...indexSummary(index), seconds: Number(seconds.toFixed(3)) };
  if (typeof flags.summary === 'string') writeJson(flags.summary, summary);
  printSummary(locale, {
    pings: summary.pings,
    ping_rejects: summary.ping_rejects,
    duplicates: summary.duplicates,
    subjects: summary.subjects,
    stays: summary.stays,
    index_bytes: `${compact(summary.index_bytes)}B`,
    bytes_per_stay: summary.bytes_per_stay,
    seconds: `${seconds.toFixed(2)} s`,
    out: outPath,
    rejects_file: rejectsPath,
  });
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['index'],
  usage: {
    en: 'renxing index --pings P.csv --out city.idx [grid and stay options]',
    'zh-CN': 'renxing index --pings P.csv --out city.idx [网格与停留选项]',
  },
  flags: flagsOf('pings', 'out', 'rejects', 'summary', ...GRID, ...QUERY, 'workers'),
  run: async (flags, locale) => {
    await indexCommand(flags, locale);
    return 0;
  },
};
