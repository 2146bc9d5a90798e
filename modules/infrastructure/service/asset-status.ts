/**
 * What the sensors and alarms say of assets, for the network's pages: listAssets shows each
 * asset's offline flag and open alarms, getAsset its sensors (with the newest reading and offline)
 * and its open alarms. Read through the sensors-and-alarms store (store/sensors.ts,
 * store/alarms.ts), which owns those tables.
 */
import type { Db } from '@renxing/db';
import { type Alarm, openAlarmCounts, openAlarmsOfAsset } from '../store/alarms.js';
import { offlineAssets, type Sensor, sensorsOfAsset } from '../store/sensors.js';

export interface AssetStatus {
  /** Every sensor of the asset is offline (an asset without sensors is not). */
  offline: boolean;
  /** Its alarms raised and not cleared. */
  openAlarms: number;
}

export const NO_STATUS: AssetStatus = { offline: false, openAlarms: 0 };

/** The status of each asset of `ids` (those missing from the map: NO_STATUS). */
export async function assetStatuses(db: Db, ids: readonly string[]): Promise<Map<string, AssetStatus>> {
  const [offline, open] = await Promise.all([offlineAssets(db, ids), openAlarmCounts(db, ids)]);
  const out = new Map<string, AssetStatus>();
  for (const id of new Set([...offline, ...open.keys()]))
    out.set(id, { offline: offline.has(id), openAlarms: open.get(id) ?? 0 });
  return out;
}

/** The asset's sensors, each with its newest reading, offline flag and rules. */
export function assetSensors(db: Db, assetId: string): Promise<Sensor[]> {
  return sensorsOfAsset(db, assetId);
}

/** The asset's alarms raised and not cleared, newest first. */
export function assetOpenAlarms(db: Db, assetId: string): Promise<Alarm[]> {
  return openAlarmsOfAsset(db, assetId);
}
