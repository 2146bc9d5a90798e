import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDatabase } from '@renxing/db/testing';
import { insertPlaces } from '@renxing/modules/places';
import { listVolunteers } from '@renxing/modules/volunteers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { command, importVolunteersCommand } from './import-volunteers.js';

const NOW = new Date('2026-12-06T02:00:00Z');
const SQ1 = 'cq.yz.jd01.sq01';
const sink = () => {
  const chunks: string[] = [];
  return {
    write: (s: string) => chunks.push(s) > 0,
    text: () => chunks.join(''),
  } as unknown as NodeJS.WritableStream & { text(): string };
};

forEachDatabase(
  'import volunteers command',
  (t) => {
    let dir: string;
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-volunteers-'));
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        {
          parentPath: 'cq.yz.jd01',
          level: 'community',
          code: 'sq01',
          name: '较场口社区',
          lon: 106.574,
          lat: 29.552,
        },
      ]);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('imports volunteers with their windows, writes the rejects, and re-runs to no change', async () => {
      const file = path.join(dir, 'volunteers.csv');
      fs.writeFileSync(
        file,
        [
          'name,phone,skills,community,capacity,from,to',
          `刘洋,13900000001,transport;送药,${SQ1},3,2026-12-06 08:00,2026-12-06 12:00`,
          `刘洋,13900000001,transport;送药,${SQ1},,2026-12-07 08:00,2026-12-07 12:00`,
          `陈静,13900000002,juggling,${SQ1},,,`,
          `王强,13900000003,translation,cq.yz.jd01.sq99,,,`,
          '',
        ].join('\n'),
      );
      const out = sink();
      const first = await importVolunteersCommand({ file }, 'zh-CN', { db: t.db, out, now: NOW });
      expect(first.summary).toMatchObject({ rows: 4, created: 1, windows: 2 });
      expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8')).toBe(
        'line,reason\n4,技能为空或不在技能目录中（多个技能用 ; 分隔）\n5,社区不存在或不在您的辖区内\n',
      );
      expect(out.text()).toContain('志愿者 新增 / 更新 / 未变: 1 / 0 / 0');
      const { volunteers } = await listVolunteers(t.db, { scope: null });
      expect(volunteers.map((v) => [v.name, v.state, v.capacity, v.windows.length])).toEqual([
        ['刘洋', 'unverified', 3, 2],
      ]);
      const again = await importVolunteersCommand({ file }, 'en', { db: t.db, out: sink(), now: NOW });
      expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1, windows: 0 });
      const audit = await t.db.query<{ actor: string }>(
        "SELECT actor FROM audit_log WHERE action = 'volunteer.import'",
      );
      expect(audit.rows.map((r) => r.actor)).toEqual(['system:volunteers', 'system:volunteers']);
    });

    it('is `renxing import volunteers FILE`', () => {
      expect(command.words).toEqual(['import', 'volunteers']);
      const line = parseCommandLine(['import', 'volunteers', 'v.csv', '--rejects', 'r.csv'], [command]);
      expect(line.command).toBe(command);
      expect(line.flags).toMatchObject({ file: 'v.csv', rejects: 'r.csv' });
    });
  },
  { migrate: true },
);
