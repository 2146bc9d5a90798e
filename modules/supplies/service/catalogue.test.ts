import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { insertPlaces } from '@renxing/modules/places';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { listItems } from '../store/items.js';
import { importSupplyItems } from './catalogue.js';
import { NOW } from './test-support.js';

const bytes = (s: string) => new TextEncoder().encode(s);

forEachDatabase(
  'supplies: the catalogue',
  (t) => {
    async function actor() {
      await insertPlaces(t.db, [{ level: 'city', code: 'cq', name: '重庆市' }]);
      const user = await insertUser(t.db, {
        username: 'admin',
        passwordHash: 'x',
        role: 'city_admin',
        placePath: 'cq',
      });
      return { userId: user.id, scope: 'cq', now: NOW };
    }

    it('imports a CSV: refused rows by line and reason, the rest kept; the same file again changes nothing', async () => {
      const a = await actor();
      const csv = [
        'Code,Name,Unit,Shelf_Life_Days,Min_Per_Store,note',
        'MASK,医用口罩,个,1095,100,',
        'WATER,饮用水,升,365,,桶装',
        ',无编码,个,,,',
        'TENT,,顶,,,',
        'BAD CODE,坏编码,个,,,',
        'GEN,发电机,台,-1,,',
        'KIT,急救包,个,,1.5,',
        'MASK,医用口罩（重复）,个,,,',
        'SAND,沙袋,条,,',
        '"BROKEN,x',
      ].join('\n');
      const first = await importSupplyItems(t.db, bytes(csv), { actor: a, source: { file: 'items.csv' } });
      expect(first).toMatchObject({ rows: 9, created: 3, updated: 0, unchanged: 0 });
      expect(first.rejects.map((r) => [r.line, r.reason])).toEqual([
        [4, 'bad_code'],
        [5, 'bad_name'],
        [6, 'bad_code'],
        [7, 'bad_shelf_life'],
        [8, 'bad_minimum'],
        [9, 'duplicate_code'],
        [11, 'unreadable_row'],
      ]);
      expect(first.rejects[0].message['zh-CN']).toContain('编码');
      expect(
        (await listItems(t.db)).map((i) => [i.code, i.name, i.unit, i.shelfLifeDays, i.minPerStore]),
      ).toEqual([
        ['MASK', '医用口罩', '个', 1095, 100],
        ['SAND', '沙袋', '条', null, null],
        ['WATER', '饮用水', '升', 365, null],
      ]);
      const again = await importSupplyItems(t.db, bytes(csv), { actor: a });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      const changed = await importSupplyItems(t.db, bytes('code,name,unit\nMASK,口罩,只\nTENT,帐篷,顶\n'), {
        actor: a,
      });
      expect(changed).toMatchObject({ rows: 2, created: 1, updated: 1, unchanged: 0, rejects: [] });
      // A column the file leaves out keeps what the catalogue says; an empty cell says none.
      expect((await listItems(t.db)).find((i) => i.code === 'MASK')).toMatchObject({
        name: '口罩',
        unit: '只',
        shelfLifeDays: 1095,
        minPerStore: 100,
      });
      await importSupplyItems(t.db, bytes('code,name,unit,min_per_store\nMASK,口罩,只,\n'), { actor: a });
      expect((await listItems(t.db)).find((i) => i.code === 'MASK')).toMatchObject({
        shelfLifeDays: 1095,
        minPerStore: null,
      });
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'supplies.items.import'",
      );
      expect(rows[0].n).toBe(4);
      await expect(importSupplyItems(t.db, bytes('code,name\nX,y\n'), { actor: a })).rejects.toMatchObject({
        code: 'RX_MISSING_COLUMN',
      });
    });

    it('imports an XLSX the same way', async () => {
      const a = await actor();
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('目录');
      ws.addRow(['code', 'name', 'unit', 'shelf_life_days']);
      ws.addRow(['BLANKET', '棉被', '床', '']);
      ws.addRow(['NOODLE', '方便面', '箱', 180]);
      ws.addRow(['', '', '', '']);
      const file = new Uint8Array(await book.xlsx.writeBuffer());
      const r = await importSupplyItems(t.db, file, { actor: a });
      expect(r).toMatchObject({ created: 2 });
      expect((await listItems(t.db)).map((i) => [i.code, i.shelfLifeDays])).toEqual([
        ['BLANKET', null],
        ['NOODLE', 180],
      ]);
    });
  },
  { migrate: true },
);
