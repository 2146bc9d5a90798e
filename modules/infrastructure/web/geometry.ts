/**
 * The small maths of infrastructure's map and charts, pure: a map's fit turned back from the box
 * to lon/lat (a click that adds a vertex of a drill's area), whether a point lies inside such an
 * area (the preview of what it would fail; the API decides), and a chart's scale and ticks.
 */
import type { MapFit } from '@renxing/ui/map-fit';

export type LonLat = readonly [lon: number, lat: number];

/** The inverse of a fit (fitToBox is linear in each axis): box x, y → lon, lat. */
export function invertFit(fit: MapFit): (x: number, y: number) => LonLat {
  const [x0, y0] = [fit.x(0), fit.y(0)];
  const [kx, ky] = [fit.x(1) - x0, fit.y(1) - y0];
  return (x, y) => [kx === 0 ? 0 : (x - x0) / kx, ky === 0 ? 0 : (y - y0) / ky];
}

/** Whether `p` lies inside the polygon (ring of at least 3 vertices, closed or not): even-odd rule. */
export function insidePolygon(p: LonLat, ring: readonly LonLat[]): boolean {
  if (ring.length < 3) return false;
  const [x, y] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A linear scale from [d0, d1] onto [r0, r1] (a flat domain maps to the middle of the range). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round ticks covering [lo, hi] (steps of 1, 2 or 5 × 10^n), lo and hi widened to them. */
export function niceTicks(lo: number, hi: number, count = 5): { lo: number; hi: number; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: 0, hi: 1, ticks: [0, 1] };
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { lo: first, hi: last, ticks };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
];

/**
 * About `count` ticks (ms) on round minutes, hours or days in [from, to] (ms), days starting at
 * midnight in a zone `offsetMs` east of UTC (the city: +08:00).
 */
export function timeTicks(from: number, to: number, count = 5, offsetMs = 8 * HOUR): number[] {
  if (!(to > from)) return [from];
  const raw = (to - from) / Math.max(1, count);
  const step = TIME_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / DAY) * DAY;
  const first = Math.ceil((from + offsetMs) / step) * step - offsetMs;
  const ticks: number[] = [];
  for (let v = first; v <= to; v += step) ticks.push(v);
  return ticks;
}

/**
 * At most about 4 × `buckets` of `points` (sorted by t), keeping the shape a line chart draws: in
 * each of `buckets` equal slices of [from, to], the first, lowest, highest and last point, in order.
 */
export function thin<P extends { t: number; v: number }>(
  points: readonly P[],
  from: number,
  to: number,
  buckets: number,
): P[] {
  if (points.length <= 4 * buckets || !(to > from)) return [...points];
  const out: P[] = [];
  let start = 0;
  while (start < points.length) {
    const b = Math.min(
      buckets - 1,
      Math.max(0, Math.floor(((points[start].t - from) / (to - from)) * buckets)),
    );
    let end = start;
    let lo = start;
    let hi = start;
    while (
      end + 1 < points.length &&
      Math.min(buckets - 1, Math.max(0, Math.floor(((points[end + 1].t - from) / (to - from)) * buckets))) ===
        b
    ) {
      end++;
      if (points[end].v < points[lo].v) lo = end;
      if (points[end].v > points[hi].v) hi = end;
    }
    for (const i of [...new Set([start, lo, hi, end])].sort((p, q) => p - q)) out.push(points[i]);
    start = end + 1;
  }
  return out;
}
