/**
 * Capacity and occupancy (contract "Shelters"): available = capacity − occupancy, where the
 * capacity is the night one from 20:00 to 08:00 city time and the day one otherwise. A check-in
 * that would take available below zero is refused, and so is one into a closed shelter. Pure: the
 * clock is passed in.
 */
import type { Capacity, Period, ShelterState } from './types.js';

/** The city's offset from UTC, seconds (China Standard Time, no daylight saving). */
export const CITY_OFFSET_SECONDS = 8 * 3600;
/** Night capacity holds from this hour (inclusive) … */
export const NIGHT_FROM_HOUR = 20;
/** … to this one (exclusive), city time. */
export const NIGHT_TO_HOUR = 8;

const DAY_S = 86_400;

const msOf = (at: Date | number) => (typeof at === 'number' ? at : at.getTime());

/** Seconds since the city's midnight at `at` (0 … 86399). */
function cityClock(at: Date | number, offsetSeconds: number): number {
  const s = Math.floor(msOf(at) / 1000) + offsetSeconds;
  return ((s % DAY_S) + DAY_S) % DAY_S;
}

/** Which capacity holds at `at`: night from 20:00 to 08:00 city time, day otherwise. */
export function periodAt(at: Date | number, offsetSeconds = CITY_OFFSET_SECONDS): Period {
  const hour = Math.floor(cityClock(at, offsetSeconds) / 3600);
  return hour >= NIGHT_FROM_HOUR || hour < NIGHT_TO_HOUR ? 'night' : 'day';
}

/** When the period holding at `at` ends (the next 08:00 or 20:00 city time). */
export function periodEndsAt(at: Date | number, offsetSeconds = CITY_OFFSET_SECONDS): Date {
  const clock = cityClock(at, offsetSeconds);
  const midnight = Math.floor(msOf(at) / 1000) - clock;
  const from = NIGHT_FROM_HOUR * 3600;
  const to = NIGHT_TO_HOUR * 3600;
  const end = clock < to ? to : clock < from ? from : DAY_S + to;
  return new Date((midnight + end) * 1000);
}

/** The capacity holding at `at`. */
export function capacityAt(s: Capacity, at: Date | number, offsetSeconds = CITY_OFFSET_SECONDS): number {
  return periodAt(at, offsetSeconds) === 'night' ? s.capacityNight : s.capacityDay;
}

/**
 * Places left at `at`: capacity − occupancy. Negative when the night capacity is smaller than the
 * people already in at 20:00 (or a capacity was lowered): nobody more comes in until it is ≥ 1.
 */
export function availableAt(s: Capacity, at: Date | number, offsetSeconds = CITY_OFFSET_SECONDS): number {
  return capacityAt(s, at, offsetSeconds) - s.occupancy;
}

export type CheckInRefusal =
  | { kind: 'closed' }
  /** `available` places left (maybe ≤ 0), fewer than the party. */
  | { kind: 'full'; available: number };

/** Why `people` more cannot check in at `at`, or null when they can. */
export function checkInRefusal(
  s: Capacity & { state: ShelterState },
  people: number,
  at: Date | number,
  offsetSeconds = CITY_OFFSET_SECONDS,
): CheckInRefusal | null {
  if (!Number.isSafeInteger(people) || people < 1)
    throw new RangeError(`a check-in brings 1 or more people, not ${people}`);
  if (s.state !== 'open') return { kind: 'closed' };
  const available = availableAt(s, at, offsetSeconds);
  return available >= people ? null : { kind: 'full', available };
}

/** Whether `people` fit at `at`: open, and available ≥ people. */
export function hasRoom(
  s: Capacity & { state: ShelterState },
  people: number,
  at: Date | number,
  offsetSeconds = CITY_OFFSET_SECONDS,
): boolean {
  return s.state === 'open' && availableAt(s, at, offsetSeconds) >= people;
}
