/**
 * City presets of the health-code rules. A preset changes the numbers, never the shape of the
 * contract's table (shared/contracts/health-code.md).
 */
import type { EpochSeconds } from './types.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

export interface HealthCodePreset {
  id: string;
  /** Negative PCR results that clear a yellow. */
  yellowNegatives: number;
  /** Minimum spacing between consecutive clearing negatives (≥, in seconds). */
  negativeSpacing: number;
  /**
   * When set, every clearing negative must be taken at most this long after the yellow began
   * (≤); once that is impossible the yellow stays until another rule or an override changes it.
   */
  negativeWindow: number | null;
  /** A close contact's isolation (seconds). */
  isolationPeriod: number;
  /** The negative test must be taken within the isolation's last this-many seconds. */
  finalTestWindow: number;
  /** Monitoring after a case's discharge (seconds). */
  monitoringPeriod: number;
}

export const DEFAULT_PRESET: HealthCodePreset = {
  id: 'default',
  yellowNegatives: 2,
  negativeSpacing: DAY,
  negativeWindow: null,
  isolationPeriod: 14 * DAY,
  finalTestWindow: DAY,
  monitoringPeriod: 14 * DAY,
};

/** Chengdu, November 2021: the two negatives must both be taken within 3 days of the yellow beginning. */
export const CHENGDU_2021_PRESET: HealthCodePreset = {
  ...DEFAULT_PRESET,
  id: 'chengdu-2021',
  negativeWindow: 3 * DAY,
};

export const HEALTH_CODE_PRESETS: Readonly<Record<string, HealthCodePreset>> = {
  default: DEFAULT_PRESET,
  'chengdu-2021': CHENGDU_2021_PRESET,
};

/** The preset with this id, or undefined. */
export function healthCodePreset(id: string): HealthCodePreset | undefined {
  return Object.hasOwn(HEALTH_CODE_PRESETS, id) ? HEALTH_CODE_PRESETS[id] : undefined;
}

/** The last instant a clearing negative may be taken for a yellow that began at `yellowSince`, or null. */
export function negativeWindowEnd(preset: HealthCodePreset, yellowSince: EpochSeconds): EpochSeconds | null {
  return preset.negativeWindow === null ? null : yellowSince + preset.negativeWindow;
}
