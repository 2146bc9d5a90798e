/**
 * Two cities for the federation's end-to-end test: 重庆 (cq) and 成都 (cd), each the real API over
 * an in-memory PGlite of its own, with its own city key and secret, serving the built console on
 * 127.0.0.1:<ephemeral>; one Debian Chromium drives both. 重庆 registers 成都 as a peer through the
 * API (its keys read from 成都's JWKS); 成都's side is left to the test (its console's form).
 */
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Db, migrate, openDatabase, pseudonymOf } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { insertPlaces } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../api/src/app.js';
import { apiLogin, PASSWORD } from './harness.js';

const SERVER_SECRET = 'e2e-federation-secret-e2e-federation-0123';
/** The companion's phone: a resident of 成都, unknown to 重庆's registry. */
export const COMPANION_PHONE = '13900000001';

export interface City {
  code: 'cq' | 'cd';
  name: string;
  app: FastifyInstance;
  db: Db;
  url: string;
  secret: Buffer;
  /** A browser context on this city's console (its own cookies). */
  context(): Promise<BrowserContext>;
}

export interface TwoCities {
  cq: City;
  cd: City;
  browser: Browser;
  /** 重庆's case 病例7 and its companion who lives in 成都. */
  caseId: string;
  companionId: number;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const now = () => Math.floor(Date.now() / 1000);

const PLACES = {
  cq: [
    { level: 'city', code: 'cq', name: '重庆市', nameEn: 'Chongqing' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区', nameEn: 'Yuzhong' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道', nameEn: 'Jiefangbei' },
    {
      parentPath: 'cq.yz.jd01',
      level: 'community',
      code: 'sq01',
      name: '较场口社区',
      nameEn: 'Jiaochangkou',
    },
  ],
  cd: [
    { level: 'city', code: 'cd', name: '成都市', nameEn: 'Chengdu' },
    { parentPath: 'cd', level: 'district', code: 'jj', name: '锦江区', nameEn: 'Jinjiang' },
    { parentPath: 'cd.jj', level: 'street', code: 'jd01', name: '春熙路街道', nameEn: 'Chunxi Road' },
    { parentPath: 'cd.jj.jd01', level: 'community', code: 'sq01', name: '社区甲', nameEn: 'Community A' },
  ],
} as const;

const USERS = {
  cq: [
    { username: 'admin', role: 'city_admin', placePath: 'cq' },
    { username: 'health1', role: 'health_officer', placePath: 'cq' },
  ],
  cd: [
    { username: 'admin_cd', role: 'city_admin', placePath: 'cd' },
    { username: 'worker_cd', role: 'community_worker', placePath: 'cd.jj.jd01.sq01' },
  ],
} as const;

async function startCity(code: 'cq' | 'cd', browser: () => Browser): Promise<City> {
  const db = await openDatabase({ memory: true }, {});
  await migrate(db, { log: () => {} });
  await insertPlaces(db, [...PLACES[code]]);
  for (const u of USERS[code]) await createUser(db, { ...u, password: PASSWORD });
  const secret = Buffer.from(`e2e-${code}-city-secret-0123456789abcdef0123`);
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const app = await buildApp({
    db,
    secret: SERVER_SECRET,
    loginLimit: 1000,
    citySecret: secret,
    keys: { signingKey: pem },
    federationRetryMax: 1,
    now,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const index = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
  if (!index.ok) {
    await app.close();
    throw new Error('the console is not built: run npm run build -w @renxing/web');
  }
  return {
    code,
    name: PLACES[code][0].name,
    app,
    db,
    url,
    secret,
    context: () =>
      browser().newContext({
        baseURL: url,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 900 },
        deviceScaleFactor: 1,
      }),
  };
}

/** A JSON call to `city`'s API as `username` (signed in for the call); fails loudly. */
export async function callAs(
  city: City,
  username: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const { cookie, csrf: csrfToken } = await apiLogin(city.url, username);
  const res = await fetch(`${city.url}${path}`, {
    method,
    headers: {
      cookie,
      'x-csrf-token': csrfToken,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** 重庆's case 病例7 (confirmed yesterday) and its companion, a phone of 成都's resident. */
async function seedCase(cq: City): Promise<{ caseId: string; companionId: number }> {
  const t = now();
  const c = await insertCase(cq.db, {
    label: '病例7',
    subjectPseudonym: 'case-7',
    confirmedAt: new Date((t - 86_400) * 1000),
    preset: 'default',
  });
  const [companion] = await upsertCompanions(cq.db, c.id, [
    {
      subjectPseudonym: pseudonymOf(cq.secret, COMPANION_PHONE),
      cell: '120:340',
      overlapStart: t - 7200,
      overlapEnd: t - 6000,
      overlapS: 1200,
    },
  ]);
  return { caseId: c.id, companionId: companion.id };
}

export async function startTwoCities(): Promise<TwoCities> {
  let browser: Browser | undefined;
  const ofBrowser = () => browser!;
  const cq = await startCity('cq', ofBrowser);
  const cd = await startCity('cd', ofBrowser).catch(async (e) => {
    await cq.app.close();
    throw e;
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  await callAs(cq, 'admin', 'POST', '/api/federation/peers', {
    code: 'cd',
    name: '成都市',
    baseUrl: cd.url,
    places: ['cd'],
    shareIdentity: false,
  });
  const seeded = await seedCase(cq);
  return {
    cq,
    cd,
    browser,
    ...seeded,
    async close() {
      await browser?.close().catch(() => {});
      for (const city of [cq, cd]) {
        await city.app.close();
        await city.db.close();
      }
    },
  };
}

/** Signs in through the form as a user of either city, using the keyboard only (as the harness's signIn). */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('who').waitFor();
}
