import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAuditChain, verifyAuditRows } from './audit.js';

/** Edits a row behind the triggers' back, as a superuser could. */
async function tamper(db: Db, sql: string): Promise<void> {
  await db.exec(
    `ALTER TABLE audit_log DISABLE TRIGGER ALL; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER ALL;`,
  );
}

forEachDatabase(
  'audit log queries',
  (t) => {
    /** Seven rows; returns their seqs (index 1..7; the database picks the numbers). */
    async function seed(): Promise<number[]> {
      const seqs = [0];
      for (let i = 1; i <= 7; i++) {
        const r = await appendAudit(t.db, {
          actor: i % 2 ? 'u1' : 'u2',
          action: i <= 3 ? 'person.read' : 'case.create',
          subjectType: 'person',
          subjectId: `p${i % 3}`,
          reason: i === 1 ? 'why' : null,
        });
        seqs.push(r.seq);
        // A few ms apart: Date (and so the time filters' tests) carries milliseconds only.
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      return seqs;
    }

    it('filters and pages by seq', async () => {
      const s = await seed();
      expect((await listAudit(t.db)).map((r) => r.seq)).toEqual([s[1], s[2], s[3], s[4], s[5], s[6], s[7]]);
      expect((await listAudit(t.db, { actor: 'u2' })).map((r) => r.seq)).toEqual([s[2], s[4], s[6]]);
      expect((await listAudit(t.db, { action: 'person.read', actor: 'u1' })).map((r) => r.seq)).toEqual([
        s[1],
        s[3],
      ]);
      expect((await listAudit(t.db, { subjectType: 'person', subjectId: 'p0' })).map((r) => r.seq)).toEqual([
        s[3],
        s[6],
      ]);
      expect((await listAudit(t.db, { afterSeq: s[2], limit: 3 })).map((r) => r.seq)).toEqual([
        s[3],
        s[4],
        s[5],
      ]);
      const all = await listAudit(t.db);
      expect(all[0].reason).toBe('why');
      expect((await listAudit(t.db, { from: all[3].at })).map((r) => r.seq)).toEqual([
        s[4],
        s[5],
        s[6],
        s[7],
      ]);
      expect((await listAudit(t.db, { to: all[3].at })).map((r) => r.seq)).toEqual([s[1], s[2], s[3]]);
      expect(await listAudit(t.db, { actor: 'nobody' })).toEqual([]);
    });

    it('verifies chosen rows and finds an edited or removed one', async () => {
      const s = await seed();
      expect(await verifyAuditRows(t.db, [])).toEqual({ ok: true, rows: 0 });
      expect(await verifyAuditRows(t.db, [s[2], s[5], s[7]])).toEqual({ ok: true, rows: 3 });
      await tamper(t.db, `UPDATE audit_log SET reason = 'forged' WHERE seq = ${s[5]}`);
      expect(await verifyAuditRows(t.db, [s[2], s[5], s[7]])).toEqual({
        ok: false,
        rows: 3,
        seq: s[5],
        problem: 'hash',
      });
      expect(await verifyAuditRows(t.db, [s[1], s[2]])).toEqual({ ok: true, rows: 2 });
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, rows: 7, seq: s[5], problem: 'hash' });
      await tamper(t.db, `DELETE FROM audit_log WHERE seq = ${s[2]}`);
      expect(await verifyAuditRows(t.db, [s[3]])).toEqual({ ok: false, rows: 1, seq: s[3], problem: 'link' });
    });
  },
  { migrate: true },
);
