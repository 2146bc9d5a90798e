/**
 * The city's hand on the list: importing a new version of the responsibility list (CSV/XLSX,
 * rejects by line), one-off admissions and departments; each a transaction with its audit row.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { type FileSource, type RowReject, readTable, type TableKind } from '@renxing/sheets';
import { DUTY_LISTS, type DutyItem, type DutyList } from '../rules/duty.js';
import {
  type Department,
  insertAdmission,
  insertDepartment,
  listDepartments,
  publishDutyList,
} from '../store/duty-list.js';
import type { InboxActor } from './intake.js';

const COLUMNS = ['code', 'list', 'title', 'department', 'legal_basis'] as const;
type Column = (typeof COLUMNS)[number];
const ALIASES: Record<string, Column> = {
  code: 'code',
  编码: 'code',
  事项编码: 'code',
  list: 'list',
  清单: 'list',
  title: 'title',
  事项: 'title',
  名称: 'title',
  department: 'department',
  部门: 'department',
  legal_basis: 'legal_basis',
  法律依据: 'legal_basis',
  依据: 'legal_basis',
};

export interface DutyImport {
  version: number;
  rows: number;
  items: number;
  rejects: RowReject[];
}

/** Reads a list file and publishes its valid rows as the next version. */
export async function importDutyList(
  db: Db,
  bytes: Uint8Array,
  o: { kind?: TableKind; source: FileSource; note: string | null; actor: InboxActor },
): Promise<DutyImport> {
  const file = o.source.file ?? 'the file';
  const table = await readTable(bytes, o.kind, o.source);
  const [header, ...data] = table.rows;
  if (!header) throw new RenxingError('RX_FILE_EMPTY', { file }, o.source.field);
  const at = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const column = ALIASES[cell.trim().toLowerCase()];
    if (column && !at.has(column)) at.set(column, i);
  });
  const missing = COLUMNS.filter((c) => !at.has(c));
  if (missing.length > 0) {
    throw new RenxingError(
      'RX_MISSING_COLUMN',
      { file, detail: missing.join(', ') },
      `${o.source.field ?? 'file'}.${missing[0]}`,
    );
  }
  const rejects: RowReject[] = [...table.rejects];
  const items: DutyItem[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const cell = (c: Column) => (row.cells[at.get(c)!] ?? '').trim();
    const code = cell('code');
    const list = cell('list') as DutyList;
    const reject = (field: string, reason: string) => rejects.push({ line: row.line, field, reason });
    if (!code) reject('code', 'empty');
    else if (!DUTY_LISTS.includes(list))
      reject('list', `not one of ${DUTY_LISTS.join(', ')}: ${cell('list')}`);
    else if (!cell('title')) reject('title', 'empty');
    else if (seen.has(code)) reject('code', `repeats line ${seen.get(code)}`);
    else {
      seen.set(code, row.line);
      items.push({
        code,
        list,
        title: cell('title'),
        department: cell('department'),
        legalBasis: cell('legal_basis'),
      });
    }
  }
  if (items.length === 0)
    throw invalid(o.source.field ?? 'file', { en: 'no valid row', 'zh-CN': '没有有效的行' });
  rejects.sort((a, b) => a.line - b.line);
  const version = await db.transaction(async (tx) => {
    const v = await publishDutyList(tx, items, { by: o.actor.userId, note: o.note, at: o.actor.now });
    await appendAudit(tx, {
      actor: o.actor.userId,
      action: 'inbox.duty_list.publish',
      subjectType: 'duty_list',
      subjectId: String(v),
      reason: o.note,
      detail: { version: v, items: items.length, rejected: rejects.length },
    });
    return v;
  });
  return { version, rows: data.length, items: items.length, rejects };
}

export async function approveAdmission(
  db: Db,
  a: { department: string; duty: string; reason: string; validUntil: Date },
  actor: InboxActor,
): Promise<string> {
  if (a.validUntil <= actor.now) {
    throw invalid('body.validUntil', { en: 'already past', 'zh-CN': '已过期' });
  }
  if (!(await listDepartments(db)).some((d) => d.code === a.department)) {
    throw invalid('body.department', { en: 'no such department', 'zh-CN': '没有这个部门' });
  }
  return db.transaction(async (tx) => {
    const id = await insertAdmission(tx, { ...a, approvedBy: actor.userId, approvedAt: actor.now });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'inbox.admission.approve',
      subjectType: 'admission',
      subjectId: id,
      reason: a.reason,
      detail: { department: a.department, duty: a.duty, validUntil: a.validUntil.toISOString() },
    });
    return id;
  });
}

export async function createDepartment(
  db: Db,
  d: { code: string; name: string; nameEn?: string | null },
  actor: InboxActor,
): Promise<Department> {
  return db.transaction(async (tx) => {
    const made = await insertDepartment(tx, d);
    if (!made)
      throw invalid('body.code', { en: 'a department has this code already', 'zh-CN': '已有部门使用此代码' });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'inbox.department.create',
      subjectType: 'department',
      subjectId: made.id,
      detail: { code: d.code, name: d.name },
    });
    return made;
  });
}
