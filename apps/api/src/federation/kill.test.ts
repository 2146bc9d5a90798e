/**
 * Two cities as real server processes, each on its own port and database (embedded PGlite in a
 * data directory, or a database of the PostgreSQL server): kill -9 of either in the middle of an
 * exchange, then a restart, and every hand-off arrives exactly once, every answer too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { DEFAULT_TEST_DATABASE_URL, postgresReachable } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { insertPlaces } from '@renxing/modules/places';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type CityProcess, cityProcess, freePort, type HttpSession, request, signIn } from './processes.js';

const N = 24;
const PASSWORD = 'correct horse battery';
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

async function seed(db: Db, city: 'cq' | 'cd'): Promise<void> {
  await migrate(db);
  await insertPlaces(db, [
    { level: 'city', code: city, name: city === 'cq' ? '重庆市' : '成都市' },
    { parentPath: city, level: 'district', code: 'd1', name: '一区' },
    { parentPath: `${city}.d1`, level: 'street', code: 's1', name: '一街道' },
    { parentPath: `${city}.d1.s1`, level: 'community', code: 'c1', name: '一社区' },
  ]);
  await createUser(db, { username: 'admin', password: PASSWORD, role: 'city_admin', placePath: city });
  if (city === 'cq') {
    const c = await insertCase(db, {
      label: '病例1',
      subjectPseudonym: 'case-1',
      confirmedAt: new Date(),
      preset: 'default',
    });
    const t = Math.floor(Date.now() / 1000);
    await upsertCompanions(
      db,
      c.id,
      Array.from({ length: N }, (_, k) => ({
        subjectPseudonym: `companion-${k}`,
        cell: `${k}:1`,
        overlapStart: t - 3600,
        overlapEnd: t - 2400,
        overlapS: 1200,
      })),
    );
  }
}

const until = async (what: string, check: () => Promise<boolean>, ms = 90_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

interface Side {
  proc: CityProcess;
  admin: HttpSession;
}

async function handoffs(s: Side, query: string): Promise<{ id: string; state: string }[]> {
  const res = await request(s.proc.url, s.admin, 'GET', `/api/handoffs?limit=200&${query}`);
  return res.body.handoffs as { id: string; state: string }[];
}

const kinds = [
  { kind: 'pglite', skip: false },
  { kind: 'postgres', skip: postgresReachable !== true && !inCi },
] as const;

for (const { kind, skip } of kinds) {
  describe.skipIf(skip)(`hand-offs survive kill -9 [${kind}]`, () => {
    const dirs: string[] = [];
    const databases: string[] = [];
    const procs: CityProcess[] = [];
    const admin = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

    afterAll(async () => {
      for (const p of procs) await p.kill9();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      if (databases.length > 0) {
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        for (const d of databases) await client.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
        await client.end();
      }
    });

    /** A city's database (seeded) and its server process, not started. */
    async function city(code: 'cq' | 'cd'): Promise<CityProcess> {
      const dataDir = mkdtempSync(join(tmpdir(), `renxing-fed-${code}-`));
      dirs.push(dataDir);
      let env: Record<string, string> = {};
      let db: Db;
      if (kind === 'postgres') {
        const name = `renxing_fed_${code}_${process.pid}_${Date.now() % 100_000}`;
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(`CREATE DATABASE ${name}`);
        await client.end();
        databases.push(name);
        const url = new URL(admin);
        url.pathname = `/${name}`;
        env = { DATABASE_URL: url.toString() };
        db = await openDatabase({ url: url.toString() }, {});
      } else {
        db = await openDatabase({ dataDir: join(dataDir, 'pg') }, {});
      }
      await seed(db, code);
      await db.close();
      const proc = cityProcess({ dataDir, port: await freePort(), env });
      procs.push(proc);
      return proc;
    }

    it('every hand-off arrives exactly once, and every answer', { timeout: 300_000 }, async () => {
      const [pcq, pcd] = [await city('cq'), await city('cd')];
      await Promise.all([pcq.start(), pcd.start()]);
      const cq: Side = { proc: pcq, admin: await signIn(pcq.url, 'admin', PASSWORD) };
      const cd: Side = { proc: pcd, admin: await signIn(pcd.url, 'admin', PASSWORD) };
      expect(
        (
          await request(pcq.url, cq.admin, 'POST', '/api/federation/peers', {
            code: 'cd',
            name: '成都市',
            baseUrl: pcd.url,
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await request(pcd.url, cd.admin, 'POST', '/api/federation/peers', {
            code: 'cq',
            name: '重庆市',
            baseUrl: pcq.url,
          })
        ).status,
      ).toBe(201);
      const { body: list } = await request(pcq.url, cq.admin, 'GET', '/api/cases');
      const caseId = (list.cases as { id: string }[])[0].id;
      const { body: page } = await request(
        pcq.url,
        cq.admin,
        'GET',
        `/api/cases/${caseId}/companions?limit=100`,
      );
      const companions = (page.companions as { id: number }[]).map((c) => c.id);
      expect(companions).toHaveLength(N);

      // The hand-offs go out while 成都 dies (kill -9 after the fifth), then 重庆 dies too.
      const sent: string[] = [];
      for (const [k, companionId] of companions.entries()) {
        const res = await request(pcq.url, cq.admin, 'POST', '/api/handoffs', {
          peer: 'cd',
          kind: 'companion',
          companionId,
          homePlace: 'cd.d1.s1.c1',
          reason: `伴随者 ${k} 居住在成都`,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        sent.push(res.body.id as string);
        if (k === 4) await pcd.kill9();
      }
      await pcq.kill9();
      await Promise.all([pcd.start(), pcq.start()]);
      await until('every hand-off acknowledged', async () => (await handoffs(cq, 'state=sent')).length === N);
      const received = await handoffs(cd, 'direction=in');
      expect(received.map((h) => h.id).sort()).toEqual([...sent].sort());

      // The answers go back while 重庆 dies (after the third), then 成都 dies right after the last.
      for (const [k, id] of sent.entries()) {
        const route = k % 2 === 0 ? 'accept' : 'reject';
        const res = await request(pcd.url, cd.admin, 'POST', `/api/handoffs/${id}/${route}`, {
          reason: `答复 ${k}`,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        if (k === 2) await pcq.kill9();
      }
      await pcd.kill9();
      await Promise.all([pcq.start(), pcd.start()]);
      await until('every answer back', async () =>
        (await handoffs(cq, 'direction=out')).every((h) => h.state !== 'sent'),
      );
      const out = await handoffs(cq, 'direction=out');
      expect(out.filter((h) => h.state === 'accepted')).toHaveLength(N / 2);
      expect(out.filter((h) => h.state === 'rejected')).toHaveLength(N / 2);
      // Exactly once: one receipt at 成都, one answer at 重庆, per hand-off.
      for (const [k, id] of sent.entries()) {
        const there = await request(pcd.url, cd.admin, 'GET', `/api/handoffs/${id}`);
        const receipts = (there.body.trail as { action: string }[]).filter(
          (r) => r.action === 'federation.handoff.receive',
        );
        expect(receipts).toHaveLength(1);
        const here = await request(pcq.url, cq.admin, 'GET', `/api/handoffs/${id}`);
        const answers = (here.body.trail as { action: string }[]).filter((r) =>
          r.action.endsWith('_by_peer'),
        );
        expect(answers).toHaveLength(1);
        expect(here.body.decisionReason).toBe(`答复 ${k}`);
      }
    });
  });
}
