import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CITY_SECRET_FILE, citySecret, normalisePhone, phonePseudonym } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { insertPlaces } from '@renxing/modules/places';
import { parseCsv } from '@renxing/sheets';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPeopleFile } from '../service/people-import.js';
import { rowToPerson, validIdNumber } from '../service/people-rows.js';
import { countPeople, peopleUnder, personById, upsertPeople } from './people.js';
import { searchPeople } from './people-search.js';

const SECRET = Buffer.from('k'.repeat(32));

/** An 18-character ID number with the right check character. */
function idNumber(n: number): string {
  const body = `110101199001${String(n).padStart(5, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

function csv(n: number, from = 0): string {
  const lines = ['name,phone,id_number,address,community,household'];
  for (let i = from; i < from + n; i++) {
    const community = i % 2 === 0 ? 'cq.yz.jd01.sq01' : 'sq02';
    lines.push(
      `人${i},1380000${String(i).padStart(4, '0')},${idNumber(i)},"路 ${i} 号, 2 单元",${community},h${Math.floor(i / 3)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('pseudonyms and the city secret', () => {
  it('normalises phone numbers to one form', () => {
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalisePhone('0086 13800138000')).toBe('13800138000');
    expect(normalisePhone('(023) 6388 1234')).toBe('02363881234');
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('call me')).toBeNull();
    expect(normalisePhone('123')).toBeNull();
  });

  it('is stable for one secret and different for another', () => {
    const a = phonePseudonym(SECRET, '13800138000');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(phonePseudonym(SECRET, '+86 138 0013 8000')).toBe(a);
    expect(phonePseudonym(Buffer.from('z'.repeat(32)), '13800138000')).not.toBe(a);
    expect(phonePseudonym(SECRET, 'nope')).toBeNull();
  });

  it('takes the secret from the environment, else creates a 0600 file once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-secret-'));
    try {
      const env = { RENXING_CITY_SECRET: 's'.repeat(40) };
      expect(citySecret({ env, dataDir: dir }).toString()).toBe('s'.repeat(40));
      expect(() => citySecret({ env: { RENXING_CITY_SECRET: 'short' }, dataDir: dir })).toThrow(/32/);
      expect(fs.existsSync(path.join(dir, CITY_SECRET_FILE))).toBe(false);
      const first = citySecret({ env: {}, dataDir: path.join(dir, 'data') });
      expect(first.length).toBe(32);
      const file = path.join(dir, 'data', CITY_SECRET_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(citySecret({ env: {}, dataDir: path.join(dir, 'data') }).equals(first)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('row parsing', () => {
  it('reads quoted CSV fields and keeps the line each record starts on', () => {
    const rows = parseCsv('\ufeffa,b\n"x, ""y""","multi\nline"\n\nlast,1\r\n"open');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'multi\nline'] },
      { line: 5, cells: ['last', '1'] },
      { line: 6, cells: ['open'], error: 'unterminated quoted field' },
    ]);
  });

  it('checks ID numbers and names the field at fault', () => {
    expect(validIdNumber(idNumber(7))).toBe(true);
    expect(validIdNumber(`${idNumber(7).slice(0, 17)}0`.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBe(
      false,
    );
    const columns = { name: 0, phone: 1, id_number: 2, address: 3, community: 4 };
    const row = (cells: string[]) => rowToPerson({ line: 9, cells }, columns);
    expect(row(['', '13800138000', '', 'a', 'sq01'])).toEqual({
      reject: { line: 9, field: 'name', reason: 'empty' },
    });
    expect(row(['甲', 'x', '', 'a', 'sq01'])).toMatchObject({ reject: { field: 'phone' } });
    expect(row(['甲', '13800138000', '123', 'a', 'sq01'])).toMatchObject({ reject: { field: 'id_number' } });
    expect(row(['甲', '13800138000', '', 'a', 'SQ 1'])).toMatchObject({ reject: { field: 'community' } });
    expect(row(['甲', '13800138000', '', '', 'sq01'])).toEqual({
      person: {
        name: '甲',
        phone: '13800138000',
        idNumber: null,
        address: null,
        community: 'sq01',
        household: null,
      },
    });
  });
});

forEachDatabase(
  'people',
  (t) => {
    async function seed() {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
        { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
        { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
        { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq01', name: '同名社区' },
        { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
      ]);
    }
    const file = (text: string) => new TextEncoder().encode(text);

    it('imports a CSV with households and home places, and reads people back', async () => {
      await seed();
      const result = await importPeopleFile(t.db, file(csv(9)), { secret: SECRET, batchSize: 4 });
      expect(result).toEqual({ rows: 9, inserted: 9, updated: 0, rejects: [] });
      const { rows } = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM households');
      expect(rows[0].n).toBe(3);
      const page1 = await peopleUnder(t.db, 'cq.yz', { limit: 5 });
      expect(page1.people).toHaveLength(5);
      const page2 = await peopleUnder(t.db, 'cq.yz', { limit: 5, after: page1.next });
      expect(page2.people).toHaveLength(4);
      expect(page2.next).toBeNull();
      expect((await peopleUnder(t.db, 'cq.yz.jd01.sq02')).people).toHaveLength(4);
      expect((await peopleUnder(t.db, 'cq.jb')).people).toHaveLength(0);
      const one = await personById(t.db, page1.people[0].id);
      expect(one).toEqual(page1.people[0]);
      expect(one?.phonePseudonym).toBe(phonePseudonym(SECRET, one!.phone!));
      expect(one?.homePlacePath).toMatch(/^cq\.yz\.jd01\.sq0[12]$/);
      expect(one?.address).toMatch(/^路 \d 号, 2 单元$/);
      expect(await personById(t.db, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
      expect(await personById(t.db, 'not-a-uuid')).toBeUndefined();
    });

    it('reports bad rows with their line and reason and keeps the rest', async () => {
      await seed();
      const text = [
        'Name,Phone,Address,Community,Extra',
        '甲,13800000001,路1号,cq.yz.jd01.sq01,x',
        ',13800000002,路2号,sq02,',
        '丙,not-a-phone,路3号,sq02,',
        '丁,13800000004,路4号,cq.yz.jd99.sq01,',
        '戊,13800000005,路5号,sq01,', // ambiguous: two communities have this code
        '己,13800000001,路6号,sq02,', // the phone of line 2
        '庚,13800000007,路7号,cq.yz,', // a district
        '辛,13800000008,"路8号,sq02',
      ].join('\n');
      const result = await importPeopleFile(t.db, file(text), { secret: SECRET });
      expect(result.inserted).toBe(1);
      expect(result.rejects).toEqual([
        { line: 3, field: 'name', reason: 'empty' },
        { line: 4, field: 'phone', reason: 'not a phone number: not-a-phone' },
        { line: 5, field: 'community', reason: 'unknown community cq.yz.jd99.sq01' },
        { line: 6, field: 'community', reason: 'ambiguous code sq01: use the path' },
        { line: 7, field: 'phone', reason: 'repeats line 2' },
        { line: 8, field: 'community', reason: 'cq.yz is a district, not a community' },
        { line: 9, field: 'row', reason: 'unterminated quoted field' },
      ]);
      await expect(
        importPeopleFile(t.db, file('name,phone\n'), { secret: SECRET, file: 'p.csv', field: 'body' }),
      ).rejects.toMatchObject({
        code: 'RX_MISSING_COLUMN',
        params: { file: 'p.csv', detail: 'address, community' },
        field: 'body.address',
      });
      await expect(importPeopleFile(t.db, file(''), { secret: SECRET })).rejects.toMatchObject({
        code: 'RX_FILE_EMPTY',
      });
      const notUtf8 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]);
      const error = await importPeopleFile(t.db, notUtf8, { secret: SECRET, file: 'p.csv' }).catch((e) => e);
      expect(error).toMatchObject({ code: 'RX_FILE_UNREADABLE' });
      expect(error.text('zh-CN')).toContain('不是 UTF-8 文本');
    });

    it('keeps people outside `within` out, as unknown communities', async () => {
      await seed();
      const text = 'name,phone,address,community\n甲,13800000001,a,cq.yz.jd01.sq01\n乙,13800000002,b,sq09\n';
      const result = await importPeopleFile(t.db, file(text), { secret: SECRET, within: 'cq.yz' });
      expect(result.inserted).toBe(1);
      expect(result.rejects).toEqual([{ line: 3, field: 'community', reason: 'unknown community sq09' }]);
    });

    it('imports an XLSX workbook', async () => {
      await seed();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('people');
      sheet.addRow(['姓名', '手机号', '身份证号', '住址', '社区', '户号']);
      sheet.addRow(['甲', 13800000001, idNumber(1), '路1号', 'cq.yz.jd01.sq01', 'h1']);
      sheet.addRow(['乙', '138 0000 0002', '', '路2号', 'sq02', 'h1']);
      sheet.addRow(['丙', '13800000003', 'bad', '路3号', 'sq02', '']);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const result = await importPeopleFile(t.db, bytes, { secret: SECRET });
      expect(result).toMatchObject({ rows: 3, inserted: 2, updated: 0 });
      expect(result.rejects).toEqual([{ line: 4, field: 'id_number', reason: 'not a valid ID number' }]);
      const { people } = await peopleUnder(t.db, 'cq');
      expect(new Set(people.map((p) => p.householdKey))).toEqual(new Set(['h1']));
      expect(people.map((p) => p.phone).sort()).toEqual(['13800000001', '13800000002']);
      await expect(
        importPeopleFile(t.db, new Uint8Array([0x50, 0x4b, 3, 4, 0]), { secret: SECRET }),
      ).rejects.toMatchObject({
        code: 'RX_FILE_UNREADABLE',
      });
    });

    it('re-imports idempotently: the same count, updates in place', async () => {
      await seed();
      const first = await importPeopleFile(t.db, file(csv(25)), { secret: SECRET, batchSize: 10 });
      expect(first).toMatchObject({ inserted: 25, updated: 0 });
      const before = await peopleUnder(t.db, 'cq', { limit: 1000 });
      const second = await importPeopleFile(t.db, file(csv(25)), { secret: SECRET, batchSize: 7 });
      expect(second).toMatchObject({ inserted: 0, updated: 25, rejects: [] });
      expect(await countPeople(t.db)).toBe(25);
      const after = await peopleUnder(t.db, 'cq', { limit: 1000 });
      expect(after.people.map((p) => p.id)).toEqual(before.people.map((p) => p.id));
      const { rows } = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM households');
      expect(rows[0].n).toBe(9);
    });

    it('loses and duplicates nobody when an interrupted import is re-run', async () => {
      await seed();
      let batches = 0;
      await expect(
        importPeopleFile(t.db, file(csv(50)), {
          secret: SECRET,
          batchSize: 8,
          onBatch: () => {
            if (++batches === 3) throw new Error('killed');
          },
        }),
      ).rejects.toThrow('killed');
      expect(await countPeople(t.db)).toBe(24);
      const rerun = await importPeopleFile(t.db, file(csv(50)), { secret: SECRET, batchSize: 8 });
      expect(rerun).toMatchObject({ inserted: 26, updated: 24, rejects: [] });
      expect(await countPeople(t.db)).toBe(50);
      expect(await countPeople(t.db, 'cq.yz.jd01.sq01')).toBe(25);
    });

    it('runs batches concurrently and still re-runs cleanly after a crash', async () => {
      await seed();
      let batches = 0;
      await expect(
        importPeopleFile(t.db, file(csv(60)), {
          secret: SECRET,
          batchSize: 5,
          concurrency: 3,
          onBatch: () => {
            if (++batches === 4) throw new Error('killed');
          },
        }),
      ).rejects.toThrow('killed');
      const stored = await countPeople(t.db);
      expect(stored).toBeGreaterThanOrEqual(20);
      expect(stored).toBeLessThan(60);
      const rerun = await importPeopleFile(t.db, file(csv(60)), {
        secret: SECRET,
        batchSize: 5,
        concurrency: 3,
      });
      expect(rerun).toMatchObject({ inserted: 60 - stored, updated: stored, rejects: [] });
      expect(await countPeople(t.db)).toBe(60);
      const { rows } = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM households');
      expect(rows[0].n).toBe(20);
    });

    it('keeps the per-place counters equal to a count of the rows through imports, moves and deletes', async () => {
      await seed();
      const counted = async () => {
        const { rows: kept } = await t.db.query<{ place_id: string; n: string }>(
          'SELECT place_id, people AS n FROM people_place_counts WHERE people <> 0 ORDER BY place_id',
        );
        const { rows: real } = await t.db.query<{ place_id: string; n: string }>(
          `SELECT home_place_id AS place_id, count(*) AS n FROM people WHERE home_place_id IS NOT NULL
            GROUP BY home_place_id ORDER BY home_place_id`,
        );
        expect(kept.map((r) => [r.place_id, Number(r.n)])).toEqual(
          real.map((r) => [r.place_id, Number(r.n)]),
        );
        return real.reduce((sum, r) => sum + Number(r.n), 0);
      };
      await importPeopleFile(t.db, file(csv(60)), { secret: SECRET, batchSize: 7, concurrency: 3 });
      expect(await counted()).toBe(60);
      // Everyone moves to the other community (a re-import with the communities swapped), and 10 new.
      const swapped = csv(70)
        .replaceAll(',cq.yz.jd01.sq01,', ',TMP,')
        .replaceAll(',sq02,', ',cq.yz.jd01.sq01,');
      await importPeopleFile(t.db, file(swapped.replaceAll(',TMP,', ',sq02,')), {
        secret: SECRET,
        batchSize: 9,
      });
      expect(await counted()).toBe(70);
      await t.db.query("UPDATE people SET home_place_id = NULL WHERE name IN ('人1', '人2')");
      await t.db.query("DELETE FROM people WHERE name IN ('人3', '人4', '人5')");
      expect(await counted()).toBe(65);
      const everyone = await searchPeople(t.db, { under: 'cq', secret: SECRET, limit: 10 });
      expect(everyone.total).toBe(65);
      expect(everyone.people.map((p) => p.name)).toEqual(
        [...everyone.people.map((p) => p.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      const page = await searchPeople(t.db, {
        under: 'cq.yz.jd01.sq01',
        secret: SECRET,
        offset: 5,
        limit: 5,
      });
      const all = await searchPeople(t.db, { under: 'cq.yz.jd01.sq01', secret: SECRET, limit: 200 });
      expect(page.people).toEqual(all.people.slice(5, 10));
      expect(all.total).toBe(all.people.length);
      // A name fragment goes through the characters' index and is still a substring match.
      expect(
        (await searchPeople(t.db, { under: 'cq', q: '人6', secret: SECRET })).people
          .map((p) => p.name)
          .sort(),
      ).toEqual(['人6', '人60', '人61', '人62', '人63', '人64', '人65', '人66', '人67', '人68', '人69']);
      expect((await searchPeople(t.db, { under: 'cq', q: '6人', secret: SECRET })).total).toBe(0);
    });

    it('still refuses a malformed pseudonym (0006 keeps the rule without a regex)', async () => {
      for (const bad of ['ABCDEF'.repeat(6), 'a'.repeat(31), `${'a'.repeat(40)}g`]) {
        await expect(
          t.db.query(`INSERT INTO people (name, phone, phone_pseudonym) VALUES ('x', '13800000001', $1)`, [
            bad,
          ]),
        ).rejects.toThrow(/people_phone_pseudonym_check/);
      }
    });

    it('refuses an ID number held by another person and keeps the rest', async () => {
      await seed();
      const people = [
        { name: '甲', phone: '13800000001', community: 'sq02' },
        { name: '乙', phone: '13800000002', community: 'sq02', address: 'x'.repeat(10) },
      ];
      await upsertPeople(t.db, people, { secret: SECRET });
      expect(await countPeople(t.db)).toBe(2);
      await upsertPeople(t.db, [{ ...people[0], idNumber: idNumber(1) }], { secret: SECRET });
      const result = await upsertPeople(
        t.db,
        [
          { ...people[1], idNumber: idNumber(1) },
          { name: '丙', phone: '13800000003', community: 'sq02' },
        ],
        { secret: SECRET },
      );
      expect(result).toEqual({
        inserted: 1,
        updated: 0,
        rejects: [{ index: 0, field: 'id_number', reason: 'belongs to another person' }],
      });
    });
  },
  { migrate: true },
);
