import type { Db } from '@renxing/db';
import { phonePseudonym } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import {
  insertCase,
  listCases,
  listCompanions,
  setDetection,
  upsertCompanions,
} from '@renxing/modules/cases';
import { placeStats } from '@renxing/modules/dashboard';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { createTasksForCase, listTasks, reassignTasks, taskById, updateTask } from './tasks.js';

const SECRET = Buffer.from('s'.repeat(32));
const NOW = new Date('2026-11-20T12:00:00Z');
const pseudo = (phone: string) => phonePseudonym(SECRET, phone)!;

async function seed(db: Db) {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq', level: 'district', code: 'yz2', name: '另一区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '社区二' },
    { parentPath: 'cq.yz2', level: 'community', code: 'sq09', name: '社区九' },
  ]);
  await upsertPeople(
    db,
    [
      { name: '张三', phone: '13800000001', community: 'cq.yz.jd01.sq01' },
      { name: '李四', phone: '13800000002', community: 'cq.yz2.sq09' },
      { name: '王五', phone: '13800000003', community: 'cq.yz.jd01.sq02' },
    ],
    { secret: SECRET },
  );
  const c = await insertCase(db, {
    subjectPseudonym: pseudo('13800000003'),
    confirmedAt: NOW,
    preset: 'default',
  });
  const rows = [
    { phone: '13800000001', cell: '1:2', s: 1000, e: 2000 },
    { phone: '13800000002', cell: '1:2', s: 1000, e: 1700 },
    { phone: '13900000009', cell: '-3:4', s: 5000, e: 6000 }, // not in the registry
  ];
  const stored = await upsertCompanions(
    db,
    c.id,
    rows.map((r) => ({
      subjectPseudonym: pseudo(r.phone),
      cell: r.cell,
      overlapStart: r.s,
      overlapEnd: r.e,
      overlapS: r.e - r.s,
    })),
  );
  return { c, stored };
}

forEachDatabase(
  'cases, companions and follow-up tasks',
  (t) => {
    it('numbers cases, resolves companions to people and keeps one row per (case, subject)', async () => {
      const { c, stored } = await seed(t.db);
      expect(c.label).toMatch(/^C\d{4}$/);
      expect(c.detection.state).toBe('pending');
      expect(stored.filter((s) => s.personId !== null)).toHaveLength(2);
      expect(stored.every((s) => s.inserted)).toBe(true);
      const again = await upsertCompanions(t.db, c.id, [
        {
          subjectPseudonym: pseudo('13800000001'),
          cell: '1:3',
          overlapStart: 900,
          overlapEnd: 2000,
          overlapS: 1100,
        },
      ]);
      expect(again[0]).toMatchObject({ inserted: false, cell: '1:3', overlapStart: 900 });
      const all = await listCompanions(t.db, c.id, { scope: 'cq' });
      expect(all.total).toBe(3);
      expect(all.companions[0]).toMatchObject({ name: '张三', cell: '1:3', overlapS: 1100, colour: 'green' });
      // A street sees only the companions living under it; the unknown phone only from the city.
      const street = await listCompanions(t.db, c.id, { scope: 'cq.yz.jd01' });
      expect(street.companions.map((x) => x.name)).toEqual(['张三']);
      const unknown = all.companions.find((x) => x.personId === null)!;
      expect(unknown).toMatchObject({ name: null, homePlacePath: null, cell: '-3:4' });
      // The case is visible where a companion lives (yz2), and not in an unrelated district.
      expect((await listCases(t.db, { scope: 'cq.yz2' })).total).toBe(1);
      await t.db.query(
        `INSERT INTO places (parent_id, level, code, name) SELECT id, 'district', 'jb', '江北区' FROM places WHERE path = 'cq'`,
      );
      expect((await listCases(t.db, { scope: 'cq.jb' })).total).toBe(0);
      await setDetection(t.db, c.id, { state: 'done', companions: 3 });
      const [listed] = (await listCases(t.db, { scope: 'cq' })).cases;
      expect(listed.detection.state).toBe('done');
      expect(listed.companionCount).toBe(3);
      expect(listed.detection.finishedAt).toBeInstanceOf(Date);
    });

    it('makes one task per companion, in the home community or the city queue, never twice', async () => {
      const { c } = await seed(t.db);
      expect(await createTasksForCase(t.db, c.id, { now: NOW })).toBe(3);
      expect(await createTasksForCase(t.db, c.id, { now: NOW })).toBe(0);
      const city = await listTasks(t.db, { scope: 'cq', now: NOW, sort: 'place' });
      expect(city.tasks.map((x) => x.placePath)).toEqual(['cq', 'cq.yz.jd01.sq01', 'cq.yz2.sq09']);
      expect(city.tasks[1]).toMatchObject({ personName: '张三', phoneMasked: '138****0001', cell: '1:2' });
      const sq01 = await listTasks(t.db, { scope: 'cq.yz.jd01.sq01', now: NOW });
      expect(sq01.total).toBe(1);
      // Overdue once the due time (24 h) has passed.
      const later = new Date(NOW.getTime() + 25 * 3600_000);
      expect((await listTasks(t.db, { scope: 'cq', now: later, overdue: true })).total).toBe(3);
      expect((await listTasks(t.db, { scope: 'cq', now: NOW, overdue: true })).total).toBe(0);
      // Done and finished.
      const task = sq01.tasks[0];
      expect(
        await updateTask(t.db, task.id, { state: 'done', outcome: 'reached', note: '已电话联系' }, NOW),
      ).toBe(true);
      const done = await taskById(t.db, task.id, { scope: 'cq.yz', now: later });
      expect(done).toMatchObject({ state: 'done', outcome: 'reached', overdue: false });
      expect(done?.finishedAt).toBeInstanceOf(Date);
      expect(await taskById(t.db, task.id, { scope: 'cq.yz2', now: NOW })).toBeUndefined();
    });

    it('moves open tasks with a person who moves, and bulk reassigns', async () => {
      const { c } = await seed(t.db);
      await createTasksForCase(t.db, c.id, { now: NOW });
      // 张三 moves to sq02: the open task follows.
      await upsertPeople(t.db, [{ name: '张三', phone: '13800000001', community: 'cq.yz.jd01.sq02' }], {
        secret: SECRET,
      });
      const sq02 = await listTasks(t.db, { scope: 'cq.yz.jd01.sq02', now: NOW });
      expect(sq02.tasks.map((x) => x.personName)).toEqual(['张三']);
      const ids = (await listTasks(t.db, { scope: 'cq', now: NOW })).tasks.map((x) => x.id);
      const { rows } = await t.db.query<{ id: string }>(
        `SELECT id FROM places WHERE path = 'cq.yz.jd01.sq01'`,
      );
      expect(await reassignTasks(t.db, ids, { placeId: rows[0].id })).toBe(3);
      expect((await listTasks(t.db, { scope: 'cq.yz.jd01.sq01', now: NOW })).total).toBe(3);
    });

    it('counts codes, cases, companions and tasks per place', async () => {
      const { c } = await seed(t.db);
      await createTasksForCase(t.db, c.id, { now: NOW });
      await t.db.query(
        `INSERT INTO health_codes (person_id, colour, since, reason, state)
         SELECT id, 'yellow', now(), '{}', '{}' FROM people WHERE name = '张三'`,
      );
      const stats = await placeStats(t.db, 'cq', NOW);
      expect(stats.map((s) => s.path)).toEqual(['cq', 'cq.yz', 'cq.yz2']);
      expect(stats[0]).toMatchObject({ people: 3, yellow: 1, green: 2, companions: 2, openTasks: 3 });
      expect(stats[1]).toMatchObject({ people: 2, yellow: 1, companions: 1, openTasks: 1 });
      expect(stats[2]).toMatchObject({ people: 1, yellow: 0, companions: 1, openTasks: 1 });
    });
  },
  { migrate: true },
);
