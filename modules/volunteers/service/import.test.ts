import { forEachDatabase } from '@renxing/db/testing';
import { tableXlsx } from '@renxing/sheets';
import { expect, it } from 'vitest';
import { listVolunteers } from '../store/volunteers.js';
import { actor, NOW, SQ1, SQ9, volunteersCity } from '../test-support.js';
import { importVolunteers } from './import.js';
import { createOrganisation } from './organisations.js';
import { registerVolunteer } from './volunteers.js';

const FILE = `name,phone,skills,community,lon,lat,capacity,organisation,from,to
刘洋,13900000001,transport;送药,${SQ1},,,3,较场口志愿服务队,2026-12-06 08:00,2026-12-06 12:00
刘洋,13900000001,transport;送药,${SQ1},,,,,2026-12-07 08:00,2026-12-07 12:00
陈静,13900000002,elderly_care,${SQ1}.nowhere,,,,,,
王强,13900000003,translation,${SQ1},106.58,29.55,,,,
赵磊,139,transport,${SQ1},,,,,,
孙丽,13900000005,juggling,${SQ1},,,,,,
周杰,13900000006,medical,${SQ1},,,,不存在的组织,,
刘洋二,13900000001,medical,${SQ1},,,,,,
吴敏,13900000008,logistics,${SQ9},,,,,,
`;

forEachDatabase(
  'volunteers import',
  (t) => {
    it('registers volunteers with their windows, rejects by line, and re-runs to no change', async () => {
      const city = await volunteersCity(t.db);
      const worker = actor(city.users.worker1, SQ1);
      await createOrganisation(
        t.db,
        { name: '较场口志愿服务队', kind: 'volunteer_team', place: SQ1 },
        worker,
      );
      const first = await importVolunteers(t.db, Buffer.from(FILE), {
        actor: worker,
        source: { file: 'v.csv' },
      });
      expect(first).toMatchObject({ rows: 9, created: 2, updated: 0, unchanged: 0, windows: 2 });
      expect(first.rejects.map((r) => [r.line, r.reason])).toEqual([
        [4, 'unknown_place'],
        [6, 'bad_phone'],
        [7, 'bad_skills'],
        [8, 'unknown_organisation'],
        [9, 'conflicting_row'],
        [10, 'unknown_place'],
      ]);
      expect(first.rejects[0].message['zh-CN']).toBe('社区不存在或不在您的辖区内');
      const { volunteers } = await listVolunteers(t.db, { scope: SQ1 });
      expect(
        volunteers.map((v) => [
          v.name,
          v.phoneMasked,
          v.capacity,
          v.organisation?.name ?? null,
          v.windows.length,
          v.lon,
        ]),
      ).toEqual([
        ['刘洋', '139****0001', 3, '较场口志愿服务队', 2, 106.574],
        ['王强', '139****0003', 2, null, 0, 106.58],
      ]);
      const again = await importVolunteers(t.db, Buffer.from(FILE), { actor: worker });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, windows: 0 });
      const changed = await importVolunteers(
        t.db,
        Buffer.from(`name,phone,skills,community,capacity\n王强,13900000003,translation;medical,${SQ1},4\n`),
        { actor: worker },
      );
      expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0, rejects: [] });
      const audits = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'volunteer.import'");
      expect(audits.rows).toHaveLength(3);
    });

    it('reads XLSX, and refuses a phone registered outside the caller', async () => {
      const city = await volunteersCity(t.db);
      await registerVolunteer(
        t.db,
        { name: '吴敏', phone: '13900000008', skills: ['logistics'], community: SQ9 },
        { kind: 'staff', actor: actor(city.users.admin, 'cq') },
      );
      const xlsx = await tableXlsx(
        '志愿者',
        ['name', 'phone', 'skills', 'community'],
        [
          ['吴敏', '13900000008', 'logistics', SQ1],
          ['郑洁', '13900000010', '心理疏导', SQ1],
        ],
      );
      const r = await importVolunteers(t.db, xlsx, {
        kind: 'xlsx',
        actor: actor(city.users.worker1, SQ1, NOW),
      });
      expect(r).toMatchObject({ created: 1 });
      expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([[2, 'outside_scope']]);
      const zj = (await listVolunteers(t.db, { scope: SQ1 })).volunteers[0];
      expect([zj.name, zj.skills]).toEqual(['郑洁', ['psychological']]);
    });
  },
  { migrate: true },
);
