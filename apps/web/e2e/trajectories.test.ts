/**
 * Trajectories end to end. The harness has stored a day of pings (yesterday's). The city admin
 * opens 轨迹, sees the stored day(s), uploads a small pings CSV — one ping of today-minus-2, one
 * from 30 days ago, one bad line — and sees the result with the refused line and its reason;
 * verifies retention (the old day is stale), purges it after confirming, and sees retention in
 * order; the stream panel says streaming is off and how to turn it on. Then the page in English.
 * A health officer sees the same page without the purge, and the stream panel as it reads a
 * running stream (its answer given by the test: the harness runs without NATS).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, screenshot, signIn, startConsole, T0, unlabelledControls } from './harness.js';

const DAY = 86_400;
/** The city's date (UTC+8) of epoch seconds. */
const cityDay = (seconds: number) => new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 10);

let c: Console;

beforeAll(async () => {
  c = await startConsole();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const figure = (page: Page, testId: string, key: string) =>
  page.getByTestId(testId).locator(`[data-figure="${key}"]`).getAttribute('data-value');

const dayRows = (page: Page) =>
  page
    .getByTestId('trajectory-days')
    .locator('tr[data-day]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-day')));

describe('trajectories', () => {
  it('the city admin sees the stored days, imports pings with a refused line, purges an old day, and sees the stream off', async () => {
    // The harness's pings: 08:00–09:30 from T0 (the days they fall on, in the city's time).
    const demoDays = [...new Set([cityDay(T0), cityDay(T0 + 5400)])].sort();
    const recent = T0 - DAY;
    const old = c.now() - 30 * DAY;
    const csv = [
      'subject,ts,lon,lat',
      `13800000001,${recent},106.5701,29.5601`,
      `13800000002,${old},106.5801,29.5651`,
      `13800000003,${recent},106.57,291`, // line 4: bad lat
      '',
    ].join('\n');

    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'admin');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '轨迹' }).click();
    await page.getByRole('heading', { level: 1, name: '轨迹' }).waitFor();

    // (a) the stored days.
    await expect.poll(() => dayRows(page)).toEqual(demoDays);
    await expect(figure(page, 'trajectory-totals', 'days')).resolves.toBe(String(demoDays.length));
    expect(Number(await figure(page, 'trajectory-totals', 'pings'))).toBeGreaterThan(0);
    await page.getByRole('img', { name: '每日定位点数' }).waitFor();

    // (d) the stream panel: off, and how to turn it on.
    const off = page.getByTestId('stream-off');
    await off.waitFor();
    await expect(off.textContent()).resolves.toContain('流处理未开启');
    await expect(off.textContent()).resolves.toContain('RENXING_NATS_URL');

    // (b) the import: the result and the refused line.
    const form = page.getByRole('form', { name: '导入轨迹' });
    await form
      .getByLabel('定位点文件（CSV）')
      .setInputFiles({ name: 'pings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: '导入' }).click();
    const result = page.getByTestId('pings-import');
    await result.waitFor();
    await expect(figure(page, 'pings-import-summary', 'rows')).resolves.toBe('3');
    await expect(figure(page, 'pings-import-summary', 'kept')).resolves.toBe('2');
    await expect(figure(page, 'pings-import-summary', 'rejected')).resolves.toBe('1');
    await expect(figure(page, 'pings-import-summary', 'duplicates')).resolves.toBe('0');
    await expect(figure(page, 'pings-import-summary', 'alreadyStored')).resolves.toBe('0');
    const imported = page.getByTestId('pings-import-days').locator('tr[data-day]');
    await expect(
      imported.evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-day'), r.getAttribute('data-pings')]),
      ),
    ).resolves.toEqual(
      [
        [cityDay(old), '1'],
        [cityDay(recent), '1'],
      ].sort(),
    );
    const reject = page.getByTestId('pings-import-rejects').locator('tr[data-line]');
    await expect(reject.count()).resolves.toBe(1);
    await expect(reject.getAttribute('data-line')).resolves.toBe('4');
    await expect(reject.textContent()).resolves.toContain('纬度 lat 有误');
    // The days reload with the new ones.
    await expect
      .poll(() => dayRows(page))
      .toEqual([...new Set([...demoDays, cityDay(old), cityDay(recent)])].sort());
    await screenshot(page, 'trajectories-import');

    // (c) retention: the old day is stale; verify, purge after confirming, in order again.
    const retention = page.getByTestId('retention');
    await page.getByRole('form', { name: '核查' }).getByRole('button', { name: '核查' }).click();
    await expect.poll(() => retention.getAttribute('data-ok')).toBe('false');
    await expect(page.getByTestId('retention-state').textContent()).resolves.toContain(cityDay(old));
    await page.getByRole('button', { name: '清除过期轨迹' }).click();
    const confirm = page.getByRole('group', { name: '清除过期轨迹' });
    await expect(confirm.textContent()).resolves.toContain('1 天');
    await confirm.getByRole('button', { name: '确认清除' }).click();
    await expect(page.getByTestId('retention-purged').textContent()).resolves.toBe('已清除 1 天、1 个定位点');
    await expect.poll(() => retention.getAttribute('data-ok')).toBe('true');
    await expect(page.getByTestId('retention-state').textContent()).resolves.toBe(
      '合规：没有超过保留期的天数',
    );
    await expect(page.getByTestId('retention-purges').locator('tr[data-purge]').count()).resolves.toBe(1);
    await expect.poll(() => dayRows(page)).not.toContain(cityDay(old));
    await screenshot(page, 'trajectories-retention');
    expect(await unlabelledControls(page)).toEqual([]);

    // English, a switch away.
    await page.getByLabel(/语言|Language/).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Trajectories' }).waitFor();
    await expect(off.textContent()).resolves.toContain('Streaming is off');
    await expect(reject.textContent()).resolves.toContain('bad lat');
    await expect(page.getByTestId('retention-state').textContent()).resolves.toContain('In order');
    await screenshot(page, 'trajectories-en');
    await ctx.close();
  });

  it('a health officer sees the page without the purge, and the stream panel as it reads a running stream', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    // The harness runs without NATS: the panel is shown an answer of a running stream instead.
    const at = c.now();
    const running = {
      enabled: true,
      at,
      partitions: [
        {
          partition: 0,
          published: 40,
          built: 40,
          lag: 0,
          pings: 1200,
          duplicates: 2,
          maxInstant: at - 3,
          owner: 'builder-a',
        },
        {
          partition: 1,
          published: 38,
          built: 35,
          lag: 3,
          pings: 900,
          duplicates: 0,
          maxInstant: null,
          owner: null,
        },
      ],
      shards: [
        { shard: 0, published: 20, applied: 20, lag: 0, stays: 310, owner: 'index-a' },
        { shard: 1, published: 18, applied: 16, lag: 2, stays: null, owner: 'index-a' },
      ],
      members: [
        { kind: 'index', id: 'index-a', seenAt: at - 4 },
        { kind: 'builder', id: 'builder-a', seenAt: at - 1 },
      ],
      totals: { lag: 5, pings: 2100, stays: 310 },
    };
    let asked = 0;
    await page.route('**/api/stream/status', (route) => {
      asked++;
      return route.fulfill({ json: running });
    });
    await signIn(page, 'health1');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '轨迹' }).click();
    await page.getByTestId('retention').waitFor();
    await expect(page.getByRole('button', { name: '清除过期轨迹' }).count()).resolves.toBe(0);

    await page.getByTestId('stream-on').waitFor();
    await expect(figure(page, 'stream-totals', 'lag')).resolves.toBe('5');
    await expect(figure(page, 'stream-totals', 'pings')).resolves.toBe('2100');
    await expect(figure(page, 'stream-totals', 'stays')).resolves.toBe('310');
    const partitions = page.getByTestId('stream-partitions');
    await expect(partitions.locator('tr[data-partition]').count()).resolves.toBe(2);
    await expect(partitions.locator('tr[data-partition="1"] td.lag-behind').textContent()).resolves.toBe(
      '落后 3 条',
    );
    await expect(partitions.locator('tr[data-partition="0"] td.lag-none').textContent()).resolves.toBe(
      '已追上',
    );
    await expect(partitions.locator('tr[data-partition="1"]').textContent()).resolves.toContain('无人负责');
    const shards = page.getByTestId('stream-shards');
    await expect(shards.locator('tr[data-shard="1"] td.lag-behind').getAttribute('data-lag')).resolves.toBe(
      '2',
    );
    const members = page.getByTestId('stream-members').locator('tr[data-member]');
    await expect(
      members.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-kind'), r.textContent])),
    ).resolves.toEqual([
      ['builder', '停留生成builder-a1 秒前'],
      ['index', '索引index-a4 秒前'],
    ]);
    // Asked again while shown (every 2 s).
    await expect.poll(() => asked, { timeout: 10_000 }).toBeGreaterThan(1);
    await screenshot(page, 'trajectories-stream');
    expect(await unlabelledControls(page)).toEqual([]);
    await ctx.close();
  });
});
