import { forEachDatabase } from '@renxing/db/testing';
import { tableXlsx } from '@renxing/sheets';
import { expect, it } from 'vitest';
import { listShelters, shelterById, sheltersUnder } from '../store/shelters.js';
import { importShelters } from './import.js';
import { createShelter, openShelters, setShelterState, updateShelter } from './shelters.js';
import { actor, NOON, SQ1, SQ2, SQ9, shelterAt, testCity } from './test-support.js';

const audits = async (db: import('@renxing/db').Db, action: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))
    .rows[0].n;

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

forEachDatabase(
  'shelters: registry',
  (t) => {
    it('registers a shelter closed at a place within yours, audited; refuses others and a second of one name', async () => {
      const { users } = await testCity(t.db);
      const street = actor(users.street1, 'cq.yz.jd01');
      const s = await createShelter(
        t.db,
        shelterAt(SQ1, ' 较场口小学 ', { offers: ['pets', 'beds', 'pets'], address: ' 较场口1号 ' }),
        street,
      );
      expect(s).toMatchObject({
        place: SQ1,
        placeName: '较场口社区',
        name: '较场口小学',
        address: '较场口1号',
        state: 'closed',
        occupancy: 0,
        offers: ['beds', 'pets'],
        capacityDay: 100,
        capacityNight: 60,
      });
      expect(await audits(t.db, 'shelter.create')).toBe(1);
      await expect(createShelter(t.db, shelterAt(SQ9, '江北小学'), street)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(createShelter(t.db, shelterAt('cq.yz.jd01.sq77', '无'), street)).rejects.toMatchObject({
        code: 'RX_UNKNOWN_PLACE',
      });
      await expect(createShelter(t.db, shelterAt(SQ1, '较场口小学'), street)).rejects.toMatchObject({
        code: 'RX_SHELTER_EXISTS',
      });
      await expect(
        createShelter(t.db, shelterAt(SQ1, '负数', { capacityNight: -1 }), street),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.capacityNight' });

      const updated = await updateShelter(t.db, s.id, { capacityNight: 80, type: 'outdoor' }, street);
      expect(updated).toMatchObject({ capacityNight: 80, capacityDay: 100, type: 'outdoor' });
      const trail = await t.db.query<{ detail: Record<string, unknown> }>(
        "SELECT detail FROM audit_log WHERE action = 'shelter.update'",
      );
      expect(trail.rows[0].detail).toEqual({
        capacityNight: { from: 60, to: 80 },
        type: { from: 'indoor', to: 'outdoor' },
      });
      // Nothing changed: no audit row.
      await updateShelter(t.db, s.id, { capacityNight: 80 }, street);
      expect(await audits(t.db, 'shelter.update')).toBe(1);
      // A community worker does not manage shelters of the street; the jb officer does not see it.
      await expect(updateShelter(t.db, s.id, { name: 'x' }, actor(users.jb1, 'cq.jb'))).rejects.toMatchObject(
        {
          code: 'RX_NOT_FOUND',
        },
      );
    });

    it('opens and closes, audited; the same state again changes nothing; openShelters is idempotent', async () => {
      const { users } = await testCity(t.db);
      const admin = actor(users.admin, 'cq');
      const a = await createShelter(t.db, shelterAt(SQ1, '甲'), admin);
      const b = await createShelter(t.db, shelterAt(SQ2, '乙'), admin);
      const c = await createShelter(t.db, shelterAt(SQ9, '丙'), admin);
      const opened = await setShelterState(t.db, a.id, 'open', admin, '暴雨预警');
      expect(opened).toMatchObject({ changed: true, shelter: { state: 'open', stateChangedAt: NOON } });
      expect((await setShelterState(t.db, a.id, 'open', admin)).changed).toBe(false);
      expect(await audits(t.db, 'shelter.open')).toBe(1);
      const reason = await t.db.query<{ reason: string }>(
        "SELECT reason FROM audit_log WHERE action = 'shelter.open'",
      );
      expect(reason.rows[0].reason).toBe('暴雨预警');

      const plan = { userId: users.admin, now: NOON };
      expect(await openShelters(t.db, [a.id, b.id, b.id, '00000000-0000-4000-8000-000000000000'], plan)).toBe(
        1,
      );
      expect(await openShelters(t.db, [a.id, b.id], plan)).toBe(0);
      expect(await audits(t.db, 'shelter.open')).toBe(2);
      expect((await shelterById(t.db, b.id))?.state).toBe('open');

      const closed = await setShelterState(t.db, b.id, 'closed', admin);
      expect(closed).toMatchObject({ changed: true, shelter: { state: 'closed' } });
      expect(await audits(t.db, 'shelter.close')).toBe(1);

      expect((await sheltersUnder(t.db, 'cq.yz')).map((s) => s.name)).toEqual(['甲', '乙']);
      expect((await sheltersUnder(t.db, 'cq.jb')).map((s) => s.id)).toEqual([c.id]);
      // A worker of sq01 reaches its own and those above it, not the neighbour's.
      await createShelter(t.db, shelterAt('cq.yz', '体育馆'), admin);
      expect((await listShelters(t.db, { scope: SQ1 })).map((s) => s.name)).toEqual(['体育馆', '甲']);
    });

    it('imports a CSV or XLSX file: new shelters created, known ones updated, rejects by line; again changes nothing', async () => {
      const { users } = await testCity(t.db);
      const street = actor(users.street1, 'cq.yz.jd01');
      const file = csv([
        'place,name,lon,lat,capacity_day,capacity_night,type,offers,address',
        `${SQ1},较场口小学,106.574,29.552,300,200,室内,床位、无障碍,较场口1号`,
        `${SQ2},民族路公园,106.58,29.559,800,0,outdoor,pets,`,
        `${SQ9},江北小学,106.53,29.58,300,200,indoor,,`,
        `${SQ1},,106.574,29.552,300,200,indoor,,`,
        `${SQ1},体育馆,106.574,29.552,lots,200,indoor,,`,
        `${SQ1},帐篷区,106.574,29.552,300,200,tent,,`,
        `${SQ1},较场口小学,106.574,29.552,300,200,indoor,,`,
        `${SQ1},操场,106.574,29.552,300,200,outdoor,wifi,`,
        `${SQ1},"未闭合,106,29,1,1,indoor,,`,
      ]);
      const first = await importShelters(t.db, file, { actor: street, source: { file: 'shelters.csv' } });
      expect(first).toMatchObject({ rows: 9, created: 2, updated: 0, unchanged: 0 });
      expect(first.rejects.map((r) => [r.line, r.reason])).toEqual([
        [4, 'unknown_place'],
        [5, 'bad_name'],
        [6, 'bad_capacity'],
        [7, 'bad_type'],
        [8, 'duplicate_row'],
        [9, 'bad_offers'],
        [10, 'unreadable_row'],
      ]);
      expect(first.rejects[0].message['zh-CN']).toContain('地点');
      const again = await importShelters(t.db, file, { actor: street });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

      // The same shelters from an XLSX file, one capacity changed.
      const xlsx = await tableXlsx(
        '避难场所',
        ['place', 'name', 'lon', 'lat', 'capacity_day', 'capacity_night', 'type', 'offers', 'address'],
        [
          [SQ1, '较场口小学', 106.574, 29.552, 300, 250, '室内', '床位,无障碍', '较场口1号'],
          [SQ2, '民族路公园', 106.58, 29.559, 800, 0, 'outdoor', 'pets', ''],
        ],
      );
      const third = await importShelters(t.db, new Uint8Array(xlsx), { actor: street });
      expect(third).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1, rejects: [] });
      const school = (await listShelters(t.db, { scope: 'cq' })).find((s) => s.name === '较场口小学')!;
      expect(school).toMatchObject({ capacityNight: 250, offers: ['accessible', 'beds'], state: 'closed' });
      expect(await audits(t.db, 'shelter.import')).toBe(3);
    });
  },
  { migrate: true },
);
