/**
 * A health officer registers a case and sees its companions with their evidence; a community
 * worker works a task to done; a street officer reassigns tasks in bulk; overdue ones stand out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Console,
  localInput,
  screenshot,
  signIn,
  startConsole,
  T0,
  UNKNOWN_COMPANIONS,
  unlabelledControls,
} from './harness.js';

let c: Console;
let caseUrl = '';

beforeAll(async () => {
  c = await startConsole();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

describe('cases and the community inbox', () => {
  it('a health officer registers a case, watches detection, filters and pages companions, opens evidence', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'health1');
    await page.getByRole('link', { name: '病例', exact: true }).click();
    await page.getByLabel('人员编号', { exact: true }).fill(c.people.get('刘洋')!);
    await page.getByLabel('病例编号').fill('病例1');
    await page.getByLabel('轨迹窗口开始').fill(localInput(T0 - 3600));
    await screenshot(page, '03-cases-register');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: '登记并开始排查' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
    await page.locator('[data-testid="detection"][data-state="done"]').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('progressbar').getAttribute('value')).resolves.toBe('100');
    const total = 2 + UNKNOWN_COMPANIONS;
    await expect(page.getByTestId('companion-count').textContent()).resolves.toBe(String(total));
    const table = page.getByTestId('companions');
    await table.locator('tbody tr').nth(9).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(10); // one server page
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页').waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(total - 10);
    // Filter on the server by name.
    await page.getByLabel('姓名或编号').fill('张伟');
    await page.getByLabel('姓名或编号').press('Enter');
    await page.getByRole('heading', { name: '伴随者 (1)' }).waitFor();
    const row = table.locator('tbody tr').first();
    await expect(row.textContent()).resolves.toContain('张伟');
    await expect(row.textContent()).resolves.toContain('30 分钟');
    await expect(row.textContent()).resolves.toContain('黄码');
    // Evidence: the cell on the map and the overlap on a timeline (keyboard: Enter on the button).
    await row.getByRole('button', { name: /查看证据/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '张伟 的证据' }).waitFor();
    await page.locator('.evidence [data-testid="map"][data-ready="yes"]').waitFor();
    await page.getByRole('img', { name: /重叠时段/ }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '04-case-companions-evidence');
    expect(await unlabelledControls(page)).toEqual([]);
    await ctx.close();
  });

  it('a community worker opens a task, records the outcome and finishes it; overdue tasks stand out', async () => {
    expect(caseUrl).not.toBe('');
    // One task past due (set in the database: the clock is real).
    await c.db.query("UPDATE tasks SET due_at = now() - interval '2 hours' WHERE person_id = $1", [
      c.people.get('王芳'),
    ]);
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'worker1');
    await page.waitForURL(/\/dashboard$/);
    // The follow-up tasks are a tab of the community inbox.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '社区收件箱' }).click();
    await page.getByRole('link', { name: '社区任务' }).click();
    await page.waitForURL(/\/inbox\/tasks$/);
    const tasks = page.getByTestId('tasks');
    await tasks.getByText('张伟').waitFor();
    const names = await tasks.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.sort()).toEqual(['张伟', '王芳'].sort()); // only their own community
    const overdue = tasks.locator('tr[data-overdue="yes"]');
    await expect(overdue.count()).resolves.toBe(1);
    await expect(overdue.textContent()).resolves.toContain('王芳');
    await expect(overdue.textContent()).resolves.toContain('已逾期');
    await screenshot(page, '05-inbox');
    expect(await unlabelledControls(page)).toEqual([]);
    // Filter: overdue only.
    await page.getByLabel('仅看逾期').check();
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('仅看逾期').uncheck();
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(2);
    // Open 张伟's task with the keyboard and record the outcome.
    await page.getByRole('button', { name: '打开: 张伟' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('状态', { exact: true }).last().selectOption('done');
    await page.getByLabel('处理结果').selectOption('reached');
    await page.getByLabel('备注').fill('电话联系，已安排检测');
    await page.getByRole('button', { name: '记录结果' }).click();
    await page.getByText('已保存。').waitFor();
    const row = tasks.locator('tr', { hasText: '张伟' });
    await expect.poll(() => row.textContent()).toContain('已完成');
    await expect(row.textContent()).resolves.toContain('已联系');
    await screenshot(page, '05b-inbox-task-done');
    expect(await unlabelledControls(page)).toEqual([]);
    await ctx.close();
  });

  it('a street officer reassigns tasks in bulk: open ones move, finished ones are skipped', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'street1');
    await page.goto('/inbox/tasks');
    const tasks = page.getByTestId('tasks');
    await tasks.getByText('王芳').waitFor();
    await page.getByLabel('全选本页').check();
    await page.getByLabel('改派到地点').selectOption('cq.yz.jd01.sq02');
    await page.getByRole('button', { name: '批量改派' }).click();
    await page.getByText('已改派 1 条，跳过 1 条。').waitFor();
    const row = tasks.locator('tr', { hasText: '王芳' });
    await expect.poll(() => row.textContent()).toContain('民族路社区');
    await ctx.close();
  });

  it('the dashboard counts the case, companions and tasks, and shades the cells', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'admin');
    const started = Date.now();
    await page.goto('/dashboard');
    await page.locator('[data-testid="map"][data-ready="yes"]').waitFor();
    await page.getByTestId('totals').locator('.figure-cases dd').filter({ hasText: /^\d+$/ }).waitFor();
    console.log(`dashboard with data (navigation → figures and map ready): ${Date.now() - started} ms`);
    const figure = (k: string) => page.getByTestId('totals').locator(`.figure-${k} dd`).textContent();
    await expect(figure('cases')).resolves.toBe('1');
    await expect(figure('yellow')).resolves.toBe('2');
    await expect(figure('red')).resolves.toBe('1');
    await page.waitForTimeout(300);
    await screenshot(page, '02b-dashboard-with-case');
    await ctx.close();
  });
});
