import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { appendAudit } from '../store/audit.js';
import { AUDIT_KEY_FILE, type AuditSealing, auditSealing, sealAudit } from './seals.js';
import { verifyAudit } from './verify.js';

/** Edits the log behind the append-only triggers, as anyone who can write the database could. */
async function tamper(db: Db, sql: string): Promise<void> {
  await db.exec(
    `ALTER TABLE audit_log DISABLE TRIGGER ALL; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER ALL;`,
  );
}

/** The attack the unkeyed chain missed: edit a row, then recompute every later hash in order. */
async function rewriteAndRecompute(db: Db, seq: number): Promise<void> {
  await tamper(
    db,
    `UPDATE audit_log SET actor = 'someone else' WHERE seq = ${seq};
     DO $$ DECLARE r record; prev text := coalesce((SELECT hash FROM audit_log WHERE seq < ${seq} ORDER BY seq DESC LIMIT 1), '');
     BEGIN
       FOR r IN SELECT * FROM audit_log WHERE seq >= ${seq} ORDER BY seq LOOP
         UPDATE audit_log SET prev_hash = prev,
                hash = audit_log_hash(r.seq, r.at, r.actor, r.action, r.subject_type, r.subject_id, r.reason, r.detail, prev)
          WHERE seq = r.seq RETURNING hash INTO prev;
       END LOOP;
     END $$`,
  );
}

const at = new Date('2026-12-06T08:00:00Z');

forEachDatabase(
  'audit seals',
  (t) => {
    let sealing: AuditSealing;
    async function seed(n: number): Promise<number[]> {
      const seqs: number[] = [];
      for (let i = 0; i < n; i++) seqs.push((await appendAudit(t.db, { actor: 'u1', action: `a.${i}` })).seq);
      return seqs;
    }
    async function setUp(): Promise<number[]> {
      sealing = auditSealing({ dataDir: mkdtempSync(join(tmpdir(), 'rx-seal-')) });
      const seqs = await seed(5);
      expect(await sealAudit(t.db, sealing, at)).toBe(seqs[4]);
      return seqs;
    }

    it('seals the head once, outside the database, with a key of its own (created 0600)', async () => {
      const seqs = await setUp();
      expect(await sealAudit(t.db, sealing, at)).toBeNull(); // nothing new
      const more = await seed(2);
      expect(await sealAudit(t.db, sealing, at)).toBe(more[1]);
      expect(await verifyAudit(t.db, sealing)).toEqual({
        ok: true,
        rows: 7,
        seals: 2,
        sealedThrough: more[1],
      });
      expect(sealing.key.length).toBe(32);
      expect(statSync(join(sealing.dir, '..', AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(seqs[0]).toBeLessThan(more[1]);
    });

    it('detects a row edited and every later hash recomputed with audit_log_hash(), which the chain alone passes', async () => {
      const seqs = await setUp();
      await rewriteAndRecompute(t.db, seqs[2]);
      expect(await verifyAudit(t.db)).toMatchObject({ ok: true, rows: 5 }); // the unkeyed chain is fooled
      expect(await verifyAudit(t.db, sealing)).toEqual({
        ok: false,
        rows: 5,
        seals: 1,
        sealedThrough: null,
        seq: seqs[4],
        problem: 'seal',
      });
    });

    it('detects the last rows deleted (truncation), which leaves a chain that links', async () => {
      const seqs = await setUp();
      await tamper(t.db, `DELETE FROM audit_log WHERE seq >= ${seqs[3]}`);
      expect(await verifyAudit(t.db)).toMatchObject({ ok: true, rows: 3 });
      expect(await verifyAudit(t.db, sealing)).toMatchObject({
        ok: false,
        rows: 3,
        seq: seqs[4],
        problem: 'truncated',
      });
    });

    it('localises a rewrite: seals before the edited row still vouch for their rows', async () => {
      const seqs = await setUp();
      const later = await seed(3);
      await sealAudit(t.db, sealing, at);
      await rewriteAndRecompute(t.db, later[1]);
      expect(await verifyAudit(t.db, sealing)).toMatchObject({
        ok: false,
        seals: 2,
        sealedThrough: seqs[4],
        seq: later[2],
        problem: 'seal',
      });
    });

    it('a seal made with another key, or a forged seal line, does not verify', async () => {
      const seqs = await setUp();
      const other = { ...sealing, key: Buffer.alloc(32, 7) };
      expect(await verifyAudit(t.db, other)).toMatchObject({ ok: false, seq: seqs[4], problem: 'seal' });
      const [file] = readdirSync(sealing.dir);
      const path = join(sealing.dir, file);
      writeFileSync(path, `${readFileSync(path, 'utf8')}not json\n`);
      expect(await verifyAudit(t.db, sealing)).toMatchObject({ ok: false, problem: 'seal' });
    });
  },
  { migrate: true },
);
