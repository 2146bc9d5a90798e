/**
 * Tables the platform hands to people as files: CSV (UTF-8 with a BOM, so Excel reads Chinese
 * right) or XLSX, every text cell neutralised (contracts/csv.ts: a formula-like cell is written as
 * text), numbers and booleans kept as such.
 */
import { csvField, neutralised } from '@renxing/contracts';
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;

export function tableCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): Buffer {
  const line = (cells: readonly Cell[]) =>
    cells.map((c) => (c === null ? '' : csvField(String(c)))).join(',');
  return Buffer.from(`\ufeff${[line(header), ...rows.map(line)].join('\r\n')}\r\n`);
}

export async function tableXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  const cell = (c: Cell) => (typeof c === 'string' ? neutralised(c) : c);
  sheet.addRow(header.map(cell));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map(cell));
  return Buffer.from(await book.xlsx.writeBuffer());
}
