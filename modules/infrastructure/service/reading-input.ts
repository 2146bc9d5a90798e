/**
 * A reading as it comes (an HTTP body's entry, a CSV row, an MQTT message) admitted or refused with
 * a reason: the sensor named, the time an instant (epoch seconds or the contract's instant text,
 * read at the city's offset when it has none) not more than a day after it arrived, the value a
 * finite number.
 */
import type { Text } from '@renxing/contracts';
import { DEFAULT_PARAMS, parseInstantText } from '@renxing/engine';
import { ALARM_REJECT_REASONS, type Reading, readingValue } from '../rules/alarms.js';

export const READING_REJECT_REASONS = {
  sensor_empty: ALARM_REJECT_REASONS.sensor_empty,
  bad_ts: ALARM_REJECT_REASONS.bad_ts,
  bad_value: ALARM_REJECT_REASONS.bad_value,
  future_ts: { en: 'ts is more than a day after it arrived', 'zh-CN': 'ts 比到达时间晚一天以上' },
  unknown_sensor: {
    en: 'no such sensor (or not within your place)',
    'zh-CN': '没有这个传感器（或不在您的辖区内）',
  },
  wrong_asset: {
    en: "the topic's asset is not the sensor's asset",
    'zh-CN': '主题中的设施不是该传感器所属的设施',
  },
  unreadable_row: ALARM_REJECT_REASONS.unreadable_row,
} as const satisfies Record<string, Text>;

export type ReadingRejectReason = keyof typeof READING_REJECT_REASONS;

/** A reading as given: ts as epoch seconds or instant text, value as a number or decimal text. */
export interface RawReading {
  sensor: string;
  ts: number | string;
  value: number | string;
  /** The asset the reading's source names (an MQTT topic's): must be the sensor's. */
  asset?: string;
}

/** How far after its arrival a reading's own time may lie (clocks drift; a day is not drift). */
export const MAX_AHEAD_S = 86_400;

/** Epoch seconds of a reading's time, or NaN. */
export function readingTs(ts: number | string): number {
  if (typeof ts === 'number') return Number.isFinite(ts) ? ts : Number.NaN;
  if (typeof ts !== 'string') return Number.NaN;
  return parseInstantText(ts.trim(), DEFAULT_PARAMS.tzOffset);
}

/** The reading, or why it is refused; `arrivedS` is when it arrived (epoch seconds). */
export function admitReading(
  raw: RawReading,
  arrivedS: number,
): { reading: Reading; reason?: undefined } | { reason: ReadingRejectReason; reading?: undefined } {
  const sensor = typeof raw.sensor === 'string' ? raw.sensor.trim() : '';
  if (sensor === '') return { reason: 'sensor_empty' };
  const ts = readingTs(raw.ts);
  // Before 1970 or beyond what timestamptz and Date both hold is not a sensor's time.
  if (Number.isNaN(ts) || ts < 0 || ts > 253_402_300_799) return { reason: 'bad_ts' };
  if (ts > arrivedS + MAX_AHEAD_S) return { reason: 'future_ts' };
  const value =
    typeof raw.value === 'number'
      ? Number.isFinite(raw.value)
        ? raw.value
        : Number.NaN
      : typeof raw.value === 'string'
        ? readingValue(raw.value)
        : Number.NaN;
  if (Number.isNaN(value)) return { reason: 'bad_value' };
  return { reading: { sensor, ts, value } };
}
