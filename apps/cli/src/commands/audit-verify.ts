/** `renxing audit verify`: walks the whole hash chain of the audit log; exit 0 intact, 1 broken. */
import { fill, type Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { verifyAuditChain } from '@renxing/modules/audit';
import type { Flags } from '../args.js';
import type { Command } from '../command.js';

export interface AuditVerifyIo {
  /** The database to check (default: `openDatabase()`, migrated, closed afterwards). */
  db?: Db;
  stdout?: { write(text: string): unknown };
}

const TEXT = {
  ok: {
    en: 'audit log intact: {rows} rows checked, hash chain unbroken\n',
    'zh-CN': '审计日志完好：已检查 {rows} 行，哈希链未断\n',
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
    const check = await verifyAuditChain(db);
    const out = io.stdout ?? process.stdout;
    if (check.ok) {
      out.write(fill(TEXT.ok[locale], { rows: check.rows }));
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
