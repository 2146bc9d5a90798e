/**
 * Health codes in the browser: a resident sees only their own code and why; a laboratory records
 * two negatives a day apart and the yellow turns green; an override needs a second person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Console,
  localInput,
  registerCase,
  screenshot,
  signIn,
  startConsole,
  unlabelledControls,
} from './harness.js';

let c: Console;

beforeAll(async () => {
  c = await startConsole();
  await registerCase(c, '刘洋', '病例7'); // 张伟 and 王芳 turn yellow
}, 120_000);

afterAll(async () => {
  await c?.close();
});

describe('health codes', () => {
  it('a resident sees only their own code, why it is yellow and what turns it green', async () => {
    const ctx = await c.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, 'resident1');
    await page.waitForURL(/\/me$/);
    const card = page.getByTestId('code-card');
    await expect(card.getAttribute('data-colour')).resolves.toBe('yellow');
    const qr = page.getByRole('img', { name: '黄码二维码' });
    await expect
      .poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(100);
    await expect(page.getByTestId('why').textContent()).resolves.toContain('病例7');
    expect(await page.getByTestId('to-green').locator('li').count()).toBeGreaterThan(0);
    // Nothing else: no navigation, and other screens read as not found.
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    await screenshot(page, '07-resident-my-code');
    expect(await unlabelledControls(page)).toEqual([]);
    for (const path of [
      '/dashboard',
      '/inbox',
      '/inbox/tasks',
      `/people/${c.people.get('王芳')}`,
      '/audit',
    ]) {
      await page.goto(path);
      await page.getByTestId('not-found').waitFor();
    }
    // The API agrees: another person's code is not found.
    const other = await page.evaluate(
      async (id) => (await fetch(`/api/people/${id}/health-code`)).status,
      c.people.get('王芳'),
    );
    expect(other).toBe(404);
    await ctx.close();
  });

  it('shows times in the city’s zone in a browser set to UTC, as the server’s explanation does', async () => {
    const ctx = await c.context({ mobile: true, timezoneId: 'UTC' });
    const page = await ctx.newPage();
    await signIn(page, 'resident1');
    await page.waitForURL(/\/me$/);
    const card = page.getByTestId('code-card');
    const headline = (await card.locator('.code-headline').textContent()) ?? '';
    const since = (await card.locator('small').first().textContent()) ?? '';
    const hhmm = (text: string) => text.match(/\d{1,2}:\d{2}/)?.[0];
    expect(hhmm(headline), headline).toBeDefined();
    // "自 2026/12/4 21:00 起" beside "自 2026-12-04 21:00 起为黄码": the same moment, the same clock.
    expect(hhmm(since), `${since} | ${headline}`).toBe(hhmm(headline));
    await ctx.close();
  });

  it('a laboratory records two negatives 24 h apart and the yellow turns green', async () => {
    const zhang = c.people.get('张伟')!;
    const yellowAt = c.now();
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'lab1');
    await page.waitForURL(/\/tests$/);
    const record = async (sampled: number, sample: string) => {
      await page.getByLabel('人员编号', { exact: true }).fill(zhang);
      await page.getByLabel('结果', { exact: true }).selectOption('negative');
      await page.getByLabel('采样时间').fill(localInput(sampled));
      await page.getByLabel('检测机构').fill('渝中区疾控中心');
      await page.getByLabel('样本编号').fill(sample);
      await page.getByRole('button', { name: '录入' }).click();
    };
    c.advance(2 * 3600);
    await record(yellowAt + 3600, 'S-001');
    await expect(page.getByTestId('recorded').getAttribute('data-colour')).resolves.toBe('yellow');
    await screenshot(page, '06c-lab-record-test');
    expect(await unlabelledControls(page)).toEqual([]);
    c.advance(25 * 3600);
    await record(yellowAt + 26 * 3600, 'S-002');
    await expect.poll(() => page.getByTestId('recorded').getAttribute('data-colour')).toBe('green');
    await ctx.close();

    // A health officer sees the green code, the rule in the history and both tests.
    const ctx2 = await c.context();
    const officer = await ctx2.newPage();
    await signIn(officer, 'health1');
    await officer.goto(`/people/${zhang}`);
    await expect(officer.getByTestId('code-card').getAttribute('data-colour')).resolves.toBe('green');
    await officer.getByTestId('history').getByText('两次核酸阴性').waitFor();
    await expect(officer.getByTestId('tests').locator('tbody tr').count()).resolves.toBe(2);
    await officer.getByRole('img', { name: '绿码二维码' }).waitFor();
    await officer.waitForLoadState('networkidle');
    await screenshot(officer, '06-person-green');
    expect(await unlabelledControls(officer)).toEqual([]);
    await ctx2.close();
  });

  it('an override needs two people: the requester cannot approve it, a second officer can', async () => {
    const wang = c.people.get('王芳')!;
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'health1');
    await page.goto(`/people/${wang}`);
    await expect(page.getByTestId('code-card').getAttribute('data-colour')).resolves.toBe('yellow');
    await page.getByLabel('改为').selectOption('green');
    await page.getByLabel('申请理由').fill('已在外地完成隔离并持阴性证明');
    await page.getByRole('button', { name: '提交改码申请' }).click();
    await page.getByText('申请已提交').waitFor();
    const pending = page.getByTestId('pending-overrides');
    await pending.getByText('已在外地完成隔离并持阴性证明').waitFor();
    await pending.getByLabel('批准理由').fill('自己批准');
    await pending.getByRole('button', { name: '批准' }).click();
    await expect(pending.getByRole('alert').textContent()).resolves.toContain('须由另一位用户审批');
    await screenshot(page, '06b-person-override-requested');
    expect(await unlabelledControls(page)).toEqual([]);
    await ctx.close();

    const ctx2 = await c.context();
    const second = await ctx2.newPage();
    await signIn(second, 'health2');
    await second.getByRole('link', { name: '人工改码' }).click();
    await second.getByText('已在外地完成隔离并持阴性证明').waitFor();
    await screenshot(second, '06d-overrides-pending');
    expect(await unlabelledControls(second)).toEqual([]);
    await second.getByLabel('批准理由').fill('核实证明无误');
    await second.getByRole('button', { name: '批准' }).click();
    await second.getByText('没有待批准的申请').waitFor();
    await second.goto(`/people/${wang}`);
    await expect(second.getByTestId('code-card').getAttribute('data-colour')).resolves.toBe('green');
    await second.getByTestId('history').getByText('人工改码（两人审批）').waitFor();
    await ctx2.close();
  });
});
