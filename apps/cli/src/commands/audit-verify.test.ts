import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { appendAudit, auditSealing } from '@renxing/modules/audit';
import { beforeEach, expect, it } from 'vitest';
import { auditVerifyCommand } from './audit-verify.js';

function sink() {
  let text = '';
  return {
    write: (s: string) => (text += s),
    get text() {
      return text;
    },
  };
}

/** Edits the log behind the append-only triggers, as a database superuser could. */
async function tamper(db: Db, sql: string): Promise<void> {
  await db.exec(
    `ALTER TABLE audit_log DISABLE TRIGGER ALL; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER ALL;`,
  );
}

forEachDatabase(
  'cli audit verify',
  (t) => {
    let dir: string | undefined;
    beforeEach(() => {
      dir = undefined;
    });
    /** One seal folder and key per test, not the data directory's. */
    const sealing = () => {
      dir ??= mkdtempSync(join(tmpdir(), 'rx-cli-seal-'));
      return auditSealing({ dataDir: dir });
    };
    async function seed(): Promise<number[]> {
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) seqs.push((await appendAudit(t.db, { actor: 'u1', action: `a.${i}` })).seq);
      return seqs;
    }

    it('an empty or intact log: exit 0 with the row count; the first verify seals it, the next checks the seal', async () => {
      let out = sink();
      expect(await auditVerifyCommand({}, 'en', { db: t.db, stdout: out, sealing: sealing() })).toBe(0);
      expect(out.text).toBe('audit log intact: 0 rows checked, hash chain unbroken\n');
      const seqs = await seed();
      out = sink();
      expect(await auditVerifyCommand({}, 'zh-CN', { db: t.db, stdout: out, sealing: sealing() })).toBe(0);
      expect(out.text).toBe(
        '审计日志完好：已检查 5 行，哈希链未断\n封存：此日志尚无封存（仅按自身校验）；现已封存\n',
      );
      out = sink();
      expect(await auditVerifyCommand({}, 'en', { db: t.db, stdout: out, sealing: sealing() })).toBe(0);
      expect(out.text).toContain(`seals: 1 checked, rows through seq ${seqs[4]} sealed outside the database`);
    });

    it('rows cut off the end after a seal: exit 1 naming the sealed row', async () => {
      const seqs = await seed();
      expect(await auditVerifyCommand({}, 'en', { db: t.db, stdout: sink(), sealing: sealing() })).toBe(0);
      await tamper(t.db, `DELETE FROM audit_log WHERE seq = ${seqs[4]}`);
      const out = sink();
      expect(await auditVerifyCommand({}, 'en', { db: t.db, stdout: out, sealing: sealing() })).toBe(1);
      expect(out.text).toContain(`row seq ${seqs[4]} was sealed but is gone from the end of the log`);
    });

    it('an edited row: exit 1 naming it', async () => {
      const seqs = await seed();
      await tamper(t.db, `UPDATE audit_log SET actor = 'someone else' WHERE seq = ${seqs[2]}`);
      const out = sink();
      expect(await auditVerifyCommand({}, 'en', { db: t.db, stdout: out, sealing: sealing() })).toBe(1);
      expect(out.text).toBe(
        `audit log BROKEN at row seq ${seqs[2]}: its hash does not match its contents (edited); 5 rows checked\n`,
      );
    });

    it('a removed row: exit 1 naming the row after it', async () => {
      const seqs = await seed();
      await tamper(t.db, `DELETE FROM audit_log WHERE seq = ${seqs[1]}`);
      const out = sink();
      expect(await auditVerifyCommand({}, 'zh-CN', { db: t.db, stdout: out, sealing: sealing() })).toBe(1);
      expect(out.text).toContain(`第 seq ${seqs[2]} 行未链接到前一行`);
    });
  },
  { migrate: true },
);
