/**
 * Critical infrastructure end to end, in Chinese. The city admin imports the harness city's small
 * network through the network page — water, power and telecom for 较场口、民族路 and 朝东路 (an
 * assets file with one bad row, refused by its line, then the links) — and the map draws every
 * asset, the hidden single point of failure (解放碑开关站: its failure cuts power to two
 * communities, and their water too, as the pumping station needs its power) marked from the N-1
 * analysis the import recomputed. A pressure sensor on the pumping station reports a falling
 * pressure; the station's page charts it with its threshold and lists the communities that lose
 * water if it fails; the alarms board shows the alarm it raised, acknowledged there. Then a drill
 * fails the switching station picked from the checklist: 较场口社区 and 民族路社区 lose water and
 * power, with their people, and the shelter and the supply store of 较场口 are listed (not
 * 朝东路's shelter); the N-1 table lists the station for both; the same drill again by an area
 * drawn around the station on the map.
 */
import { createShelter } from '@renxing/modules/shelters';
import { createSupplyStore } from '@renxing/modules/supplies';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, PASSWORD, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

const SQ01 = 'cq.yz.jd01.sq01';
const SQ02 = 'cq.yz.jd01.sq02';
const SQ03 = 'cq.yz.jd02.sq03';

/** The assets file: 15 assets and, on line 17, one whose type is not a type. */
const ASSETS_CSV = [
  'id,kind,type,name,place,community,population,lon,lat',
  `W-PLANT,water,source,江北水厂,cq.yz,,,106.560,29.575`,
  `W-PUMP,water,node,较场口泵站,cq.yz.jd01,,,106.571,29.561`,
  `W-S1,water,sink,较场口供水点,,${SQ01},1200,106.574,29.552`,
  `W-S2,water,sink,民族路供水点,,${SQ02},900,106.580,29.559`,
  `W-S3,water,sink,朝东路供水点,,${SQ03},700,106.588,29.567`,
  `P-PLANT,power,source,渝中变电站,cq.yz,,,106.556,29.562`,
  `P-SUB1,power,node,解放碑开关站,cq.yz.jd01,,,106.577,29.555`,
  `P-SUB2,power,node,朝天门开关站,cq.yz.jd02,,,106.586,29.571`,
  `P-S1,power,sink,较场口配电房,,${SQ01},1200,106.573,29.551`,
  `P-S2,power,sink,民族路配电房,,${SQ02},900,106.581,29.558`,
  `P-S3,power,sink,朝东路配电房,,${SQ03},700,106.589,29.566`,
  `T-CORE,telecom,source,渝中通信枢纽,cq.yz,,,106.562,29.553`,
  `T-S1,telecom,sink,较场口基站,,${SQ01},1200,106.575,29.553`,
  `T-S2,telecom,sink,民族路基站,,${SQ02},900,106.579,29.560`,
  `T-S3,telecom,sink,朝东路基站,,${SQ03},700,106.587,29.568`,
  `BAD-1,water,tank,坏行,,,,106.57,29.56`,
].join('\n');
const BAD_LINE = 17;

/** The links: 朝东路's power has two ways in; 较场口 and 民族路 hang on P-SUB1 alone. */
const LINKS_CSV = [
  'from,to,relation',
  'W-PLANT,W-PUMP,feeds',
  'W-PUMP,W-S1,feeds',
  'W-PUMP,W-S2,feeds',
  'W-PLANT,W-S3,feeds',
  'P-SUB1,W-PUMP,needs',
  'P-PLANT,P-SUB1,feeds',
  'P-PLANT,P-SUB2,feeds',
  'P-SUB1,P-S1,feeds',
  'P-SUB1,P-S2,feeds',
  'P-SUB2,P-S3,feeds',
  'P-SUB1,P-S3,feeds',
  'T-CORE,T-S1,feeds',
  'T-CORE,T-S2,feeds',
  'T-CORE,T-S3,feeds',
].join('\n');

let c: Console;
const shelters: Record<string, string> = {};

beforeAll(async () => {
  c = await startConsole();
  // A school shelter in 较场口社区 and one in 朝东路社区; a supply store in 较场口社区.
  const { rows } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  const actor = { userId: rows[0].id, scope: 'cq', now: new Date(c.now() * 1000) };
  for (const [key, place, name, lon, lat] of [
    ['jcc', SQ01, '较场口小学', 106.5745, 29.5525],
    ['cdl', SQ03, '朝东路中学', 106.588, 29.5675],
  ] as const) {
    const shelter = await createShelter(
      c.db,
      {
        place,
        name,
        address: null,
        lon,
        lat,
        capacityDay: 300,
        capacityNight: 200,
        type: 'indoor',
        offers: ['beds'],
      },
      actor,
    );
    shelters[key] = shelter.id;
  }
  await createSupplyStore(c.db, { place: SQ01, name: '较场口社区物资储备点' }, actor);
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

/** The admin's API session in a browser context of its own (its cookie) with its CSRF token. */
async function apiAs(): Promise<{ ctx: BrowserContext; csrf: string }> {
  const ctx = await c.context();
  const res = await ctx.request.post('/api/login', { data: { username: 'admin', password: PASSWORD } });
  if (!res.ok()) throw new Error(`login: ${res.status()}`);
  return { ctx, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Uploads one file through the import form and waits for its result. */
async function importFile(page: Page, what: '设施' | '连接', name: string, text: string): Promise<void> {
  const form = page.getByRole('form', { name: '导入设施与连接' });
  await form.getByLabel('导入内容').selectOption({ label: what });
  await form.getByLabel('文件（CSV、XLSX 或 GeoJSON）').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await form.getByRole('button', { name: '导入' }).click();
  await page.getByTestId('network-import').waitFor();
}

const figure = (page: Page, testId: string, key: string) =>
  page.getByTestId(testId).locator(`[data-figure="${key}"]`).getAttribute('data-value');

describe('critical infrastructure', () => {
  it('imports a network, maps it with its single point of failure, charts a sensor, acknowledges its alarm and runs a drill', async () => {
    const { page, ctx } = await browse();
    const nav = page.getByRole('navigation', { name: '主导航' });

    // The network page, empty, and its import.
    await nav.getByRole('link', { name: '基础设施', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '基础设施网络' }).waitFor();
    await importFile(page, '设施', 'assets.csv', ASSETS_CSV);
    await expect.poll(() => figure(page, 'network-import-summary', 'created')).toBe('15');
    const rejects = page.getByTestId('network-import-rejects');
    await expect(rejects.locator('tbody tr').count()).resolves.toBe(1);
    await expect(rejects.locator('tbody tr td').first().textContent()).resolves.toBe(String(BAD_LINE));
    await expect(rejects.textContent()).resolves.toContain('type 不是 source、node 或 sink');
    await screenshot(page, 'infrastructure-import-rejects');
    await importFile(page, '连接', 'links.csv', LINKS_CSV);
    await expect.poll(() => figure(page, 'network-import-summary', 'created')).toBe('14');
    await expect(page.getByTestId('network-import-rejects').count()).resolves.toBe(0);

    // The map: every asset, the links, the switching station a single point of failure.
    const map = page.getByTestId('network-map');
    await expect.poll(() => map.getAttribute('data-assets')).toBe('15');
    await expect.poll(() => map.locator('[data-link]').count()).toBe(14);
    await expect.poll(() => map.locator('[data-asset="P-SUB1"]').getAttribute('data-spof')).toBe('true');
    // 朝东路's power has two ways in: neither switching station alone cuts it off, so P-SUB2 is none.
    expect(await map.locator('[data-asset="P-SUB2"]').getAttribute('data-spof')).toBeNull();
    await expect(map.locator('[data-relation="needs"]').count()).resolves.toBe(1);
    expect(await figure(page, 'network-totals', 'assets')).toBe('15');
    // The kind filter hides telecom from the map.
    await page.getByRole('checkbox', { name: /^通信/ }).uncheck();
    await expect.poll(() => map.getAttribute('data-assets')).toBe('11');
    await page.getByRole('checkbox', { name: /^通信/ }).check();
    await expect.poll(() => map.getAttribute('data-assets')).toBe('15');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'infrastructure-network');

    // A pressure sensor on the pumping station: below 3 bar raises; its pressure falls to 2.4 bar.
    const api = await apiAs();
    const defined = await api.ctx.request.put('/api/infra/sensors/PUMP-PRESSURE', {
      headers: { 'x-csrf-token': api.csrf },
      data: {
        assetId: 'W-PUMP',
        quantity: '出水压力',
        unit: 'bar',
        timeoutS: 3600,
        rules: [{ op: 'below', threshold: 3, hysteresis: 0.2, forS: 0 }],
      },
    });
    if (!defined.ok()) throw new Error(`defineSensor: ${defined.status()} ${await defined.text()}`);
    const now = c.now();
    const readings = Array.from({ length: 17 }, (_, i) => ({
      sensor: 'PUMP-PRESSURE',
      ts: now - 16 * 30 + i * 30,
      value: Math.round((4 - i * 0.1) * 10) / 10,
    }));
    const ingested = await api.ctx.request.post('/api/infra/readings', {
      headers: { 'x-csrf-token': api.csrf },
      data: { readings },
    });
    if (!ingested.ok()) throw new Error(`ingestReadings: ${ingested.status()} ${await ingested.text()}`);
    await api.ctx.close();

    // The station's page from the map: its chart with the threshold, and its N-1 impact.
    await expect(map.getByRole('link', { name: /^较场口泵站/ }).count()).resolves.toBe(1);
    await map.locator('[data-asset="W-PUMP"] .asset-shape').click();
    await page.getByTestId('asset-name').waitFor();
    await expect(page.getByTestId('asset-name').textContent()).resolves.toContain('较场口泵站');
    const chart = page.getByTestId('sensor-chart');
    await expect.poll(() => chart.getAttribute('data-points')).toBe('17');
    expect(await chart.getAttribute('data-last')).toBe('2.4');
    await expect(chart.locator('.rule[data-op="below"]').getAttribute('data-threshold')).resolves.toBe('3');
    const impact = page.getByTestId('impact');
    await expect(impact.locator('tbody tr').count()).resolves.toBe(2);
    await expect(impact.textContent()).resolves.toContain('较场口社区');
    await expect(impact.textContent()).resolves.toContain('民族路社区');
    await expect(page.getByTestId('upstream').textContent()).resolves.toContain('解放碑开关站');
    await expect.poll(() => page.getByTestId('asset-alarms').locator('tbody tr[data-alarm]').count()).toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'infrastructure-asset');

    // The alarms board: the alarm open, acknowledged from here, then under 已确认.
    await nav.getByRole('link', { name: '设施告警', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '设施告警' }).waitFor();
    const board = page.getByTestId('alarms');
    const row = board.locator('tr[data-asset="W-PUMP"]');
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.textContent()).resolves.toContain('较场口泵站');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'infrastructure-alarms');
    await row.getByRole('button', { name: '确认 较场口泵站 的告警' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole('tab', { name: '已确认' }).click();
    await expect
      .poll(() => board.locator('tr[data-asset="W-PUMP"]').getAttribute('data-state'))
      .toBe('acknowledged');

    // A drill: the switching station fails; 较场口 and 民族路 lose water and power.
    await nav.getByRole('link', { name: '演练与 N-1', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '演练与 N-1 分析' }).waitFor();
    await page.getByLabel('搜索设施').fill('开关站');
    await page.getByRole('checkbox', { name: '解放碑开关站（供电中间节点）' }).check();
    await expect(page.getByTestId('drill-picked').getAttribute('data-n')).resolves.toBe('1');
    await page.getByRole('button', { name: '开始演练' }).click();
    const result = page.getByTestId('drill-result');
    await result.waitFor();
    const communities = page.getByTestId('drill-communities');
    await expect(communities.locator(`tr[data-community]`).count()).resolves.toBe(2);
    const jcc = communities.locator('tr', { hasText: '较场口社区' });
    await expect(jcc.getAttribute('data-people')).resolves.toBe('1200');
    await expect(jcc.textContent()).resolves.toContain('供水、供电');
    await expect(
      communities.locator('tr', { hasText: '民族路社区' }).getAttribute('data-people'),
    ).resolves.toBe('900');
    await expect(communities.textContent()).resolves.not.toContain('朝东路社区');
    expect(await figure(page, 'drill-figures', 'people')).toBe('2100');
    const kinds = page.getByTestId('drill-kinds');
    await expect(kinds.locator('tr[data-kind="water"] td').nth(2).textContent()).resolves.toBe('2,100');
    await expect(kinds.locator('tr[data-kind="power"] td').nth(2).textContent()).resolves.toBe('2,100');
    await expect(
      page.getByTestId('drill-map').locator('[data-asset="P-SUB1"]').getAttribute('data-marked'),
    ).resolves.toBe('true');
    // The shelter and the store of 较场口社区, not 朝东路's shelter.
    const inArea = page.getByTestId('drill-shelters');
    await expect(inArea.locator('tr[data-shelter]').count()).resolves.toBe(1);
    await expect(inArea.locator(`tr[data-shelter="${shelters.jcc}"]`).textContent()).resolves.toContain(
      '较场口小学',
    );
    await expect(page.getByTestId('drill-stores').textContent()).resolves.toContain('较场口社区物资储备点');
    // The N-1 table: the switching station for both communities.
    const spofs = page.getByTestId('n1-spofs');
    await expect
      .poll(() => spofs.locator('tr', { hasText: '较场口社区' }).textContent())
      .toContain('解放碑开关站');
    await expect(spofs.locator('tr', { hasText: '民族路社区' }).textContent()).resolves.toContain(
      '解放碑开关站',
    );
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, 'infrastructure-drill');

    // The same drill by an area drawn around the switching station (a square of 24 px about it).
    await page.getByRole('radio', { name: '在地图上圈定区域' }).check();
    const drawing = page.getByTestId('drill-map');
    const box = (await drawing.locator('[data-asset="P-SUB1"] .asset-shape').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [
      [-12, -12],
      [12, -12],
      [12, 12],
      [-12, 12],
    ])
      await page.mouse.click(cx + dx, cy + dy);
    await expect(page.getByTestId('drill-area').getAttribute('data-vertices')).resolves.toBe('4');
    await page.getByRole('button', { name: '闭合区域' }).click();
    await expect(page.getByTestId('drill-vertices').textContent()).resolves.toContain('区域内约有 1 个设施');
    await page.getByRole('button', { name: '开始演练' }).click();
    await expect.poll(() => result.getAttribute('data-failed')).toBe('1');
    await expect(page.getByTestId('drill-failed').textContent()).resolves.toContain('解放碑开关站');
    await expect(communities.locator('tr[data-community]').count()).resolves.toBe(2);
    expect(await figure(page, 'drill-figures', 'people')).toBe('2100');
    await screenshot(page, 'infrastructure-drill-area');

    // The same screen in English, a switch away.
    await page.getByLabel(/语言|Language/).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Drills and N-1 analysis' }).waitFor();
    await expect(result.textContent()).resolves.toContain('Communities affected');
    await screenshot(page, 'infrastructure-drill-en');
    await ctx.close();
  });
});
