/**
 * `renxing audit verify`: walks the whole hash chain of the audit log and checks its seals (kept
 * outside the database, RENXING_AUDIT_SEALS); exit 0 intact, 1 broken. An intact log is sealed
 * afresh, so rows the CLI itself wrote are anchored too.
 */
import { fill, type Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase, renxingDataDir } from '@renxing/db';
import { type AuditSealing, auditSealing, sealAudit, verifyAudit } from '@renxing/modules/audit';
import type { Flags } from '../args.js';
import type { Command } from '../command.js';

export interface AuditVerifyIo {
  /** The database to check (default: `openDatabase()`, migrated, closed afterwards). */
  db?: Db;
  /** The key and seal folder (default: from RENXING_AUDIT_KEY, RENXING_AUDIT_SEALS, the data dir). */
  sealing?: AuditSealing;
  stdout?: { write(text: string): unknown };
}

const TEXT = {
  ok: {
    en: 'audit log intact: {rows} rows checked, hash chain unbroken\n',
    'zh-CN': '审计日志完好：已检查 {rows} 行，哈希链未断\n',
  },
  sealed: {
    en: 'seals: {seals} checked, rows through seq {through} sealed outside the database\n',
    'zh-CN': '封存：已校验 {seals} 个，seq {through} 及之前的行已在数据库之外封存\n',
  },
  unsealed: {
    en: 'seals: none yet for this log (checked against itself only); sealed now\n',
    'zh-CN': '封存：此日志尚无封存（仅按自身校验）；现已封存\n',
  },
  seal: {
    en: 'audit log BROKEN at seal seq {seq}: sealed rows were rewritten and their hashes recomputed; {rows} rows checked\n',
    'zh-CN': '审计日志已损坏：seq {seq} 的封存不符，已封存的行被改写并重算了哈希；已检查 {rows} 行\n',
  },
  truncated: {
    en: 'audit log BROKEN: row seq {seq} was sealed but is gone from the end of the log (rows cut off); {rows} rows checked\n',
    'zh-CN': '审计日志已损坏：seq {seq} 已封存，但已从日志末尾消失（有行被截去）；已检查 {rows} 行\n',
  },
  hash: {
    en: 'audit log BROKEN at row seq {seq}: its hash does not match its contents (edited); {rows} rows checked\n',
    'zh-CN': '审计日志已损坏：第 seq {seq} 行的哈希与内容不符（被修改）；已检查 {rows} 行\n',
  },
  link: {
    en: 'audit log BROKEN at row seq {seq}: it does not link to the row before it (rows removed or inserted); {rows} rows checked\n',
    'zh-CN': '审计日志已损坏：第 seq {seq} 行未链接到前一行（有行被删除或插入）；已检查 {rows} 行\n',
  },
} as const;

export async function auditVerifyCommand(
  _flags: Flags,
  locale: Locale,
  io: AuditVerifyIo = {},
): Promise<number> {
  const db = io.db ?? (await openDatabase({}, process.env));
  try {
    if (!io.db) await migrate(db);
    const sealing =
      io.sealing ??
      auditSealing({
        dataDir: renxingDataDir(process.env),
        key: process.env.RENXING_AUDIT_KEY || undefined,
        dir: process.env.RENXING_AUDIT_SEALS || undefined,
      });
    const check = await verifyAudit(db, sealing);
    const out = io.stdout ?? process.stdout;
    if (check.ok) {
      out.write(fill(TEXT.ok[locale], { rows: check.rows }));
      if (check.sealedThrough !== null)
        out.write(fill(TEXT.sealed[locale], { seals: check.seals, through: check.sealedThrough }));
      else if (check.rows > 0) out.write(TEXT.unsealed[locale]);
      await sealAudit(db, sealing, new Date());
      return 0;
    }
    out.write(fill(TEXT[check.problem][locale], { seq: check.seq, rows: check.rows }));
    return 1;
  } finally {
    if (!io.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['audit', 'verify'],
  usage: { en: 'renxing audit verify', 'zh-CN': 'renxing audit verify' },
  flags: {},
  run: (flags, locale) => auditVerifyCommand(flags, locale),
};
