import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { healthCodeOf } from '@renxing/modules/health-codes';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { createScreeningRound, registerSample } from '@renxing/modules/screening';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importResultsCommand } from './import-results.js';

const NOW = new Date('2026-12-06T01:00:00Z');
const SQ1 = 'cq.yz.jd01.sq01';

async function testCity(db: Db, n: number): Promise<{ people: string[]; userId: string }> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
  ]);
  const people = Array.from({ length: n }, (_, i) => ({
    name: `居民${i}`,
    phone: `1380000000${i}`,
    community: SQ1,
  }));
  await upsertPeople(db, people, { secret: Buffer.from('s'.repeat(32)) });
  const { rows } = await db.query<{ id: string }>('SELECT id FROM people ORDER BY phone');
  const user = await insertUser(db, {
    username: 'lab',
    passwordHash: 'x',
    role: 'lab_user',
    placePath: 'cq',
  });
  return { people: rows.map((r) => r.id), userId: user.id };
}
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
  'import results command',
  (t) => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-results-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('resolves the tubes of a file, writes the rejects, and changes nothing when run again', async () => {
      const { people, userId } = await testCity(t.db, 5);
      const actor = { userId, scope: 'cq', now: NOW };
      const { sites } = await createScreeningRound(
        t.db,
        {
          name: '第一轮',
          from: new Date('2026-12-06T00:00:00Z'),
          to: new Date('2026-12-07T00:00:00Z'),
          places: [{ path: SQ1, zone: 'prevention' }],
          sites: [{ name: '广场', place: SQ1, opens: '08:00', closes: '20:00', capacityPerHour: 100 }],
        },
        actor,
      );
      for (const p of people.slice(0, 5)) {
        await registerSample(
          t.db,
          { siteId: sites[0].id, tube: 'P1', person: { by: 'id', value: p } },
          actor,
        );
      }
      const file = path.join(dir, 'plate.csv');
      fs.writeFileSync(
        file,
        'tube,result,reported_at\nP1,positive,2026-12-06 18:00:00\nZZ,negative,2026-12-06 18:00:00\n',
      );
      const out = sink();
      const first = await importResultsCommand({ file }, 'en', { db: t.db, out, now: NOW });
      expect(first).toMatchObject({
        accepted: 1,
        members: { awaitingRetest: 5 },
        itemsRaised: 5,
        rejectsFile: `${file}.rejects.csv`,
      });
      expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8')).toBe(
        'file,line,reason\nresults,3,unknown tube\n',
      );
      expect(out.text()).toContain('people awaiting a single-tube re-test: 5');
      for (const p of people.slice(0, 5)) expect((await healthCodeOf(t.db, p))?.colour).toBe('yellow');
      const again = await importResultsCommand({ file }, 'zh-CN', { db: t.db, out: sink(), now: NOW });
      expect(again).toMatchObject({ accepted: 0, unchanged: 1, itemsRaised: 0, healthCodeChanges: 0 });
      expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8')).toBe('file,line,reason\nresults,3,未知的管码\n');
    });
  },
  { migrate: true },
);
