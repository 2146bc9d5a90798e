/**
 * The first worksheet of an XLSX, read within bounds: the ZIP is checked first (zip-guard.ts),
 * then the sheet is streamed row by row (ExcelJS's streaming reader, never the whole workbook as a
 * document), stopping with RX_TOO_MANY_ROWS once past `maxRows`.
 */

import { Readable } from 'node:stream';
import { RenxingError } from '@renxing/contracts';
import ExcelJS from 'exceljs';
import { type FileSource, nameOf, unreadable } from './source.js';
import { checkZip, type ZipLimits } from './zip-guard.js';

export interface SheetRow {
  /** 1-based row number. */
  line: number;
  cells: string[];
}

export interface SheetLimits extends ZipLimits {
  /** Rows the sheet may hold, empty rows counted. */
  maxRows: number;
}

/** Excel's own sheet: 1,048,576 rows; 256 MiB unpacked keeps a refused upload cheap. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxEntries: 1000,
  maxRows: 1_048_576,
};

/** XLSX is a ZIP (`PK\3\4`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The non-empty rows of the first worksheet, each cell as Excel shows it. */
export async function readXlsx(
  bytes: Uint8Array,
  source: FileSource = {},
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<SheetRow[]> {
  await checkZip(bytes, limits, source);
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: SheetRow[] = [];
  let seen = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (++seen > limits.maxRows) {
          throw new RenxingError(
            'RX_TOO_MANY_ROWS',
            { file: nameOf(source), limit: limits.maxRows },
            source.field,
          );
        }
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
        if (cells.some((x) => x.trim() !== '')) rows.push({ line: row.number, cells });
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof RenxingError) throw e;
    const why = (e as Error).message;
    throw unreadable(source, `not a readable XLSX workbook (${why})`, `不是可读取的 XLSX 工作簿（${why}）`);
  } finally {
    input.destroy();
  }
  return rows;
}
