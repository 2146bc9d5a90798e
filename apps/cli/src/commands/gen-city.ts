/** `renxing gen-city`: a seeded synthetic city (pings.csv, cases.csv). */
import fs from 'node:fs';
import path from 'node:path';
import { type CityOptions, generateCases, generatePings } from '@renxing/city-gen';
import type { Locale } from '@renxing/contracts';
import { type Flags, positiveInt, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { TextFile } from '../files.js';
import { flagsOf } from '../flags.js';
import { messages } from '../messages.js';
import { compact, progress } from '../progress.js';

export function genCityCommand(flags: Flags, locale: Locale): { pings: string; cases: string } {
  const outDir = requireFlag(flags, 'out-dir');
  const opts: CityOptions = {
    phones: positiveInt(flags, 'phones', 20000),
    days: positiveInt(flags, 'days', 1),
    seed: positiveInt(flags, 'seed', 1),
  };
  return generateCity(outDir, opts, locale);
}

export function generateCity(
  outDir: string,
  opts: CityOptions,
  locale: Locale,
): { pings: string; cases: string } {
  const m = messages(locale);
  fs.mkdirSync(outDir, { recursive: true });
  const pings = path.join(outDir, 'pings.csv');
  const cases = path.join(outDir, 'cases.csv');
  const file = new TextFile(pings);
  // About 70 pings a phone a day and ~44 bytes a row: enough for a progress estimate.
  const expected = opts.phones * opts.days * 70 * 44;
  const bar = progress(`${m.generated} ${pings}`, expected);
  let bytes = 0;
  for (const chunk of generatePings(opts)) {
    file.write(chunk);
    bytes += chunk.length;
    bar.update(Math.min(bytes, expected), `${compact(bytes)}B`);
  }
  file.close();
  bar.finish(`${compact(bytes)}B`);
  fs.writeFileSync(cases, generateCases(opts));
  return { pings, cases };
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['gen-city'],
  usage: {
    en: 'renxing gen-city --phones N --days D --seed S --out-dir DIR',
    'zh-CN': 'renxing gen-city --phones N --days D --seed S --out-dir DIR',
  },
  flags: flagsOf('phones', 'days', 'seed', 'out-dir'),
  run: (flags, locale) => {
    genCityCommand(flags, locale);
    return 0;
  },
};
