/**
 * Alarm records as they open and close, with their inbox items: every raise opens a record; for an
 * asset whose failure makes a community lose a service (the stored N-1 analysis), it also opens a
 * work item in the inbox of each such community and of the asset's operator (the contract: an alarm
 * on an asset no community depends on alone is on the alarms board, not in anyone's inbox); every
 * clear closes the record and its items. Run
 * in the caller's transaction (the caller writes the audit row). Acknowledging is its own
 * transaction with its audit row.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { closePlatformItemsByRef, type PlatformItem, raisePlatformItems } from '@renxing/modules/inbox';
import '../errors.js';
import type { ThresholdRule } from '../rules/alarms.js';
import {
  type Alarm,
  alarmById,
  type Clearing,
  closeAlarms,
  insertAlarms,
  markAcknowledged,
  type NewAlarm,
} from '../store/alarms.js';
import { type AssetNotice, assetNotices } from '../store/sensors.js';
import type { InfraActor } from './actor.js';

/** The inbox items' origin (and duty code). */
export const ALARM_ORIGIN = 'infrastructure.alarm';

/** An item's reference: the alarm and the place (one alarm gives one item per inbox). */
export const itemRef = (alarmId: string, placeId: string): string => `${alarmId}:${placeId}`;

/** How long an inbox has to see to an alarm's item. */
const DUE_S = 4 * 3600;

/** A raise as the evaluation found it, with what the item's words need. */
export interface Raise extends Omit<NewAlarm, 'places'> {
  /** The sensor's quantity and unit (rule and offline alarms). */
  sensor?: { quantity: string; unit: string; timeoutS: number };
}

const num = (v: number) => String(Number(v.toPrecision(12)));

/** The item's title (Chinese, as the inbox shows it) and its English words for the detail. */
function words(r: Raise, asset: AssetNotice): { title: string; titleEn: string } {
  const unit = r.sensor?.unit ?? '';
  const at = `${asset.name}（${asset.id}）`;
  if (r.kind === 'offline') {
    return {
      title: `传感器离线：${at} 的 ${r.sensorId} 已 ${r.sensor?.timeoutS ?? 0} 秒无读数`,
      titleEn: `Sensor offline: ${r.sensorId} of ${asset.name} (${asset.id}) silent for ${r.sensor?.timeoutS ?? 0} s`,
    };
  }
  if (r.kind === 'group') {
    return r.groupOp === 'all'
      ? {
          title: `设施告警：${at} 的全部组合条件同时成立`,
          titleEn: `Alarm: all combined conditions hold on ${asset.name} (${asset.id})`,
        }
      : {
          title: `设施告警：${at} 的组合条件之一成立`,
          titleEn: `Alarm: a combined condition holds on ${asset.name} (${asset.id})`,
        };
  }
  const rule = r.rule as ThresholdRule;
  const value = r.reading ? num(r.reading.value) : '';
  const quantity = r.sensor?.quantity ?? '';
  return {
    title: `设施告警：${at} ${r.sensorId} ${quantity} ${rule.op === 'above' ? '高于' : '低于'} ${num(rule.threshold)}${unit}（读数 ${value}${unit}）`,
    titleEn: `Alarm: ${r.sensorId} ${quantity} of ${asset.name} (${asset.id}) ${rule.op} ${num(rule.threshold)} ${unit} (reading ${value} ${unit})`,
  };
}

/** The inboxes an asset's alarm goes to: none unless N-1 names communities; then its operator's and theirs. */
export function alarmPlaces(asset: AssetNotice): string[] {
  if (asset.communityIds.length === 0) return [];
  return [...new Set([asset.operatorPlaceId, ...asset.communityIds])];
}

/**
 * Opens the records of these raises (those whose clear came in the same batch already closed)
 * with their inbox items, and closes the items of those cleared. Answers the new records' ids.
 */
export async function openAlarms(db: Db, raises: readonly Raise[], at: Date): Promise<string[]> {
  if (raises.length === 0) return [];
  const assets = await assetNotices(db, [...new Set(raises.map((r) => r.assetId))]);
  const rows = raises.map((r) => ({ ...r, places: alarmPlaces(assets.get(r.assetId)!) }));
  const ids = await insertAlarms(db, rows, at);
  const items: PlatformItem[] = [];
  for (const [i, r] of rows.entries()) {
    const asset = assets.get(r.assetId)!;
    const w = words(r, asset);
    for (const placeId of r.places) {
      items.push({
        origin: ALARM_ORIGIN,
        ref: itemRef(ids[i], placeId),
        personId: null,
        placeId,
        duty: ALARM_ORIGIN,
        title: w.title,
        due: new Date(at.getTime() + DUE_S * 1000),
        priority: 'urgent',
        detail: {
          alarm: ids[i],
          kind: r.kind,
          asset: r.assetId,
          assetName: asset.name,
          assetKind: asset.kind,
          sensor: r.sensorId,
          ...(r.rule ? { rule: r.rule } : {}),
          ...(r.groupOp ? { combine: r.groupOp } : {}),
          raisedAt: r.raisedAt.toISOString(),
          ...(r.reading ? { value: r.reading.value, readingTs: r.reading.ts.toISOString() } : {}),
          operator: placeId === asset.operatorPlaceId,
          titleEn: w.titleEn,
        },
      });
    }
  }
  await raisePlatformItems(db, items, at);
  const closedNow = rows.flatMap((r, i) => (r.cleared ? [{ id: ids[i], places: r.places }] : []));
  await closeAlarmItems(db, closedNow, at);
  return ids;
}

/** Closes the open records the clearings name and their items; the records closed. */
export async function clearAlarms(
  db: Db,
  clearings: readonly Clearing[],
  at: Date,
): Promise<{ id: string; places: string[] }[]> {
  const closed = await closeAlarms(db, clearings);
  await closeAlarmItems(db, closed, at);
  return closed;
}

async function closeAlarmItems(db: Db, closed: readonly { id: string; places: string[] }[], at: Date) {
  const refs = closed.flatMap((a) => a.places.map((p) => itemRef(a.id, p)));
  if (refs.length > 0) await closePlatformItemsByRef(db, { origin: ALARM_ORIGIN, refs }, at, 'alarm cleared');
}

/**
 * Signs an alarm within the caller's place as acknowledged (by whom, when); acknowledging again
 * changes nothing. Audited as `infrastructure.alarm.acknowledge`.
 */
export async function acknowledgeAlarm(
  db: Db,
  id: string,
  actor: InfraActor,
): Promise<{ alarm: Alarm; changed: boolean }> {
  const userId = actor.userId;
  if (userId === null)
    throw invalid('actor', { en: 'only a user acknowledges', 'zh-CN': '只有用户可以确认告警' });
  return db.transaction(async (tx) => {
    const before = await alarmById(tx, id, actor.scope ?? undefined);
    if (!before) throw new RenxingError('RX_NO_SUCH_ALARM', { alarm: id });
    const changed = await markAcknowledged(tx, id, userId, actor.now);
    if (changed) {
      await appendAudit(tx, {
        actor: userId,
        action: 'infrastructure.alarm.acknowledge',
        subjectType: 'infra_alarm',
        subjectId: id,
        detail: {
          asset: before.assetId,
          sensor: before.sensorId,
          kind: before.kind,
          cleared: before.clearedAt !== null,
        },
      });
    }
    return { alarm: (await alarmById(tx, id))!, changed };
  });
}
