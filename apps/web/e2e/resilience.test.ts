/**
 * The resilience index end to end, in Chinese. The harness city's three communities get what two
 * indicators read: 较场口社区 two verified volunteers and no shelter, 民族路社区 a shelter of 200
 * night places and no volunteer, 朝东路社区 a shelter of 100 and one volunteer not yet verified.
 * The city admin opens the index, not computed yet, and computes it: the map draws the three
 * communities as cells, coloured by the index and then by the social mechanism (较场口 the
 * strongest band, 民族路 the weakest), the run says which indicators have no value anywhere, and
 * the ranking filters by street. 较场口's page shows its radar; its explanation opens
 * volunteers.per_1000 down to the volunteers behind it, and one of them leads to the volunteers'
 * page. Back on the page, its first step (more shelter places, to its street's median) goes to the
 * community's inbox. Last, the same page in English. Then the indicators: the city's own indicator
 * and its values imported (a line naming no place refused by its line), mutual aid's indicator
 * switched off, and the next run uses the one and leaves out the other.
 */
import { createShelter } from '@renxing/modules/shelters';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Console, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

const SQ01 = 'cq.yz.jd01.sq01';
const SQ02 = 'cq.yz.jd01.sq02';
const SQ03 = 'cq.yz.jd02.sq03';
const HOUR = 3600;

let c: Console;

beforeAll(async () => {
  c = await startConsole();
  const now = c.now();
  const admin = await apiAs(c, 'admin');
  const volunteer = async (name: string, phone: string, community: string, verify: boolean) => {
    const v = (await admin.call('POST', '/api/volunteers', {
      name,
      phone,
      skills: ['elderly_care'],
      community,
      lon: 106.575,
      lat: 29.553,
      capacity: 1,
      windows: [
        {
          from: new Date(now * 1000).toISOString(),
          to: new Date((now + 24 * HOUR) * 1000).toISOString(),
        },
      ],
    })) as { id: string };
    if (verify) await admin.call('POST', `/api/volunteers/${v.id}/verify`);
  };
  await volunteer('赵敏', '13700000001', SQ01, true);
  await volunteer('钱伟', '13700000002', SQ01, true);
  await volunteer('孙丽', '13700000003', SQ03, false);
  await admin.close();
  const { rows } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  const actor = { userId: rows[0].id, scope: 'cq', now: new Date(now * 1000) };
  for (const [place, name, night] of [
    [SQ02, '民族路小学', 200],
    [SQ03, '朝东路中学', 100],
  ] as const) {
    await createShelter(
      c.db,
      {
        place,
        name,
        address: null,
        lon: 106.58,
        lat: 29.56,
        capacityDay: night,
        capacityNight: night,
        type: 'indoor',
        offers: ['beds'],
      },
      actor,
    );
  }
}, 120_000);

afterAll(async () => {
  await c?.close();
});

async function browse(): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await c.context();
  const page = await ctx.newPage();
  await signIn(page, 'admin');
  return { page, ctx };
}

const cell = (page: Page, path: string) =>
  page.getByTestId('resilience-map').locator(`a[data-community="${path}"]`);

describe('the resilience index', () => {
  it('computes the index, maps it, explains a community down to its records and sends its next step to the inbox', async () => {
    const { page, ctx } = await browse();

    // The index, not computed yet: computed from here.
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '韧性指数', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: '韧性指数' }).waitFor();
    await page.getByText('尚未计算韧性指数').first().waitFor();
    await page.getByRole('button', { name: '立即计算' }).click();

    // The map: each community a cell, coloured by the index; the legend; the run.
    const map = page.getByTestId('resilience-map');
    await map.waitFor();
    await expect.poll(() => map.locator('a[data-community]').count()).toBe(3);
    expect(await map.locator('a[data-community] path.cell').count()).toBe(3);
    expect(await map.getAttribute('data-field')).toBe('index');
    await expect(page.getByTestId('resilience-legend').locator('li').count()).resolves.toBe(6);
    const run = page.getByTestId('resilience-run');
    const today = await run.getAttribute('data-date');
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(
      page.getByTestId('run-used').locator('li[data-key="volunteers.per_1000"]').count(),
    ).resolves.toBe(1);
    // No sink of any network in this city: no community has an N-1 value.
    await expect(
      page.getByTestId('run-absent').locator('li[data-key="infra.n1_worst_loss_share"]').count(),
    ).resolves.toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'resilience-map');

    // By the social mechanism: 较场口 has every verified volunteer (the best), 民族路 none.
    await page.getByRole('button', { name: '社会韧性' }).click();
    await expect.poll(() => map.getAttribute('data-field')).toBe('social');
    expect(await cell(page, SQ01).getAttribute('data-value')).toBe('1');
    expect(await cell(page, SQ01).getAttribute('data-band')).toBe('4');
    expect(await cell(page, SQ02).getAttribute('data-band')).toBe('0');

    // The ranking, by street.
    const ranking = page.getByTestId('resilience-ranking');
    await expect.poll(() => ranking.locator('tr[data-community]').count()).toBe(3);
    await page.getByLabel('街道', { exact: true }).selectOption({ label: '解放碑街道' });
    await expect.poll(() => ranking.locator('tr[data-community]').count()).toBe(2);
    expect(
      await ranking
        .locator('tr[data-community]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-community'))),
    ).toEqual([SQ01, SQ02]);

    // 较场口's page, from its cell on the map (clicked at its centre).
    await cell(page, SQ01).locator('circle.centre').click();
    await page.getByRole('heading', { level: 1, name: '较场口社区的韧性' }).waitFor();
    const radar = page.getByTestId('resilience-radar');
    await radar.waitFor();
    expect(await radar.locator('tr[data-score="social"]').getAttribute('data-value')).toBe('1');
    await expect(page.getByTestId('community-figures').locator('[data-figure="rank"]').count()).resolves.toBe(
      1,
    );

    // The explanation: social → volunteers.per_1000 → the volunteers it counted.
    const tree = page.getByTestId('explain-tree');
    const volunteers = tree.locator('li[data-key="volunteers.per_1000"]');
    await volunteers.locator('summary').click();
    const records = volunteers.getByTestId('explain-records');
    await expect.poll(() => records.locator('tr[data-kind="volunteer"]').count()).toBe(2);
    await expect(records.textContent()).resolves.toContain('赵敏');
    await screenshot(page, 'resilience-community');
    await records.getByRole('link', { name: '赵敏' }).click();
    await page.getByRole('heading', { level: 1, name: '志愿者' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/volunteers');

    // Back: what to do next, the first step sent to the inbox.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '较场口社区的韧性' }).waitFor();
    const steps = page.getByTestId('next-steps');
    await steps.waitFor();
    const shelter = steps.locator('li[data-key="shelter.places_per_100"]');
    await expect.poll(() => shelter.count()).toBe(1);
    await expect(shelter.textContent()).resolves.toContain('所在街道的中位数');
    await shelter.getByRole('button', { name: /发送到社区任务/ }).click();
    const sent = shelter.getByTestId('next-sent');
    await sent.waitFor();
    await expect(sent.textContent()).resolves.toContain('已发送到社区任务');
    const item = await sent.getAttribute('data-item');
    const raised = await c.db.query<{ origin: string; origin_ref: string }>(
      'SELECT origin, origin_ref FROM work_items WHERE id = $1',
      [item],
    );
    expect(raised.rows).toEqual([
      { origin: 'resilience.next', origin_ref: `shelter.places_per_100:${today}` },
    ]);
    expect(await unlabelledControls(page)).toEqual([]);

    // English, a switch away.
    await page.getByLabel(/语言|Language/).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Resilience of Jiaochangkou' }).waitFor();
    await expect(page.getByTestId('explain-tree').textContent()).resolves.toContain('Social');
    await screenshot(page, 'resilience-community-en');
    await ctx.close();
  });

  it("switches an indicator off and imports the city's own indicator and its values, which the next run uses", async () => {
    const { page, ctx } = await browse();
    await page.goto('/resilience');
    await page.getByRole('link', { name: '指标与设置' }).click();
    await page.getByRole('heading', { level: 1, name: '韧性指标' }).waitFor();
    const table = page.getByTestId('resilience-indicators');
    await expect
      .poll(() => table.locator('tr[data-key="volunteers.per_1000"]').getAttribute('data-enabled'))
      .toBe('true');

    // The city's own indicator, then its values: one line names no place and is refused by its line.
    const indicators = page.getByRole('form', { name: '导入本市指标', exact: true });
    await indicators.getByLabel('文件（CSV 或 XLSX）').setInputFiles({
      name: 'indicators.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'key,mechanism,trait,direction,unit,title,title_en,definition\ncity.drills_per_year,institutional,adaptability,higher,次/年,年度演练次数,Drills a year,社区每年组织的应急演练次数\n',
      ),
    });
    await indicators.getByRole('button', { name: '上传并导入' }).click();
    const imported = page.getByTestId('resilience-import-indicators');
    await imported.waitFor();
    expect(await imported.locator('[data-figure="saved"]').getAttribute('data-value')).toBe('1');
    await expect.poll(() => table.locator('tr[data-key="city.drills_per_year"]').count()).toBe(1);
    await expect(table.locator('tr[data-key="city.drills_per_year"]').textContent()).resolves.toContain(
      '本市上传',
    );

    const values = page.getByRole('form', { name: '导入本市指标数值' });
    await values.getByLabel('文件（CSV 或 XLSX）').setInputFiles({
      name: 'values.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `community,key,value\n${SQ01},city.drills_per_year,1\n${SQ02},city.drills_per_year,4\ncq.nowhere,city.drills_per_year,2\n`,
      ),
    });
    await values.getByRole('button', { name: '上传并导入' }).click();
    const valuesImported = page.getByTestId('resilience-import-values');
    await valuesImported.waitFor();
    expect(await valuesImported.locator('[data-figure="saved"]').getAttribute('data-value')).toBe('2');
    const rejects = page.getByTestId('resilience-rejects-values');
    await expect(rejects.locator('tr[data-reason="unknown_place"] td').first().textContent()).resolves.toBe(
      '4',
    );

    // Mutual aid's indicator switched off.
    const aid = table.locator('tr[data-key="aid.median_hours"]');
    await aid.getByRole('switch').uncheck();
    await expect.poll(() => aid.getAttribute('data-enabled')).toBe('false');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'resilience-indicators');

    // The next run: the city's indicator used, mutual aid's off.
    await page.getByRole('link', { name: '返回韧性指数' }).click();
    await page.getByRole('button', { name: '重新计算' }).click();
    await page.getByRole('status').filter({ hasText: '已完成' }).waitFor();
    await expect
      .poll(() => page.getByTestId('run-used').locator('li[data-key="city.drills_per_year"]').count())
      .toBe(1);
    await expect(
      page.getByTestId('run-disabled').locator('li[data-key="aid.median_hours"]').count(),
    ).resolves.toBe(1);
    await ctx.close();
  });
});
