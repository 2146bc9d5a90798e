/**
 * Social resilience end to end, in Chinese. A volunteer (赵敏, medicine delivery, 200 m from
 * 较场口社区's centre, with her own account) is registered unverified, and 王芳 already has a
 * request for translation nobody offers. On a phone, the resident 张伟 asks for medicine delivery,
 * urgent; filling the same form again, the screen says the request exists before it is sent. The
 * community worker verifies 赵敏 on the volunteers' page and runs the matching on the aid board:
 * 张伟's request goes to 赵敏 with its distance, 王芳's stays unmatched for 无此技能, and the map
 * draws the match. 赵敏 sees the offer without the phone, accepts, and then sees 张伟's phone; 张伟's
 * phone shows the request accepted by 赵敏. Last, 张伟 reports a hazard with a photo; a day and more later by the
 * service's clock it has not been acknowledged, and the participation board shows it breached.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  type Console,
  PASSWORD,
  screenshot,
  signIn,
  startConsole,
  unlabelledControls,
} from './harness.js';

const SQ01 = 'cq.yz.jd01.sq01';
/** A 1×1 PNG, the report's photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const HOUR = 3600;

let c: Console;
const ids: Record<string, string> = {};

beforeAll(async () => {
  c = await startConsole();
  const now = c.now();
  const worker = await apiAs(c, 'worker1');
  // 赵敏: medicine delivery, available all day, near 较场口社区's centre, with her account; unverified.
  const volunteer = (await worker.call('POST', '/api/volunteers', {
    name: '赵敏',
    phone: '13700000001',
    skills: ['medicine_delivery', 'food_delivery'],
    community: SQ01,
    lon: 106.576,
    lat: 29.553,
    capacity: 2,
    windows: [
      {
        from: new Date((now - HOUR) * 1000).toISOString(),
        to: new Date((now + 24 * HOUR) * 1000).toISOString(),
      },
    ],
    account: { username: 'vol1', password: PASSWORD },
  })) as { id: string; state: string };
  if (volunteer.state !== 'unverified') throw new Error(`a new volunteer is ${volunteer.state}`);
  ids.volunteer = volunteer.id;
  // 王芳 needs a translator: no volunteer offers it.
  const translation = (await worker.call('POST', '/api/aid/requests', {
    personId: c.people.get('王芳'),
    need: 'translation',
    urgency: 'normal',
    window: { from: new Date(now * 1000).toISOString(), to: new Date((now + 6 * HOUR) * 1000).toISOString() },
  })) as { request: { id: string } };
  ids.translation = translation.request.id;
  await worker.close();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

async function browse(
  username: 'worker1' | 'resident1' | 'vol1',
  mobile: boolean,
): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await c.context({ mobile });
  const page = await ctx.newPage();
  await signIn(page, username as Parameters<typeof signIn>[1]);
  return { page, ctx };
}

/** Whether the page is as wide as the phone (no sideways scrolling). */
const fitsPhone = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('mutual aid and participation', () => {
  it('a resident asks for medicine on a phone, a verified volunteer nearby is matched and accepts, the resident sees it accepted', async () => {
    // The resident's phone: ask for medicine delivery, urgent.
    const phone = await browse('resident1', true);
    await phone.page.goto('/help');
    await phone.page.getByRole('heading', { level: 1, name: '我要求助' }).waitFor();
    await phone.page
      .getByRole('navigation', { name: '我的服务' })
      .getByRole('link', { name: '反映问题' })
      .waitFor();
    await phone.page.getByLabel('需要什么帮助').selectOption('medicine_delivery');
    await phone.page.getByRole('radio', { name: '紧急' }).check();
    await phone.page.getByLabel('补充说明（可选）').fill('降压药两盒，下午送到即可');
    expect(await unlabelledControls(phone.page)).toEqual([]);
    expect(await fitsPhone(phone.page)).toBe(true);
    await phone.page.getByRole('button', { name: '提交求助' }).click();
    await expect.poll(() => phone.page.getByTestId('help-sent').textContent()).toContain('已提交');
    const mine = phone.page.getByTestId('my-request');
    await expect.poll(() => mine.count()).toBe(1);
    ids.request = (await mine.first().getAttribute('data-request'))!;
    expect(await mine.first().getAttribute('data-state')).toBe('open');
    // The same need again, the window overlapping: said while the form is filled, before sending.
    await phone.page.getByLabel('需要什么帮助').selectOption('medicine_delivery');
    const duplicate = phone.page.getByTestId('aid-duplicate');
    await duplicate.waitFor();
    expect(await duplicate.getAttribute('data-request')).toBe(ids.request);
    await expect(duplicate.textContent()).resolves.toContain('你已有一条相同的求助');
    await screenshot(phone.page, 'social-help-phone');

    // The community worker verifies 赵敏, then runs the matching.
    const desk = await browse('worker1', false);
    const nav = desk.page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '志愿者', exact: true }).click();
    await desk.page.getByRole('heading', { level: 1, name: '志愿者' }).waitFor();
    const row = desk.page.getByTestId('volunteers').locator(`[data-volunteer="${ids.volunteer}"]`);
    expect(await row.getAttribute('data-state')).toBe('unverified');
    expect(await unlabelledControls(desk.page)).toEqual([]);
    await row.getByRole('button', { name: '核验 赵敏' }).click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('verified');
    await screenshot(desk.page, 'social-volunteers');

    await nav.getByRole('link', { name: '互助需求', exact: true }).click();
    await desk.page.getByRole('heading', { level: 1, name: '互助需求' }).waitFor();
    const board = desk.page.getByTestId('aid-requests');
    await board.locator(`[data-request="${ids.request}"]`).waitFor();
    await desk.page.getByRole('button', { name: '立即运行匹配' }).click();
    const match = desk.page.getByTestId('aid-matches').locator(`[data-request="${ids.request}"]`);
    await match.waitFor();
    expect(await match.getAttribute('data-volunteer')).toBe(ids.volunteer);
    // 赵敏 is about 200 m from 较场口社区's centre (张伟's home).
    const metres = Number(await match.getAttribute('data-distance'));
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(400);
    const unmatched = desk.page.getByTestId('aid-unmatched').locator(`[data-request="${ids.translation}"]`);
    expect(await unmatched.getAttribute('data-reason')).toBe('no skill');
    await expect(unmatched.textContent()).resolves.toContain('无此技能');
    await desk.page
      .getByTestId('aid-map')
      .locator(`line[data-request="${ids.request}"]`)
      .waitFor({ state: 'attached' });
    expect(await unlabelledControls(desk.page)).toEqual([]);
    await screenshot(desk.page, 'social-aid-board');

    // 赵敏's tasks: the offer without the phone; accepted, the phone.
    const vol = await browse('vol1', true);
    await vol.page.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    const offer = vol.page.locator(`[data-testid="offer"][data-request="${ids.request}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-state')).toBe('offered');
    await expect(offer.textContent()).resolves.toContain('接单后显示电话');
    await expect(offer.textContent()).resolves.not.toContain('13800000001');
    expect(await unlabelledControls(vol.page)).toEqual([]);
    await offer.getByRole('button', { name: '接受 张伟 的求助' }).click();
    await expect.poll(() => offer.getAttribute('data-state')).toBe('accepted');
    await expect(offer.getByTestId('requester-phone').textContent()).resolves.toContain('13800000001');
    expect(await fitsPhone(vol.page)).toBe(true);
    await screenshot(vol.page, 'social-volunteer-accepted');

    // The resident's phone sees it accepted, by 赵敏 (it asks again on its own).
    const accepted = phone.page.locator(`[data-testid="my-request"][data-request="${ids.request}"]`);
    await expect.poll(() => accepted.getAttribute('data-state'), { timeout: 20_000 }).toBe('accepted');
    await expect
      .poll(() => accepted.getByTestId('my-volunteer').textContent(), { timeout: 20_000 })
      .toContain('赵敏');
    await expect(accepted.textContent()).resolves.toContain('已接单');
    await screenshot(phone.page, 'social-help-accepted');
    await vol.ctx.close();
    await desk.ctx.close();
    await phone.ctx.close();
  });

  it('a report not acknowledged in time shows on the participation board as breached', async () => {
    const phone = await browse('resident1', true);
    await phone.page.goto('/report');
    await phone.page.getByRole('heading', { level: 1, name: '反映问题' }).waitFor();
    await phone.page.getByLabel('类别').selectOption('hazard');
    const text = '较场口8号楼道堆放杂物，堵塞消防通道';
    await phone.page.getByLabel('内容').fill(text);
    await phone.page
      .getByLabel(/^照片/)
      .setInputFiles({ name: 'corridor.png', mimeType: 'image/png', buffer: PNG });
    expect(await unlabelledControls(phone.page)).toEqual([]);
    expect(await fitsPhone(phone.page)).toBe(true);
    await phone.page.getByRole('button', { name: '提交', exact: true }).click();
    await phone.page.getByTestId('report-sent').waitFor();
    const mine = phone.page.getByTestId('my-report');
    await expect.poll(() => mine.count()).toBe(1);
    ids.report = (await mine.first().getAttribute('data-report'))!;
    await screenshot(phone.page, 'social-report-phone');
    await phone.ctx.close();

    // A day and an hour later by the service's clock: the 24-hour acknowledgement is missed.
    c.advance(25 * HOUR);
    const desk = await browse('worker1', false);
    await desk.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '公众参与', exact: true })
      .click();
    await desk.page.getByRole('heading', { level: 1, name: '公众参与' }).waitFor();
    const report = desk.page.getByTestId('reports').locator(`[data-report="${ids.report}"]`);
    await report.waitFor();
    await expect.poll(() => report.getAttribute('data-sla')).toBe('breached');
    await expect(report.textContent()).resolves.toContain('已超时');
    await expect(report.textContent()).resolves.toContain(text);
    // The photo went with it, served as the image it is.
    const photo = await desk.page.request.get(`/api/participation/reports/${ids.report}/photo`);
    expect(photo.headers()['content-type']).toBe('image/png');
    await report.getByRole('link', { name: '照片' }).waitFor();
    expect(
      Number(await desk.page.getByTestId('breached-count').getAttribute('data-count')),
    ).toBeGreaterThanOrEqual(1);
    expect(await unlabelledControls(desk.page)).toEqual([]);
    await screenshot(desk.page, 'social-participation-breached');
    await desk.ctx.close();
  });
});
