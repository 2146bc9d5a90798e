/**
 * `npm run bench:dashboard`: how long the console's dashboard takes on the demo city.
 *
 * Starts the service as `npm start` does (a fresh PGlite data directory, the demo city seeded:
 * ~20,000 residents, a day of pings, cases detected; `--phones N` to change), then drives Debian's
 * Chromium headless as the city admin and prints, from the start of navigation, when the totals,
 * both charts and the map are ready: one full page load, then twice moving to it inside the app.
 * `--keep DIR` reuses (or keeps) a data directory so the seed runs once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@renxing/api/server';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function flag(name: string): string | undefined {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : undefined;
}

async function main(): Promise<void> {
  const keep = flag('keep');
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'renxing-dashboard-'));
  const t0 = performance.now();
  const app = await startServer({
    env: { ...process.env, RENXING_DATA_DIR: dir, PORT: '0', RENXING_DEMO_PHONES: flag('phones') ?? '20000' },
    log: (line) => console.error(line),
    logger: false,
  });
  console.log(`service ready (seed included) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const ctx = await browser.newContext({
      baseURL: `http://127.0.0.1:${port}`,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 900 },
    });
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('renxing-demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('who').waitFor();
    const rows: string[] = [];
    for (const run of ['full page load', 'inside the app', 'inside the app']) {
      let start: number;
      if (run === 'full page load') {
        start = Date.now();
        await page.goto('/dashboard');
      } else {
        await page.getByRole('link', { name: '社区任务' }).click();
        await page.getByTestId('tasks').waitFor();
        start = Date.now();
        await page.getByRole('link', { name: '城市总览' }).click();
      }
      const at: Record<string, number> = {};
      const mark = (name: string) => () => {
        at[name] = Date.now() - start;
      };
      await Promise.all([
        page
          .getByTestId('totals')
          .locator('.figure-green dd')
          .filter({ hasText: /^[\d,]+$/ })
          .waitFor()
          .then(mark('totals')),
        page.locator('.chart svg').nth(1).waitFor().then(mark('charts')),
        page.locator('[data-testid="map"][data-ready="yes"]').waitFor().then(mark('map')),
      ]);
      rows.push(`| ${run} | ${at.totals} | ${at.charts} | ${at.map} |`);
    }
    console.log('\n| dashboard, city admin, demo city | totals ms | both charts ms | map ready ms |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    await browser.close();
    await app.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
