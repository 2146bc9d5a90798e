/**
 * The community inbox end to end: department officers send requests through the intake form (the
 * duty code checked as it is typed); a negative-list request is refused naming its rule; two
 * departments' requests reach one item; the community worker answers the form once (a field
 * pre-filled from the platform's data, confirmed) and both departments see their own answers.
 */

import { createUser } from '@renxing/modules/access';
import {
  createDepartment,
  publishDutyList,
  raisePlatformItems,
  setDepartmentOfficer,
  submitWorkRequest,
} from '@renxing/modules/inbox';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Console,
  PASSWORD,
  screenshot,
  signIn,
  startConsole,
  type Username,
  unlabelledControls,
} from './harness.js';

let c: Console;
let taskId = '';

const DUTIES = [
  {
    code: 'A-01',
    list: 'own',
    title: '辖区老年人基本情况统计',
    department: 'mzj',
    legalBasis: '《老年人权益保障法》第十条',
  },
  {
    code: 'B-02',
    list: 'assist',
    title: '协助开展健康宣传',
    department: 'wsjkw',
    legalBasis: '《基本医疗卫生与健康促进法》第六十九条',
  },
  {
    code: 'N-01',
    list: 'negative',
    title: '违法建筑拆除',
    department: 'zjw',
    legalBasis: '《城乡规划法》第六十八条',
  },
  {
    code: 'C-09',
    list: 'cert_abolished',
    title: '亲属关系证明',
    department: 'gaj',
    legalBasis: '国务院取消证明事项清单',
  },
] as const;

beforeAll(async () => {
  c = await startConsole();
  const { rows } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  const admin = { userId: rows[0].id, scope: 'cq', department: null, now: new Date() };
  for (const [code, name, nameEn] of [
    ['mzj', '民政局', 'Civil Affairs'],
    ['wsjkw', '卫健委', 'Health Commission'],
    ['zjw', '住建委', 'Housing and Construction'],
    ['gaj', '公安局', 'Public Security'],
  ]) {
    await createDepartment(c.db, { code, name, nameEn }, admin);
  }
  await publishDutyList(c.db, DUTIES, { by: admin.userId, note: '2026 年版', at: new Date() });
  for (const [username, department] of [
    ['officer_mz', 'mzj'],
    ['officer_wj', 'wsjkw'],
  ]) {
    const user = await createUser(c.db, {
      username,
      password: PASSWORD,
      role: 'department_officer',
      placePath: 'cq',
    });
    await setDepartmentOfficer(c.db, user.id, department);
  }
  // An urgent task already in 较场口社区's inbox, to be found overdue and finished.
  const task = await submitWorkRequest(
    c.db,
    {
      department: 'wsjkw',
      duty: 'B-02',
      kind: 'task',
      title: '张贴健康宣传海报',
      targets: ['cq.yz.jd01.sq01'],
      due: new Date(Date.now() + 86_400_000),
      window: null,
      priority: 'urgent',
      resources: '宣传海报 200 张',
      admission: null,
      fields: [],
    },
    { ...admin, department: null },
  );
  taskId = task.communities[0].itemId;
}, 120_000);

afterAll(async () => {
  await c?.close();
});

async function signInAs(username: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await c.context();
  const page = await ctx.newPage();
  await signIn(page, username as Username);
  return { page, close: () => ctx.close() };
}

/** Fills the intake form's common part. */
async function fillRequest(page: Page, o: { department: string; title: string; targets: string[] }) {
  await page.getByLabel('部门', { exact: true }).selectOption({ label: o.department });
  await page.getByLabel('标题', { exact: true }).fill(o.title);
  await page.getByLabel('下派范围').selectOption(o.targets);
}

async function typeDuty(page: Page, code: string) {
  const box = page.getByLabel('事项编码');
  await box.fill('');
  await box.focus();
  await page.keyboard.type(code);
}

async function addField(page: Page, n: number, key: string, label: string) {
  await page.getByRole('button', { name: '添加字段' }).click();
  await page.getByLabel(`字段 ${n} 键名`).fill(key);
  await page.getByLabel(`字段 ${n} 名称`).fill(label);
  await page.getByLabel(`字段 ${n} 类型`).selectOption('integer');
}

describe('the community inbox', () => {
  it('a department officer checks the duty as they type; a negative-list request is refused naming its rule; an own duty reaches the street’s communities', async () => {
    const { page, close } = await signInAs('officer_mz');
    // A department officer lands on the intake; the inbox itself is not theirs.
    await page.waitForURL(/\/intake$/);
    await page.getByRole('heading', { level: 1, name: '部门派单' }).waitFor();
    await expect(page.getByTestId('who').textContent()).resolves.toContain('部门专员');
    const nav = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['部门派单', '我的请求', '减负看板']));
    expect(nav).not.toContain('社区收件箱');
    expect(nav).not.toContain('事项清单');

    await fillRequest(page, { department: '民政局 (mzj)', title: '违法建筑摸排', targets: ['cq.yz.jd01'] });
    await typeDuty(page, 'N-01');
    const check = page.getByTestId('duty-check');
    await page.locator('[data-testid="duty-check"][data-list="negative"]').waitFor();
    await expect(check.textContent()).resolves.toContain('违法建筑拆除');
    await expect(check.textContent()).resolves.toContain('《城乡规划法》第六十八条');
    await expect(check.textContent()).resolves.toContain('将被拒收');
    await page.getByRole('button', { name: '提交派单' }).click();
    const refusal = page.getByTestId('intake-refusal');
    await refusal.waitFor();
    await expect(refusal.getAttribute('data-code')).resolves.toBe('RX_DUTY_NEGATIVE');
    await expect(refusal.textContent()).resolves.toContain('负面清单');
    await expect(refusal.textContent()).resolves.toContain('N-01');
    await screenshot(page, '20-intake-refused-negative');

    // An assisting duty warns that resources are needed; an unknown code is not in the list.
    await typeDuty(page, 'B-02');
    await page.locator('[data-testid="duty-check"][data-list="assist"]').waitFor();
    await expect(check.textContent()).resolves.toContain('必须写明所给资源');
    await typeDuty(page, 'Z-99');
    await page.locator('[data-testid="duty-check"][data-list="unlisted"]').waitFor();
    await expect(check.textContent()).resolves.toContain('不在现行清单（第 1 版）中');

    // The own duty, a form with two fields, to the street (two communities).
    await typeDuty(page, 'A-01');
    await page.locator('[data-testid="duty-check"][data-list="own"]').waitFor();
    await expect(check.textContent()).resolves.toContain('可以下派');
    await page.getByLabel('标题', { exact: true }).fill('老年人情况季度统计');
    await addField(page, 1, 'residents.over_80', '80岁以上老人数');
    await addField(page, 2, 'elderly.living_alone', '独居老人数');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: '提交派单' }).click();
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('送达 2 个社区');
    const reached = await page.getByTestId('reached').locator('tbody tr').allTextContents();
    expect(reached.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining('较场口社区'),
      expect.stringContaining('民族路社区'),
    ]);
    expect(await page.getByTestId('reached').locator('tr[data-joined="yes"]').count()).toBe(0);
    await expect(page.getByTestId('intake-refusal').count()).resolves.toBe(0);
    await screenshot(page, '21-intake-accepted');

    // Both are kept in My requests: the refusal with its rule.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的请求' }).click();
    const list = page.getByTestId('work-requests');
    await list.locator('tr[data-status="refused"]', { hasText: '违法建筑摸排' }).waitFor();
    await expect(list.locator('tr[data-status="refused"]').textContent()).resolves.toContain(
      'RX_DUTY_NEGATIVE',
    );
    await expect(list.locator('tr[data-status="accepted"]').textContent()).resolves.toContain(
      '0/2 个社区已办结',
    );
    await close();
  });

  it('a second department’s request for the same duty merges into the community’s open item', async () => {
    const { page, close } = await signInAs('officer_wj');
    await page.waitForURL(/\/intake$/);
    await fillRequest(page, {
      department: '卫健委 (wsjkw)',
      title: '高龄老人健康随访统计',
      targets: ['cq.yz.jd01.sq01'],
    });
    await typeDuty(page, 'A-01');
    await page.locator('[data-testid="duty-check"][data-list="own"]').waitFor();
    await page.getByLabel('优先级').selectOption('urgent');
    await addField(page, 1, 'residents.over_80', '高龄老人数');
    await addField(page, 2, 'elderly.followed_up', '已随访人数');
    await page.getByRole('button', { name: '提交派单' }).click();
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('送达 1 个社区');
    await expect(result.textContent()).resolves.toContain('1 个社区并入已有事项');
    const row = page.getByTestId('reached').locator('tbody tr');
    await expect(row.getAttribute('data-joined')).resolves.toBe('yes');
    await expect(row.textContent()).resolves.toContain('较场口社区');
    await screenshot(page, '22-intake-merged');
    await close();
  });

  it('the community worker sees one item from both departments, answers once (a pre-fill confirmed) and finishes an overdue task', async () => {
    // The task is past due: escalated.
    await c.db.query("UPDATE work_items SET due_at = now() - interval '2 hours' WHERE id = $1", [taskId]);
    const { page, close } = await signInAs('worker1');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '社区收件箱' }).click();
    await page.getByRole('heading', { level: 1, name: '社区收件箱' }).waitFor();
    const items = page.getByTestId('work-items');
    const form = items.locator('tbody tr', { hasText: '老年人情况季度统计' });
    await form.waitFor();
    expect(await items.locator('tbody tr').count()).toBe(2); // one item for two departments, and the task
    await expect(form.textContent()).resolves.toContain('民政局、卫健委');
    await expect(form.textContent()).resolves.toContain('合并 2 项请求');
    await expect(form.textContent()).resolves.toContain('紧急'); // the highest priority of its demands
    const overdue = items.locator('tr[data-overdue="yes"]');
    await expect(overdue.count()).resolves.toBe(1);
    await expect(overdue.textContent()).resolves.toContain('张贴健康宣传海报');
    await expect(overdue.textContent()).resolves.toContain('已逾期');
    await screenshot(page, '23-inbox');
    expect(await unlabelledControls(page)).toEqual([]);
    // Filters: overdue only; a department; the follow-up tasks are a tab away.
    await page.getByLabel('仅看逾期（已上报街道）').check();
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => items.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('仅看逾期（已上报街道）').uncheck();
    await page.getByLabel('来源部门').selectOption('mzj');
    await page.getByRole('button', { name: '筛选' }).click();
    // The overdue-only list showed the task alone: wait for the department's list to replace it.
    await form.waitFor();
    await expect.poll(() => items.locator('tbody tr').count()).toBe(1);
    await expect(items.locator('tbody tr').textContent()).resolves.toContain('老年人情况季度统计');
    await expect(
      page
        .getByRole('navigation', { name: '社区工作' })
        .getByRole('link', { name: '社区任务' })
        .getAttribute('href'),
    ).resolves.toBe('/inbox/tasks');

    // The task: started in bulk from the list, finished from its page.
    await page.getByLabel('来源部门').selectOption('');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByLabel('选择 张贴健康宣传海报').check();
    await page.getByRole('button', { name: '开始办理所选（1）' }).click();
    await page.getByRole('status').filter({ hasText: '已更新 1 项，跳过 0 项' }).waitFor();
    // The list reloads after the status shows: wait for the row to say so (not one read of it).
    await items.locator('tr', { hasText: '张贴健康宣传海报' }).filter({ hasText: '办理中' }).waitFor();
    await items.getByRole('link', { name: '张贴健康宣传海报' }).click();
    await page.getByRole('heading', { level: 1, name: '张贴健康宣传海报' }).waitFor();
    await page.getByRole('button', { name: '完成任务' }).click();
    await page.getByText('任务已完成，各部门已看到办结。').waitFor();
    await expect(page.getByTestId('item-state').textContent()).resolves.toBe('已完成');
    await page.goBack();

    // The form: both requests behind it, one field asked by both, pre-filled from the platform.
    await items.getByRole('link', { name: '老年人情况季度统计' }).click();
    await page.getByRole('heading', { level: 1, name: '老年人情况季度统计' }).waitFor();
    const behind = await page.getByTestId('item-demands').locator('tbody tr').allTextContents();
    expect(behind).toHaveLength(2);
    expect(behind.join(' ')).toContain('民政局');
    expect(behind.join(' ')).toContain('卫健委');
    const over80 = page.getByLabel(/80岁以上老人数/);
    await expect(over80.inputValue()).resolves.toBe('0'); // no one over 80 in 较场口社区's register
    const prefill = page.getByTestId('prefill-residents.over_80');
    await expect(prefill.textContent()).resolves.toMatch(
      /预填： 0 · 来源 平台数据 people\.id_number · \d{4}-\d{2}-\d{2}/,
    );
    await expect(page.locator('[data-field="residents.over_80"]').textContent()).resolves.toContain(
      '民政局、卫健委',
    );
    await page.getByLabel(/独居老人数/).fill('3');
    await page.getByLabel(/已随访人数/).fill('5');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '24-item-form');
    await page.getByRole('button', { name: '提交填报（确认预填）' }).click();
    await page.getByText('已填报完成，各部门已收到数据。').waitFor();
    await expect(page.getByTestId('item-state').textContent()).resolves.toBe('已完成');
    await expect(prefill.textContent()).resolves.toContain('已确认预填');
    await screenshot(page, '24b-item-answered');
    await close();
  });

  it('both departments see their own answers, and export them', async () => {
    for (const [officer, title, fields] of [
      ['officer_mz', '老年人情况季度统计', { 'residents.over_80': '0', 'elderly.living_alone': '3' }],
      ['officer_wj', '高龄老人健康随访统计', { 'residents.over_80': '0', 'elderly.followed_up': '5' }],
    ] as const) {
      const { page, close } = await signInAs(officer);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的请求' }).click();
      await page.getByTestId('work-requests').getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const row = page.getByTestId('request-communities').locator('tr', { hasText: '较场口社区' });
      await row.waitFor();
      await expect(row.getAttribute('data-state')).resolves.toBe('done');
      for (const [key, value] of Object.entries(fields)) {
        await expect(row.locator(`td[data-key="${key}"]`).textContent()).resolves.toBe(value);
      }
      await expect(row.textContent()).resolves.toContain(officer === 'officer_mz' ? '卫健委' : '民政局'); // shared with
      if (officer === 'officer_mz') {
        // 民族路社区 has not answered yet.
        const other = page.getByTestId('request-communities').locator('tr', { hasText: '民族路社区' });
        await expect(other.getAttribute('data-state')).resolves.toBe('open');
        await screenshot(page, '25-request-answers');
        expect(await unlabelledControls(page)).toEqual([]);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: '导出各社区填报数据为 CSV' }).click(),
        ]);
        const csv = await (await download.createReadStream()).toArray();
        const text = Buffer.concat(csv).toString('utf8');
        expect(text).toContain(
          'community,community_name,state,done_at,residents.over_80,elderly.living_alone',
        );
        expect(text).toMatch(/cq\.yz\.jd01\.sq01,较场口社区,done,[^,]+,0,3/);
      }
      await close();
    }
  });

  it('the city admin sees the burden and the duty list, and imports a new version with rejects by line', async () => {
    const { page, close } = await signInAs('admin');
    await page.goto('/burden');
    await page.getByRole('heading', { level: 1, name: '减负看板' }).waitFor();
    const totals = page.getByTestId('burden-totals');
    await expect.poll(() => totals.locator('[data-figure="demands"] dd').textContent()).toBe('4');
    await expect(totals.locator('[data-figure="items"] dd').textContent()).resolves.toBe('3');
    const departments = page.getByTestId('burden-departments');
    await expect(departments.locator('tr[data-key="mzj"]').textContent()).resolves.toContain('民政局');
    await page.getByRole('img', { name: '各部门下派次数与要求字段数柱状图' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '26-burden');
    expect(await unlabelledControls(page)).toEqual([]);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '事项清单' }).click();
    await page.getByRole('heading', { level: 1, name: '社区工作事项清单' }).waitFor();
    const duty = page.getByTestId('duty-items');
    await duty.locator('tr[data-list="negative"]', { hasText: 'N-01' }).waitFor();
    await page.getByLabel('编码或名称').fill('证明');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await expect.poll(() => duty.locator('tbody tr').count()).toBe(1);
    await expect(duty.textContent()).resolves.toContain('C-09');
    expect(await unlabelledControls(page)).toEqual([]);
    const csv = [
      'code,list,title,department,legal_basis',
      'A-01,own,辖区老年人基本情况统计,mzj,《老年人权益保障法》第十条',
      'N-01,negative,违法建筑拆除,zjw,《城乡规划法》第六十八条',
      'X-01,forbidden,未知类别,mzj,无',
    ].join('\n');
    await page
      .getByLabel('清单文件')
      .setInputFiles({ name: 'duty-v2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('说明').fill('第二版');
    await page.getByRole('button', { name: '导入并发布' }).click();
    const imported = page.getByTestId('duty-import-result');
    await imported.waitFor();
    await expect(imported.textContent()).resolves.toContain('已发布第 2 版');
    const rejects = page.getByTestId('duty-rejects').locator('tbody tr');
    await expect(rejects.count()).resolves.toBe(1);
    await expect(rejects.locator('td').first().textContent()).resolves.toBe('4');
    await expect.poll(() => page.getByTestId('duty-versions').locator('tbody tr').count()).toBe(2);
    await screenshot(page, '27-duty-list');

    // English is a switch away.
    await page.getByLabel('语言').selectOption('en');
    await page.goto('/inbox?state=all');
    await page.getByRole('heading', { level: 1, name: 'One inbox' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Community work' })
      .getByRole('link', { name: 'Community tasks' })
      .waitFor();
    const rows = page.getByTestId('work-items').locator('tbody tr', { hasText: 'Civil Affairs' });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '28-inbox-english');
    await page.goto('/intake');
    await page.getByRole('heading', { level: 1, name: 'Department intake' }).waitFor();
    await page.getByLabel('Duty code').fill('N-01');
    await expect
      .poll(() => page.getByTestId('duty-check').textContent())
      .toContain('On the negative list: the request will be refused.');
    await close();
  });

  it('a re-test screening raised for a resident shows with its origin and person, and is finished by hand', async () => {
    const { rows } = await c.db.query<{ id: string }>("SELECT id FROM places WHERE path = 'cq.yz.jd01.sq01'");
    const raised = await raisePlatformItems(
      c.db,
      [
        {
          origin: 'screening.retest',
          ref: 'E2E-0001',
          personId: c.people.get('张伟')!,
          placeId: rows[0].id,
          duty: 'screening.retest',
          title: '单管复检通知',
          due: new Date(Date.now() + 86_400_000),
          priority: 'urgent',
          detail: { barcode: 'E2E-0001' },
        },
      ],
      new Date(),
    );
    expect(raised).toEqual({ raised: 1 });
    const { page, close } = await signInAs('worker1');
    await page.goto('/inbox?origin=screening.retest');
    const row = page.getByTestId('work-items').locator('tbody tr', { hasText: '单管复检通知' });
    await row.waitFor();
    await expect(row.locator('[data-origin="screening.retest"]').textContent()).resolves.toBe('核酸复检');
    await expect(row.getByTestId('row-subject').textContent()).resolves.toContain('张伟');
    await screenshot(page, '29-inbox-platform-items');
    await row.getByRole('link', { name: '单管复检通知' }).click();
    await page.getByRole('heading', { level: 1, name: '单管复检通知' }).waitFor();
    await expect(page.getByTestId('item-subject').textContent()).resolves.toContain('138****0001');
    await expect(page.getByTestId('item-detail').textContent()).resolves.toContain('E2E-0001');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '30-platform-item');
    await page.getByRole('button', { name: '完成任务' }).click();
    await expect.poll(() => page.getByTestId('item-state').textContent()).toBe('已完成');
    await close();
  });
});
