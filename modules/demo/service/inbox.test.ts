import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { getWorkItem, listDepartments, listItems, setDepartmentOfficer } from '@renxing/modules/inbox';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { describe, expect, it } from 'vitest';
import { seedDepartments, seedInbox } from './inbox.js';
import { DEMO_DEPARTMENTS, DEMO_DUTY_LIST } from './inbox-month.js';
import { demoCity } from './places.js';
import { demoIdNumber } from './seed.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

describe('demoIdNumber', () => {
  it('is a valid, unique ID number; about a fifth of the city is 60 or over, a few in a hundred 80 or over', () => {
    const ids = Array.from({ length: 20000 }, (_, n) => demoIdNumber(n));
    expect(new Set(ids).size).toBe(ids.length);
    let over60 = 0;
    let over80 = 0;
    for (const id of ids) {
      expect(id).toMatch(/^\d{17}[\dX]$/);
      let sum = 0;
      for (let k = 0; k < 17; k++) sum += Number(id[k]) * ID_WEIGHTS[k];
      expect(id[17]).toBe('10X98765432'[sum % 11]);
      const age = 2026 - Number(id.slice(6, 10)) - (id.slice(10, 14) > '0630' ? 1 : 0);
      if (age >= 60) over60++;
      if (age >= 80) over80++;
    }
    expect(over60 / ids.length).toBeGreaterThan(0.18);
    expect(over60 / ids.length).toBeLessThan(0.26);
    expect(over80 / ids.length).toBeGreaterThan(0.02);
    expect(over80 / ids.length).toBeLessThan(0.05);
  });
});

forEachDatabase(
  'demo city: the inbox',
  (t) => {
    it('seeds departments and their officers, the list, a month of requests that merge and pre-fill, refusals and an admission', async () => {
      const db = t.db;
      const city = demoCity([106.55, 29.56]);
      await insertPlaces(db, city.places);
      const focus = city.communities[37];
      await upsertPeople(
        db,
        Array.from({ length: 640 }, (_, n) => ({
          name: `居民${n}`,
          phone: `139${String(n).padStart(8, '0')}`,
          idNumber: demoIdNumber(n),
          community: city.communities[n % 64],
          household: `h${Math.floor(n / 2)}`,
        })),
        { secret: Buffer.alloc(32, 7) },
      );
      const now = new Date();
      await seedDepartments(db, now);
      const password = 'renxing-demo-2026';
      const admin = await createUser(db, {
        username: 'admin',
        password,
        role: 'city_admin',
        placePath: 'cq',
      });
      const worker = await createUser(db, {
        username: 'worker',
        password,
        role: 'community_worker',
        placePath: focus,
      });
      const departments: Record<string, string> = {};
      for (const d of DEMO_DEPARTMENTS) {
        const u = await createUser(db, {
          username: `dept_${d.code}`,
          password,
          role: 'department_officer',
          placePath: 'cq',
        });
        expect(await setDepartmentOfficer(db, u.id, d.code)).toBe(true);
        departments[d.code] = u.id;
      }
      const lines: string[] = [];
      const r = await seedInbox(
        db,
        { admin: admin.id, departments, staff: [{ id: worker.id, place: focus }] },
        { now, communities: city.communities, focus, log: (l) => lines.push(l) },
      );

      expect((await listDepartments(db)).map((d) => d.code).sort()).toEqual(
        DEMO_DEPARTMENTS.map((d) => d.code).sort(),
      );
      expect(new Set(DEMO_DUTY_LIST.map((row) => row[1]))).toEqual(
        new Set(['own', 'assist', 'negative', 'cert', 'cert_abolished']),
      );
      expect(r.dutyItems).toBe(DEMO_DUTY_LIST.length);

      // Six departments asked; every kind of refusal happened, kept with its rule.
      const { rows: asked } = await db.query<{
        department: string;
        status: string;
        refusal_code: string | null;
      }>('SELECT department, status, refusal_code FROM work_requests');
      expect(new Set(asked.map((a) => a.department)).size).toBe(6);
      expect(new Set(asked.map((a) => a.refusal_code).filter(Boolean))).toEqual(
        new Set(['RX_DUTY_NEGATIVE', 'RX_DUTY_ABOLISHED', 'RX_DUTY_NO_RESOURCES', 'RX_DUTY_UNLISTED']),
      );
      expect(r.refused).toBe(asked.filter((a) => a.status === 'refused').length);
      const { rows: admitted } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM work_requests r JOIN admissions a ON a.id = r.admission_id
          WHERE r.status = 'accepted' AND r.duty = a.duty`,
      );
      expect(admitted[0].n).toBe(1);

      // Merging and pre-filling saved something, as getBurdenStats counts it over the last 30 days.
      expect(r.demands).toBeGreaterThan(300);
      expect(r.itemsSaved).toBeGreaterThan(0.15);
      expect(r.fieldsSaved).toBeGreaterThan(0.3);
      expect(lines.join('\n')).toMatch(/inbox: 7 departments, 23 duty items, \d+ requests \(6 refused\)/);
      const { rows: values } = await db.query<{ prefilled: boolean; source: string | null; key: string }>(
        'SELECT prefilled, source, key FROM field_values',
      );
      expect(values.some((v) => v.prefilled && v.source?.startsWith('item:'))).toBe(true);
      expect(
        values.some(
          (v) => v.prefilled && v.key === 'residents.over_80' && v.source === 'platform:people.id_number',
        ),
      ).toBe(true);

      // The worker's community: open items, some asked by several departments, one with a conflict.
      const actor = { userId: worker.id, scope: focus, department: null, now };
      const inbox = await listItems(db, { scope: focus, now, limit: 100 });
      expect(inbox.total).toBeGreaterThan(5);
      expect(inbox.items.some((i) => i.departments.length > 1)).toBe(true);
      const all = await listItems(db, { scope: focus, now, state: 'all', limit: 100 });
      expect(all.items.some((i) => i.conflicts)).toBe(true);
      const open = inbox.items.find((i) => i.kind === 'form')!;
      const view = await getWorkItem(db, open.id, actor);
      expect(view.fields.length).toBeGreaterThan(0);
    });
  },
  { migrate: true },
);
