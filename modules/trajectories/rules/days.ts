/** Local days of the trajectory store: a ping's day is its date at the city's UTC offset. */
import { DEFAULT_PARAMS, daysFromCivil, formatInstant } from '@renxing/engine';

export const DAY_SECONDS = 86400;

/** The city's offset when none is given: +08:00, as in the companion contract. */
export const DEFAULT_UTC_OFFSET = DEFAULT_PARAMS.tzOffset;

/** The retention window when none is given, in days. */
export const DEFAULT_RETENTION_DAYS = 21;

/** Days a store can hold: 0001-01-01 to 9999-12-31 (a `date` written as YYYY-MM-DD). */
export const FIRST_DAY = daysFromCivil(1, 1, 1);
export const LAST_DAY = daysFromCivil(9999, 12, 31);

/** Days since 1970-01-01 of the local date of `ts` (epoch seconds). */
export function localDay(ts: number, utcOffsetSeconds = DEFAULT_UTC_OFFSET): number {
  return Math.floor((ts + utcOffsetSeconds) / DAY_SECONDS);
}

/** `YYYY-MM-DD` of a day number (FIRST_DAY..LAST_DAY). */
export function dayText(day: number): string {
  return formatInstant(day * DAY_SECONDS).slice(0, 10);
}

/** The day a purge keeps from: the local day holding the oldest instant still in the window. */
export function retentionCutoff(
  now: number,
  retentionDays: number,
  utcOffsetSeconds = DEFAULT_UTC_OFFSET,
): string {
  if (!Number.isFinite(now)) throw new RangeError('now must be epoch seconds');
  if (!Number.isSafeInteger(retentionDays) || retentionDays < 1)
    throw new RangeError('retentionDays must be a whole number of days ≥ 1');
  const day = localDay(Math.floor(now) - retentionDays * DAY_SECONDS, utcOffsetSeconds);
  return dayText(Math.min(LAST_DAY, Math.max(FIRST_DAY, day)));
}
