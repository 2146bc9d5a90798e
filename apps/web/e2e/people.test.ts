/**
 * Finding a person and assigning work to a named colleague: a community worker searches a name and
 * opens the person; a street officer bulk-assigns the street's tasks to a community worker chosen
 * by name, who then sees them as theirs.
 */

import { createUser } from '@renxing/modules/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Console,
  PASSWORD,
  registerCase,
  screenshot,
  signIn,
  startConsole,
  type Username,
  unlabelledControls,
} from './harness.js';

let c: Console;

beforeAll(async () => {
  c = await startConsole();
  // A second community worker with a display name, to be picked by name.
  await createUser(c.db, {
    username: 'worker2',
    password: PASSWORD,
    role: 'community_worker',
    placePath: 'cq.yz.jd01.sq01',
    displayName: '陈晓红',
  });
  await registerCase(c, '刘洋', '病例P1'); // tasks for 张伟 and 王芳 in 较场口社区
}, 120_000);

afterAll(async () => {
  await c?.close();
});

describe('people search and assigning tasks to a colleague', () => {
  it('a community worker searches a name with the keyboard, pages the results and opens the person', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'worker1');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '人员' }).click();
    await page.getByRole('heading', { level: 1, name: '人员查询' }).waitFor();
    await page.getByText('输入姓名、手机号或证件号后查询。').waitFor();
    const box = page.getByLabel('姓名、手机号或证件号');
    await box.focus();
    await page.keyboard.type('王');
    await page.keyboard.press('Enter');
    const table = page.getByTestId('people');
    const row = table.locator('tbody tr', { hasText: '王芳' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('138****0002');
    await expect(row.textContent()).resolves.toContain('较场口社区');
    await expect(row.textContent()).resolves.toContain('黄码'); // a companion of the case
    await expect(row.textContent()).resolves.not.toContain('13800000002');
    // Only their own community: 李娜 (民族路社区) is never found, by name or by phone.
    await expect(page.getByText('找到 1 人').isVisible()).resolves.toBe(true);
    await screenshot(page, '12-people-search');
    expect(await unlabelledControls(page)).toEqual([]);

    // A whole phone number in another spelling finds 张伟; a partial one finds nobody.
    await box.fill('+86 138 0000 0001');
    await box.press('Enter');
    await table.locator('tbody tr', { hasText: '张伟' }).waitFor();
    await box.fill('13800000003');
    await box.press('Enter');
    await page.getByText('没有找到符合条件的人员').waitFor();
    // Everyone of the community, a page of them.
    await box.fill('');
    await box.press('Enter');
    await page.getByText('找到 2 人').waitFor();

    // Back to 王芳 and open her with the keyboard.
    await box.fill('王芳');
    await box.press('Enter');
    const link = table.getByRole('link', { name: '王芳' });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/people/${c.people.get('王芳')}$`));
    await page.getByRole('heading', { level: 1, name: /王芳/ }).waitFor();
    // Back: the same search again.
    await page.goBack();
    await table.getByRole('link', { name: '王芳' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('王芳');

    const { rows } = await c.db.query<{ detail: { q: string; shown: number } }>(
      "SELECT detail FROM audit_log WHERE action = 'people.search' ORDER BY seq",
    );
    expect(rows.map((r) => [r.detail.q, r.detail.shown])).toEqual([
      ['王', 1],
      // A typed phone number is kept masked, never whole (its pseudonym sits beside it).
      ['138****0001', 1],
      ['138****0003', 0],
      ['', 2],
      ['王芳', 1],
      ['王芳', 1],
    ]);
    await ctx.close();
  });

  it('a street officer bulk-assigns tasks to a named worker, who sees them as assigned', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'street1');
    await page.goto('/inbox/tasks');
    const tasks = page.getByTestId('tasks');
    await tasks.getByText('王芳').waitFor();
    await page.getByLabel('全选本页').check();
    const picker = page.getByTestId('assignee');
    await picker.locator('option', { hasText: '陈晓红' }).waitFor({ state: 'attached' });
    const options = await picker.locator('option').allTextContents();
    expect(options).toContain('陈晓红 · worker2（社区工作者 · 较场口社区）');
    expect(options).toContain('worker1（社区工作者 · 较场口社区）');
    expect(options.some((o) => o.includes('admin') || o.includes('health1') || o.includes('lab1'))).toBe(
      false,
    );
    await picker.selectOption({ label: '陈晓红 · worker2（社区工作者 · 较场口社区）' });
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '13-assign-to-worker');
    await page.getByRole('button', { name: '批量改派' }).click();
    await page.getByText('已改派 2 条，跳过 0 条。').waitFor();
    for (const name of ['张伟', '王芳']) {
      await expect.poll(() => tasks.locator('tr', { hasText: name }).textContent()).toContain('worker2');
    }
    await screenshot(page, '13a-assigned-to-worker');

    // One task back to worker1 from its panel (the single-task picker).
    await page.getByRole('button', { name: '打开: 王芳' }).click();
    const panelPicker = page.getByTestId('assignee');
    await panelPicker.locator('option', { hasText: 'worker1' }).waitFor({ state: 'attached' });
    await expect(panelPicker.inputValue()).resolves.not.toBe('none');
    await panelPicker.selectOption({ label: 'worker1（社区工作者 · 较场口社区）' });
    await page.getByRole('button', { name: '记录结果' }).click();
    await page.getByText('已保存。').waitFor();
    await expect.poll(() => tasks.locator('tr', { hasText: '王芳' }).textContent()).toContain('worker1');
    await ctx.close();

    // worker2 sees 张伟's task as theirs.
    const ctx2 = await c.context();
    const mine = await ctx2.newPage();
    await signIn(mine, 'worker2' as Username);
    await expect(mine.getByTestId('who').textContent()).resolves.toContain('陈晓红');
    await mine.goto('/inbox/tasks');
    const rows = mine.getByTestId('tasks');
    const zhang = rows.locator('tr', { hasText: '张伟' });
    await zhang.waitFor();
    await expect(zhang.textContent()).resolves.toContain('worker2');
    await expect(rows.locator('tr', { hasText: '王芳' }).textContent()).resolves.toContain('worker1');
    await screenshot(mine, '13b-worker-sees-assigned');
    await ctx2.close();
  });
});
