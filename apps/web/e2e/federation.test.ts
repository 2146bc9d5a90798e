/**
 * Federation between two cities, each its own API, database, key and secret, through their
 * consoles: 成都's admin registers 重庆 as a peer in the console; 重庆's health officer hands a
 * companion living in 成都 over with the 移交外市 form; 成都's admin sees it received and accepts
 * it; 成都's community worker finds the follow-up task and the inbox item; 重庆's page of the
 * hand-off shows it accepted, with 成都's reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, unlabelledControls } from './harness.js';
import { signInAs, startTwoCities, type TwoCities } from './two-cities.js';

let c: TwoCities;

beforeAll(async () => {
  c = await startTwoCities();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const REASON = '该时空伴随者居住在成都';
const NOTE = '已安排社区核查';
const HOME = 'cd.jj.jd01.sq01';

/** The state badge of the hand-off page's heading. */
const headingState = (page: Page) => page.locator('h1 [data-state]').getAttribute('data-state');

/** The state after asking again (the page does not by itself: each read of a hand-off is audited). */
async function refreshedState(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: '刷新' }).click();
  return headingState(page);
}

describe('federation between two cities', () => {
  it('a companion handed from 重庆 to 成都 is accepted there, worked by the community, and the answer comes back', async () => {
    // 成都's admin registers 重庆 (its keys read from 重庆's JWKS).
    const cdAdminCtx = await c.cd.context();
    const cdAdmin = await cdAdminCtx.newPage();
    await signInAs(cdAdmin, 'admin_cd');
    await cdAdmin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '对接城市' }).click();
    await cdAdmin.getByRole('heading', { name: '对接城市', level: 1 }).waitFor();
    await cdAdmin.getByLabel('城市代码').fill('cq');
    await cdAdmin.getByLabel('城市名称').fill('重庆市');
    await cdAdmin.getByLabel('网址', { exact: true }).fill(c.cq.url);
    await cdAdmin.getByLabel('辖区（地点路径，逗号分隔）').fill('cq');
    await cdAdmin.getByRole('button', { name: '登记', exact: true }).click();
    await cdAdmin.getByText('已登记 重庆市，公钥 1 个。').waitFor();
    const peerRow = cdAdmin.locator('[data-testid="peers"] tr[data-peer="cq"]');
    await expect(peerRow.textContent()).resolves.toContain(c.cq.url);
    await screenshot(cdAdmin, '20-federation-peers');
    expect(await unlabelledControls(cdAdmin)).toEqual([]);

    // 重庆's health officer hands the companion over through the form.
    const cqCtx = await c.cq.context();
    const cq = await cqCtx.newPage();
    await signInAs(cq, 'health1');
    await cq.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跨市移交' }).click();
    await cq.getByRole('heading', { name: '跨市移交', level: 1 }).waitFor();
    const form = cq.getByRole('form', { name: '移交外市' });
    await expect(form.getByLabel('对接城市').inputValue()).resolves.toBe('cd');
    await form.getByLabel('移交类型').selectOption('companion');
    await form.getByLabel('时空伴随者编号').fill(String(c.companionId));
    await form.getByLabel('对方城市的居住地（地点路径）').fill(HOME);
    await form.getByLabel('移交理由').fill(REASON);
    await screenshot(cq, '21-federation-send');
    expect(await unlabelledControls(cq)).toEqual([]);
    await form.getByRole('button', { name: '发出移交' }).click();
    await cq.waitForURL(/\/handoffs\/[0-9a-f-]{36}$/);
    const handoffId = new URL(cq.url()).pathname.split('/').pop()!;
    await expect.poll(() => refreshedState(cq), { timeout: 15_000 }).toBe('sent');
    await expect(cq.getByTestId('handoff-person').textContent()).resolves.toContain('仅有假名');
    await expect(cq.getByTestId('handoff-evidence').textContent()).resolves.toContain('病例7');

    // 成都's admin sees it received, opens it and accepts it.
    await cdAdmin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跨市移交' }).click();
    const row = cdAdmin.locator(`[data-testid="handoffs"] tr[data-handoff="${handoffId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('received');
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['重庆市', '时空伴随者', HOME, '待处理', REASON]);
    await screenshot(cdAdmin, '22-federation-received');
    await row.getByRole('link').click();
    await cdAdmin.waitForURL(new RegExp(`/handoffs/${handoffId}$`));
    const evidence = cdAdmin.getByTestId('handoff-evidence');
    await expect(evidence.textContent()).resolves.toContain('120:340');
    await expect(evidence.textContent()).resolves.toContain('1200 秒（约 20 分钟）');
    await expect(cdAdmin.getByTestId('handoff-person').textContent()).resolves.not.toContain('13900000001');
    await screenshot(cdAdmin, '23-federation-decide');
    expect(await unlabelledControls(cdAdmin)).toEqual([]);
    await cdAdmin.getByLabel('说明（接收时可不填，拒收时必填）').fill(NOTE);
    await cdAdmin.getByRole('button', { name: '接收', exact: true }).click();
    await expect.poll(() => headingState(cdAdmin)).toBe('accepted');
    await expect(cdAdmin.getByTestId('decision-reason').textContent()).resolves.toBe(NOTE);
    expect(await cdAdmin.getByRole('button', { name: '接收', exact: true }).count()).toBe(0);
    const trail = await cdAdmin.locator('[data-testid="trail"] tbody tr').allTextContents();
    expect(trail.join('\n')).toContain('收到移交');
    expect(trail.join('\n')).toContain('接收');
    await cdAdminCtx.close();

    // 成都's community worker: the follow-up task and the inbox item.
    const workerCtx = await c.cd.context();
    const worker = await workerCtx.newPage();
    await signInAs(worker, 'worker_cd');
    await worker.goto('/inbox/tasks');
    const task = worker.locator('[data-testid="tasks"] tbody tr').filter({ hasText: '重庆市·病例7' });
    await task.waitFor();
    await expect(task.textContent()).resolves.toContain('协查对象-');
    await screenshot(worker, '24-federation-task');
    await worker.goto('/inbox');
    const item = worker.locator('[data-testid="work-items"] tbody tr').filter({
      hasText: '外市移交时空伴随者（重庆市）',
    });
    await item.waitFor();
    await screenshot(worker, '25-federation-inbox');
    await workerCtx.close();

    // Back in 重庆: the answer has arrived.
    await expect.poll(() => refreshedState(cq), { timeout: 15_000 }).toBe('accepted');
    await expect(cq.getByTestId('decision-reason').textContent()).resolves.toBe(NOTE);
    const back = await cq.locator('[data-testid="trail"] tbody tr').allTextContents();
    expect(back.join('\n')).toContain('对方已接收');
    const delivered = cq.locator('[data-testid="deliveries"] tr[data-type="handoff"]');
    expect(await delivered.getAttribute('data-delivered')).toBe('yes');
    await screenshot(cq, '26-federation-accepted');
    await cq.getByRole('link', { name: '返回跨市移交' }).click();
    const sent = cq.locator(`[data-testid="handoffs"] tr[data-handoff="${handoffId}"]`);
    await sent.waitFor();
    expect(await sent.getAttribute('data-state')).toBe('accepted');
    await expect(sent.textContent()).resolves.toContain('已接收');
    await cqCtx.close();
  }, 180_000);
});
