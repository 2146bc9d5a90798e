/** Sign-in, language, scope and audit, in a real browser against the real API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

let c: Console;

beforeAll(async () => {
  c = await startConsole();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

describe('console', () => {
  it('signs in with the keyboard, rejects a wrong password in the chosen language', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await expect(page.getByRole('heading', { name: '登录指挥台' }).isVisible()).resolves.toBe(true);
    await screenshot(page, '01-sign-in');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByLabel('用户名').fill('street1');
    await page.getByLabel('密码').fill('wrong password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await signIn(page, 'street1');
    await expect(page.getByTestId('who').textContent()).resolves.toContain('街道专员');
    await ctx.close();
  });

  it('switches to English and back; the choice survives a reload', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'admin');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await expect(page.getByRole('link', { name: 'City overview' }).isVisible()).resolves.toBe(true);
    await page.reload();
    await page.getByRole('link', { name: 'Audit' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto('/inbox/tasks');
    await page.getByRole('heading', { level: 1, name: 'Community tasks' }).waitFor();
    await screenshot(page, '11-inbox-english');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '审计' }).waitFor();
    await ctx.close();
  });

  it('shows "not found" for a place outside the scope, a section of another role and an unknown URL', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'street1');
    for (const path of [
      '/places/cq.jb',
      '/audit',
      '/no/such/page',
      '/people/00000000-0000-4000-8000-000000000000',
    ]) {
      await page.goto(path);
      await page.getByTestId('not-found').waitFor();
      await expect(page.getByRole('heading', { level: 1 }).textContent(), path).resolves.toBe('未找到');
    }
    await screenshot(page, '09-not-found');
    // The navigation offers only what the role may open.
    const nav = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('审计');
    await ctx.close();
  });

  it('dashboard: widgets load on their own; the map draws our own layers; a place opens from the list', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'admin');
    const started = Date.now();
    await page.goto('/dashboard');
    await page.locator('[data-testid="map"][data-ready="yes"]').waitFor();
    const loadMs = Date.now() - started;
    console.log(`dashboard load (sign-in done → map ready): ${loadMs} ms`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, '02-dashboard');
    expect(await unlabelledControls(page)).toEqual([]);
    // Click through on the map (the place's name beside its dot is a button), then back.
    await page.getByTestId('map').getByRole('button', { name: '江北区' }).click();
    await page.waitForURL(/\/places\/cq\.jb$/);
    await page.getByRole('heading', { level: 1, name: '江北区' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: '渝中区' }).click();
    await page.waitForURL(/\/places\/cq\.yz$/);
    await page.getByRole('heading', { level: 1, name: '渝中区' }).waitFor();
    await page.getByRole('link', { name: '解放碑街道' }).waitFor();
    expect(loadMs).toBeLessThan(15_000);
    await ctx.close();
  });

  it('a district officer sees their district, its streets, and not the district next door', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'district1');
    await page.waitForURL(/\/dashboard$/);
    await page.getByText('范围：渝中区 · 区 · cq.yz').waitFor();
    const children = await page.locator('.place-list a').allTextContents();
    expect(children.sort()).toEqual(['朝天门街道', '解放碑街道'].sort());
    await page.goto('/places/cq.jb');
    await page.getByTestId('not-found').waitFor();
    await ctx.close();
  });

  it('audit: an auditor filters the log and sees the chain verified', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'auditor1');
    await page.waitForURL(/\/audit$/);
    await expect(page.getByTestId('chain-result').textContent()).resolves.toMatch(/完整：已校验 \d+ 条记录/);
    await expect(page.getByTestId('chain-seals').textContent()).resolves.toMatch(/封存/);
    await page.getByLabel('操作', { exact: true }).fill('auth.login');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('cell', { name: 'auth.login', exact: true }).first().waitFor();
    const actions = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['auth.login']));
    await screenshot(page, '08-audit');
    expect(await unlabelledControls(page)).toEqual([]);
    await ctx.close();
  });
});
