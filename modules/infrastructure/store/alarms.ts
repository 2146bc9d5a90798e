/**
 * Alarm records: the only file that knows `infra_alarms`. A raise inserts one, the clear that
 * follows closes it, an acknowledgement signs it; the open ones are unique per rule, per asset
 * combination and per silent sensor (partial unique indexes).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@renxing/db';
import type { ThresholdRule } from '../rules/alarms.js';
import { assetInScope, type Combine } from './sensors.js';

export type AlarmKind = 'rule' | 'group' | 'offline';
export type AlarmState = 'open' | 'acknowledged' | 'cleared';
export type ClearReason = 'reading' | 'redefined';

export interface Alarm {
  id: string;
  assetId: string;
  assetName: string;
  assetKind: string;
  sensorId: string | null;
  ruleId: string | null;
  kind: AlarmKind;
  groupOp: Combine | null;
  /** The rule as it was when the alarm raised (rule alarms). */
  rule: ThresholdRule | null;
  raisedAt: Date;
  raisedValue: number | null;
  raisedReadingTs: Date | null;
  recordedAt: Date;
  clearedAt: Date | null;
  clearedValue: number | null;
  clearedReadingTs: Date | null;
  clearedReason: ClearReason | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: Date | null;
  /** The places whose inbox got a work item for it. */
  places: string[];
  /** open (not cleared, not acknowledged), acknowledged (not cleared), cleared. */
  state: AlarmState;
}

interface Row {
  id: string;
  asset_id: string;
  asset_name: string;
  asset_kind: string;
  sensor_id: string | null;
  rule_id: string | null;
  kind: AlarmKind;
  group_op: Combine | null;
  rule: ThresholdRule | null;
  raised_at: string | Date;
  raised_value: number | null;
  raised_reading_ts: string | Date | null;
  recorded_at: string | Date;
  cleared_at: string | Date | null;
  cleared_value: number | null;
  cleared_reading_ts: string | Date | null;
  cleared_reason: ClearReason | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: string | Date | null;
  places: string[];
}

const COLUMNS = `x.id, x.asset_id, a.name AS asset_name, a.kind AS asset_kind, x.sensor_id, x.rule_id, x.kind, x.group_op,
  x.rule, x.raised_at, x.raised_value, x.raised_reading_ts, x.recorded_at, x.cleared_at, x.cleared_value,
  x.cleared_reading_ts, x.cleared_reason, x.acknowledged_by, u.username AS acknowledged_by_name, x.acknowledged_at, x.places`;
const FROM = `infra_alarms x JOIN infra_assets a ON a.id = x.asset_id LEFT JOIN users u ON u.id = x.acknowledged_by`;

const maybeDate = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

function toAlarm(r: Row): Alarm {
  return {
    id: r.id,
    assetId: r.asset_id,
    assetName: r.asset_name,
    assetKind: r.asset_kind,
    sensorId: r.sensor_id,
    ruleId: r.rule_id,
    kind: r.kind,
    groupOp: r.group_op,
    rule: r.rule,
    raisedAt: new Date(r.raised_at),
    raisedValue: r.raised_value,
    raisedReadingTs: maybeDate(r.raised_reading_ts),
    recordedAt: new Date(r.recorded_at),
    clearedAt: maybeDate(r.cleared_at),
    clearedValue: r.cleared_value,
    clearedReadingTs: maybeDate(r.cleared_reading_ts),
    clearedReason: r.cleared_reason,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.acknowledged_by_name,
    acknowledgedAt: maybeDate(r.acknowledged_at),
    places: r.places,
    state: r.cleared_at !== null ? 'cleared' : r.acknowledged_at !== null ? 'acknowledged' : 'open',
  };
}

export interface NewAlarm {
  assetId: string;
  sensorId: string | null;
  ruleId: string | null;
  kind: AlarmKind;
  groupOp: Combine | null;
  rule: ThresholdRule | null;
  raisedAt: Date;
  /** The reading that raised it (null for offline). */
  reading: { ts: Date; value: number } | null;
  /** The places whose inbox gets a work item for it. */
  places: readonly string[];
  /** When the clear that closes it came in the same batch. */
  cleared?: { at: Date; reading: { ts: Date; value: number } | null; reason: ClearReason } | null;
}

/** Opens the records; their ids in the same order. */
export async function insertAlarms(db: Db, alarms: readonly NewAlarm[], recordedAt: Date): Promise<string[]> {
  if (alarms.length === 0) return [];
  const ids = alarms.map(() => randomUUID());
  await db.query(
    `INSERT INTO infra_alarms (id, asset_id, sensor_id, rule_id, kind, group_op, rule, raised_at, raised_value,
       raised_reading_ts, recorded_at, cleared_at, cleared_value, cleared_reading_ts, cleared_reason, places)
     SELECT x.id, x.asset_id, x.sensor_id, x.rule_id, x.kind, x.group_op, x.rule, x.raised_at, x.raised_value, x.reading_ts, $10,
            x.cleared_at, x.cleared_value, x.cleared_ts, x.cleared_reason, string_to_array(x.places, ',')::uuid[]
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[],
                   $8::float8[], $9::timestamptz[], $11::timestamptz[], $12::float8[], $13::timestamptz[], $14::text[],
                   $15::uuid[], $16::text[])
            AS x(asset_id, sensor_id, rule_id, kind, group_op, rule, raised_at, raised_value, reading_ts,
                 cleared_at, cleared_value, cleared_ts, cleared_reason, id, places)`,
    [
      alarms.map((a) => a.assetId),
      alarms.map((a) => a.sensorId),
      alarms.map((a) => a.ruleId),
      alarms.map((a) => a.kind),
      alarms.map((a) => a.groupOp),
      alarms.map((a) => (a.rule ? JSON.stringify(a.rule) : null)),
      alarms.map((a) => a.raisedAt),
      alarms.map((a) => a.reading?.value ?? null),
      alarms.map((a) => a.reading?.ts ?? null),
      recordedAt,
      alarms.map((a) => a.cleared?.at ?? null),
      alarms.map((a) => a.cleared?.reading?.value ?? null),
      alarms.map((a) => a.cleared?.reading?.ts ?? null),
      alarms.map((a) => a.cleared?.reason ?? null),
      ids,
      alarms.map((a) => a.places.join(',')),
    ],
  );
  return ids;
}

/** Which open record a clear closes. */
export type OpenKey =
  | { kind: 'rule'; ruleId: string }
  | { kind: 'group'; assetId: string; op: Combine }
  | { kind: 'offline'; sensorId: string };

export interface Clearing {
  key: OpenKey;
  clearedAt: Date;
  /** The reading that cleared it (null when a redefinition closed it). */
  reading: { ts: Date; value: number } | null;
  reason: ClearReason;
}

/** Closes the open records the clearings name; the closed records' ids and places. */
export async function closeAlarms(
  db: Db,
  clearings: readonly Clearing[],
): Promise<{ id: string; places: string[] }[]> {
  if (clearings.length === 0) return [];
  const { rows } = await db.query<{ id: string; places: string[] }>(
    `UPDATE infra_alarms x SET cleared_at = c.cleared_at, cleared_value = c.value, cleared_reading_ts = c.reading_ts,
       cleared_reason = c.reason
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::float8[],
                   $8::timestamptz[], $9::text[])
            AS c(kind, rule_id, asset_id, op, sensor_id, cleared_at, value, reading_ts, reason)
      WHERE x.cleared_at IS NULL AND x.kind = c.kind
        AND CASE c.kind WHEN 'rule' THEN x.rule_id = c.rule_id
                        WHEN 'group' THEN x.asset_id = c.asset_id AND x.group_op = c.op
                        ELSE x.sensor_id = c.sensor_id END
     RETURNING x.id, x.places`,
    [
      clearings.map((c) => c.key.kind),
      clearings.map((c) => (c.key.kind === 'rule' ? c.key.ruleId : null)),
      clearings.map((c) => (c.key.kind === 'group' ? c.key.assetId : null)),
      clearings.map((c) => (c.key.kind === 'group' ? c.key.op : null)),
      clearings.map((c) => (c.key.kind === 'offline' ? c.key.sensorId : null)),
      clearings.map((c) => c.clearedAt),
      clearings.map((c) => c.reading?.value ?? null),
      clearings.map((c) => c.reading?.ts ?? null),
      clearings.map((c) => c.reason),
    ],
  );
  return rows;
}

export interface AlarmQuery {
  scope?: string;
  /** open: not cleared and not acknowledged; acknowledged: not cleared; cleared; all (default). */
  state?: AlarmState | 'all';
  assetId?: string;
  sensorId?: string;
  limit: number;
}

const STATE_SQL: Record<AlarmState | 'all', string> = {
  open: 'x.cleared_at IS NULL AND x.acknowledged_at IS NULL',
  acknowledged: 'x.cleared_at IS NULL AND x.acknowledged_at IS NOT NULL',
  cleared: 'x.cleared_at IS NOT NULL',
  all: 'true',
};

/** Alarms, newest raise first, within a scope, and how many match in all. */
export async function listAlarms(db: Db, q: AlarmQuery): Promise<{ alarms: Alarm[]; total: number }> {
  const where = `($1::text IS NULL OR ${assetInScope('a', '$1')}) AND ($2::text IS NULL OR x.asset_id = $2)
    AND ($3::text IS NULL OR x.sensor_id = $3) AND ${STATE_SQL[q.state ?? 'all']}`;
  const params = [q.scope ?? null, q.assetId ?? null, q.sensorId ?? null];
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY x.raised_at DESC, x.recorded_at DESC, x.id LIMIT $4`,
    [...params, q.limit],
  );
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM infra_alarms x JOIN infra_assets a ON a.id = x.asset_id WHERE ${where}`,
    params,
  );
  return { alarms: rows.map(toAlarm), total: count.rows[0].n };
}

/** An asset's alarms not cleared yet (getAsset shows them), newest first. */
export async function openAlarmsOfAsset(db: Db, assetId: string): Promise<Alarm[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE x.asset_id = $1 AND x.cleared_at IS NULL ORDER BY x.raised_at DESC, x.id`,
    [assetId],
  );
  return rows.map(toAlarm);
}

/** How many alarms each asset has open (not cleared). */
export async function openAlarmCounts(db: Db, assetIds?: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ asset_id: string; n: number }>(
    `SELECT asset_id, count(*)::int AS n FROM infra_alarms
      WHERE cleared_at IS NULL AND ($1::text[] IS NULL OR asset_id = ANY($1::text[])) GROUP BY asset_id`,
    [assetIds ?? null],
  );
  return new Map(rows.map((r) => [r.asset_id, r.n]));
}

/** An alarm by id, within a scope when given. */
export async function alarmById(db: Db, id: string, scope?: string): Promise<Alarm | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE x.id = $1 AND ($2::text IS NULL OR ${assetInScope('a', '$2')})`,
    [id, scope ?? null],
  );
  return rows[0] && toAlarm(rows[0]);
}

/** Signs an alarm as acknowledged unless it was already; whether this call did. */
export async function markAcknowledged(db: Db, id: string, by: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE infra_alarms SET acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1 AND acknowledged_at IS NULL',
    [id, by, at],
  );
  return rowCount > 0;
}

/** Every alarm of these sensors (and their assets' combinations), oldest raise first (tests compare them with a replay). */
export async function alarmsOfSensors(db: Db, sensorIds: readonly string[]): Promise<Alarm[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE x.sensor_id = ANY($1::text[]) ORDER BY x.raised_at, x.sensor_id, x.recorded_at`,
    [sensorIds],
  );
  return rows.map(toAlarm);
}
