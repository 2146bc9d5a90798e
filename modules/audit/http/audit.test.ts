import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, PASSWORD, readConfig, type Session, seedCity, testApp } from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../store/audit.js';

/** Edits the log behind the append-only triggers, as a database superuser could. */
async function tamper(db: Db, sql: string): Promise<void> {
  await db.exec(
    `ALTER TABLE audit_log DISABLE TRIGGER ALL; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER ALL;`,
  );
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: { type: string | null; id: string | null } | null;
  reason: string | null;
}

forEachDatabase(
  'api audit',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup(): Promise<{ a: FastifyInstance; auditor: Session; auditorId: string }> {
      await seedCity(t.db);
      const auditor = await createUser(t.db, {
        username: 'auditor1',
        password: PASSWORD,
        role: 'auditor',
        placePath: 'cq',
      });
      await createUser(t.db, {
        username: 'worker1',
        password: PASSWORD,
        role: 'community_worker',
        placePath: 'cq.yz.jd01.sq01',
      });
      for (let i = 0; i < 6; i++) {
        await appendAudit(t.db, {
          actor: i % 2 ? 'u-odd' : 'u-even',
          action: i < 3 ? 'person.read_phone' : 'case.create',
          subjectType: 'person',
          subjectId: `p${i % 2}`,
          reason: `r${i}`,
        });
        // Rows a few ms apart, so the time filters (JSON carries milliseconds) can tell them apart.
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      app = await testApp(t.db, 1000);
      return { a: app, auditor: await login(app, 'auditor1'), auditorId: auditor.id };
    }

    const get = (a: FastifyInstance, s: Session, url: string) =>
      a.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

    it('the auditor sees rows with the page check, and the read is audited', async () => {
      const { a, auditor, auditorId } = await setup();
      const res = await get(a, auditor, '/api/audit?action=person.read_phone');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.rows.map((r: Row) => r.reason)).toEqual(['r0', 'r1', 'r2']);
      expect(body.rows[0]).toMatchObject({
        actor: 'u-even',
        action: 'person.read_phone',
        subject: { type: 'person', id: 'p0' },
        reason: 'r0',
      });
      expect(new Date(body.rows[0].at).getTime()).not.toBeNaN();
      expect(body.next).toBeNull();
      expect(body.verification).toEqual({ ok: true, rows: 3 });

      const reads = (await get(a, auditor, `/api/audit?action=audit.read&actor=${auditorId}`)).json();
      expect(reads.rows).toHaveLength(1);
      expect(reads.rows[0]).toMatchObject({ actor: auditorId, subject: { type: 'audit_log', id: null } });
      expect(reads.rows[0].detail.query).toMatchObject({ action: 'person.read_phone' });
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    });

    it('city_admin may read; a community worker and a street officer get 404', async () => {
      const { a } = await setup();
      const admin = await login(a, 'admin');
      expect((await get(a, admin, '/api/audit')).statusCode).toBe(200);
      expect((await get(a, admin, '/api/audit/verify')).statusCode).toBe(200);
      for (const name of ['worker1', 'street1']) {
        const s = await login(a, name);
        for (const url of ['/api/audit', '/api/audit/verify', '/api/audit?limit=1']) {
          const res = await get(a, s, url);
          expect(res.statusCode).toBe(404);
          expect(res.json().code).toBe('RX_NOT_FOUND');
        }
      }
      const anonymous = await a.inject({ method: 'GET', url: '/api/audit' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('filters and keyset pages', async () => {
      const { a, auditor } = await setup();
      const all: Row[] = (await get(a, auditor, '/api/audit?subject_type=person&limit=500')).json().rows;
      expect(all.map((r) => r.reason)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
      const q = async (query: string) =>
        (await get(a, auditor, `/api/audit?subject_type=person&${query}`)).json();
      expect((await q('actor=u-odd')).rows.map((r: Row) => r.reason)).toEqual(['r1', 'r3', 'r5']);
      expect((await q('subject_id=p0&action=case.create')).rows.map((r: Row) => r.reason)).toEqual(['r4']);
      expect((await q(`from=${encodeURIComponent(all[2].at)}`)).rows.map((r: Row) => r.reason)).toEqual([
        'r2',
        'r3',
        'r4',
        'r5',
      ]);
      expect((await q(`to=${encodeURIComponent(all[2].at)}`)).rows.map((r: Row) => r.reason)).toEqual([
        'r0',
        'r1',
      ]);

      const seen: string[] = [];
      let after: number | null = 0;
      let pages = 0;
      while (after !== null) {
        const page = await q(`limit=4&after=${after}`);
        expect(page.verification.ok).toBe(true);
        seen.push(...page.rows.map((r: Row) => r.reason));
        after = page.next;
        pages++;
      }
      expect(pages).toBe(2);
      expect(seen).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);

      for (const [query, field] of [
        ['limit=501', 'query.limit'],
        ['limit=0', 'query.limit'],
        ['after=-1', 'query.after'],
        ['from=yesterday', 'query.from'],
        ['nope=1', 'query'],
      ]) {
        const res = await get(a, auditor, `/api/audit?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().field, query).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
      }
    });

    it('reports a tampered row on the page and in verifyAudit', async () => {
      const { a, auditor } = await setup();
      const all: Row[] = (await get(a, auditor, '/api/audit?subject_type=person')).json().rows;
      await tamper(t.db, `UPDATE audit_log SET reason = 'forged' WHERE seq = ${all[3].seq}`);
      const page = (await get(a, auditor, '/api/audit?subject_type=person')).json();
      expect(page.verification).toEqual({ ok: false, rows: 6, seq: all[3].seq, problem: 'hash' });
      const ok = (await get(a, auditor, '/api/audit?subject_type=person&limit=3')).json();
      expect(ok.verification).toEqual({ ok: true, rows: 3 });
      const whole = await get(a, auditor, '/api/audit/verify');
      expect(whole.statusCode).toBe(200);
      expect(whole.json()).toMatchObject({ ok: false, seq: all[3].seq, problem: 'hash' });
    });

    it('the server seals the head outside the database in the background; verifyAudit then catches a cut-off tail', async () => {
      const { auditor } = await setup();
      await app?.close();
      const dataDir = mkdtempSync(join(tmpdir(), 'rx-api-seal-'));
      const a = await testApp(t.db, 1000, { config: { ...readConfig({}), dataDir, auditSealSeconds: 1 } });
      app = a;
      const session = await login(a, 'auditor1');
      const head = (await appendAudit(t.db, { actor: 'u-last', action: 'case.create' })).seq;
      // The sealer runs every second from the app's start: a seal may come before the head (the
      // app's start and the sign-in take their time), then the next one covers it.
      let sealed = (await get(a, session, '/api/audit/verify')).json();
      for (let k = 0; k < 50 && !(sealed.sealedThrough >= head); k++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sealed = (await get(a, session, '/api/audit/verify')).json();
      }
      expect(sealed).toMatchObject({ ok: true });
      expect(sealed.seals).toBeGreaterThanOrEqual(1);
      expect(sealed.sealedThrough).toBeGreaterThanOrEqual(head);
      await tamper(t.db, `DELETE FROM audit_log WHERE seq >= ${head}`);
      expect((await get(a, session, '/api/audit/verify')).json()).toMatchObject({
        ok: false,
        problem: 'truncated',
      });
      expect(auditor.userId).toBeTruthy();
    });

    it('30 random queries never give 5xx', async () => {
      const { a, auditor } = await setup();
      const value = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('', '0', '-1', '500', '501', '1e3', '9007199254740993', 'person', '\u0000', '%00'),
        fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '23:59:60'),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      );
      const key = fc.constantFrom(
        'actor',
        'action',
        'subject_type',
        'subject_id',
        'from',
        'to',
        'after',
        'limit',
        'x',
      );
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 5 }), async (pairs) => {
          const search = new URLSearchParams(pairs).toString();
          const res = await get(a, auditor, `/api/audit?${search}`);
          expect(res.statusCode, search).toBeLessThan(500);
          if (res.statusCode === 400) expect(res.json().field, search).toMatch(/^query/);
        }),
        { numRuns: 30 },
      );
    });
  },
  { migrate: true },
);
