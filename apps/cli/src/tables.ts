/**
 * The CLI's input tables: a CSV or XLSX file read with the columns a command needs (by exact
 * lower-case name after trimming spaces), its data rows by physical line and the rows it could not read.
 */
import { RenxingError } from '@renxing/contracts';
import { readTable, type SheetRow } from '@renxing/sheets';
import { readWhole } from './files.js';

export interface LineReject {
  line: number;
  reason: string;
}

/** A table's data rows, each as its cells under the wanted columns, and the rows it could not read. */
export interface Table<C extends string> {
  rows: { line: number; cell: Record<C, string> }[];
  unreadable: LineReject[];
}

/** Header cells are found by exact lower-case name after trimming spaces; the first such column wins. */
const headerName = (cell: string): string => cell.replace(/^ +| +$/g, '');

/**
 * A CSV or XLSX table with the `columns` it must have, read from `path`: unopenable, empty or
 * lacking a column stops the run (RX_FILE_UNREADABLE, RX_FILE_EMPTY, RX_MISSING_COLUMN). Lines
 * are physical lines, the header line 1.
 */
export async function readColumns<C extends string>(path: string, columns: readonly C[]): Promise<Table<C>> {
  const bytes = readWhole(path);
  const { rows, rejects } = await readTable(bytes, undefined, { file: path });
  if (rows.length === 0 && rejects.length === 0) throw new RenxingError('RX_FILE_EMPTY', { file: path });
  // The header is the first record; a header the CSV reader could not read has no columns.
  const headerRow: SheetRow | undefined =
    rows.length > 0 && (rejects.length === 0 || rows[0].line < rejects[0].line) ? rows[0] : undefined;
  const names = (headerRow?.cells ?? []).map(headerName);
  const at = columns.map((c) => names.indexOf(c));
  const missing = columns.filter((_, i) => at[i] < 0);
  if (missing.length > 0)
    throw new RenxingError('RX_MISSING_COLUMN', { file: path, detail: missing.join(', ') });
  const data = headerRow ? rows.slice(1) : [];
  return {
    rows: data.map((r) => ({
      line: r.line,
      cell: Object.fromEntries(columns.map((c, i) => [c, r.cells[at[i]] ?? ''])) as Record<C, string>,
    })),
    unreadable: rejects.map((r) => ({ line: r.line, reason: r.reason })),
  };
}

export const byLine = (a: LineReject, b: LineReject): number => a.line - b.line;
