/**
 * The trajectory store read back for the engine, and its retention.
 *
 * `trajectoryCsv` yields the contract's pings CSV (`subject,ts,lon,lat`, subjects pseudonymised)
 * of every stored ping on the local days overlapping [from − 1 day, to + 1 day], so the engine's
 * pings reader consumes it as it would a file. Chunks are read and inflated one at a time.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Db } from '@renxing/db';
import {
  DAY_SECONDS,
  DEFAULT_RETENTION_DAYS,
  dayText,
  FIRST_DAY,
  LAST_DAY,
  localDay,
  retentionCutoff,
} from '../rules/days.js';
import {
  purgeTrajectoryDays,
  type RetentionCheck,
  type TrajectoryPurge,
  trajectoryChunks,
  trajectoryRetention,
} from '../store/trajectories.js';

const gunzipAsync = promisify(gunzip);

export const TRAJECTORY_CSV_HEADER = 'subject,ts,lon,lat\n';

/** The stored pings of the days overlapping [from − 1 day, to + 1 day] (epoch seconds; null: unbounded). */
export async function* trajectoryCsv(
  db: Db,
  window: { from: number | null; to: number | null },
): AsyncGenerator<Uint8Array> {
  const bound = (t: number | null, pad: number): string | null => {
    if (t === null) return null;
    if (!Number.isFinite(t)) throw new RangeError('trajectoryCsv: from and to are epoch seconds or null');
    return dayText(Math.min(LAST_DAY, Math.max(FIRST_DAY, localDay(Math.floor(t) + pad))));
  };
  const fromDay = bound(window.from, -DAY_SECONDS);
  const toDay = bound(window.to, DAY_SECONDS);
  yield new TextEncoder().encode(TRAJECTORY_CSV_HEADER);
  if (fromDay !== null && toDay !== null && fromDay > toDay) return;
  for await (const chunk of trajectoryChunks(db, { fromDay, toDay })) {
    const csv = await gunzipAsync(chunk.data);
    yield new Uint8Array(csv.buffer, csv.byteOffset, csv.byteLength);
  }
}

/**
 * Deletes the stored days that lie wholly before the retention window (the window is the last
 * `retentionDays` × 24 h before `now`, epoch seconds; default 21 days) and logs the run (purge log
 * and audit log, `actor` as the one who ran it, e.g. a user id or `system:purge`).
 */
export async function purgeTrajectories(
  db: Db,
  options: { now: number; retentionDays?: number; actor: string },
): Promise<TrajectoryPurge> {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = retentionCutoff(options.now, retentionDays);
  return purgeTrajectoryDays(db, { cutoff, retentionDays, actor: options.actor });
}

/** Whether anything older than the retention window is stored, with the latest purge runs. */
export async function verifyRetention(
  db: Db,
  options: { now: number; retentionDays?: number },
): Promise<RetentionCheck> {
  const cutoff = retentionCutoff(options.now, options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  return trajectoryRetention(db, { cutoff });
}
