/**
 * Emergency plans and the learning loop end to end. The street's flood plan (version 1: level II
 * sends three tasks and opens the shelter of 较场口社区) is activated by the street officer for
 * the whole street in the browser; the community worker finds its tasks in the community inbox
 * (and a household is checked into the nearest shelter with room when the shelters module
 * serves it). The street officer reviews the incident — the community workers' tasks rated M —
 * and closing is refused, naming the M without a corrective action; with one, it closes. A
 * revision removing a task and naming the action closes it, and the action shows that revision's
 * diff, as the plan's page does. The next activation sends the revised tasks and none it removed.
 */

import { createPlan, emptyContent, publishPlanVersion, type VersionContent } from '@renxing/modules/plans';
import { createShelter } from '@renxing/modules/shelters';
import { importSupplyItems } from '@renxing/modules/supplies';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, PASSWORD, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

const STREET = 'cq.yz.jd01';
const SQ1 = 'cq.yz.jd01.sq01';
const ACTION = '转移时限提前到 3 小时以内';

let c: Console;
let planId = '';
let shelterId = '';
let incidentId = '';

/** Version 1: level II — patrol and evacuate (community workers), report (the street officer); water norms. */
function levels(shelter: string): VersionContent {
  const l = emptyContent();
  const cw = { role: 'community_worker', placeLevel: 'community' } as const;
  l.II = {
    tasks: [
      { key: 'patrol', title: '巡查河堤和低洼地带', who: cw, dueOffsetHours: 1 },
      { key: 'evacuate', title: '转移低洼地带群众', who: cw, dueOffsetHours: 6 },
      {
        key: 'report',
        title: '灾情信息报送',
        who: { role: 'street_officer', placeLevel: 'street' },
        dueOffsetHours: 6,
      },
    ],
    norms: [{ item: 'WATER', perResident: 9 }],
    shelters: [shelter],
  };
  l.IV = {
    tasks: [{ key: 'watch', title: '关注气象和水位预警', who: cw, dueOffsetHours: 24 }],
    norms: [{ item: 'WATER', perResident: 3 }],
    shelters: [],
  };
  return l;
}

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

async function signInAs(
  username: Parameters<typeof signIn>[1],
): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await c.context();
  const page = await ctx.newPage();
  await signIn(page, username);
  return { page, close: () => ctx.close() };
}

beforeAll(async () => {
  c = await startConsole();
  const { rows } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  const admin = { userId: rows[0].id, scope: 'cq', now: new Date(c.now() * 1000) };
  await importSupplyItems(c.db, new TextEncoder().encode('code,name,unit\nWATER,瓶装饮用水,升\n'), {
    actor: admin,
  });
  const shelter = await createShelter(
    c.db,
    {
      place: SQ1,
      name: '较场口小学避难场所',
      address: '较场口 1 号',
      lon: 106.5742,
      lat: 29.5523,
      capacityDay: 300,
      capacityNight: 200,
      type: 'indoor',
      offers: ['beds'],
    },
    admin,
  );
  shelterId = shelter.id;
  const plan = await createPlan(
    c.db,
    { title: '解放碑街道防汛应急预案', hazard: 'flood', owner: STREET },
    admin,
  );
  planId = plan.id;
  await publishPlanVersion(c.db, planId, { levels: levels(shelterId), changeNote: '' }, admin);
}, 120_000);

afterAll(async () => {
  await c?.close();
});

describe('emergency plans and the learning loop', () => {
  it('the street officer activates the flood plan at level II for the street', async () => {
    const { page, close } = await signInAs('street1');
    try {
      await page.goto('/incidents');
      await page.getByRole('heading', { name: '应急事件', level: 1 }).waitFor();
      const form = page.getByRole('form', { name: '启动预案' });
      await form.getByLabel('预案', { exact: true }).selectOption(planId);
      await form.getByLabel('响应级别').selectOption('II');
      await form.getByLabel('启动范围 1').selectOption(STREET);
      expect(await unlabelledControls(page)).toEqual([]);
      await form.getByRole('button', { name: '启动', exact: true }).click();
      const done = page.getByTestId('activated');
      await done.waitFor();
      expect(await done.textContent()).toContain('已启动：向 2 个社区下发任务 6 项');
      await done.getByRole('link', { name: '查看事件' }).click();
      await page.getByTestId('timeline').waitFor();
      incidentId = page.url().split('/').pop()!;
      const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
      expect(timeline).toContain('启动 II 级（重大）（第 1 版）');
      expect(timeline).toContain('下发任务 6 项（3 项任务 × 2 个社区）');
      expect(timeline).toContain('开放避难场所 1 处');
      await screenshot(page, 'plans-incident-activated');
    } finally {
      await close();
    }
  });

  it('the community worker sees the tasks in the community inbox; a household goes to the nearest shelter with room', async () => {
    const { page, close } = await signInAs('worker1');
    try {
      await page.goto('/inbox');
      for (const title of ['巡查河堤和低洼地带', '转移低洼地带群众', '灾情信息报送'])
        await page.getByText(`【解放碑街道防汛应急预案·II级（重大）响应】${title}`).first().waitFor();
      await screenshot(page, 'plans-community-inbox');
      // The incident shows at the community too.
      await page.goto('/incidents');
      await page.locator(`[data-incident="${incidentId}"]`).waitFor();
    } finally {
      await close();
    }
    // The shelter the activation opened takes 张伟 (the shelters module's API, when it serves it).
    const api = await apiAs('worker1');
    try {
      const doc = (await (await api.request.get('/openapi.json')).json()) as {
        paths: Record<string, unknown>;
      };
      if ('/api/shelters/nearest' in doc.paths) {
        const person = c.people.get('张伟')!;
        const nearest = await api.request.get(`/api/shelters/nearest?people=1&person=${person}`);
        expect(nearest.status()).toBe(200);
        expect(((await nearest.json()) as { shelter: { id: string } }).shelter.id).toBe(shelterId);
        const checkIn = await api.request.post(`/api/shelters/${shelterId}/check-ins`, {
          headers: { 'x-csrf-token': api.csrf },
          data: { person },
        });
        expect(checkIn.status()).toBe(201);
      }
    } finally {
      await api.close();
    }
  });

  it('the review: closing is refused while an M has no corrective action, then the incident closes', async () => {
    const { page, close } = await signInAs('street1');
    try {
      await page.goto(`/incidents/${incidentId}`);
      const review = page.getByRole('form', { name: '事后评估' });
      await review.getByLabel('“社区工作者”评级').selectOption('M');
      await review.getByLabel('“社区工作者”说明').fill('转移用时近 6 小时，独居老人名单不全');
      await review.getByLabel('“街道干部”评级').selectOption('P');
      await review.getByRole('button', { name: '提交评估' }).click();
      const missing = page.getByTestId('missing');
      await expect
        .poll(async () => missing.textContent())
        .toContain('评为 S/M/U 但无纠正措施：社区工作者 (M)');
      // Closing now is refused, naming what is missing.
      await page.getByRole('button', { name: '关闭事件' }).click();
      await expect
        .poll(async () => page.getByRole('alert').first().textContent())
        .toContain('事后评估尚未完成，事件不能关闭：评为 S/M/U 但无纠正措施：“社区工作者”（M）');
      await screenshot(page, 'plans-close-refused');

      await review.getByRole('button', { name: '为“社区工作者”添加纠正措施' }).click();
      await review.getByLabel('“社区工作者”纠正措施 1', { exact: true }).fill(ACTION);
      await review.getByLabel('“社区工作者”纠正措施 1 能力要素').selectOption('planning');
      expect(await unlabelledControls(page)).toEqual([]);
      await review.getByRole('button', { name: '提交评估' }).click();
      await page.getByText('事后评估已完成，可以关闭。').waitFor();
      await page.getByRole('button', { name: '关闭事件' }).click();
      await page.locator('[data-testid="incident-facts"][data-state="closed"]').waitFor();
      const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
      expect(timeline).toContain(`新增纠正措施 1 项：${ACTION}`);
      expect(timeline).toContain('事件关闭');
      await screenshot(page, 'plans-incident-closed');
    } finally {
      await close();
    }
  });

  it('a revision naming the action closes it; the action and the plan show the diff', async () => {
    const { page, close } = await signInAs('street1');
    try {
      await page.goto(`/plans/${planId}`);
      await page.getByRole('link', { name: '编辑新版本' }).click();
      const editor = page.getByRole('form', { name: '版本内容' });
      await editor.getByRole('tab', { name: /II 级（重大）/ }).click();
      await editor.getByRole('button', { name: '删除 II 级任务 3' }).click();
      await editor.getByLabel('II 级任务 2 时限（小时）').fill('3');
      await editor.getByTestId('closes').getByLabel(new RegExp(ACTION)).check();
      expect(await editor.getByLabel('修订说明').inputValue()).toContain(`落实纠正措施“${ACTION}”`);
      expect(await unlabelledControls(page)).toEqual([]);
      await editor.getByRole('button', { name: '发布新版本' }).click();
      const published = page.getByTestId('published');
      await published.waitFor();
      const text = (await published.textContent()) ?? '';
      expect(text).toContain('已发布第 2 版，关闭纠正措施 1 项');
      expect(text).toContain('删除任务 report');
      expect(text).toContain('修改任务 evacuate');
      await screenshot(page, 'plans-revision-published');

      await page.goto('/plans/actions');
      const row = page.locator('[data-state="closed"]', { hasText: ACTION });
      await row.waitFor();
      expect(await row.textContent()).toContain('由第 2 版关闭');
      await row.getByRole('button', { name: '查看修订对比（第 1 版 → 第 2 版）' }).click();
      const diff = row.locator('[data-testid^="action-diff-"]');
      await diff.waitFor();
      expect(await diff.textContent()).toContain('删除任务 report 灾情信息报送');
      await screenshot(page, 'plans-action-closed-by-revision');

      await page.goto(`/plans/${planId}`);
      const planDiff = page.getByTestId('plan-diff');
      await planDiff.waitFor();
      expect(await planDiff.textContent()).toContain('删除任务 report');
      expect(await page.getByTestId('versions').textContent()).toContain(ACTION);
      await screenshot(page, 'plans-plan-versions-diff');

      // The loop's figures: one action, closed by a revision.
      await page.goto('/plans/loop-metrics');
      const figures = page.getByTestId('loop-figures');
      await figures.waitFor();
      expect(await figures.locator('[data-figure="actions"] dd').textContent()).toBe('1');
      expect(await figures.locator('[data-figure="closedShare"] dd').textContent()).toBe('100%');
      await screenshot(page, 'plans-loop-metrics');
      await page.goto('/plans');
      await page.locator(`[data-plan="${planId}"]`).waitFor();
      expect(await unlabelledControls(page)).toEqual([]);
      await screenshot(page, 'plans-list');
    } finally {
      await close();
    }
  });

  it('the next activation sends the revised tasks and none that the revision removed', async () => {
    const api = await apiAs('worker1');
    try {
      const res = await api.request.post(`/api/plans/${planId}/activate`, {
        headers: { 'x-csrf-token': api.csrf },
        data: { level: 'II', places: [SQ1] },
      });
      expect(res.status()).toBe(201);
      const { incident, items } = (await res.json()) as {
        incident: { incident: { id: string; version: { number: number } } };
        items: { raised: number };
      };
      expect(incident.incident.version.number).toBe(2);
      expect(items.raised).toBe(2);
      const inbox = (await (await api.request.get(`/api/inbox?place=${SQ1}&limit=100`)).json()) as {
        items: { originRef: string | null; detail: { task?: string; incident?: string } }[];
      };
      const tasks = inbox.items
        .filter((i) => i.detail.incident === incident.incident.id)
        .map((i) => i.detail.task)
        .sort();
      expect(tasks).toEqual(['evacuate', 'patrol']);
    } finally {
      await api.close();
    }
  });
});
