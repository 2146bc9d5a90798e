/**
 * Alarms on sensor readings, per shared/contracts/infrastructure.md. Times are whole epoch seconds.
 *
 * `above T` (hysteresis H, for D): the condition starts at a reading > T; the alarm raises at the
 * first reading with ts − start ≥ D (at once when D = 0) while every reading since the start stayed
 * > T (a reading ≤ T before the raise resets it); it clears at the first reading < T − H; a raised
 * alarm is never raised again. `below T` mirrors it (< T starts, clears at > T + H).
 *
 * `replayAlarms` is the CLI's `renxing infra alarms`: readings by ts (file order breaking ties),
 * each sensor's rules stepped in the rules' order, offline judged between readings.
 */
import type { Text } from '@renxing/contracts';
import { compareUtf8, parseInstantText } from '@renxing/engine';

export const OPS = ['above', 'below'] as const;
export type Op = (typeof OPS)[number];

export interface ThresholdRule {
  op: Op;
  threshold: number;
  /** H ≥ 0. */
  hysteresis: number;
  /** D ≥ 0 seconds. */
  forS: number;
}

export interface RuleState {
  /** When the condition started (the first reading of the current run beyond T), or null. */
  since: number | null;
  raised: boolean;
}

export const IDLE: RuleState = Object.freeze({ since: null, raised: false });

export type RuleEvent = 'raise' | 'clear';

/** A rule's next state after a reading, and the event it gives (or null). */
export function stepRule(
  rule: ThresholdRule,
  state: RuleState,
  ts: number,
  value: number,
): { state: RuleState; event: RuleEvent | null } {
  const above = rule.op === 'above';
  if (state.raised) {
    const clears = above
      ? value < rule.threshold - rule.hysteresis
      : value > rule.threshold + rule.hysteresis;
    return clears ? { state: IDLE, event: 'clear' } : { state, event: null };
  }
  const beyond = above ? value > rule.threshold : value < rule.threshold;
  if (!beyond) return { state: IDLE, event: null };
  const since = state.since ?? ts;
  if (ts - since >= rule.forS) return { state: { since, raised: true }, event: 'raise' };
  return { state: since === state.since ? state : { since, raised: false }, event: null };
}

/** Rules on one asset combined: `any` raised (OR) or `all` raised (AND; none is not all). */
export function combined(op: 'any' | 'all', raised: readonly boolean[]): boolean {
  return op === 'any' ? raised.some(Boolean) : raised.length > 0 && raised.every(Boolean);
}

export interface Reading {
  sensor: string;
  ts: number;
  value: number;
}

export type AlarmEventKind = 'raise' | 'clear' | 'offline' | 'online';

export interface AlarmEvent {
  sensor: string;
  event: AlarmEventKind;
  ts: number;
  /** The reading's value; null for `offline`. */
  value: number | null;
  /** For raise and clear: the index of the rule among the sensor's rules (in their given order). */
  rule?: number;
}

/** A rule of the CLI's rules file: a threshold rule on a sensor, with its offline timeout. */
export interface ReplayRule extends ThresholdRule {
  sensor: string;
  /** Seconds without a reading before the sensor is offline; 0: never. */
  timeoutS: number;
}

/** A sensor's offline timeout: the smallest positive timeout among its rules (0: never offline). */
export function sensorTimeout(rules: readonly { timeoutS: number }[]): number {
  let t = 0;
  for (const r of rules) if (r.timeoutS > 0 && (t === 0 || r.timeoutS < t)) t = r.timeoutS;
  return t;
}

/**
 * One sensor's alarms as readings arrive in time order. A reading older than the newest one seen
 * is kept by the caller but does not drive alarms (no events, no change). Offline is judged
 * between readings: a gap longer than the timeout gives `offline` at last + timeout, and the
 * reading that ends it `online` before its own raise or clear.
 */
export class SensorTrack {
  readonly states: RuleState[];
  /** The newest reading's ts, or null before the first. */
  last: number | null = null;
  readonly timeoutS: number;

  constructor(
    readonly sensor: string,
    readonly rules: readonly ThresholdRule[],
    timeoutS: number,
  ) {
    this.states = rules.map(() => IDLE);
    this.timeoutS = timeoutS;
  }

  /** The events of a reading (empty for an older one). */
  step(ts: number, value: number): AlarmEvent[] {
    const events: AlarmEvent[] = [];
    if (this.last !== null && ts < this.last) return events;
    if (this.last !== null && this.timeoutS > 0 && ts - this.last > this.timeoutS) {
      events.push({ sensor: this.sensor, event: 'offline', ts: this.last + this.timeoutS, value: null });
      events.push({ sensor: this.sensor, event: 'online', ts, value });
    }
    this.last = ts;
    for (let i = 0; i < this.rules.length; i++) {
      const r = stepRule(this.rules[i], this.states[i], ts, value);
      this.states[i] = r.state;
      if (r.event) events.push({ sensor: this.sensor, event: r.event, ts, value, rule: i });
    }
    return events;
  }
}

/**
 * The CLI's replay: readings sorted by ts (stable: file order breaks ties), each sensor's rules in
 * the given order; events sorted by ts then sensor (byte order), stable otherwise. Readings of a
 * sensor without rules give nothing; there is no offline after a sensor's last reading.
 */
export function replayAlarms(rules: readonly ReplayRule[], readings: readonly Reading[]): AlarmEvent[] {
  const bySensor = new Map<string, ReplayRule[]>();
  for (const r of rules) {
    const list = bySensor.get(r.sensor);
    if (list) list.push(r);
    else bySensor.set(r.sensor, [r]);
  }
  const tracks = new Map<string, SensorTrack>();
  for (const [sensor, list] of bySensor)
    tracks.set(sensor, new SensorTrack(sensor, list, sensorTimeout(list)));
  const ordered = readings.map((r, i) => ({ r, i })).sort((a, b) => a.r.ts - b.r.ts || a.i - b.i);
  const events: AlarmEvent[] = [];
  for (const { r } of ordered) {
    const track = tracks.get(r.sensor);
    if (track) for (const e of track.step(r.ts, r.value)) events.push(e);
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ts - b.e.ts || compareUtf8(a.e.sensor, b.e.sensor) || a.i - b.i)
    .map(({ e }) => e);
}

export const ALARM_REJECT_REASONS = {
  unreadable_row: { en: 'row cannot be read (an unterminated quote)', 'zh-CN': '该行无法读取（引号未闭合）' },
  not_an_object: { en: 'rule is not an object', 'zh-CN': '规则不是对象' },
  sensor_empty: { en: 'sensor is empty', 'zh-CN': 'sensor（传感器）为空' },
  bad_op: { en: 'op is not above or below', 'zh-CN': 'op 不是 above 或 below' },
  bad_threshold: { en: 'threshold is not a number', 'zh-CN': 'threshold（阈值）不是数字' },
  bad_hysteresis: { en: 'hysteresis is not a number ≥ 0', 'zh-CN': 'hysteresis（回差）不是大于等于 0 的数' },
  bad_for: { en: 'for is not a whole number of seconds ≥ 0', 'zh-CN': 'for 不是大于等于 0 的整秒数' },
  bad_timeout: {
    en: 'timeout is not a whole number of seconds ≥ 0',
    'zh-CN': 'timeout（离线超时）不是大于等于 0 的整秒数',
  },
  bad_ts: { en: 'ts is not an instant', 'zh-CN': 'ts 不是有效时间' },
  bad_value: { en: 'value is not a number', 'zh-CN': 'value 不是数字' },
} as const satisfies Record<string, Text>;

export type AlarmRejectReason = keyof typeof ALARM_REJECT_REASONS;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const wholeSeconds = (v: unknown): boolean => isNumber(v) && Number.isSafeInteger(v) && v >= 0;

/**
 * A rule of the rules file (`{"sensor","op","threshold","hysteresis","for","timeout"}`), or why
 * it is refused. Hysteresis and for default to 0, timeout to 0 (never offline).
 */
export function admitRuleSpec(
  json: unknown,
): { rule: ReplayRule; reason?: undefined } | { reason: AlarmRejectReason; rule?: undefined } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { reason: 'not_an_object' };
  const o = json as Record<string, unknown>;
  if (typeof o.sensor !== 'string' || o.sensor.trim() === '') return { reason: 'sensor_empty' };
  if (o.op !== 'above' && o.op !== 'below') return { reason: 'bad_op' };
  if (!isNumber(o.threshold)) return { reason: 'bad_threshold' };
  const hysteresis = o.hysteresis ?? 0;
  if (!isNumber(hysteresis) || hysteresis < 0) return { reason: 'bad_hysteresis' };
  const forS = o.for ?? 0;
  if (!wholeSeconds(forS)) return { reason: 'bad_for' };
  const timeout = o.timeout ?? 0;
  if (!wholeSeconds(timeout)) return { reason: 'bad_timeout' };
  return {
    rule: {
      sensor: o.sensor.trim(),
      op: o.op,
      threshold: o.threshold,
      hysteresis,
      forS: forS as number,
      timeoutS: timeout as number,
    },
  };
}

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** A reading's value from its text (a decimal number), or NaN. */
export function readingValue(text: string): number {
  const t = text.trim();
  if (!DECIMAL.test(t)) return Number.NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** A reading row (`sensor,ts,value`; ts in the companion grammar, read at `tzOffset`), or why it is refused. */
export function admitReadingRow(
  cells: Partial<Record<'sensor' | 'ts' | 'value', string>>,
  tzOffset: number,
): { reading: Reading; reason?: undefined } | { reason: AlarmRejectReason; reading?: undefined } {
  const sensor = (cells.sensor ?? '').trim();
  if (sensor === '') return { reason: 'sensor_empty' };
  const ts = parseInstantText((cells.ts ?? '').trim(), tzOffset);
  if (Number.isNaN(ts)) return { reason: 'bad_ts' };
  const value = readingValue(cells.value ?? '');
  if (Number.isNaN(value)) return { reason: 'bad_value' };
  return { reading: { sensor, ts, value } };
}
