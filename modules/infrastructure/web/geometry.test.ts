import { fitToBox } from '@renxing/ui/map-fit';
import { describe, expect, it } from 'vitest';
import { insidePolygon, invertFit, type LonLat, linear, niceTicks, thin, timeTicks } from './geometry.js';

describe("infrastructure's map and chart maths", () => {
  it('turns a point of the box back into the lon/lat the fit put there', () => {
    const points = [
      { lon: 106.5, lat: 29.5 },
      { lon: 106.62, lat: 29.61 },
      { lon: 106.55, lat: 29.58 },
    ];
    const fit = fitToBox(points, { width: 640, height: 420, pad: 40 });
    const back = invertFit(fit);
    for (const p of points) {
      const [lon, lat] = back(fit.x(p.lon), fit.y(p.lat));
      expect(lon).toBeCloseTo(p.lon, 9);
      expect(lat).toBeCloseTo(p.lat, 9);
    }
  });

  it('tells points inside an area from those outside, open or closed ring, concave too', () => {
    // An L: the square 0..2 × 0..2 less its top-right quarter.
    const ring: LonLat[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    expect(insidePolygon([0.5, 0.5], ring)).toBe(true);
    expect(insidePolygon([1.5, 0.5], ring)).toBe(true);
    expect(insidePolygon([0.5, 1.5], ring)).toBe(true);
    expect(insidePolygon([1.5, 1.5], ring)).toBe(false);
    expect(insidePolygon([3, 0.5], ring)).toBe(false);
    expect(insidePolygon([0.5, 1.5], [...ring, ring[0]])).toBe(true);
    expect(insidePolygon([0.5, 0.5], ring.slice(0, 2))).toBe(false);
  });

  it('scales linearly, a flat domain to the middle', () => {
    const s = linear(10, 20, 100, 0);
    expect(s(10)).toBe(100);
    expect(s(15)).toBe(50);
    expect(s(20)).toBe(0);
    expect(linear(5, 5, 0, 80)(5)).toBe(40);
  });

  it('gives round ticks that cover the values', () => {
    expect(niceTicks(0.12, 0.93, 5)).toEqual({ lo: 0, hi: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceTicks(3.1, 3.9, 4)).toEqual({ lo: 3, hi: 4, ticks: [3, 3.2, 3.4, 3.6, 3.8, 4] });
    const flat = niceTicks(50, 50, 5);
    expect(flat.lo).toBeLessThan(50);
    expect(flat.hi).toBeGreaterThan(50);
    const wide = niceTicks(-7, 1234, 5);
    expect(wide.lo).toBeLessThanOrEqual(-7);
    expect(wide.hi).toBeGreaterThanOrEqual(1234);
    expect(wide.ticks.length).toBeLessThanOrEqual(8);
  });
});

describe("a sensor chart's time axis and thinning", () => {
  const at = (iso: string) => Date.parse(iso);

  it('puts ticks on round minutes and hours of the city (+08:00)', () => {
    const from = at('2026-12-06T10:07:30+08:00');
    const hour = timeTicks(from, from + 3_600_000, 4);
    expect(hour.map((v) => new Date(v).toISOString())).toEqual([
      '2026-12-06T02:15:00.000Z',
      '2026-12-06T02:30:00.000Z',
      '2026-12-06T02:45:00.000Z',
      '2026-12-06T03:00:00.000Z',
    ]);
    const day = timeTicks(at('2026-12-05T13:00:00+08:00'), at('2026-12-07T13:00:00+08:00'), 2);
    // Midnight in the city, not in UTC.
    expect(day.map((v) => new Date(v).toISOString())).toEqual([
      '2026-12-05T16:00:00.000Z',
      '2026-12-06T16:00:00.000Z',
    ]);
  });

  it("thins a long series to each slice's first, lowest, highest and last point", () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({
      t: i,
      v: i === 503 ? 99 : i === 507 ? -99 : i % 7,
    }));
    const few = thin(points, 0, 1000, 10);
    expect(few.length).toBeLessThanOrEqual(40);
    expect(few.map((p) => p.t)).toEqual([...few.map((p) => p.t)].sort((a, b) => a - b));
    expect(few.some((p) => p.v === 99)).toBe(true);
    expect(few.some((p) => p.v === -99)).toBe(true);
    expect(few[0]).toBe(points[0]);
    expect(few.at(-1)).toBe(points.at(-1));
    expect(thin(points.slice(0, 30), 0, 1000, 10)).toEqual(points.slice(0, 30));
  });
});
