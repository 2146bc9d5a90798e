import { describe, expect, it } from 'vitest';
import { readTable } from './table.js';
import { tableCsv, tableXlsx } from './write.js';

describe('tableCsv and tableXlsx', () => {
  const header = ['社区', '80岁以上老人数', '备注', '已走访'];
  const rows = [
    ['社区一', 12, '=HYPERLINK("http://x","点我")', true],
    ['社区二', null, "+cmd|' /C calc'!A0", false],
  ];
  it('writes CSV with a BOM whose formula-like cells read back as text', async () => {
    const csv = tableCsv(header, rows);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = await readTable(new Uint8Array(csv), 'csv');
    expect(back.rows.map((r) => r.cells)).toEqual([
      header,
      ['社区一', '12', '\'=HYPERLINK("http://x","点我")', 'true'],
      ['社区二', '', "'+cmd|' /C calc'!A0", 'false'],
    ]);
  });
  it('writes XLSX the sheet reader reads back, formulas as text', async () => {
    const xlsx = await tableXlsx('答复', header, rows);
    const back = await readTable(new Uint8Array(xlsx));
    expect(back.rows[1].cells.slice(0, 3)).toEqual(['社区一', '12', '\'=HYPERLINK("http://x","点我")']);
    expect(back.rows[2].cells[2]).toBe("'+cmd|' /C calc'!A0");
  });
});
