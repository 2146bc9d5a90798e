/**
 * The person's PCR history and the two questions the rules ask of it: which negatives clear a
 * yellow, and which negative ends a close contact's isolation.
 */
import { type HealthCodePreset, negativeWindowEnd } from './presets.js';
import type { EpochSeconds, PcrTest } from './types.js';

/** The history's order: by takenAt, then testId. */
export function byTakenAt(a: PcrTest, b: PcrTest): number {
  return a.takenAt - b.takenAt || (a.testId < b.testId ? -1 : a.testId > b.testId ? 1 : 0);
}

/** The history with `test` added in order, or the same array when its testId is already known (first result wins). */
export function addTest(tests: PcrTest[], test: PcrTest): PcrTest[] {
  if (tests.some((t) => t.testId === test.testId)) return tests;
  return [...tests, test].sort(byTakenAt);
}

/**
 * The longest chain of negatives taken in [from, to] (to = null: unbounded), each at least
 * `spacing` after the previous one, taking the earliest possible test each time, at most `max`
 * long. Earliest-first is optimal: no other choice makes a longer chain or finishes it earlier.
 */
export function negativeChain(
  tests: readonly PcrTest[],
  from: EpochSeconds,
  to: EpochSeconds | null,
  spacing: number,
  max: number,
): PcrTest[] {
  const chain: PcrTest[] = [];
  for (const t of tests) {
    if (chain.length >= max) break;
    if (t.result !== 'negative' || t.takenAt < from || (to !== null && t.takenAt > to)) continue;
    const last = chain[chain.length - 1];
    if (last === undefined || t.takenAt - last.takenAt >= spacing) chain.push(t);
  }
  return chain;
}

/** The negatives that clear a yellow begun at `yellowSince`, or null while they are not all there. */
export function clearingNegatives(
  tests: readonly PcrTest[],
  yellowSince: EpochSeconds,
  preset: HealthCodePreset,
): PcrTest[] | null {
  const to = negativeWindowEnd(preset, yellowSince);
  const chain = negativeChain(tests, yellowSince, to, preset.negativeSpacing, preset.yellowNegatives);
  return chain.length === preset.yellowNegatives ? chain : null;
}

export interface IsolationRelease {
  isolationEnd: EpochSeconds;
  test: PcrTest;
}

/**
 * When a close contact's isolation, begun at `start`, is complete by `now`: at least the preset's
 * period has passed and a negative was taken in the isolation's last `finalTestWindow` seconds
 * (both bounds inclusive). With a negative in [end − window, end], the isolation ends at
 * end = start + period (the latest such test is the evidence). Without one it goes on, and ends
 * when the next negative is taken: that test is then within its last 24 h.
 */
export function isolationRelease(
  tests: readonly PcrTest[],
  start: EpochSeconds,
  now: EpochSeconds,
  preset: HealthCodePreset,
): IsolationRelease | null {
  const end = start + preset.isolationPeriod;
  if (now < end) return null;
  const from = Math.max(start, end - preset.finalTestWindow);
  let inWindow: PcrTest | undefined;
  for (const t of tests) {
    if (t.result !== 'negative' || t.takenAt < from) continue;
    if (t.takenAt <= end) inWindow = t;
    else return inWindow ? { isolationEnd: end, test: inWindow } : { isolationEnd: t.takenAt, test: t };
  }
  return inWindow ? { isolationEnd: end, test: inWindow } : null;
}
