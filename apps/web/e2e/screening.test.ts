/**
 * Mass screening end to end. 960 residents of three communities are sampled into 96 ten-in-one
 * tubes (set up through the services: fast); in the browser a lab user uploads one plate file
 * with one positive tube and the page shows 950 resolved negative, 10 awaiting a single-tube
 * re-test and 10 inbox items raised; the list of imports shows later who sent which file, what it
 * resolved and a bad file's rejects in Chinese. Those 10 are yellow, each with a re-test item in
 * their own community's inbox, and nobody recorded a result person by person. Then a community
 * worker's phone registers a swab (the tube's fill shown, a duplicate and a re-pool refused), and
 * the round's page shows its coverage in Chinese, with an exemption set, listed and cleared.
 */

import { createUser } from '@renxing/modules/access';
import { healthCodeOf } from '@renxing/modules/health-codes';
import { createScreeningRound, registerSample } from '@renxing/modules/screening';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, PASSWORD, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

const COMMUNITIES = ['cq.yz.jd01.sq01', 'cq.yz.jd01.sq02', 'cq.yz.jd02.sq03'] as const;
const PEOPLE = 960;
const K = 10;
const TUBES = PEOPLE / K;
/** The harness's own four residents (all in 渝中区) are expected too, and none of them sampled here. */
const HARNESS_PEOPLE = 4;
/** The positive tube: its ten members span the three communities (person i lives in COMMUNITIES[i % 3]). */
const POSITIVE = 'P-007';

let c: Console;
let roundId = '';
let siteId = '';
/** Person ids by index, and each person's community. */
const ids: string[] = [];
const communityOf = new Map<string, string>();
/** The members of the positive tube. */
let pooled: string[] = [];

const barcode = (t: number) => `P-${String(t + 1).padStart(3, '0')}`;
const phone = (i: number) => `137${String(i).padStart(8, '0')}`;
const resident = (i: number) => `筛查${String(i).padStart(3, '0')}`;

/** Epoch seconds as the city's wall-clock time, as labs write it: 2026-12-06 15:00:00. */
const cityText = (seconds: number) =>
  new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** An API session as `username`: a browser context's requests (they keep its cookie) and its CSRF token. */
async function apiAs(
  username: string,
): Promise<{ request: APIRequestContext; csrf: string; close: () => Promise<void> }> {
  const ctx = await c.context();
  const res = await ctx.request.post('/api/login', { data: { username, password: PASSWORD } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { request: ctx.request, csrf: csrfToken, close: () => ctx.close() };
}

async function apiGet<T>(username: string, path: string): Promise<T> {
  const session = await apiAs(username);
  try {
    return (await (await session.request.get(path)).json()) as T;
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  c = await startConsole();
  // 960 residents through the people import (the city's secret keys their phones).
  const csv = ['name,phone,id_number,address,community,household'];
  for (let i = 0; i < PEOPLE; i++) {
    const community = COMMUNITIES[i % 3];
    csv.push(`${resident(i)},${phone(i)},,筛查路${i}号,${community},${community}-h${Math.floor(i / 12)}`);
  }
  const admin = await apiAs('admin');
  const imported = await admin.request.post('/api/people/import', {
    headers: { 'x-csrf-token': admin.csrf, 'content-type': 'text/csv' },
    data: csv.join('\n'),
  });
  if (!imported.ok()) throw new Error(`importPeople: ${imported.status()} ${await imported.text()}`);
  await admin.close();
  const { rows } = await c.db.query<{ id: string; name: string; path: string }>(
    `SELECT p.id, p.name, pl.path FROM people p JOIN places pl ON pl.id = p.home_place_id WHERE p.name LIKE '筛查%'`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  for (let i = 0; i < PEOPLE; i++) {
    const r = byName.get(resident(i))!;
    ids.push(r.id);
    communityOf.set(r.id, r.path);
  }
  // A community worker in each of the other two communities (the harness has worker1 in sq01).
  for (const [i, placePath] of COMMUNITIES.entries()) {
    if (i > 0)
      await createUser(c.db, {
        username: `worker${i + 1}`,
        password: PASSWORD,
        role: 'community_worker',
        placePath,
      });
  }

  // The round (渝中区, a controlled area: ten to a tube), its site, and the 960 swabs an hour ago.
  const { rows: users } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'health1'");
  const now = c.now();
  const created = await createScreeningRound(
    c.db,
    {
      name: '渝中区第一轮核酸筛查',
      from: new Date((now - 2 * 3600) * 1000),
      to: new Date((now + 22 * 3600) * 1000),
      places: [{ path: 'cq.yz', zone: 'controlled' }],
      sites: [
        {
          name: '解放碑广场采样点',
          place: 'cq.yz.jd01',
          opens: '00:00',
          closes: '23:59',
          capacityPerHour: 300,
          lon: 106.577,
          lat: 29.557,
        },
      ],
    },
    { userId: users[0].id, scope: 'cq', now: new Date(now * 1000) },
  );
  expect(created.expected).toBe(PEOPLE + HARNESS_PEOPLE);
  roundId = created.round.id;
  siteId = created.sites[0].id;
  const actor = { userId: users[0].id, scope: 'cq', now: new Date((now - 3600) * 1000) };
  for (let i = 0; i < PEOPLE; i++) {
    const r = await registerSample(
      c.db,
      { siteId, tube: barcode(Math.floor(i / K)), person: { by: 'id', value: ids[i] } },
      actor,
    );
    if (r.position !== (i % K) + 1 || r.tube.k !== K) throw new Error(`swab ${i}: ${JSON.stringify(r)}`);
  }
  pooled = ids.slice(6 * K, 7 * K);
}, 120_000);

afterAll(async () => {
  await c?.close();
});

async function browse(username: string, mobile = false): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await c.context({ mobile });
  const page = await ctx.newPage();
  await signIn(page, username as Parameters<typeof signIn>[1]);
  return { page, ctx };
}

/** The figures of a block (each `[data-figure]`), key → the number shown. */
const figures = (page: Page, testId: string): Promise<Record<string, string>> =>
  page
    .getByTestId(testId)
    .locator('[data-figure]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => [el.getAttribute('data-figure'), el.querySelector('dd')?.textContent]),
      ),
    );

/** Sends a result file from the results page and waits for what it did. */
async function importFile(page: Page, name: string, lines: readonly string[]): Promise<void> {
  await page.getByLabel('结果文件', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(`${lines.join('\n')}\n`),
  });
  expect(await unlabelledControls(page)).toEqual([]);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.locator('[data-testid="import-result"]').waitFor({ timeout: 30_000 });
}

describe('mass screening', () => {
  it('one plate file of 96 ten-in-one tubes, one positive, resolves 950 people negative and sends the 10 of the positive pool to a single-tube re-test', async () => {
    const { page, ctx } = await browse('lab1');
    const nav = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['核酸筛查', '结果导入']));
    expect(nav).not.toContain('采样登记');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '结果导入' }).click();
    await page.getByRole('heading', { level: 1, name: '结果导入' }).waitFor();

    const reported = cityText(c.now() - 600);
    const plate = ['tube,result,reported_at,lab'];
    for (let t = 0; t < TUBES; t++) {
      plate.push(`${barcode(t)},${barcode(t) === POSITIVE ? 'positive' : 'negative'},${reported},金域`);
    }
    await importFile(page, 'plate-1.csv', plate);
    expect(await figures(page, 'import-summary')).toMatchObject({
      rows: String(TUBES),
      tubesNegative: '95',
      tubesPositive: '1',
      membersNegative: '950',
      awaitingRetest: '10',
      itemsRaised: '10',
      rejected: '0',
    });
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain('个人阴性');
    // A second file with bad rows: each refused by line, in Chinese; the rest changes nothing.
    await importFile(page, 'plate-1-again.csv', [
      'tube,result,reported_at',
      `NOPE,negative,${reported}`,
      `P-001,positive,${reported}`,
      `P-002,maybe,${reported}`,
    ]);
    const rejects = ['未知的管码', '结果与该管已有结果不同', '结果不是 negative、positive 或 invalid'];
    const rows = await page.getByTestId('import-rejects').locator('tbody tr').allTextContents();
    expect(rows).toEqual(rejects.map((r) => expect.stringContaining(r)));
    await expect(figures(page, 'import-summary')).resolves.toMatchObject({ accepted: '0', rejected: '3' });
    // English is a switch away.
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Lab results' }).waitFor();
    await expect(page.getByTestId('import-rejects').textContent()).resolves.toContain('unknown tube');
    const english = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(english).toEqual(expect.arrayContaining(['Mass screening', 'Lab results']));
    await page.getByLabel('Language').selectOption('zh-CN');
    // Back later: the imports are listed with their file, who sent it, what it resolved and its rejects in Chinese.
    await page.reload();
    const listed = (file: string) =>
      page
        .getByTestId('result-imports')
        .locator('tr[data-import]', { has: page.getByText(file, { exact: true }) });
    await listed('plate-1.csv').waitFor();
    await expect(listed('plate-1.csv').textContent()).resolves.toMatch(/lab1.*阳性管 1.*待单管复检 10/);
    const again = listed('plate-1-again.csv');
    await again.locator('summary').click();
    const reasons = again.locator('tr[data-reason]');
    await expect(
      reasons.evaluateAll((els) => els.map((el) => el.getAttribute('data-reason'))),
    ).resolves.toEqual(['unknown_tube', 'result_conflict', 'bad_result']);
    expect(await reasons.allTextContents()).toEqual(rejects.map((r) => expect.stringContaining(r)));
    // The positive tube's members are one look-up away.
    await page.getByLabel('管码', { exact: true }).fill(POSITIVE);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.locator('[data-testid="tube"][data-result="positive"]').waitFor();
    expect(await page.getByTestId('tube-people').locator('tbody tr').count()).toBe(K);
    await screenshot(page, '40-screening-results');
    await ctx.close();

    // The ten of the positive pool are yellow; nobody else got a code.
    for (const id of pooled) expect((await healthCodeOf(c.db, id))?.colour, id).toBe('yellow');
    const { rows: codes } = await c.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM health_codes WHERE colour <> 'green'",
    );
    expect(codes[0].n).toBe(K);
    // Each has a re-test item in their own community's inbox, and only there.
    const raised = new Map<string, string>();
    for (const [i, community] of COMMUNITIES.entries()) {
      const { items } = await apiGet<{
        items: { origin: string | null; placePath: string; subject?: { id: string } }[];
      }>(`worker${i + 1}`, '/api/inbox?origin=screening.retest&limit=100');
      for (const item of items) {
        expect(item.origin).toBe('screening.retest');
        expect(item.placePath).toBe(community);
        raised.set(item.subject!.id, item.placePath);
      }
    }
    expect([...raised.keys()].sort()).toEqual([...pooled].sort());
    for (const id of pooled) expect(raised.get(id)).toBe(communityOf.get(id));
    // Two files imported, no result entered person by person.
    const { rows: audit } = await c.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log
        WHERE action IN ('test_result.record', 'screening.results.import') GROUP BY action`,
    );
    expect(audit).toEqual([{ action: 'screening.results.import', n: 2 }]);
  });

  it('a community worker’s phone registers a swab: the tube’s fill, a duplicate, and a member of the positive pool refused a pooled tube', async () => {
    const { page, ctx } = await browse('worker1', true);
    await page.goto('/screening/sample');
    await page.getByRole('heading', { level: 1, name: '采样登记' }).waitFor();
    // The only open round and its only site are chosen already.
    await expect.poll(() => page.getByLabel('采样点', { exact: true }).inputValue()).toBe(siteId);
    await page.getByRole('button', { name: '开始采样' }).click();
    const tubeBox = page.getByLabel('试管条码', { exact: true });
    await expect.poll(() => tubeBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('M-001');
    await page.keyboard.press('Enter');
    const personBox = page.getByLabel('受检人', { exact: true });
    await expect.poll(() => personBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('13800000001');
    await expect(page.getByText('按手机号').count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="scan-note"][data-tone="ok"]').waitFor();
    await expect(page.getByTestId('scan-note').textContent()).resolves.toContain('张伟');
    await expect(page.getByTestId('tube-fill').getAttribute('data-members')).resolves.toBe('1');
    await expect(page.getByTestId('tube-fill').getAttribute('data-k')).resolves.toBe(String(K));
    await expect(page.getByTestId('tube-fill').textContent()).resolves.toContain(`1 / ${K}`);
    await expect(page.getByTestId('scan-count').textContent()).resolves.toContain('本次已采 1 人');
    // Cleared and focused for the next scan; the same person again changes nothing.
    await expect(personBox.inputValue()).resolves.toBe('');
    await expect.poll(() => personBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('13800000001');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="scan-note"][data-tone="dup"]').waitFor();
    await expect(page.getByTestId('scan-count').textContent()).resolves.toContain('本次已采 1 人');
    // A member of the positive pool is refused another pooled tube, in Chinese.
    const member = pooled.findIndex((id) => communityOf.get(id) === COMMUNITIES[0]);
    await personBox.fill(phone(6 * K + member));
    await page.keyboard.press('Enter');
    const refusal = page.locator('[data-testid="scan-note"][data-tone="refused"]');
    await refusal.waitFor();
    await expect(refusal.getAttribute('data-code')).resolves.toBe('RX_REPOOL_REFUSED');
    await expect(refusal.textContent()).resolves.toContain('不得再混采');
    await expect(page.getByTestId('current-tube').getAttribute('data-tube')).resolves.toBe('M-001');
    expect(await unlabelledControls(page)).toEqual([]);
    // Nothing on the phone is wider than its screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, '41-screening-sample-phone');
    await ctx.close();
  });

  it('the round’s page shows its coverage, the countdown, each community on the map, the untested households and the exempted', async () => {
    const { page, ctx } = await browse('health1');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '核酸筛查' }).click();
    const row = page.getByTestId('rounds').locator(`tr[data-round="${roundId}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(`961 / ${PEOPLE + HARNESS_PEOPLE}`);
    await expect(row.textContent()).resolves.toContain('管控区');
    // The advisor at 1 %: pools of 11, and the rule never to pool a positive pool's members again.
    await page.locator('[data-testid="pool-advice"][data-k="11"]').waitFor();
    await expect(page.getByTestId('pool-advice').textContent()).resolves.toContain('0.1956');
    await expect(page.getByTestId('repool-warning').textContent()).resolves.toContain('不得再次混采');
    // A new round through the form: 江北区 as a sealed area, one site.
    await page.getByLabel('轮次名称').fill('江北区第一轮');
    await page.getByLabel('地点 1', { exact: true }).selectOption('cq.jb');
    await page.getByLabel('地点 1 风险区').selectOption('sealed');
    await page.getByRole('button', { name: '添加采样点' }).click();
    await page.getByLabel('采样点 1 名称').fill('观音桥采样点');
    await page.getByLabel('采样点 1 所在地点').selectOption('cq.jb.jd03');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: '创建轮次' }).click();
    await expect(page.getByTestId('round-created').textContent()).resolves.toContain('已创建“江北区第一轮”');
    await page.getByTestId('rounds').locator('tr', { hasText: '江北区第一轮' }).waitFor();
    await expect(
      page.getByTestId('rounds').locator('tr', { hasText: '江北区第一轮' }).textContent(),
    ).resolves.toContain('封控区');
    await screenshot(page, '43-screening-rounds');
    await row.getByRole('link', { name: '渝中区第一轮核酸筛查' }).click();
    await page.getByRole('heading', { level: 1, name: '渝中区第一轮核酸筛查' }).waitFor();
    const totals = { expected: '964', exempt: '0', tested: '961', untested: '3' };
    await expect.poll(() => figures(page, 'coverage-totals')).toMatchObject(totals);
    await expect(figures(page, 'round-counts')).resolves.toMatchObject({
      peopleSampled: '961',
      tubes: '97',
      labTests: '96',
      resolved: '950',
      awaitingRetest: '10',
      positivePools: '1',
    });
    await expect(page.getByTestId('coverage-totals').textContent()).resolves.toContain('全户未检户数');
    await expect(page.getByTestId('countdown').getAttribute('data-on-track')).resolves.toBe('on-track');
    expect(await page.getByTestId('coverage-map').locator('circle').count()).toBe(3);
    await expect(page.getByTestId('sites').textContent()).resolves.toContain('解放碑广场采样点');
    // The untested: 王芳, 李娜 and 刘洋, each their own household; the whole list as XLSX.
    const untested = page.getByTestId('untested');
    await untested.locator('tr[data-person]').nth(2).waitFor();
    const names = await untested.locator('tr[data-person] td:first-child').allTextContents();
    expect(names.sort()).toEqual(['刘洋', '李娜', '王芳'].sort());
    const href = await page.getByTestId('untested-xlsx').getAttribute('href');
    expect(href).toContain('format=xlsx');
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    // 刘洋 is away: exempted, no longer expected.
    await page.getByLabel('刘洋 的豁免原因').selectOption('away');
    await untested.locator('tr', { hasText: '刘洋' }).getByRole('button', { name: '设为豁免' }).click();
    await page.locator('[data-testid="exemption-done"][data-reason="away"]').waitFor();
    await expect.poll(() => figures(page, 'coverage-totals')).toMatchObject({ expected: '963', exempt: '1' });
    // Another day (a new page): the exempted are listed by household with their reason, and one cleared.
    await page.reload();
    await page.getByRole('tab', { name: '已豁免（1）' }).click();
    const exempted = page.getByTestId('exempted');
    await exempted.locator('tr[data-person]').waitFor();
    await expect(exempted.locator('tr[data-person]').textContent()).resolves.toContain('外出');
    await expect(exempted.locator('tr.household').textContent()).resolves.toContain('朝东路社区 · 朝东路4号');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '44-screening-exempted');
    await page.getByRole('button', { name: '撤销 刘洋 的豁免' }).click();
    await page.locator('[data-testid="exemption-done"][data-reason="none"]').waitFor();
    await expect.poll(() => figures(page, 'coverage-totals')).toMatchObject(totals);
    await expect(exempted.textContent()).resolves.toContain('范围内没有豁免人员');
    await page.getByRole('tab', { name: '未检（3）' }).click();
    await untested.locator('tr[data-person]', { hasText: '刘洋' }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '42-screening-round');
    await ctx.close();
  });
});
