/**
 * A table file's rows, CSV or XLSX alike: the kind sniffed from the bytes (XLSX is a ZIP), the
 * XLSX read within bounds (xlsx.ts), the CSV decoded as UTF-8; rows the CSV reader could not read
 * come back as rejects naming their line.
 */
import { parseCsv } from './csv.js';
import { type FileSource, unreadable } from './source.js';
import { DEFAULT_SHEET_LIMITS, isZip, readXlsx, type SheetLimits, type SheetRow } from './xlsx.js';

export type TableKind = 'csv' | 'xlsx';

/** The media type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a table upload may be sent as (the bytes decide CSV or XLSX). */
export const TABLE_TYPES: readonly string[] = ['text/csv', XLSX_TYPE, 'application/octet-stream'];

/** The kind a request's Content-Type names, if it names one (else the bytes are sniffed). */
export function kindOfType(contentType: string | undefined): TableKind | undefined {
  return contentType?.startsWith(XLSX_TYPE) ? 'xlsx' : undefined;
}

export interface RowReject {
  line: number;
  field: string;
  reason: string;
}

export function sniffKind(bytes: Uint8Array): TableKind {
  return isZip(bytes) ? 'xlsx' : 'csv';
}

export async function readTable(
  bytes: Uint8Array,
  kind: TableKind = sniffKind(bytes),
  source: FileSource = {},
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<{ rows: SheetRow[]; rejects: RowReject[] }> {
  if (kind === 'xlsx') return { rows: await readXlsx(bytes, source, limits), rejects: [] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(
      source,
      'not UTF-8 text (save the CSV as UTF-8)',
      '不是 UTF-8 文本（请将 CSV 另存为 UTF-8）',
    );
  }
  const rows: SheetRow[] = [];
  const rejects: RowReject[] = [];
  for (const r of parseCsv(text)) {
    if (r.error) rejects.push({ line: r.line, field: 'row', reason: r.error });
    else rows.push({ line: r.line, cells: r.cells });
  }
  return { rows, rejects };
}
