/**
 * The stored alarms against the rules' own replay: readings cut into batches in any arrival order
 * give the alarm records that stepping the contract's rules reading by reading gives (each batch in
 * time order, a reading older than the sensor's newest driving nothing).
 */
import { forEachDatabase } from '@renxing/db/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type AlarmEvent, SensorTrack, type ThresholdRule } from '../rules/alarms.js';
import { alarmsOfSensors } from '../store/alarms.js';
import { sensorById } from '../store/sensors.js';
import { ingestReadings } from './readings.js';
import { defineSensor } from './sensors.js';
import { actor, NOW, seedNetwork } from './test-support.js';

const T0 = NOW.getTime() / 1000;

const rule = fc.record({
  op: fc.constantFrom('above' as const, 'below' as const),
  threshold: fc.integer({ min: 3, max: 7 }),
  hysteresis: fc.integer({ min: 0, max: 2 }),
  forS: fc.integer({ min: 0, max: 4 }),
});

const scenario = fc.record({
  rules: fc.array(fc.array(rule, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  readings: fc.array(
    fc.record({
      sensor: fc.nat(2),
      ts: fc.integer({ min: 0, max: 15 }),
      value: fc.integer({ min: 0, max: 10 }),
    }),
    { minLength: 1, maxLength: 40 },
  ),
  cuts: fc.array(fc.nat(40), { maxLength: 4 }),
});

/** Raise/clear pairs as records: sensor, rule position, raise (ts, value), clear (ts, value) or null. */
type Row = [string, number, number, number, number | null, number | null];

function modelRows(
  rules: ThresholdRule[][],
  batches: { sensor: string; ts: number; value: number }[][],
  ids: string[],
) {
  const tracks = ids.map((id, i) => new SensorTrack(id, rules[i], 0));
  const events: AlarmEvent[] = [];
  for (const batch of batches) {
    const ordered = batch.map((r, i) => ({ r, i })).sort((a, b) => a.r.ts - b.r.ts || a.i - b.i);
    for (const { r } of ordered) events.push(...tracks[ids.indexOf(r.sensor)].step(r.ts, r.value));
  }
  const rows: Row[] = [];
  const open = new Map<string, Row>();
  for (const e of events) {
    const k = `${e.sensor}/${e.rule}`;
    if (e.event === 'raise') {
      const row: Row = [e.sensor, e.rule!, e.ts, e.value!, null, null];
      rows.push(row);
      open.set(k, row);
    } else if (e.event === 'clear') {
      const row = open.get(k)!;
      row[4] = e.ts;
      row[5] = e.value;
      open.delete(k);
    }
  }
  return rows.sort();
}

forEachDatabase(
  'infrastructure: stored alarms against the rules',
  (t) => {
    it('gives the records the rules give, whatever the batches and their order', async () => {
      const city = await seedNetwork(t.db);
      const admin = actor(city.users.admin, 'cq');
      let run = 0;
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          run++;
          const ids = s.rules.map((_, i) => `R${run}-${i}`);
          for (const [i, rules] of s.rules.entries()) {
            await defineSensor(
              t.db,
              { id: ids[i], assetId: 'S-JB1', quantity: 'level', unit: 'm', timeoutS: 3600, rules },
              admin,
            );
          }
          const readings = s.readings
            .filter((r) => r.sensor < ids.length)
            .map((r) => ({ sensor: ids[r.sensor], ts: r.ts, value: r.value }));
          const cuts = [...new Set(s.cuts.filter((c) => c > 0 && c < readings.length))].sort((a, b) => a - b);
          const batches = [0, ...cuts].map((from, i) => readings.slice(from, [...cuts, readings.length][i]));
          for (const batch of batches) {
            await ingestReadings(
              t.db,
              batch.map((r) => ({ ...r, ts: T0 + r.ts })),
              NOW,
              { actor: 'test' },
            );
          }
          const position = new Map<string, number>();
          for (const id of ids)
            for (const r of (await sensorById(t.db, id))!.rules) position.set(r.id, r.position);
          const stored: Row[] = (await alarmsOfSensors(t.db, ids))
            .map(
              (a): Row => [
                a.sensorId!,
                position.get(a.ruleId!)!,
                a.raisedAt.getTime() / 1000 - T0,
                a.raisedValue!,
                a.clearedAt === null ? null : a.clearedAt.getTime() / 1000 - T0,
                a.clearedValue,
              ],
            )
            .sort();
          expect(stored).toEqual(modelRows(s.rules, batches, ids));
        }),
        {
          numRuns: 25,
          // A reading at the same time as the newest stored one is not older: it drives.
          examples: [
            [
              {
                rules: [[{ op: 'above', threshold: 3, hysteresis: 0, forS: 0 }]],
                readings: [
                  { sensor: 0, ts: 5, value: 0 },
                  { sensor: 0, ts: 5, value: 9 },
                ],
                cuts: [1],
              },
            ],
          ],
        },
      );
    });
  },
  { migrate: true },
);
