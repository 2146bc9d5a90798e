/**
 * Emergency shelters end to end. The harness's city gets four shelters near 解放碑 (a school at
 * 较场口社区's centre, a smaller one beside it nearly full, the street's park, the district's
 * stadium) and a closed one nearer still, and a family of three in 较场口社区. On a phone, the
 * community worker finds the family by a phone number, is offered the nearest open shelter with
 * room for three — not the closed one, not the one with two places left — and checks the whole
 * household in; a street officer's map page, open on a desk meanwhile, shows the school's places
 * left drop by three without a reload (occupancy is live), and its page lists the family.
 */
import { createShelter, setShelterState } from '@renxing/modules/shelters';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, PASSWORD, screenshot, signIn, startConsole, unlabelledControls } from './harness.js';

let c: Console;
const ids: Record<string, string> = {};
const FAMILY = [
  ['陈明', '13900000101'],
  ['陈红', '13900000102'],
  ['陈小明', '13900000103'],
] as const;

beforeAll(async () => {
  c = await startConsole();
  // A family of three in 较场口社区, through the people import.
  const ctx = await c.context();
  const login = await ctx.request.post('/api/login', { data: { username: 'admin', password: PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const csv = ['name,phone,id_number,address,community,household'];
  for (const [name, phone] of FAMILY) csv.push(`${name},${phone},,较场口8号,cq.yz.jd01.sq01,chen`);
  const imported = await ctx.request.post('/api/people/import', {
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'text/csv' },
    data: csv.join('\n'),
  });
  if (!imported.ok()) throw new Error(`importPeople: ${imported.status()} ${await imported.text()}`);
  await ctx.close();

  const { rows } = await c.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  const actor = { userId: rows[0].id, scope: 'cq', now: new Date(c.now() * 1000) };
  const shelter = async (
    key: string,
    place: string,
    name: string,
    lon: number,
    lat: number,
    capacity: number,
    open = true,
  ) => {
    const s = await createShelter(
      c.db,
      {
        place,
        name,
        address: null,
        lon,
        lat,
        capacityDay: capacity,
        capacityNight: capacity,
        type: 'indoor',
        offers: ['beds'],
      },
      actor,
    );
    if (open) await setShelterState(c.db, s.id, 'open', actor);
    ids[key] = s.id;
  };
  await shelter('closed', 'cq.yz.jd01.sq01', '较场口旧礼堂', 106.574, 29.552, 500, false);
  await shelter('small', 'cq.yz.jd01.sq01', '较场口幼儿园', 106.5741, 29.5521, 2);
  await shelter('school', 'cq.yz.jd01.sq01', '较场口小学', 106.5745, 29.5525, 40);
  await shelter('park', 'cq.yz.jd01', '解放碑公园', 106.579, 29.558, 800);
  await shelter('stadium', 'cq.yz', '渝中体育中心', 106.56, 29.553, 3000);
}, 120_000);

afterAll(async () => {
  await c?.close();
});

async function browse(
  username: 'worker1' | 'street1',
  mobile: boolean,
): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await c.context({ mobile });
  const page = await ctx.newPage();
  await signIn(page, username);
  return { page, ctx };
}

/** Places left of a shelter as the map draws it. */
const onMap = (page: Page, id: string) =>
  page.getByTestId('shelter-map').locator(`[data-shelter="${id}"]`).getAttribute('data-available');

describe('emergency shelters', () => {
  it('a phone finds the nearest shelter with room for a household and checks it in; the map shows the places left drop', async () => {
    // The street officer's map page, open on a desk.
    const desk = await browse('street1', false);
    await desk.page.goto('/shelters');
    await desk.page.getByRole('heading', { level: 1, name: '应急避难场所' }).waitFor();
    await desk.page.getByTestId('shelter-map').waitFor();
    expect(await onMap(desk.page, ids.school)).toBe('40');
    expect(await onMap(desk.page, ids.closed)).not.toBeNull();
    expect(await unlabelledControls(desk.page)).toEqual([]);
    await screenshot(desk.page, 'shelters-map-before');

    // The community worker's phone.
    const phone = await browse('worker1', true);
    const nav = phone.page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '入住登记' }).click();
    await phone.page.getByRole('heading', { level: 1, name: '避难场所入住登记' }).waitFor();
    await phone.page.getByLabel('身份证号、手机号或姓名').fill(FAMILY[1][1]);
    await phone.page.getByRole('button', { name: '查找', exact: true }).click();
    const card = phone.page.getByTestId('evacuee');
    await expect.poll(() => card.count()).toBe(1);
    await expect(card.textContent()).resolves.toContain('陈红');
    await expect(card.textContent()).resolves.toContain('家庭 3 人');
    expect(await unlabelledControls(phone.page)).toEqual([]);
    await card.getByRole('button', { name: '全家入住（3 人）' }).click();

    // The suggestion: the school — not the closed hall nearer still, not the nursery with 2 places.
    const room = phone.page.getByTestId('room');
    await room.waitFor();
    const offered = await room
      .locator('[data-shelter]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-shelter')));
    expect(offered[0]).toBe(ids.school);
    expect(offered).not.toContain(ids.closed);
    expect(offered).not.toContain(ids.small);
    expect(offered).toEqual(expect.arrayContaining([ids.stadium]));
    await expect(phone.page.getByLabel('入住人数').inputValue()).resolves.toBe('3');
    await expect(room.getByRole('radio', { name: '选择 较场口小学' }).isChecked()).resolves.toBe(true);
    expect(await unlabelledControls(phone.page)).toEqual([]);
    await screenshot(phone.page, 'shelters-check-in-phone');
    await phone.page.getByRole('button', { name: '确认入住 较场口小学' }).click();
    const done = phone.page.getByTestId('checkin-done');
    await done.waitFor();
    expect(await done.getAttribute('data-available')).toBe('37');
    await expect(done.textContent()).resolves.toContain('剩余 37 个位置');
    await screenshot(phone.page, 'shelters-check-in-done');

    // The same family again: they are in the school already, and can be checked out from here.
    await phone.page.getByRole('button', { name: '登记下一位' }).click();
    await phone.page.getByLabel('身份证号、手机号或姓名').fill('陈小明');
    await phone.page.getByRole('button', { name: '查找', exact: true }).click();
    await expect.poll(() => card.first().textContent()).toContain('全家已在 较场口小学 入住（3 人）');

    // The desk's map refreshes on its own (every 10 s): 37 left.
    await expect.poll(() => onMap(desk.page, ids.school), { timeout: 25_000 }).toBe('37');
    await expect(
      desk.page.getByTestId('shelter-totals').locator('[data-figure="occupancy"]').getAttribute('data-value'),
    ).resolves.toBe('3');
    await screenshot(desk.page, 'shelters-map-after');
    // The school's page lists the family.
    await desk.page.getByTestId('shelters').getByRole('link', { name: '较场口小学' }).click();
    await desk.page.getByTestId('shelter-name').waitFor();
    await expect(desk.page.getByTestId('occupants').textContent()).resolves.toContain('较场口8号');
    expect(await unlabelledControls(desk.page)).toEqual([]);
    await screenshot(desk.page, 'shelters-shelter-page');
    await phone.ctx.close();
    await desk.ctx.close();
  });
});
