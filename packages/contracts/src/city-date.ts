/** The city's calendar: +08:00 all year (no daylight saving), so a city date is a UTC date 8 hours on. */

export const CITY_OFFSET_MS = 8 * 3_600_000;

/** The city date (`YYYY-MM-DD`) of an instant. */
export function cityDate(at: Date): string {
  return new Date(at.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 10);
}
