/**
 * Defining a sensor: its asset, what it measures, its offline timeout and its rules, in one
 * transaction with its audit row. Redefining keeps the rules that did not change (with their
 * state and open alarms); a rule removed or changed closes its open alarm (`redefined`) and
 * starts again idle. A sensor whose `combine` changes starts all its rules again.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import '../errors.js';
import { combined, type ThresholdRule } from '../rules/alarms.js';
import type { Clearing } from '../store/alarms.js';
import {
  assetInScopeById,
  type Combine,
  deleteRules,
  groupStates,
  placeRules,
  rulesOfAssets,
  type Sensor,
  type StoredRule,
  saveGroupStates,
  sensorById,
  upsertSensor,
} from '../store/sensors.js';
import { auditActor, type InfraActor } from './actor.js';
import { clearAlarms } from './alarms.js';

export const SENSOR_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const MAX_RULES = 20;
export const MAX_TIMEOUT_S = 31_536_000;

export interface SensorDefinition {
  id: string;
  assetId: string;
  quantity: string;
  unit: string;
  timeoutS: number;
  rules: ThresholdRule[];
  combine?: Combine | null;
}

const sameRule = (a: ThresholdRule, b: ThresholdRule) =>
  a.op === b.op && a.threshold === b.threshold && a.hysteresis === b.hysteresis && a.forS === b.forS;

/** The definition checked (trimmed), or RX_VALIDATION / RX_BAD_SENSOR_ID naming the field. */
export function checkedDefinition(d: SensorDefinition): SensorDefinition {
  if (!SENSOR_ID.test(d.id)) throw new RenxingError('RX_BAD_SENSOR_ID', { sensor: d.id }, 'params.id');
  const quantity = d.quantity.trim();
  if (quantity === '' || quantity.length > 64)
    throw invalid('body.quantity', { en: '1 to 64 characters', 'zh-CN': '应为 1 到 64 个字符' });
  const unit = d.unit.trim();
  if (unit.length > 32)
    throw invalid('body.unit', { en: 'at most 32 characters', 'zh-CN': '最多 32 个字符' });
  if (!Number.isSafeInteger(d.timeoutS) || d.timeoutS < 1 || d.timeoutS > MAX_TIMEOUT_S)
    throw invalid('body.timeoutS', {
      en: `whole seconds from 1 to ${MAX_TIMEOUT_S}`,
      'zh-CN': `应为 1 到 ${MAX_TIMEOUT_S} 的整秒数`,
    });
  if (d.rules.length > MAX_RULES)
    throw invalid('body.rules', { en: `at most ${MAX_RULES} rules`, 'zh-CN': `最多 ${MAX_RULES} 条规则` });
  for (const [i, r] of d.rules.entries()) {
    if (r.op !== 'above' && r.op !== 'below')
      throw invalid(`body.rules.${i}.op`, { en: 'above or below', 'zh-CN': '应为 above 或 below' });
    if (!Number.isFinite(r.threshold))
      throw invalid(`body.rules.${i}.threshold`, { en: 'a number', 'zh-CN': '应为数字' });
    if (!Number.isFinite(r.hysteresis) || r.hysteresis < 0)
      throw invalid(`body.rules.${i}.hysteresis`, { en: 'a number ≥ 0', 'zh-CN': '应为大于等于 0 的数' });
    if (!Number.isSafeInteger(r.forS) || r.forS < 0)
      throw invalid(`body.rules.${i}.forS`, { en: 'whole seconds ≥ 0', 'zh-CN': '应为大于等于 0 的整秒数' });
  }
  return {
    ...d,
    quantity,
    unit,
    rules: d.rules.map((r) => ({ op: r.op, threshold: r.threshold, hysteresis: r.hysteresis, forS: r.forS })),
    combine: d.combine ?? null,
  };
}

/**
 * Creates or redefines a sensor of an asset within the caller's place. Audited as
 * `infrastructure.sensor.define`.
 */
export async function defineSensor(
  db: Db,
  input: SensorDefinition,
  actor: InfraActor,
): Promise<{ sensor: Sensor; created: boolean }> {
  const d = checkedDefinition(input);
  const scope = actor.scope ?? undefined;
  return db.transaction(async (tx) => {
    if (!(await assetInScopeById(tx, d.assetId, scope)))
      throw new RenxingError('RX_NO_SUCH_ASSET', { asset: d.assetId }, 'body.assetId');
    const before = await sensorById(tx, d.id, { lock: true });
    if (before) {
      if (!(await sensorById(tx, d.id, { scope }))) throw new RenxingError('RX_NOT_FOUND');
      if (before.assetId !== d.assetId)
        throw new RenxingError(
          'RX_SENSOR_OF_OTHER_ASSET',
          { sensor: d.id, asset: before.assetId },
          'body.assetId',
        );
    }
    const { created } = await upsertSensor(tx, { ...d, combine: d.combine ?? null }, actor.now);

    // Rules: keep each unchanged one (first match), replace the rest.
    const old: StoredRule[] = before && before.combine === d.combine ? [...before.rules] : [];
    const gone = new Set((before?.rules ?? []).map((r) => r.id));
    const placed = d.rules.map((spec) => {
      const i = old.findIndex((o) => sameRule(o, spec));
      if (i < 0) return spec;
      const [kept] = old.splice(i, 1);
      gone.delete(kept.id);
      return { id: kept.id };
    });
    const clearings: Clearing[] = [...gone].map((ruleId) => ({
      key: { kind: 'rule', ruleId },
      clearedAt: actor.now,
      reading: null,
      reason: 'redefined',
    }));
    await clearAlarms(tx, clearings, actor.now);
    await deleteRules(tx, [...gone]);
    await placeRules(tx, d.id, placed);

    // The asset's combinations with their new members: a combination no longer holding closes;
    // one that now holds raises at its next reading.
    const rules = (await rulesOfAssets(tx, [d.assetId])).get(d.assetId) ?? [];
    const stored = await groupStates(tx, [d.assetId]);
    const groups: { assetId: string; op: Combine; raised: boolean }[] = [];
    const groupClearings: Clearing[] = [];
    for (const op of ['any', 'all'] as const) {
      const was = stored.get(`${d.assetId}\0${op}`);
      if (was === undefined) continue;
      const now = combined(
        op,
        rules.filter((r) => r.combine === op).map((r) => r.state.raised),
      );
      if (was && !now) {
        groupClearings.push({
          key: { kind: 'group', assetId: d.assetId, op },
          clearedAt: actor.now,
          reading: null,
          reason: 'redefined',
        });
        groups.push({ assetId: d.assetId, op, raised: false });
      }
    }
    await clearAlarms(tx, groupClearings, actor.now);
    await saveGroupStates(tx, groups);

    const sensor = (await sensorById(tx, d.id))!;
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'infrastructure.sensor.define',
      subjectType: 'infra_sensor',
      subjectId: d.id,
      detail: {
        asset: d.assetId,
        quantity: d.quantity,
        unit: d.unit,
        timeoutS: d.timeoutS,
        combine: d.combine ?? null,
        rules: d.rules,
        created,
        rulesKept: placed.filter((p) => 'id' in p).length,
        rulesReplaced: gone.size,
      },
    });
    return { sensor, created };
  });
}
