/**
 * A health officer opens a case's transmission chain from the case: generations left to right,
 * the evidence of a line and of a person, and the depth filter taking generations away and back.
 *
 * Besides the harness's day (刘洋, the case, with 张伟, 王芳 and 14 phones not in the registry), 张伟
 * meets 李娜 later that morning (generation 2) and 李娜 then meets a phone not in the registry
 * (generation 3); imported here through the API as a health officer would.
 */

import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  type Console,
  PASSWORD,
  registerCase,
  screenshot,
  signIn,
  startConsole,
  T0,
  UNKNOWN_COMPANIONS,
  unlabelledControls,
} from './harness.js';

let c: Console;
let caseId = '';

/** 张伟 and 李娜 in cell C 10:00–10:30, 李娜 and an unknown phone in cell D 11:00–11:30. */
function laterPings(): string {
  const lines = ['subject,ts,lon,lat'];
  for (let k = 0; k <= 6; k++) {
    const [c1, d1] = [T0 + 7200 + k * 300, T0 + 10_800 + k * 300];
    lines.push(`13800000001,${c1},106.6001,29.5801`, `13800000003,${c1},106.6002,29.5802`);
    lines.push(`13800000003,${d1},106.6301,29.5901`, `13900000099,${d1},106.6302,29.5902`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  c = await startConsole();
  const ctx = await c.context();
  const login = await ctx.request.post('/api/login', { data: { username: 'health1', password: PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const imported = await ctx.request.post('/api/pings/import', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': csrfToken },
    data: laterPings(),
  });
  expect(imported.status()).toBe(200);
  await ctx.close();
  caseId = await registerCase(c, '刘洋', '链病例');
}, 120_000);

afterAll(async () => {
  await c?.close();
});

describe('transmission chains', () => {
  it('a health officer opens the chain from the case, reads its evidence and changes the depth', async () => {
    const ctx = await c.context();
    const page = await ctx.newPage();
    await signIn(page, 'health1');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('link', { name: '查看传播链' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}/chain$`));
    await page.getByRole('heading', { name: '传播链 链病例' }).waitFor();
    const generation = (g: number) => page.locator(`[data-testid="chain-node"][data-generation="${g}"]`);
    await generation(2).first().waitFor();
    // Depth 2 by default: the case, its 16 companions, and 李娜 through 张伟.
    expect(await generation(0).count()).toBe(1);
    expect(await generation(1).count()).toBe(2 + UNKNOWN_COMPANIONS);
    expect(await generation(2).count()).toBe(1);
    expect(await generation(3).count()).toBe(0);
    await page.getByRole('button', { name: '李娜（第 2 代）' }).waitFor();
    await page.getByRole('button', { name: '张伟（第 1 代）' }).waitFor();

    // The line 张伟 → 李娜: its evidence on hover (a tooltip) and on Enter (the panel).
    const line = page.getByRole('button', { name: /^张伟 → 李娜：网格 .+，30 分钟$/ });
    await line.focus();
    await page.keyboard.press('Enter');
    const evidence = page.getByTestId('chain-evidence');
    await expect(evidence.textContent()).resolves.toContain('张伟 → 李娜');
    await expect(evidence.textContent()).resolves.toContain('30 分钟');
    // A person: where they live and the contact that put them in the chain.
    await page.getByRole('button', { name: '李娜（第 2 代）' }).click();
    await expect(page.getByTestId('chain-node-facts').textContent()).resolves.toContain('民族路社区');
    await page.waitForTimeout(200);
    await screenshot(page, '04c-case-chain');
    expect(await unlabelledControls(page)).toEqual([]);

    // One generation: 李娜 goes; three: the phone 李娜 met comes, anonymous.
    await page.getByLabel('代数').selectOption('1');
    await expect.poll(() => generation(2).count()).toBe(0);
    expect(await generation(1).count()).toBe(2 + UNKNOWN_COMPANIONS);
    await page.getByLabel('代数').selectOption('3');
    await generation(3).first().waitFor();
    expect(await generation(2).count()).toBe(1);
    expect(await generation(3).count()).toBe(1);
    await expect(generation(3).getAttribute('class')).resolves.toContain('anonymous');
    await ctx.close();
  });

  it('a companion handed to another city shows there: a node of that city one generation on', async () => {
    // 成都 as a peer (its key given by hand: nothing listens at its URL, the hand-off stays queued).
    const admin = await apiAs(c, 'admin');
    const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x as string;
    await admin.call('POST', '/api/federation/peers', {
      code: 'cd',
      name: '成都市',
      baseUrl: 'http://127.0.0.1:9',
      jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid: 'cd-1', alg: 'EdDSA', use: 'sig' }] },
    });
    const page = (await admin.call(
      'GET',
      `/api/cases/${caseId}/companions?q=${encodeURIComponent('张伟')}`,
    )) as {
      companions: { id: number }[];
    };
    await admin.call('POST', '/api/handoffs', {
      peer: 'cd',
      kind: 'companion',
      companionId: page.companions[0].id,
      homePlace: 'cd',
      reason: '张伟居住在成都',
    });
    await admin.close();

    const ctx = await c.context();
    const tab = await ctx.newPage();
    await signIn(tab, 'health1');
    await tab.goto(`/cases/${caseId}/chain`);
    const handoff = tab.locator('[data-testid="chain-node"][data-kind="handoff"]');
    await handoff.first().waitFor();
    expect(await handoff.count()).toBe(1);
    await expect(handoff.getAttribute('data-generation')).resolves.toBe('2');
    await expect(handoff.textContent()).resolves.toContain('成都市');
    await screenshot(tab, '04d-case-chain-handoff');
    await ctx.close();
  });
});
