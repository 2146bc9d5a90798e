/**
 * Ingesting readings: a batch (an HTTP body, a file, what the MQTT adapter gathered in a tenth of
 * a second) is one transaction with one audit row — the audit chain is one lock for the whole
 * platform, so never a row per reading. Every admitted reading is stored; per sensor, the readings
 * not older than the newest already stored drive its rules in time order (arrival order breaking
 * ties), the asset's `any`/`all` combinations follow, raises open alarm records with inbox items
 * and clears close them; any reading brings a silent sensor back online (closing its offline
 * alarm). Bad entries are refused by index with a reason; the good ones are kept.
 */
import type { Text } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { headerColumns, parseCsv } from '@renxing/sheets';
import { combined, type RuleState, stepRule } from '../rules/alarms.js';
import type { Clearing, OpenKey } from '../store/alarms.js';
import { insertReadings } from '../store/readings.js';
import {
  type AssetRule,
  type Combine,
  groupStates,
  lockSensors,
  markArrived,
  rulesOfAssets,
  type Sensor,
  saveGroupStates,
  saveRuleStates,
  sensorIdsIn,
} from '../store/sensors.js';
import { clearAlarms, openAlarms, type Raise } from './alarms.js';
import {
  admitReading,
  type RawReading,
  READING_REJECT_REASONS,
  type ReadingRejectReason,
} from './reading-input.js';

export interface ReadingReject {
  /** The entry's index in the batch (from 0). */
  index: number;
  reason: ReadingRejectReason;
  message: Text;
}

export interface IngestResult {
  /** Readings stored (all admitted ones, also those too old to drive alarms). */
  stored: number;
  rejected: ReadingReject[];
  /** Stored readings older than their sensor's newest, which drove no alarm. */
  late: number;
  /** Alarm records opened, and records closed (by a reading: rules, combinations, offline). */
  raised: number;
  cleared: number;
}

export interface IngestOptions {
  /** Who sent them: a user's id, or `system:mqtt`. */
  actor: string;
  /** Only sensors of assets within this place are known (none: every sensor). */
  scope?: string;
  /** Where they came from, for the audit row: `http`, `csv`, `mqtt`. */
  source?: string;
}

interface Admitted {
  index: number;
  sensor: string;
  ts: number;
  value: number;
}

const reject = (index: number, reason: ReadingRejectReason): ReadingReject => ({
  index,
  reason,
  message: READING_REJECT_REASONS[reason],
});

/** Stores a batch of readings and steps the alarms; see the file's comment. */
export async function ingestReadings(
  db: Db,
  batch: readonly RawReading[],
  receivedAt: Date,
  o: IngestOptions,
): Promise<IngestResult> {
  const arrivedS = receivedAt.getTime() / 1000;
  const rejected: ReadingReject[] = [];
  const admitted: (Admitted & { asset?: string })[] = [];
  for (const [index, raw] of batch.entries()) {
    const a = admitReading(raw, arrivedS);
    if (a.reason) rejected.push(reject(index, a.reason));
    else admitted.push({ index, ...a.reading, asset: raw.asset });
  }
  const names = [...new Set(admitted.map((a) => a.sensor))];
  const visible = o.scope === undefined ? undefined : await sensorIdsIn(db, names, o.scope);

  const result = await db.transaction(async (tx) => {
    const sensors = await lockSensors(tx, visible ? names.filter((n) => visible.has(n)) : names);
    const good: Admitted[] = [];
    for (const a of admitted) {
      const s = sensors.get(a.sensor);
      if (!s) rejected.push(reject(a.index, 'unknown_sensor'));
      else if (a.asset !== undefined && a.asset !== s.assetId) rejected.push(reject(a.index, 'wrong_asset'));
      else good.push(a);
    }
    if (good.length === 0) return { stored: 0, late: 0, raised: 0, cleared: 0 };
    const stored = await insertReadings(tx, good, receivedAt);
    const step = await evaluate(tx, sensors, good, receivedAt);
    await appendAudit(tx, {
      actor: o.actor,
      action: 'infrastructure.readings.ingest',
      subjectType: 'infra_readings',
      subjectId: null,
      detail: {
        source: o.source ?? null,
        readings: batch.length,
        stored,
        rejected: rejected.length,
        late: step.late,
        sensors: new Set(good.map((g) => g.sensor)).size,
        raised: step.raised,
        cleared: step.cleared,
      },
    });
    return { stored, ...step };
  });
  rejected.sort((a, b) => a.index - b.index);
  return { ...result, rejected };
}

/** A key's raise or clear found while stepping, with the reading that gave it. */
interface Found {
  type: 'raise' | 'clear';
  key: OpenKey;
  raise: Raise;
  ts: number;
  value: number;
}

const keyOf = (k: OpenKey): string =>
  k.kind === 'rule' ? `r\0${k.ruleId}` : k.kind === 'group' ? `g\0${k.assetId}\0${k.op}` : `o\0${k.sensorId}`;

/**
 * Steps the rules over the batch's driving readings, then writes the states, the sensors' newest
 * readings and the alarm records. `sensors` are locked by the caller.
 */
async function evaluate(
  tx: Db,
  sensors: Map<string, Sensor>,
  readings: readonly Admitted[],
  at: Date,
): Promise<{ late: number; raised: number; cleared: number }> {
  const assetIds = [...new Set(readings.map((r) => sensors.get(r.sensor)!.assetId))];
  const assetRules = await rulesOfAssets(tx, assetIds);
  const groups = await groupStates(tx, assetIds);
  const states = new Map<string, RuleState>();
  const bySensor = new Map<string, AssetRule[]>();
  const members = new Map<string, AssetRule[]>(); // `${asset}\0${op}` → its rules
  for (const rules of assetRules.values()) {
    for (const r of rules) {
      states.set(r.id, r.state);
      const list = bySensor.get(r.sensorId);
      if (list) list.push(r);
      else bySensor.set(r.sensorId, [r]);
      if (r.combine) {
        const g = `${r.assetId}\0${r.combine}`;
        const m = members.get(g);
        if (m) m.push(r);
        else members.set(g, [r]);
      }
    }
  }

  // Readings that drive: not older than their sensor's newest stored one; by time, then arrival.
  const newest = new Map(
    [...sensors.values()].map((s) => [s.id, s.last ? s.last.ts.getTime() / 1000 : null]),
  );
  const driving = readings.filter((r) => {
    const n = newest.get(r.sensor);
    return n === null || n === undefined || r.ts >= n;
  });
  driving.sort((a, b) => a.ts - b.ts || a.index - b.index);

  const found: Found[] = [];
  const changedRules = new Set<string>();
  const changedGroups = new Map<string, { assetId: string; op: Combine; raised: boolean }>();
  for (const r of driving) {
    const sensor = sensors.get(r.sensor)!;
    const reading = { ts: new Date(r.ts * 1000), value: r.value };
    const touched = new Set<Combine>();
    for (const rule of bySensor.get(r.sensor) ?? []) {
      const before = states.get(rule.id)!;
      const next = stepRule(rule, before, r.ts, r.value);
      if (next.state !== before) {
        states.set(rule.id, next.state);
        changedRules.add(rule.id);
      }
      if (rule.combine) touched.add(rule.combine);
      else if (next.event) {
        found.push({
          type: next.event,
          key: { kind: 'rule', ruleId: rule.id },
          ts: r.ts,
          value: r.value,
          raise: {
            assetId: sensor.assetId,
            sensorId: sensor.id,
            ruleId: rule.id,
            kind: 'rule',
            groupOp: null,
            rule: { op: rule.op, threshold: rule.threshold, hysteresis: rule.hysteresis, forS: rule.forS },
            raisedAt: reading.ts,
            reading,
            sensor: { quantity: sensor.quantity, unit: sensor.unit, timeoutS: sensor.timeoutS },
          },
        });
      }
    }
    for (const op of touched) {
      const g = `${sensor.assetId}\0${op}`;
      const was = changedGroups.get(g)?.raised ?? groups.get(g) ?? false;
      const now = combined(
        op,
        (members.get(g) ?? []).map((m) => states.get(m.id)!.raised),
      );
      if (now === was) continue;
      changedGroups.set(g, { assetId: sensor.assetId, op, raised: now });
      found.push({
        type: now ? 'raise' : 'clear',
        key: { kind: 'group', assetId: sensor.assetId, op },
        ts: r.ts,
        value: r.value,
        raise: {
          assetId: sensor.assetId,
          sensorId: null,
          ruleId: null,
          kind: 'group',
          groupOp: op,
          rule: null,
          raisedAt: reading.ts,
          reading,
        },
      });
    }
  }

  // Records: a raise cleared later in the batch is written closed; a clear of a raise from an
  // earlier batch closes the open record.
  const raises: Raise[] = [];
  const clearings: Clearing[] = [];
  const pending = new Map<string, Raise>();
  for (const f of found) {
    const k = keyOf(f.key);
    const reading = { ts: new Date(f.ts * 1000), value: f.value };
    if (f.type === 'raise') {
      const raise = { ...f.raise, cleared: null };
      raises.push(raise);
      pending.set(k, raise);
    } else {
      const open = pending.get(k);
      if (open) {
        open.cleared = { at: reading.ts, reading, reason: 'reading' };
        pending.delete(k);
      } else clearings.push({ key: f.key, clearedAt: reading.ts, reading, reason: 'reading' });
    }
  }
  // A silent sensor is back: its offline alarm closes at the arrival, with its first reading.
  const firstOf = new Map<string, Admitted>();
  for (const r of readings) if (!firstOf.has(r.sensor)) firstOf.set(r.sensor, r);
  for (const [id, r] of firstOf) {
    if (!sensors.get(id)!.offline) continue;
    clearings.push({
      key: { kind: 'offline', sensorId: id },
      clearedAt: at,
      reading: { ts: new Date(r.ts * 1000), value: r.value },
      reason: 'reading',
    });
  }

  await saveRuleStates(
    tx,
    [...changedRules].map((id) => ({ id, state: states.get(id)! })),
  );
  await saveGroupStates(tx, [...changedGroups.values()]);
  const latest = new Map<string, { id: string; ts: number; value: number }>();
  for (const r of driving) latest.set(r.sensor, { id: r.sensor, ts: r.ts, value: r.value });
  // Sensors whose readings were all late still arrived: their newest stays, their arrival moves.
  for (const r of readings) {
    if (!latest.has(r.sensor)) {
      const s = sensors.get(r.sensor)!;
      latest.set(r.sensor, { id: r.sensor, ts: s.last!.ts.getTime() / 1000, value: s.last!.value });
    }
  }
  await markArrived(tx, [...latest.values()], at);
  const closed = await clearAlarms(tx, clearings, at);
  await openAlarms(tx, raises, at);
  return {
    late: readings.length - driving.length,
    raised: raises.length,
    cleared: closed.length + raises.filter((r) => r.cleared).length,
  };
}

export interface CsvReject {
  line: number;
  reason: ReadingRejectReason;
  message: Text;
}

/**
 * A readings file (CSV `sensor,ts,value`, more columns ignored) as one batch; refused rows by
 * their line. RX_FILE_EMPTY without a header, RX_MISSING_COLUMN naming a missing column.
 */
export async function ingestReadingsCsv(
  db: Db,
  text: string,
  receivedAt: Date,
  o: IngestOptions & { file?: string },
): Promise<Omit<IngestResult, 'rejected'> & { rejects: CsvReject[] }> {
  const source = { file: o.file ?? 'body', field: 'body' };
  const rows = parseCsv(text);
  const header = rows.find((r) => !r.error);
  const { at } = headerColumns(header, ['sensor', 'ts', 'value'] as const, source);
  const rejects: CsvReject[] = [];
  const batch: RawReading[] = [];
  const lines: number[] = [];
  for (const r of rows) {
    if (r === header) continue;
    if (r.error) {
      rejects.push({
        line: r.line,
        reason: 'unreadable_row',
        message: READING_REJECT_REASONS.unreadable_row,
      });
      continue;
    }
    if (r.cells.every((c) => c.trim() === '')) continue;
    batch.push({
      sensor: r.cells[at.sensor] ?? '',
      ts: r.cells[at.ts] ?? '',
      value: r.cells[at.value] ?? '',
    });
    lines.push(r.line);
  }
  const { rejected, ...result } = await ingestReadings(db, batch, receivedAt, {
    ...o,
    source: o.source ?? 'csv',
  });
  for (const x of rejected) rejects.push({ line: lines[x.index], reason: x.reason, message: x.message });
  rejects.sort((a, b) => a.line - b.line);
  return { ...result, rejects };
}
