import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenxingError } from '@renxing/contracts';
import { forEachDatabase } from '@renxing/db/testing';
import { countPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importPeopleCommand } from './import-people.js';

const env = { RENXING_CITY_SECRET: 'cli-city-secret-cli-city-secret-000001' };
const sink = () => {
  const chunks: string[] = [];
  return {
    write: (s: string) => chunks.push(s) > 0,
    text: () => chunks.join(''),
  } as unknown as NodeJS.WritableStream & {
    text(): string;
  };
};

forEachDatabase(
  'import people command',
  (t) => {
    let dir: string;
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-import-'));
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
      ]);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('imports, writes the rejects file, and re-runs to the same count', async () => {
      const file = path.join(dir, 'people.csv');
      fs.writeFileSync(
        file,
        'name,phone,address,community\n甲,13800000001,a,sq01\n乙,x,b,sq01\n丙,13800000003,c,sq01\n',
      );
      const out = sink();
      const first = await importPeopleCommand({ file }, 'en', { db: t.db, env, out });
      expect(first).toMatchObject({ rows: 3, inserted: 2, updated: 0, rejectsFile: `${file}.rejects.csv` });
      expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8')).toBe(
        'line,field,reason\n3,phone,not a phone number: x\n',
      );
      expect(out.text()).toContain('people added: 2');
      const rejects = path.join(dir, 'bad.csv');
      const second = await importPeopleCommand({ file, rejects, 'batch-size': '1' }, 'zh-CN', {
        db: t.db,
        env,
        out,
      });
      expect(second).toMatchObject({ inserted: 0, updated: 2, rejectsFile: rejects });
      expect(await countPeople(t.db)).toBe(2);
    });

    it('maps file problems to clear errors', async () => {
      const empty = path.join(dir, 'empty.csv');
      fs.writeFileSync(empty, '');
      const noCol = path.join(dir, 'nocol.csv');
      fs.writeFileSync(noCol, 'name,phone\n');
      const run = (file: string) => importPeopleCommand({ file }, 'en', { db: t.db, env, out: sink() });
      await expect(run(empty)).rejects.toMatchObject({ code: 'RX_FILE_EMPTY' });
      await expect(run(noCol)).rejects.toMatchObject({ code: 'RX_MISSING_COLUMN' });
      await expect(run(path.join(dir, 'missing.csv'))).rejects.toBeInstanceOf(RenxingError);
      await expect(importPeopleCommand({}, 'en', { db: t.db, env })).rejects.toMatchObject({
        code: 'RX_MISSING_FLAG',
      });
    });
  },
  { migrate: true },
);
