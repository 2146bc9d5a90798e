/** The city's calendar (+08:00 all year): today's date, and the instant a date ends. */
import { CITY_OFFSET_MS, invalid } from '@renxing/contracts';

export { cityDate } from '@renxing/contracts';

const DAY_MS = 86_400_000;

/** Whether `s` is a real calendar date `YYYY-MM-DD`. */
export function isCityDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** `s`, checked (RX_VALIDATION on `field` otherwise). */
export function checkDate(s: string, field = 'date'): string {
  if (!isCityDate(s))
    throw invalid(field, { en: 'not a date YYYY-MM-DD', 'zh-CN': '不是日期（YYYY-MM-DD）' });
  return s;
}

/** The end of a city date (exclusive): what happened before this instant counts for that date. */
export function endOfCityDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CITY_OFFSET_MS + DAY_MS);
}
