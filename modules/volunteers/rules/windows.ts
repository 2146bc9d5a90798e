/** Availability windows: instants in, checked, merged; overlap of positive length; the city's day. */
import { CITY_OFFSET_MS } from '@renxing/contracts';

/** The city's calendar day (`YYYY-MM-DD`, +08:00) of an instant. */
export { cityDate } from '@renxing/contracts';

export interface AvailabilityWindow {
  from: Date;
  to: Date;
}

/** The longest a window may last (a fortnight), and the most windows a volunteer keeps. */
export const MAX_WINDOW_MS = 14 * 86_400_000;
export const MAX_WINDOWS = 50;

/**
 * An instant from a cell: ISO 8601 with an offset (`2026-12-06T09:00:00+08:00`, `…Z`), or a city
 * wall-clock time `YYYY-MM-DD HH:mm[:ss]` / `YYYY-MM-DDTHH:mm` (read as +08:00); null otherwise.
 */
export function parseInstant(text: string): Date | null {
  const s = text.trim();
  const wall = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (wall) {
    const [y, mo, d, h, mi, se] = wall.slice(1).map((x) => Number(x ?? 0));
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
    const ms = Date.UTC(y, mo - 1, d, h, mi, se) - CITY_OFFSET_MS;
    const back = new Date(ms + CITY_OFFSET_MS);
    return back.getUTCDate() === d ? new Date(ms) : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

/** What is wrong with a window (English; the caller names the field), or null. */
export function windowProblem(w: AvailabilityWindow): string | null {
  const from = w.from.getTime();
  const to = w.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) return 'from and to must be instants';
  if (to <= from) return 'to must be after from';
  if (to - from > MAX_WINDOW_MS) return 'a window lasts at most 14 days';
  return null;
}

/** Whether two windows share a stretch of positive length. */
export function overlaps(a: AvailabilityWindow, b: AvailabilityWindow): boolean {
  return a.from.getTime() < b.to.getTime() && b.from.getTime() < a.to.getTime();
}

/** Windows sorted by start, those that overlap or touch merged into one. */
export function normaliseWindows(windows: readonly AvailabilityWindow[]): AvailabilityWindow[] {
  const sorted = [...windows].sort(
    (a, b) => a.from.getTime() - b.from.getTime() || a.to.getTime() - b.to.getTime(),
  );
  const out: AvailabilityWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.from.getTime() <= last.to.getTime()) {
      if (w.to.getTime() > last.to.getTime()) last.to = new Date(w.to.getTime());
    } else out.push({ from: new Date(w.from.getTime()), to: new Date(w.to.getTime()) });
  }
  return out;
}
