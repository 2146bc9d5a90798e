/**
 * Pure parsing for people imports, shared by `renxing import people` and `POST /api/people/import`:
 * CSV text → rows with their line numbers, a header → column positions, and a row → a person or
 * the reason it is rejected. No I/O, no database.
 *
 * Columns (header names, case-insensitive; Chinese aliases accepted): name, phone, id_number
 * (optional), address, community (a place path or code), household (optional key).
 */

import { csvField } from '@renxing/contracts';
import { normalisePhone } from '@renxing/db';
import type { NewPerson } from '../store/people.js';

export interface SourceRow {
  /** 1-based line (CSV: the line the record starts on; XLSX: the row number). */
  line: number;
  cells: string[];
}

import type { RowReject } from '@renxing/sheets';

export type { RowReject };

export const PEOPLE_COLUMNS = ['name', 'phone', 'id_number', 'address', 'community', 'household'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly PeopleColumn[] = ['name', 'phone', 'address', 'community'];

const ALIASES: Record<string, PeopleColumn> = {
  name: 'name',
  姓名: 'name',
  phone: 'phone',
  mobile: 'phone',
  手机: 'phone',
  手机号: 'phone',
  电话: 'phone',
  id_number: 'id_number',
  idnumber: 'id_number',
  身份证号: 'id_number',
  address: 'address',
  住址: 'address',
  地址: 'address',
  community: 'community',
  社区: 'community',
  household: 'household',
  户: 'household',
  户号: 'household',
};

export type ColumnMap = Partial<Record<PeopleColumn, number>>;

/** Column positions from a header row, or the list of required columns it lacks. */
export function columnMap(header: readonly string[]): { columns: ColumnMap; missing: PeopleColumn[] } {
  const columns: ColumnMap = {};
  header.forEach((raw, i) => {
    const name =
      ALIASES[
        raw
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      ] ?? ALIASES[raw.trim()];
    if (name && columns[name] === undefined) columns[name] = i;
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => columns[c] === undefined) };
}

const COMMUNITY = /^[a-z0-9_]{1,32}(\.[a-z0-9_]{1,32})*$/;
const ID18 = /^[0-9]{17}[0-9X]$/;
const ID15 = /^[0-9]{15}$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character resident ID number's check character is right (15-digit old ones pass). */
export function validIdNumber(id: string): boolean {
  if (ID15.test(id)) return true;
  if (!ID18.test(id)) return false;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (id.charCodeAt(k) - 48) * ID_WEIGHTS[k];
  return ID_CHECK[sum % 11] === id[17];
}

const LIMITS: Record<PeopleColumn, number> = {
  name: 200,
  phone: 40,
  id_number: 18,
  address: 500,
  community: 400,
  household: 100,
};

/** One data row → a person, or the first thing wrong with it. */
export function rowToPerson(
  row: SourceRow,
  columns: ColumnMap,
): { person: NewPerson } | { reject: RowReject } {
  const get = (c: PeopleColumn) => {
    const at = columns[c];
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  };
  const bad = (field: string, reason: string) => ({ reject: { line: row.line, field, reason } });
  for (const c of PEOPLE_COLUMNS)
    if (get(c).length > LIMITS[c]) return bad(c, `longer than ${LIMITS[c]} characters`);
  const name = get('name');
  if (!name) return bad('name', 'empty');
  const phone = get('phone');
  if (!phone) return bad('phone', 'empty');
  if (normalisePhone(phone) === null) return bad('phone', `not a phone number: ${phone}`);
  const idNumber = get('id_number').toUpperCase();
  if (idNumber && !validIdNumber(idNumber)) return bad('id_number', 'not a valid ID number');
  const community = get('community');
  if (!community) return bad('community', 'empty');
  if (!COMMUNITY.test(community)) return bad('community', `not a place path or code: ${community}`);
  const address = get('address');
  const household = get('household');
  return {
    person: {
      name,
      phone,
      idNumber: idNumber || null,
      address: address || null,
      community,
      household: household || null,
    },
  };
}

/** The rejects report: `line,field,reason` with a header. */
export function rejectsCsv(rejects: readonly RowReject[]): string {
  return ['line,field,reason', ...rejects.map((r) => `${r.line},${csvField(r.field)},${csvField(r.reason)}`)]
    .join('\n')
    .concat('\n');
}
