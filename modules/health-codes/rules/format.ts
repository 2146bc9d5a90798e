/** Instants and durations as the person reads them, in the city's local time. */
import type { Locale } from '@renxing/contracts';
import type { EpochSeconds } from './types.js';

/** The city's default UTC offset, seconds east of UTC (+08:00). */
export const DEFAULT_UTC_OFFSET = 8 * 3600;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM` at the offset, with `:SS` when the seconds are not zero. */
export function formatInstant(t: EpochSeconds, utcOffset: number = DEFAULT_UTC_OFFSET): string {
  const d = new Date((t + utcOffset) * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const s = d.getUTCSeconds();
  return s === 0 ? `${date} ${time}` : `${date} ${time}:${pad(s)}`;
}

/** Whole days from two days up ("14 days"), else whole hours ("24 h"), else seconds. */
export function formatDuration(seconds: number, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (seconds >= 2 * 86400 && seconds % 86400 === 0) {
    const n = seconds / 86400;
    return zh ? `${n} 天` : `${n} days`;
  }
  if (seconds % 3600 === 0) {
    const n = seconds / 3600;
    return zh ? `${n} 小时` : `${n} h`;
  }
  return zh ? `${seconds} 秒` : `${seconds} s`;
}
