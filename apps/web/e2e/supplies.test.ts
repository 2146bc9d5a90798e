/**
 * Emergency supplies end to end. The city's catalogue, a street's and a community's store and a
 * plan's norm (drinking water, 9 L a resident over the street) are set up through the services; in
 * the browser a community worker receives 30 L into the community's store, sees no gap for its two
 * residents (18 L), issues 20 L (the lot's stock shown, the movement listed), sees the gap become
 * 8 L on the gaps page and its map, has an issue beyond the stock refused with the item, the store
 * and what is available named, and downloads the workbook of stock and gaps.
 */
import { createSupplyStore, importSupplyItems, setSupplyNorms } from '@renxing/modules/supplies';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

const SQ01 = 'cq.yz.jd01.sq01';
const CATALOGUE =
  'code,name,unit,shelf_life_days,min_per_store\nWATER,饮用水,升,365,\nMASK,医用口罩,个,1095,\n';

let c: Console;

beforeAll(async () => {
  c = await startConsole();
  const { rows } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  const actor = { userId: rows[0].id, scope: 'cq', now: new Date() };
  await importSupplyItems(c.db, new TextEncoder().encode(CATALOGUE), { actor });
  await createSupplyStore(c.db, { place: SQ01, name: '社区物资站' }, actor);
  await createSupplyStore(c.db, { place: 'cq.yz.jd01', name: '街道储备点' }, actor);
  // 张伟 and 王芳 live in 较场口社区: 18 L between them.
  await setSupplyNorms(c.db, 'plan:e2e', [{ item: 'WATER', perResident: 9, places: ['cq.yz.jd01'] }]);
}, 120_000);

afterAll(async () => {
  await c?.close();
});

async function move(page: Page, kind: string, quantity: number) {
  const forms = page.getByTestId('movement-forms');
  await forms.getByRole('button', { name: kind, exact: true }).click();
  const form = forms.getByRole('form', { name: kind });
  await form.getByLabel('物资').selectOption('WATER');
  await form.getByLabel(/^数量/).fill(String(quantity));
  await form.getByRole('button', { name: `确认${kind}` }).click();
}

async function gapOf(page: Page): Promise<string | null> {
  await page.goto('/supplies/gaps?item=WATER');
  await page.getByRole('heading', { level: 1, name: '物资缺口' }).waitFor();
  const row = page.getByTestId('gap-places').locator(`tr[data-place="${SQ01}"]`);
  await row.waitFor();
  return row.getAttribute('data-gap');
}

describe('supplies', () => {
  it('a community worker receives and issues stock, sees the gap change, is refused below zero, and downloads the workbook', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'worker1');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '应急物资' }).click();
    await page.getByRole('heading', { level: 1, name: '应急物资' }).waitFor();
    // The worker reaches the community's store only.
    await expect(page.getByTestId('store').locator('option').allTextContents()).resolves.toEqual([
      '较场口社区·社区物资站',
    ]);

    await move(page, '入库', 30);
    await expect(page.getByTestId('movement-done').textContent()).resolves.toBe('已入库：饮用水 30升。');
    const lot = page.getByTestId('lots').locator('tr[data-item="WATER"]');
    await expect.poll(() => lot.locator('td[data-quantity]').getAttribute('data-quantity')).toBe('30');
    await expect(gapOf(page)).resolves.toBe('0');

    await page.goto('/supplies');
    await move(page, '发放', 20);
    await expect.poll(() => lot.locator('td[data-quantity]').getAttribute('data-quantity')).toBe('10');
    const movements = page.getByTestId('movements');
    await expect.poll(() => movements.locator('tr[data-kind]').count()).toBe(2);
    await expect(movements.locator('tr[data-kind="issue"]').textContent()).resolves.toContain('20 升');
    await screenshot(page, '40-supplies-stock');
    expect(await unlabelledControls(page)).toEqual([]);

    // Beyond the stock: refused whole, the message naming the item, the store and what is available.
    await move(page, '发放', 11);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      '已拒绝：较场口社区·社区物资站 现有可用 饮用水（WATER） 10升，需 11升；未作任何变动',
    );
    await expect(lot.locator('td[data-quantity]').getAttribute('data-quantity')).resolves.toBe('10');

    // 18 L needed, 10 L held: the gap is 8 L, on the table and on the map.
    await expect(gapOf(page)).resolves.toBe('8');
    const row = page.getByTestId('gap-places').locator(`tr[data-place="${SQ01}"]`);
    await expect(row.locator('td[data-stock]').getAttribute('data-stock')).resolves.toBe('10');
    await expect(
      page.getByTestId('gaps-map').locator(`g[data-community="${SQ01}"]`).getAttribute('data-band'),
    ).resolves.toBe('mid');
    await screenshot(page, '41-supplies-gaps');
    expect(await unlabelledControls(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['库存 Stock', '缺口 Gaps']);
    const gaps = book.worksheets[1].getSheetValues().filter(Boolean) as unknown[][];
    expect(gaps.map((r) => r.slice(1))).toContainEqual([
      SQ01,
      '较场口社区',
      'community',
      'WATER',
      '饮用水',
      '升',
      2,
      18,
      10,
      0,
      8,
    ]);
    await ctx.close();
  });
});
