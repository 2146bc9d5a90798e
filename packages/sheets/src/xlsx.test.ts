import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombData, emptyRows, zipOf } from './test-support.js';
import { DEFAULT_SHEET_LIMITS, readXlsx } from './xlsx.js';

async function workbook(rows: unknown[][], sheets = 1): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const sheet = book.addWorksheet(`s${s}`);
    for (const row of rows) sheet.addRow(s === 0 ? row : ['other sheet']);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads the first sheet row by row, cells as Excel shows them, skipping empty rows', async () => {
    const bytes = await workbook(
      [
        ['姓名', '手机号', '出生'],
        ['甲', 13800000001, new Date(Date.UTC(1990, 0, 2))],
        [],
        ['乙', '138 0000 0002', ''],
      ],
      2,
    );
    const rows = await readXlsx(bytes);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[0].cells).toEqual(['姓名', '手机号', '出生']);
    expect(rows[1].cells.slice(0, 2)).toEqual(['甲', '13800000001']);
    expect(rows[1].cells[2]).toMatch(/1990/);
    expect(rows[2].cells.slice(0, 2)).toEqual(['乙', '138 0000 0002']);
  });

  it('stops at the row limit with RX_TOO_MANY_ROWS naming the file and the limit', async () => {
    const bytes = await workbook(Array.from({ length: 30 }, (_, i) => [`r${i}`]));
    await expect(
      readXlsx(bytes, { file: 'big.xlsx', field: 'body' }, { ...DEFAULT_SHEET_LIMITS, maxRows: 20 }),
    ).rejects.toMatchObject({ code: 'RX_TOO_MANY_ROWS', status: 413, field: 'body', params: { limit: 20 } });
    expect(await readXlsx(bytes, {}, { ...DEFAULT_SHEET_LIMITS, maxRows: 30 })).toHaveLength(30);
  });

  it("refuses the issue's bomb (1.5 GiB of <row/> in a 2.3 MB file) under the default limits, cheaply", async () => {
    const sheet = bombData(emptyRows(), 1500);
    const bytes = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 4096 }]);
    const before = process.memoryUsage().rss;
    await expect(readXlsx(bytes, { file: 'body', field: 'body' })).rejects.toMatchObject({
      code: 'RX_UNPACKED_TOO_LARGE',
      params: { limit: '256 MiB' },
    });
    // Counted and thrown away as it inflates: nothing near the 256 MiB it passed through is kept.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('answers a damaged workbook with RX_FILE_UNREADABLE', async () => {
    const good = await workbook([['a']]);
    const cut = good.slice(0, good.length - 10);
    await expect(readXlsx(cut, { file: 'x.xlsx' })).rejects.toMatchObject({ code: 'RX_FILE_UNREADABLE' });
    const notSheet = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<<<'), method: 0, declaredSize: 3 },
    ]);
    await expect(readXlsx(notSheet, { file: 'x.xlsx' })).rejects.toMatchObject({
      code: 'RX_FILE_UNREADABLE',
    });
  });
});
