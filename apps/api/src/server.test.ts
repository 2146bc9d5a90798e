import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MigrationError, migrate, openDatabase } from '@renxing/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './server.js';

describe('startServer (embedded PGlite in a data directory)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function dataDir(): string {
    const d = mkdtempSync(join(tmpdir(), 'renxing-api-'));
    dirs.push(d);
    return d;
  }

  it('migrates, listens on 127.0.0.1 and serves /openapi.json', async () => {
    const dir = dataDir();
    const lines: string[] = [];
    const app = await startServer({
      env: { RENXING_DATA_DIR: dir, PORT: '0', RENXING_DEMO: '0' },
      log: (l) => lines.push(l),
      logger: false,
    });
    try {
      const address = app.server.address();
      expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/openapi.json`);
      expect(res.status).toBe(200);
      expect(lines.length).toBeGreaterThan(0);
      // The city secret sits where the CLI's imports look for it, beside (not inside) PGlite's files.
      expect(existsSync(join(dir, 'city-secret'))).toBe(true);
      expect(existsSync(join(dir, 'pg', 'city-secret'))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('refuses to start when a migration fails (main exits 1 on the rejection)', async () => {
    const dir = dataDir();
    const db = await openDatabase({ dataDir: join(dir, 'pg') }, {});
    await migrate(db);
    // An applied migration whose file no longer matches: the runner refuses.
    await db.query(`UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1`);
    await db.close();
    await expect(
      startServer({
        env: { RENXING_DATA_DIR: dir, PORT: '0', RENXING_DEMO: '0' },
        log: () => {},
        logger: false,
      }),
    ).rejects.toBeInstanceOf(MigrationError);
  });

  it('seeds the demo city on first start: residents, pings, cases with companions and tasks, one user per role', async () => {
    const dir = dataDir();
    const lines: string[] = [];
    const env = { RENXING_DATA_DIR: dir, PORT: '0', RENXING_DEMO_PHONES: '3000' };
    const app = await startServer({ env, log: (l) => lines.push(l), logger: false });
    try {
      const text = lines.join('\n');
      expect(text).toMatch(/demo city ready in [0-9.]+ s: 29\d\d residents, \d+ pings, [1-9] cases/);
      const password = /password (\S+)\)/.exec(text)![1];
      for (const role of [
        'city_admin',
        'health_officer',
        'district_officer',
        'street_officer',
        'community_worker',
        'lab_user',
        'auditor',
        'resident',
        'infra_operator',
        'volunteer',
      ]) {
        expect(text).toContain(role);
      }
      const port = (app.server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'worker', password }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!.split(';')[0];
      const inbox = (await (
        await fetch(`http://127.0.0.1:${port}/api/tasks`, { headers: { cookie } })
      ).json()) as {
        total: number;
      };
      expect(inbox.total).toBeGreaterThan(0);
      // The resilience index: a month of daily history, the worker's community scored.
      const resilience = (await (
        await fetch(`http://127.0.0.1:${port}/api/resilience/index`, { headers: { cookie } })
      ).json()) as { dates: string[]; rows: { index: number | null; rank: number | null }[] };
      expect(resilience.dates.length).toBeGreaterThanOrEqual(30);
      expect(resilience.rows.length).toBe(1);
      expect(resilience.rows[0].index).toBeGreaterThan(0);
      expect(resilience.rows[0].rank).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
    // A second start finds the city and seeds nothing.
    const again: string[] = [];
    const second = await startServer({ env, log: (l) => again.push(l), logger: false });
    await second.close();
    expect(again.join('\n')).not.toContain('seeding');
  }, 180_000); // the whole demo city, seeded through the services: about 30 s on a quiet machine
});
