/**
 * The retention cutoff of the streaming path, the trajectory store's rule (modules/trajectories
 * rules/days.ts `retentionCutoff`): keep whole local days from the one holding the instant
 * `retentionDays` before now, so the streamed index holds exactly the pings the store keeps.
 */

export const DAY_SECONDS = 86400;

/** The retention window when none is given, in days (as RENXING_RETENTION_DAYS). */
export const DEFAULT_STREAM_RETENTION_DAYS = 21;

/**
 * The first retained instant, epoch seconds: the start of the local day (at `utcOffsetSeconds`
 * east of UTC) holding `nowMs − retentionDays` days. Pings before it are dropped.
 */
export function retentionCutoffSeconds(
  nowMs: number,
  retentionDays: number,
  utcOffsetSeconds: number,
): number {
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be epoch milliseconds');
  if (!Number.isSafeInteger(retentionDays) || retentionDays < 1)
    throw new RangeError('retentionDays must be a whole number of days ≥ 1');
  const oldest = Math.floor(nowMs / 1000) - retentionDays * DAY_SECONDS;
  const day = Math.floor((oldest + utcOffsetSeconds) / DAY_SECONDS);
  return day * DAY_SECONDS - utcOffsetSeconds;
}
