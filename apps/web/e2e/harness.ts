/**
 * End-to-end harness: the real API (buildApp over an in-memory PGlite, migrated and seeded with a
 * small city, its people and one user per role) listening on an ephemeral port and serving the
 * built console, and Debian's Chromium driven by playwright-core.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import { importPings } from '@renxing/modules/trajectories';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../api/src/app.js';
import { webDistDir } from '../../api/src/plugins/web.js';

const here = dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = resolve(here, '../../../.artifacts/screenshots');
export const PASSWORD = 'correct horse battery';
const SECRET = 'e2e-secret-e2e-secret-e2e-secret-0123456';
const CITY_SECRET = Buffer.from('e2e-city-secret-e2e-city-secret-0123456789');
process.env.RENXING_CITY_SECRET ??= CITY_SECRET.toString();

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // WebGL for the map through SwiftShader (software), as headless has no GPU.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** A small city with centres, so the map has something to draw. */
async function seedCity(db: Db): Promise<void> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市', nameEn: 'Chongqing', lon: 106.55, lat: 29.56 },
    {
      parentPath: 'cq',
      level: 'district',
      code: 'yz',
      name: '渝中区',
      nameEn: 'Yuzhong',
      lon: 106.56,
      lat: 29.553,
    },
    {
      parentPath: 'cq',
      level: 'district',
      code: 'jb',
      name: '江北区',
      nameEn: 'Jiangbei',
      lon: 106.574,
      lat: 29.606,
    },
    {
      parentPath: 'cq.yz',
      level: 'street',
      code: 'jd01',
      name: '解放碑街道',
      nameEn: 'Jiefangbei',
      lon: 106.577,
      lat: 29.557,
    },
    {
      parentPath: 'cq.yz',
      level: 'street',
      code: 'jd02',
      name: '朝天门街道',
      nameEn: 'Chaotianmen',
      lon: 106.585,
      lat: 29.566,
    },
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq01',
      name: '较场口社区',
      nameEn: 'Jiaochangkou',
      lon: 106.574,
      lat: 29.552,
    },
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq02',
      name: '民族路社区',
      nameEn: 'Minzu Road',
      lon: 106.58,
      lat: 29.559,
    },
    {
      parentPath: 'cq.yz.jd02',
      level: 'community',
      code: 'sq03',
      name: '朝东路社区',
      nameEn: 'Chaodong Road',
      lon: 106.588,
      lat: 29.567,
    },
    {
      parentPath: 'cq.jb',
      level: 'street',
      code: 'jd03',
      name: '观音桥街道',
      nameEn: 'Guanyinqiao',
      lon: 106.532,
      lat: 29.578,
    },
  ]);
}

const USERS = {
  admin: { role: 'city_admin', placePath: 'cq' },
  district1: { role: 'district_officer', placePath: 'cq.yz' },
  street1: { role: 'street_officer', placePath: 'cq.yz.jd01' },
  worker1: { role: 'community_worker', placePath: 'cq.yz.jd01.sq01' },
  health1: { role: 'health_officer', placePath: 'cq' },
  health2: { role: 'health_officer', placePath: 'cq' },
  lab1: { role: 'lab_user', placePath: 'cq' },
  auditor1: { role: 'auditor', placePath: 'cq' },
} as const;

export type Username = keyof typeof USERS | 'resident1';

const PEOPLE_CSV = [
  'name,phone,id_number,address,community,household',
  '张伟,13800000001,,解放碑1号,cq.yz.jd01.sq01,h1',
  '王芳,13800000002,,解放碑2号,cq.yz.jd01.sq01,h2',
  '李娜,13800000003,,民族路3号,cq.yz.jd01.sq02,h3',
  '刘洋,13800000004,,朝东路4号,cq.yz.jd02.sq03,h4',
].join('\n');

/** The start of the day of trajectories: yesterday, on the hour. */
export const T0 = Math.floor(Date.now() / 3_600_000) * 3600 - 86_400;
const CASE_PHONE = '13800000004';
export const UNKNOWN_COMPANIONS = 14;

/**
 * 刘洋 (the case) spends 08:00–08:30 in cell A and 09:00–09:30 in cell B. 张伟 and 王芳 share A with
 * them for the whole half hour; 李娜 is 5 km away; 14 phones not in the registry join, 8 in A (from
 * 08:10) and 6 in B. Pings every 5 minutes.
 */
function pingsCsv(t0: number): string {
  const lines = ['subject,ts,lon,lat'];
  const A = [106.5701, 29.5601];
  const B = [106.5801, 29.5651];
  for (let k = 0; k <= 6; k++) {
    const a = t0 + k * 300;
    const b = t0 + 3600 + k * 300;
    lines.push(`${CASE_PHONE},${a},${A[0]},${A[1]}`, `${CASE_PHONE},${b},${B[0]},${B[1]}`);
    lines.push(`13800000001,${a},${A[0] + 0.0001},${A[1] + 0.0001}`);
    lines.push(`13800000002,${a},${A[0] + 0.0002},${A[1]}`);
    lines.push(`13800000003,${a},106.62,29.60`);
    for (let u = 1; u <= UNKNOWN_COMPANIONS; u++) {
      const phone = `139000000${String(u).padStart(2, '0')}`;
      if (u <= 8 && k >= 2) lines.push(`${phone},${a},${A[0] + u * 0.00001},${A[1]}`);
      if (u > 8) lines.push(`${phone},${b},${B[0]},${B[1] + u * 0.00001}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface Console {
  app: FastifyInstance;
  db: Db;
  url: string;
  browser: Browser;
  /** Moves the service's clock forward. */
  advance(seconds: number): void;
  /** The service's clock, epoch seconds. */
  now(): number;
  /** People by name → id. */
  people: Map<string, string>;
  /**
   * A new browser context (its own cookies): a desktop window, or a phone with `mobile`; in the
   * city's zone unless `timezoneId` says otherwise (the console must not care).
   */
  context(options?: { mobile?: boolean; timezoneId?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** JSON calls to the API as one user, through a browser context of their own. */
export interface ApiCaller {
  call: (method: 'GET' | 'POST', path: string, data?: unknown) => Promise<unknown>;
  close: () => Promise<void>;
}

/** Signs `username` in through a context of its own; each call sends the login's CSRF token and fails loudly. */
export async function apiAs(c: Console, username: string): Promise<ApiCaller> {
  const ctx = await c.context();
  const login = await ctx.request.post('/api/login', { data: { username, password: PASSWORD } });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async call(method, path, data) {
      const res = await ctx.request.fetch(path, { method, headers: { 'x-csrf-token': csrfToken }, data });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    },
    close: () => ctx.close(),
  };
}

/** Starts the API with the built console on 127.0.0.1:<ephemeral> and launches Chromium. */
export async function startConsole(): Promise<Console> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dist = webDistDir();
  const db = await openDatabase({ memory: true }, {});
  await migrate(db, { log: () => {} });
  await seedCity(db);
  for (const [username, u] of Object.entries(USERS)) {
    await createUser(db, { username, password: PASSWORD, role: u.role, placePath: u.placePath });
  }
  // The service's clock: real time plus what a test skips ahead (a day to a second negative test).
  let skipped = 0;
  const app = await buildApp({
    db,
    secret: SECRET,
    loginLimit: 1000,
    citySecret: CITY_SECRET,
    now: () => Math.floor(Date.now() / 1000) + skipped,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const index = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
  if (!index.ok) {
    await app.close();
    throw new Error(`the console is not built (${dist}): run npm run build -w @renxing/web`);
  }
  const people = await importPeople(url, db);
  const pings = await importPings(db, Buffer.from(pingsCsv(T0)), { secret: CITY_SECRET, source: 'e2e' });
  if (pings.rejected !== 0) throw new Error(`pings rejected: ${pings.rejected}`);
  const resident = people.get('张伟')!;
  await createUser(db, { username: 'resident1', password: PASSWORD, role: 'resident', personId: resident });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    app,
    db,
    url,
    browser,
    people,
    advance: (seconds) => {
      skipped += seconds;
    },
    now: () => Math.floor(Date.now() / 1000) + skipped,
    context: ({ mobile, timezoneId } = {}) =>
      browser.newContext({
        baseURL: url,
        locale: 'zh-CN',
        timezoneId: timezoneId ?? 'Asia/Shanghai', // the city's time, as its officers' browsers have it
        viewport: mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
        deviceScaleFactor: 1,
        isMobile: mobile ?? false,
        hasTouch: mobile ?? false,
      }),
    async close() {
      await browser.close().catch(() => {});
      await app.close();
      await db.close();
    },
  };
}

/** Imports PEOPLE_CSV through importPeople as the city admin; answers name → id. */
async function importPeople(url: string, db: Db): Promise<Map<string, string>> {
  const { cookie, csrf } = await apiLogin(url, 'admin');
  const res = await fetch(`${url}/api/people/import`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
    body: PEOPLE_CSV,
  });
  if (!res.ok) throw new Error(`importPeople: ${res.status} ${await res.text()}`);
  const { rows } = await db.query<{ id: string; name: string }>('SELECT id, name FROM people');
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Signs `username` in at the API at `url`: the session cookie and the CSRF token. */
export async function apiLogin(url: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('rx_session='))!
    .split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Signs in through the form, using the keyboard only. */
export async function signIn(page: Page, username: Username): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('who').waitFor();
}

/** datetime-local value for epoch seconds in the browser's time zone (Asia/Shanghai, UTC+8 all year). */
export function localInput(seconds: number): string {
  return new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 16);
}

/** Registers a case for `name` through the API as health1 and waits for its detection. */
export async function registerCase(c: Console, name: string, label: string): Promise<string> {
  const { cookie, csrf } = await apiLogin(c.url, 'health1');
  const res = await fetch(`${c.url}/api/cases`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      personId: c.people.get(name),
      label,
      from: new Date((T0 - 3600) * 1000).toISOString(),
    }),
  });
  if (res.status !== 201) throw new Error(`createCase: ${res.status} ${await res.text()}`);
  const id = ((await res.json()) as { id: string }).id;
  await c.app.detection.idle();
  return id;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Controls without an accessible name (label, aria-label, aria-labelledby, own text or title): every
 * control of a main screen must have one. Answers a short description of each offender.
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element): boolean => {
      const aria = el.getAttribute('aria-label')?.trim();
      if (aria) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by?.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      const labels = (el as HTMLInputElement).labels;
      if (labels && [...labels].some((l) => l.textContent?.trim())) return true;
      if ((el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent?.trim()) return true;
      if (el.querySelector('img[alt]:not([alt=""])')) return true;
      return Boolean(el.getAttribute('title')?.trim());
    };
    const controls = document.querySelectorAll(
      'input:not([type=hidden]), select, textarea, button, a[href], [role=button], [role=img]',
    );
    return [...controls].filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 120));
  });
}
