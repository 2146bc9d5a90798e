import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import type { ThresholdRule } from '../rules/alarms.js';
import { alarmsOfSensors, listAlarms, openAlarmsOfAsset } from '../store/alarms.js';
import { countReadings } from '../store/readings.js';
import { offlineAssets, sensorById } from '../store/sensors.js';
import { ALARM_ORIGIN, acknowledgeAlarm } from './alarms.js';
import { importAssets } from './import.js';
import { checkOffline } from './offline.js';
import { ingestReadings, ingestReadingsCsv } from './readings.js';
import { defineSensor } from './sensors.js';
import { actor, NOW, SQ1, SQ2, seedNetwork } from './test-support.js';

/** Epoch seconds of NOW, and an instant so many seconds after it. */
const T0 = NOW.getTime() / 1000;
const at = (s: number) => new Date((T0 + s) * 1000);

const above = (threshold: number, o: Partial<ThresholdRule> = {}): ThresholdRule => ({
  op: 'above',
  threshold,
  hysteresis: 0,
  forS: 0,
  ...o,
});

async function items(db: Db) {
  const { rows } = await db.query<{ path: string; state: string; title: string; ref: string }>(
    `SELECT p.path, w.state, w.title, w.origin_ref AS ref FROM work_items w JOIN places p ON p.id = w.place_id
      WHERE w.origin = $1 ORDER BY p.path, w.origin_ref`,
    [ALARM_ORIGIN],
  );
  return rows;
}

async function audits(db: Db, action: string) {
  const { rows } = await db.query<{ actor: string; detail: Record<string, unknown> }>(
    'SELECT actor, detail FROM audit_log WHERE action = $1 ORDER BY seq',
    [action],
  );
  return rows;
}

forEachDatabase(
  'infrastructure: sensors, readings and alarms',
  (t) => {
    async function setup() {
      const city = await seedNetwork(t.db);
      const admin = actor(city.users.admin, 'cq');
      const define = (id: string, assetId: string, rules: ThresholdRule[], more: object = {}) =>
        defineSensor(
          t.db,
          { id, assetId, quantity: 'voltage', unit: 'kV', timeoutS: 60, rules, ...more },
          admin,
        );
      const send = (readings: { sensor: string; ts: number; value: number }[], arrived = at(0)) =>
        ingestReadings(
          t.db,
          readings.map((r) => ({ ...r, ts: T0 + r.ts })),
          arrived,
          { actor: 'test' },
        );
      return { city, admin, define, send };
    }

    it('defines a sensor with its rules (audited), refuses an unknown asset, a bad id and moving it to another asset', async () => {
      const { city, admin, define } = await setup();
      const r = await define('V1', 'S-YZ1', [above(11, { hysteresis: 0.5, forS: 30 })]);
      expect(r.created).toBe(true);
      expect(r.sensor).toMatchObject({
        id: 'V1',
        assetId: 'S-YZ1',
        assetName: '解放碑变电站',
        quantity: 'voltage',
        unit: 'kV',
        timeoutS: 60,
        combine: null,
        last: null,
        offline: false,
      });
      expect(r.sensor.rules.map((x) => [x.op, x.threshold, x.hysteresis, x.forS, x.state])).toEqual([
        ['above', 11, 0.5, 30, { since: null, raised: false }],
      ]);
      expect(await audits(t.db, 'infrastructure.sensor.define')).toEqual([
        expect.objectContaining({
          actor: city.users.admin,
          detail: expect.objectContaining({ asset: 'S-YZ1', created: true }),
        }),
      ]);
      await expect(define('V2', 'NOPE', [])).rejects.toMatchObject({ code: 'RX_NO_SUCH_ASSET' });
      await expect(define('a/b', 'S-YZ1', [])).rejects.toMatchObject({ code: 'RX_BAD_SENSOR_ID' });
      await expect(define('V1', 'S-JB1', [])).rejects.toMatchObject({ code: 'RX_SENSOR_OF_OTHER_ASSET' });
      await expect(
        define('V3', 'S-YZ1', [{ op: 'above', threshold: 1, hysteresis: -1, forS: 0 }]),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.rules.0.hysteresis' });
      // Outside the caller's place: 江北's district officer does not see 解放碑's substation.
      await expect(
        defineSensor(
          t.db,
          { id: 'V4', assetId: 'S-YZ1', quantity: 'v', unit: '', timeoutS: 5, rules: [] },
          actor(city.users.jb, 'cq.jb'),
        ),
      ).rejects.toMatchObject({ code: 'RX_NO_SUCH_ASSET' });
      expect((await sensorById(t.db, 'V1', { scope: 'cq.jb' })) === undefined).toBe(true);
      expect(admin.scope).toBe('cq');
    });

    it('stores every good reading, refuses the others by index with the reason, one audit row per batch', async () => {
      const { define } = await setup();
      await define('V1', 'S-YZ1', [above(11)]);
      const r = await ingestReadings(
        t.db,
        [
          { sensor: 'V1', ts: T0, value: 10 },
          { sensor: 'NOPE', ts: T0, value: 10 },
          { sensor: 'V1', ts: T0 + 1, value: Number.NaN },
          { sensor: 'V1', ts: 'yesterday', value: 10 },
          { sensor: 'V1', ts: '2026-12-06 12:00:02', value: '10.5' },
          { sensor: 'V1', ts: T0 + 3 * 86_400, value: 10 },
          { sensor: '', ts: T0, value: 1 },
        ],
        at(5),
        { actor: 'tester' },
      );
      expect(r.stored).toBe(2);
      expect(r.rejected.map((x) => [x.index, x.reason])).toEqual([
        [1, 'unknown_sensor'],
        [2, 'bad_value'],
        [3, 'bad_ts'],
        [5, 'future_ts'],
        [6, 'sensor_empty'],
      ]);
      expect(r.rejected[0].message['zh-CN']).toContain('传感器');
      expect(await countReadings(t.db, 'V1')).toBe(2);
      const sensor = (await sensorById(t.db, 'V1'))!;
      expect(sensor.last).toEqual({ ts: at(2), value: 10.5 }); // city time, no offset given
      expect(sensor.lastArrival).toEqual(at(5));
      const rows = await audits(t.db, 'infrastructure.readings.ingest');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor: 'tester', detail: { readings: 7, stored: 2, rejected: 5 } });
      // Within a scope, another place's sensors read as unknown.
      const scoped = await ingestReadings(t.db, [{ sensor: 'V1', ts: T0 + 9, value: 1 }], at(9), {
        actor: 'jb',
        scope: 'cq.jb',
      });
      expect(scoped.rejected.map((x) => x.reason)).toEqual(['unknown_sensor']);
    });

    it('raises when the condition held for D, clears below T − H, with inbox items for the operator and the N-1 communities', async () => {
      const { city, define, send } = await setup();
      await define('V1', 'S-YZ1', [above(11, { hysteresis: 0.5, forS: 30 })]);
      // Starts at 10 s, a dip at 25 s resets it, starts again at 40 s, holds 30 s at 70 s.
      let r = await send([
        { sensor: 'V1', ts: 0, value: 10 },
        { sensor: 'V1', ts: 10, value: 11.2 },
        { sensor: 'V1', ts: 25, value: 11 },
        { sensor: 'V1', ts: 40, value: 11.3 },
        { sensor: 'V1', ts: 69, value: 11.4 },
      ]);
      expect(r.raised).toBe(0);
      r = await send([{ sensor: 'V1', ts: 70, value: 11.5 }], at(71));
      expect(r.raised).toBe(1);
      const [alarm] = (await listAlarms(t.db, { limit: 10 })).alarms;
      expect(alarm).toMatchObject({
        assetId: 'S-YZ1',
        sensorId: 'V1',
        kind: 'rule',
        rule: { op: 'above', threshold: 11, hysteresis: 0.5, forS: 30 },
        raisedAt: at(70),
        raisedValue: 11.5,
        raisedReadingTs: at(70),
        recordedAt: at(71),
        clearedAt: null,
        state: 'open',
      });
      // The operator (渝中区, the substation's district) and the communities that lose a service if it fails.
      expect(alarm.places.sort()).toEqual([city.places['cq.yz'], city.places[SQ1], city.places[SQ2]].sort());
      expect((await items(t.db)).map((i) => [i.path, i.state])).toEqual([
        ['cq.yz', 'open'],
        [SQ1, 'open'],
        [SQ2, 'open'],
      ]);
      expect((await items(t.db))[0].title).toContain('解放碑变电站');
      // Between T − H and T it stays raised (and is never raised twice); below T − H it clears.
      r = await send([
        { sensor: 'V1', ts: 80, value: 10.6 },
        { sensor: 'V1', ts: 90, value: 11.9 },
      ]);
      expect([r.raised, r.cleared]).toEqual([0, 0]);
      r = await send([{ sensor: 'V1', ts: 100, value: 10.4 }], at(101));
      expect(r.cleared).toBe(1);
      const cleared = (await openAlarmsOfAsset(t.db, 'S-YZ1')).length;
      expect(cleared).toBe(0);
      const [closed] = (await listAlarms(t.db, { limit: 10, state: 'cleared' })).alarms;
      expect(closed).toMatchObject({ clearedAt: at(100), clearedValue: 10.4, clearedReason: 'reading' });
      expect((await items(t.db)).map((i) => i.state)).toEqual(['done', 'done', 'done']);
      // A new raise after the clear is a new record with its own items.
      await send([{ sensor: 'V1', ts: 110, value: 12 }]);
      await send([{ sensor: 'V1', ts: 140, value: 12 }]);
      const all = (await listAlarms(t.db, { limit: 10 })).alarms;
      expect(all.map((a) => [a.state, a.raisedAt])).toEqual([
        ['open', at(140)],
        ['cleared', at(70)],
      ]);
      expect((await items(t.db)).filter((i) => i.state === 'open')).toHaveLength(3);
    });

    it('puts no item in any inbox for an asset whose failure cuts no community off (the board shows it)', async () => {
      const { admin, define, send } = await setup();
      // A spare substation fed by the plant that feeds nothing: failing it, nobody loses a service.
      const spare = await importAssets(
        t.db,
        admin,
        new TextEncoder().encode('id,kind,type,name,place\nS-SPARE,power,node,备用变电站,cq.yz.jd01\n'),
      );
      expect(spare.rejects).toEqual([]);
      await importAssets(t.db, admin, new TextEncoder().encode('from,to,relation\nP-PLANT,S-SPARE,feeds\n'));
      await define('VS', 'S-SPARE', [above(11)]);
      const r = await send([{ sensor: 'VS', ts: 10, value: 12 }]);
      expect(r.raised).toBe(1);
      const [alarm] = (await listAlarms(t.db, { limit: 10 })).alarms;
      expect(alarm).toMatchObject({ assetId: 'S-SPARE', state: 'open', places: [] });
      expect(await items(t.db)).toEqual([]);
      await send([{ sensor: 'VS', ts: 20, value: 10 }]);
      expect((await listAlarms(t.db, { limit: 10, state: 'cleared' })).alarms).toHaveLength(1);
    });

    it('keeps a reading older than the newest stored one but lets it drive nothing', async () => {
      const { define, send } = await setup();
      await define('V1', 'S-YZ1', [above(11)]);
      await send([{ sensor: 'V1', ts: 50, value: 12 }]);
      expect((await openAlarmsOfAsset(t.db, 'S-YZ1')).length).toBe(1);
      const r = await send([{ sensor: 'V1', ts: 40, value: 1 }], at(60));
      expect(r).toMatchObject({ stored: 1, late: 1, cleared: 0 });
      expect((await openAlarmsOfAsset(t.db, 'S-YZ1')).length).toBe(1);
      expect((await sensorById(t.db, 'V1'))!.last).toEqual({ ts: at(50), value: 12 });
      expect(await countReadings(t.db, 'V1')).toBe(2);
      // Within one batch readings are taken in time order, whatever order they came in.
      const again = await send([
        { sensor: 'V1', ts: 70, value: 5 },
        { sensor: 'V1', ts: 60, value: 13 },
      ]);
      expect(again).toMatchObject({ stored: 2, late: 0, cleared: 1 });
    });

    it('mirrors below: < T starts, clears above T + H', async () => {
      const { define, send } = await setup();
      await define('P1', 'W-PUMP1', [{ op: 'below', threshold: 0.3, hysteresis: 0.05, forS: 0 }]);
      const r = await send([
        { sensor: 'P1', ts: 0, value: 0.35 },
        { sensor: 'P1', ts: 1, value: 0.29 },
        { sensor: 'P1', ts: 2, value: 0.34 },
        { sensor: 'P1', ts: 3, value: 0.36 },
      ]);
      expect([r.raised, r.cleared]).toEqual([1, 1]);
      const [a] = await alarmsOfSensors(t.db, ['P1']);
      expect(a).toMatchObject({ raisedAt: at(1), raisedValue: 0.29, clearedAt: at(3), clearedValue: 0.36 });
    });

    it("combines an asset's rules with any (OR) and all (AND), one alarm per combination", async () => {
      const { define, send } = await setup();
      await define('A1', 'S-JB1', [above(10)], { combine: 'all' });
      await define('A2', 'S-JB1', [above(20)], { combine: 'all' });
      await define('O1', 'W-PUMP9', [above(10)], { combine: 'any' });
      await define('O2', 'W-PUMP9', [above(20)], { combine: 'any' });
      let r = await send([
        { sensor: 'A1', ts: 0, value: 11 },
        { sensor: 'O1', ts: 0, value: 11 },
      ]);
      expect(r.raised).toBe(1); // any: O1 alone; all: A2 not yet
      r = await send([
        { sensor: 'A2', ts: 1, value: 21 },
        { sensor: 'O2', ts: 1, value: 21 },
      ]);
      expect(r.raised).toBe(1); // all now holds; any was raised already
      const open = (await listAlarms(t.db, { limit: 10, state: 'open' })).alarms;
      expect(open.map((a) => [a.assetId, a.kind, a.groupOp, a.sensorId, a.raisedValue]).sort()).toEqual([
        ['S-JB1', 'group', 'all', null, 21],
        ['W-PUMP9', 'group', 'any', null, 11],
      ]);
      r = await send([
        { sensor: 'A1', ts: 2, value: 5 },
        { sensor: 'O1', ts: 2, value: 5 },
      ]);
      expect(r.cleared).toBe(1); // all breaks; any still holds through O2
      r = await send([{ sensor: 'O2', ts: 3, value: 5 }]);
      expect(r.cleared).toBe(1);
      expect((await listAlarms(t.db, { limit: 10, state: 'open' })).total).toBe(0);
    });

    it('redefining keeps an unchanged rule raised and closes the alarm of a changed one', async () => {
      const { define, send } = await setup();
      await define('V1', 'S-YZ1', [above(11), above(20)]);
      await send([{ sensor: 'V1', ts: 0, value: 25 }]);
      expect((await openAlarmsOfAsset(t.db, 'S-YZ1')).length).toBe(2);
      const r = await define('V1', 'S-YZ1', [above(21), above(11)]);
      expect(r.created).toBe(false);
      expect(r.sensor.rules.map((x) => [x.threshold, x.state.raised])).toEqual([
        [21, false],
        [11, true],
      ]);
      const open = await openAlarmsOfAsset(t.db, 'S-YZ1');
      expect(open.map((a) => a.rule?.threshold)).toEqual([11]);
      const [closed] = (await listAlarms(t.db, { limit: 10, state: 'cleared' })).alarms;
      expect(closed).toMatchObject({ clearedReason: 'redefined', clearedAt: NOW, rule: { threshold: 20 } });
    });

    it('goes offline on the server clock at last arrival + timeout, the asset with its last sensor; a reading brings it back', async () => {
      const { city, define, send } = await setup();
      await define('V1', 'S-YZ1', [], { timeoutS: 30 });
      await define('V2', 'S-YZ1', [], { timeoutS: 60 });
      await send([{ sensor: 'V1', ts: 0, value: 1 }], at(10));
      await send([{ sensor: 'V2', ts: 0, value: 1 }], at(10));
      expect((await checkOffline(t.db, at(39))).sensors).toEqual([]);
      const first = await checkOffline(t.db, at(41));
      expect(first).toEqual({ sensors: [{ id: 'V1', assetId: 'S-YZ1', offlineAt: at(40) }], assets: [] });
      expect((await checkOffline(t.db, at(45))).sensors).toEqual([]); // raised once
      const second = await checkOffline(t.db, at(75));
      expect(second).toEqual({
        sensors: [{ id: 'V2', assetId: 'S-YZ1', offlineAt: at(70) }],
        assets: ['S-YZ1'],
      });
      expect([...(await offlineAssets(t.db))]).toEqual(['S-YZ1']);
      const open = await openAlarmsOfAsset(t.db, 'S-YZ1');
      expect(open.map((a) => [a.kind, a.sensorId, a.raisedAt, a.raisedValue])).toEqual([
        ['offline', 'V2', at(70), null],
        ['offline', 'V1', at(40), null],
      ]);
      expect(open[0].places).toContain(city.places[SQ1]);
      expect((await items(t.db)).filter((i) => i.state === 'open')).toHaveLength(6);
      expect(await audits(t.db, 'infrastructure.sensors.offline')).toHaveLength(2);
      // Any reading clears it, even one too old to drive rules.
      const back = await send([{ sensor: 'V1', ts: -5, value: 2 }], at(80));
      expect(back).toMatchObject({ cleared: 1, late: 1 });
      const v1 = (await alarmsOfSensors(t.db, ['V1']))[0];
      expect(v1).toMatchObject({ clearedAt: at(80), clearedReason: 'reading', clearedValue: 2 });
      expect((await sensorById(t.db, 'V1'))!.offline).toBe(false);
      expect((await offlineAssets(t.db)).size).toBe(0);
      // A sensor that never sent anything is silent from its definition on.
      await define('V3', 'S-JB1', [], { timeoutS: 5 });
      expect((await checkOffline(t.db, at(5))).sensors.map((s) => [s.id, s.offlineAt])).toEqual([
        ['V3', at(5)],
      ]);
    });

    it('acknowledges an alarm once, by whom and when (audited), within the caller’s place', async () => {
      const { city, define, send } = await setup();
      await define('V1', 'S-YZ1', [above(11)]);
      await send([{ sensor: 'V1', ts: 0, value: 12 }]);
      const [alarm] = (await listAlarms(t.db, { limit: 1 })).alarms;
      await expect(acknowledgeAlarm(t.db, alarm.id, actor(city.users.jb, 'cq.jb'))).rejects.toMatchObject({
        code: 'RX_NO_SUCH_ALARM',
      });
      const later = new Date(NOW.getTime() + 60_000);
      const r = await acknowledgeAlarm(t.db, alarm.id, actor(city.users.yz, 'cq.yz', later));
      expect(r.changed).toBe(true);
      expect(r.alarm).toMatchObject({
        state: 'acknowledged',
        acknowledgedBy: city.users.yz,
        acknowledgedByName: 'yz',
        acknowledgedAt: later,
      });
      const again = await acknowledgeAlarm(t.db, alarm.id, actor(city.users.admin, 'cq'));
      expect(again.changed).toBe(false);
      expect(again.alarm.acknowledgedBy).toBe(city.users.yz);
      expect(await audits(t.db, 'infrastructure.alarm.acknowledge')).toHaveLength(1);
      expect((await listAlarms(t.db, { limit: 10, state: 'open' })).total).toBe(0);
      expect((await listAlarms(t.db, { limit: 10, state: 'acknowledged', scope: 'cq.yz' })).total).toBe(1);
      expect((await listAlarms(t.db, { limit: 10, scope: 'cq.jb' })).total).toBe(0);
    });

    it('reads a CSV file of readings, refusing rows by line', async () => {
      const { define } = await setup();
      await define('V1', 'S-YZ1', [above(11)]);
      const r = await ingestReadingsCsv(
        t.db,
        `sensor,ts,value\nV1,${T0},10\nV1,2026-12-06T12:00:01+08:00,12\nV2,${T0},1\n\nV1,${T0 + 2},abc\n"V1,1\n`,
        at(10),
        { actor: 'tester' },
      );
      expect(r).toMatchObject({ stored: 2, raised: 1 });
      expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
        [4, 'unknown_sensor'],
        [6, 'bad_value'],
        [7, 'unreadable_row'],
      ]);
      await expect(
        ingestReadingsCsv(t.db, 'sensor,value\nV1,1\n', at(10), { actor: 'x' }),
      ).rejects.toMatchObject({
        code: 'RX_MISSING_COLUMN',
      });
    });
  },
  { migrate: true },
);
