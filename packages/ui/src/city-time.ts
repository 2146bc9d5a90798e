/**
 * Time shown one way: every instant the console shows or reads is in the city's time zone,
 * whatever the browser's (an officer's laptop set to UTC sees the same 21:00 as the server's
 * explanation "自 2026-12-04 21:00 起为黄码"). The city keeps +08:00 all year.
 */

/** The city's zone for Intl (Asia/Shanghai: +08:00, no daylight saving). */
export const CITY_TIME_ZONE = 'Asia/Shanghai';
/** The city's offset, for reading `<input type="datetime-local">` values. */
export const CITY_UTC_OFFSET = '+08:00';

/** An Intl formatter in the city's zone. */
export function cityFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: CITY_TIME_ZONE });
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** A `datetime-local` value, read as the city's wall-clock time → ISO instant, or undefined. */
export function localToIso(local: string): string | undefined {
  if (!LOCAL.test(local)) return undefined;
  const d = new Date(`${local}${CITY_UTC_OFFSET}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** An instant as a `datetime-local` value in the city's wall-clock time (`2026-12-04T21:00`). */
export function isoToLocal(iso: string): string {
  const parts = Object.fromEntries(
    cityFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
