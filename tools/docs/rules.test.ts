/**
 * The rules as users read them (docs/rules/): one page per area, each linked from the index, the
 * index from the README; no page, the README or the CLI's help sends a reader to files a user of
 * the product does not have.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = path.join(ROOT, 'docs/rules');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const AREAS = [
  'companions',
  'health-codes',
  'inbox',
  'screening',
  'preparedness',
  'infrastructure',
  'social',
  'resilience-index',
  'federation',
];

it('has a page for every area, each linked from the index, under a bilingual title', () => {
  const pages = fs.readdirSync(RULES).filter((f) => f.endsWith('.md') && f !== 'README.md');
  expect(pages.sort()).toEqual(AREAS.map((a) => `${a}.md`).sort());
  const index = read('docs/rules/README.md');
  const links = [...index.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
  expect(links.sort()).toEqual(pages.sort());
  for (const page of pages) expect(read(`docs/rules/${page}`)).toMatch(/^# \p{Script=Han}[^\n]* · [A-Z]/u);
  expect(read('README.md')).toContain('(docs/rules/README.md)');
});

it('sends no reader of the README, the rules or the CLI help to files outside the product', () => {
  const help = ['en', 'zh'].map(
    (lang) =>
      spawnSync(process.execPath, [path.join(ROOT, 'apps/cli/bin/renxing.js'), '--help'], {
        encoding: 'utf8',
        env: { ...process.env, LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'C', LC_ALL: '', RENXING_LANG: '' },
      }).stdout,
  );
  for (const text of help) expect(text).toContain('docs/rules/companions.md');
  const texts = [read('README.md'), ...help, ...fs.readdirSync(RULES).map((f) => read(`docs/rules/${f}`))];
  for (const text of texts) expect(text).not.toMatch(/shared\/contracts|\.\.\/shared/);
});
