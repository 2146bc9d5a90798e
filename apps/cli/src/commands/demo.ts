/**
 * `renxing demo` (what `npm start` runs until the service lands): a small synthetic city, the
 * companions of its cases, and a readable summary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fill, type Locale } from '@renxing/contracts';
import type { Command } from '../command.js';
import { messages } from '../messages.js';
import { companionsCommand } from './companions.js';
import { generateCity } from './gen-city.js';

export async function demoCommand(locale: Locale): Promise<void> {
  const m = messages(locale);
  process.stderr.write(`${m.demo_title}\n\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renxing-demo-'));
  const { pings, cases } = generateCity(dir, { phones: 20000, days: 1, seed: 7 }, locale);
  const out = path.join(dir, 'companions.csv');
  await companionsCommand({ pings, cases, out, summary: path.join(dir, 'summary.json') }, locale);
  const rows = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1);
  const byCase = new Map<string, string[][]>();
  for (const line of rows) {
    const f = line.split(',');
    const list = byCase.get(f[1]) ?? [];
    list.push(f);
    byCase.set(f[1], list);
  }
  process.stdout.write(`\n${m.demo_top}\n`);
  for (const [c, list] of byCase) {
    const longest = [...list].sort((a, b) => Number(b[5]) - Number(a[5]))[0];
    const line = fill(m.demo_line, {
      n: list.length,
      who: longest[0],
      cell: longest[2],
      from: longest[3],
      to: longest[4],
      s: longest[5],
    });
    process.stdout.write(`  ${m.demo_case} ${c}: ${line}\n`);
  }
  process.stdout.write(`\n${m.out}: ${dir}\n${m.demo_next}\n`);
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['demo'],
  usage: { en: 'renxing demo', 'zh-CN': 'renxing demo' },
  flags: {},
  run: async (_flags, locale) => {
    await demoCommand(locale);
    return 0;
  },
};
