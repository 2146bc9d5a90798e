/**
 * Offline by timeout on the server's clock: a sensor from which no reading has arrived for its
 * timeout is offline at last arrival + timeout, found by a check the server runs every few seconds
 * (no reading has to come for it). Each newly silent sensor opens an offline alarm (with its inbox
 * items); an asset whose every sensor is silent is offline. One transaction, one audit row when
 * anything went offline.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { markSilentOffline, offlineAssets } from '../store/sensors.js';
import { openAlarms } from './alarms.js';

export interface OfflineResult {
  /** The sensors that went offline at this check, with when they fell silent. */
  sensors: { id: string; assetId: string; offlineAt: Date }[];
  /** Of their assets, those now offline (every sensor silent). */
  assets: string[];
}

/** Marks offline every online sensor silent for its timeout at `now` and raises its alarm. */
export async function checkOffline(db: Db, now: Date, o: { actor?: string } = {}): Promise<OfflineResult> {
  return db.transaction(async (tx) => {
    const silent = await markSilentOffline(tx, now);
    if (silent.length === 0) return { sensors: [], assets: [] };
    await openAlarms(
      tx,
      silent.map((s) => ({
        assetId: s.assetId,
        sensorId: s.id,
        ruleId: null,
        kind: 'offline' as const,
        groupOp: null,
        rule: null,
        raisedAt: s.offlineAt,
        reading: null,
        sensor: { quantity: s.quantity, unit: s.unit, timeoutS: s.timeoutS },
      })),
      now,
    );
    const assets = [...(await offlineAssets(tx, [...new Set(silent.map((s) => s.assetId))]))].sort();
    await appendAudit(tx, {
      actor: o.actor ?? 'system:sensors',
      action: 'infrastructure.sensors.offline',
      subjectType: 'infra_sensors',
      subjectId: null,
      detail: {
        sensors: silent.map((s) => ({ id: s.id, asset: s.assetId, offlineAt: s.offlineAt.toISOString() })),
        assetsOffline: assets,
      },
    });
    return {
      sensors: silent.map((s) => ({ id: s.id, assetId: s.assetId, offlineAt: s.offlineAt })),
      assets,
    };
  });
}
