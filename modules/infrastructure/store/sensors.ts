/**
 * Sensors and their rules: the only file that writes `infra_sensors`, `infra_rules` and
 * `infra_rule_groups`. It reads the network's `infra_assets` (and `places`) to scope sensors by
 * their asset's place and to name the inboxes an alarm goes to.
 */
import { type Db, subtree } from '@renxing/db';
import type { Op, RuleState, ThresholdRule } from '../rules/alarms.js';

export type Combine = 'any' | 'all';

export interface StoredRule extends ThresholdRule {
  id: string;
  sensorId: string;
  position: number;
  state: RuleState;
}

export interface Sensor {
  id: string;
  assetId: string;
  assetName: string;
  assetKind: string;
  quantity: string;
  unit: string;
  timeoutS: number;
  combine: Combine | null;
  /** The newest reading by its own time, or null before the first. */
  last: { ts: Date; value: number } | null;
  /** When a reading last arrived (server clock), or null. */
  lastArrival: Date | null;
  offline: boolean;
  createdAt: Date;
  updatedAt: Date;
  rules: StoredRule[];
}

interface SensorRow {
  id: string;
  asset_id: string;
  asset_name: string;
  asset_kind: string;
  quantity: string;
  unit: string;
  timeout_s: number;
  combine: Combine | null;
  last_ts: string | Date | null;
  last_value: number | null;
  last_arrival: string | Date | null;
  offline: boolean;
  created_at: string | Date;
  updated_at: string | Date;
}

interface RuleRow {
  id: string;
  sensor_id: string;
  position: number;
  op: Op;
  threshold: number;
  hysteresis: number;
  for_s: number;
  since: number | null;
  raised: boolean;
}

const SENSOR_COLUMNS = `s.id, s.asset_id, a.name AS asset_name, a.kind AS asset_kind, s.quantity, s.unit, s.timeout_s,
  s.combine, s.last_ts, s.last_value, s.last_arrival, s.offline, s.created_at, s.updated_at`;
const RULE_COLUMNS =
  'r.id, r.sensor_id, r.position, r.op, r.threshold, r.hysteresis, r.for_s, r.since, r.raised';

const date = (v: string | Date): Date => new Date(v);

export const toRule = (r: RuleRow): StoredRule => ({
  id: r.id,
  sensorId: r.sensor_id,
  position: r.position,
  op: r.op,
  threshold: r.threshold,
  hysteresis: r.hysteresis,
  forS: r.for_s,
  state: { since: r.since, raised: r.raised },
});

function toSensor(r: SensorRow, rules: StoredRule[]): Sensor {
  return {
    id: r.id,
    assetId: r.asset_id,
    assetName: r.asset_name,
    assetKind: r.asset_kind,
    quantity: r.quantity,
    unit: r.unit,
    timeoutS: r.timeout_s,
    combine: r.combine,
    last: r.last_ts === null || r.last_value === null ? null : { ts: date(r.last_ts), value: r.last_value },
    lastArrival: r.last_arrival === null ? null : date(r.last_arrival),
    offline: r.offline,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    rules,
  };
}

/** The rules of these sensors, by sensor, in their order. */
export async function rulesOf(db: Db, sensorIds: readonly string[]): Promise<Map<string, StoredRule[]>> {
  const by = new Map<string, StoredRule[]>();
  if (sensorIds.length === 0) return by;
  const { rows } = await db.query<RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM infra_rules r WHERE r.sensor_id = ANY($1::text[]) ORDER BY r.sensor_id, r.position`,
    [sensorIds],
  );
  for (const r of rows) {
    const list = by.get(r.sensor_id);
    if (list) list.push(toRule(r));
    else by.set(r.sensor_id, [toRule(r)]);
  }
  return by;
}

async function withRules(db: Db, rows: SensorRow[]): Promise<Sensor[]> {
  const rules = await rulesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSensor(r, rules.get(r.id) ?? []));
}

/**
 * An asset (or sensor) is in a caller's scope when the place it stands at, or the place that
 * operates it, lies within the caller's place. `$n` is the scope's parameter.
 */
export function assetInScope(alias: string, param: string): string {
  return `EXISTS (SELECT 1 FROM places sp WHERE sp.id IN (${alias}.place_id, ${alias}.operator_place_id)
                  AND ${subtree('sp.path', param)})`;
}

/** The sensors within a scope (all when none), of one asset when given, by asset then id. */
export async function listSensors(db: Db, q: { scope?: string; assetId?: string }): Promise<Sensor[]> {
  const { rows } = await db.query<SensorRow>(
    `SELECT ${SENSOR_COLUMNS} FROM infra_sensors s JOIN infra_assets a ON a.id = s.asset_id
      WHERE ($1::text IS NULL OR ${assetInScope('a', '$1')}) AND ($2::text IS NULL OR s.asset_id = $2)
      ORDER BY s.asset_id, s.id`,
    [q.scope ?? null, q.assetId ?? null],
  );
  return withRules(db, rows);
}

/** An asset's sensors with their newest reading, offline flag and rules (getAsset shows them). */
export function sensorsOfAsset(db: Db, assetId: string): Promise<Sensor[]> {
  return listSensors(db, { assetId });
}

/** A sensor by id, within a scope when given; `lock` takes its row for the transaction. */
export async function sensorById(
  db: Db,
  id: string,
  o: { scope?: string; lock?: boolean } = {},
): Promise<Sensor | undefined> {
  const { rows } = await db.query<SensorRow>(
    `SELECT ${SENSOR_COLUMNS} FROM infra_sensors s JOIN infra_assets a ON a.id = s.asset_id
      WHERE s.id = $1 AND ($2::text IS NULL OR ${assetInScope('a', '$2')})${o.lock ? ' FOR UPDATE OF s' : ''}`,
    [id, o.scope ?? null],
  );
  return rows[0] && (await withRules(db, rows))[0];
}

/**
 * The sensors among `ids` (with their rules), their rows locked for the transaction in id order
 * so concurrent batches of the same sensors queue instead of deadlocking. Unknown ids are absent.
 */
export async function lockSensors(db: Db, ids: readonly string[]): Promise<Map<string, Sensor>> {
  const { rows } = await db.query<SensorRow>(
    `SELECT ${SENSOR_COLUMNS} FROM infra_sensors s JOIN infra_assets a ON a.id = s.asset_id
      WHERE s.id = ANY($1::text[]) ORDER BY s.id FOR UPDATE OF s`,
    [ids],
  );
  return new Map((await withRules(db, rows)).map((s) => [s.id, s]));
}

/** Which of `ids` name sensors within `scope` (all existing ones when no scope). */
export async function sensorIdsIn(db: Db, ids: readonly string[], scope?: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM infra_sensors s JOIN infra_assets a ON a.id = s.asset_id
      WHERE s.id = ANY($1::text[]) AND ($2::text IS NULL OR ${assetInScope('a', '$2')})`,
    [ids, scope ?? null],
  );
  return new Set(rows.map((r) => r.id));
}

export interface SensorInput {
  id: string;
  assetId: string;
  quantity: string;
  unit: string;
  timeoutS: number;
  combine: Combine | null;
}

/** Creates the sensor or changes its definition; whether it was new. */
export async function upsertSensor(db: Db, s: SensorInput, at: Date): Promise<{ created: boolean }> {
  const { rows } = await db.query<{ created: boolean }>(
    `INSERT INTO infra_sensors (id, asset_id, quantity, unit, timeout_s, combine, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (id) DO UPDATE SET asset_id = EXCLUDED.asset_id, quantity = EXCLUDED.quantity, unit = EXCLUDED.unit,
       timeout_s = EXCLUDED.timeout_s, combine = EXCLUDED.combine, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS created`,
    [s.id, s.assetId, s.quantity, s.unit, s.timeoutS, s.combine, at],
  );
  return { created: rows[0].created };
}

/** Deletes these rules (their alarm records keep the rule as it was). */
export async function deleteRules(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.query('DELETE FROM infra_rules WHERE id = ANY($1::uuid[])', [ids]);
}

/** Sets the positions of kept rules and inserts new ones (idle); the rule ids in position order. */
export async function placeRules(
  db: Db,
  sensorId: string,
  rules: readonly ({ id: string } | ThresholdRule)[],
): Promise<string[]> {
  // Positions move out of the way first: (sensor, position) is unique at every statement.
  await db.query('UPDATE infra_rules SET position = position + 100000 WHERE sensor_id = $1', [sensorId]);
  const ids: string[] = [];
  for (const [position, r] of rules.entries()) {
    if ('id' in r) {
      await db.query('UPDATE infra_rules SET position = $2 WHERE id = $1', [r.id, position]);
      ids.push(r.id);
    } else {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO infra_rules (sensor_id, position, op, threshold, hysteresis, for_s)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [sensorId, position, r.op, r.threshold, r.hysteresis, r.forS],
      );
      ids.push(rows[0].id);
    }
  }
  return ids;
}

/** Stores rules' states after a batch of readings. */
export async function saveRuleStates(
  db: Db,
  states: readonly { id: string; state: RuleState }[],
): Promise<void> {
  if (states.length === 0) return;
  await db.query(
    `UPDATE infra_rules r SET since = x.since, raised = x.raised
       FROM unnest($1::uuid[], $2::float8[], $3::boolean[]) AS x(id, since, raised) WHERE r.id = x.id`,
    [states.map((s) => s.id), states.map((s) => s.state.since), states.map((s) => s.state.raised)],
  );
}

/** A rule of an asset with how its sensor combines it (the asset's groups are made of these). */
export interface AssetRule extends StoredRule {
  assetId: string;
  combine: Combine | null;
}

/** Every rule of the sensors of these assets, by asset. */
export async function rulesOfAssets(db: Db, assetIds: readonly string[]): Promise<Map<string, AssetRule[]>> {
  const by = new Map<string, AssetRule[]>();
  if (assetIds.length === 0) return by;
  const { rows } = await db.query<RuleRow & { asset_id: string; combine: Combine | null }>(
    `SELECT ${RULE_COLUMNS}, s.asset_id, s.combine FROM infra_rules r JOIN infra_sensors s ON s.id = r.sensor_id
      WHERE s.asset_id = ANY($1::text[]) ORDER BY s.asset_id, r.sensor_id, r.position`,
    [assetIds],
  );
  for (const r of rows) {
    const rule: AssetRule = { ...toRule(r), assetId: r.asset_id, combine: r.combine };
    const list = by.get(r.asset_id);
    if (list) list.push(rule);
    else by.set(r.asset_id, [rule]);
  }
  return by;
}

/** The stored combinations of these assets: `${asset}\0${op}` → raised. */
export async function groupStates(db: Db, assetIds: readonly string[]): Promise<Map<string, boolean>> {
  const { rows } = await db.query<{ asset_id: string; op: Combine; raised: boolean }>(
    `SELECT asset_id, op, raised FROM infra_rule_groups WHERE asset_id = ANY($1::text[]) FOR UPDATE`,
    [assetIds],
  );
  return new Map(rows.map((r) => [`${r.asset_id}\0${r.op}`, r.raised]));
}

/** Stores the combinations' states (creating the groups' rows as needed). */
export async function saveGroupStates(
  db: Db,
  groups: readonly { assetId: string; op: Combine; raised: boolean }[],
): Promise<void> {
  if (groups.length === 0) return;
  await db.query(
    `INSERT INTO infra_rule_groups (asset_id, op, raised)
     SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])
     ON CONFLICT (asset_id, op) DO UPDATE SET raised = EXCLUDED.raised`,
    [groups.map((g) => g.assetId), groups.map((g) => g.op), groups.map((g) => g.raised)],
  );
}

/**
 * After a batch: each sensor's newest reading (only when newer than the stored one), the arrival
 * time, and online again.
 */
export async function markArrived(
  db: Db,
  rows: readonly { id: string; ts: number; value: number }[],
  arrivedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `UPDATE infra_sensors s SET
       last_ts = CASE WHEN s.last_ts IS NULL OR to_timestamp(x.ts) >= s.last_ts THEN to_timestamp(x.ts) ELSE s.last_ts END,
       last_value = CASE WHEN s.last_ts IS NULL OR to_timestamp(x.ts) >= s.last_ts THEN x.value ELSE s.last_value END,
       last_arrival = greatest(s.last_arrival, $4::timestamptz), offline = false
       FROM unnest($1::text[], $2::float8[], $3::float8[]) AS x(id, ts, value) WHERE s.id = x.id`,
    [rows.map((r) => r.id), rows.map((r) => r.ts), rows.map((r) => r.value), arrivedAt],
  );
}

export interface SilentSensor {
  id: string;
  assetId: string;
  quantity: string;
  unit: string;
  timeoutS: number;
  /** When it fell silent: its last arrival (or definition) + its timeout. */
  offlineAt: Date;
}

/**
 * The online sensors silent since at least their timeout at `now` (no reading arrived since
 * `coalesce(last_arrival, created_at)`), marked offline in the same statement, with when they went
 * silent. Concurrent checks each mark a sensor once.
 */
export async function markSilentOffline(db: Db, now: Date): Promise<SilentSensor[]> {
  const { rows } = await db.query<{
    id: string;
    asset_id: string;
    quantity: string;
    unit: string;
    timeout_s: number;
    offline_at: string | Date;
  }>(
    // Locked in id order first, as a batch of readings locks its sensors: never a deadlock.
    `WITH silent AS (
       SELECT id FROM infra_sensors
        WHERE NOT offline AND coalesce(last_arrival, created_at) + timeout_s * interval '1 second' <= $1
        ORDER BY id FOR UPDATE
     )
     UPDATE infra_sensors s SET offline = true FROM silent WHERE s.id = silent.id
     RETURNING s.id, s.asset_id, s.quantity, s.unit, s.timeout_s,
               coalesce(s.last_arrival, s.created_at) + s.timeout_s * interval '1 second' AS offline_at`,
    [now],
  );
  return rows
    .map((r) => ({
      id: r.id,
      assetId: r.asset_id,
      quantity: r.quantity,
      unit: r.unit,
      timeoutS: r.timeout_s,
      offlineAt: date(r.offline_at),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Of these assets, those with sensors that are all offline. */
export async function offlineAssets(db: Db, assetIds?: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ asset_id: string }>(
    `SELECT asset_id FROM infra_sensors WHERE ($1::text[] IS NULL OR asset_id = ANY($1::text[]))
      GROUP BY asset_id HAVING bool_and(offline)`,
    [assetIds ?? null],
  );
  return new Set(rows.map((r) => r.asset_id));
}

/** What an alarm on an asset needs to know of it: its name and kind, and the inboxes it goes to. */
export interface AssetNotice {
  id: string;
  name: string;
  kind: string;
  operatorPlaceId: string;
  /** The communities the stored N-1 analysis says lose a service when the asset fails. */
  communityIds: string[];
}

export async function assetNotices(db: Db, assetIds: readonly string[]): Promise<Map<string, AssetNotice>> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    kind: string;
    operator_place_id: string;
    communities: string[] | null;
  }>(
    `SELECT a.id, a.name, a.kind, a.operator_place_id,
            (SELECT array_agg(DISTINCT l.community_id ORDER BY l.community_id) FROM infra_n1_losses l WHERE l.asset_id = a.id)
              AS communities
       FROM infra_assets a WHERE a.id = ANY($1::text[])`,
    [assetIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        kind: r.kind,
        operatorPlaceId: r.operator_place_id,
        communityIds: r.communities ?? [],
      },
    ]),
  );
}

/** The asset's place within the scope (undefined when it does not exist or lies outside). */
export async function assetInScopeById(db: Db, assetId: string, scope?: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM infra_assets a WHERE a.id = $1 AND ($2::text IS NULL OR ${assetInScope('a', '$2')})`,
    [assetId, scope ?? null],
  );
  return rows.length > 0;
}
