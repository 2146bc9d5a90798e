import { describe, expect, it } from 'vitest';
import { type Bounds, voronoiCells } from './voronoi.js';

/** The vertices of an SVG path of M/L/Z commands. */
const vertices = (path: string) =>
  [...path.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

/** The area of a polygon (shoelace). */
const area = (pts: readonly (readonly [number, number])[]) =>
  Math.abs(
    pts.reduce((s, [x, y], i) => {
      const [x2, y2] = pts[(i + 1) % pts.length]!;
      return s + x * y2 - x2 * y;
    }, 0),
  ) / 2;

describe('communities as Voronoi cells', () => {
  const sites = [
    { id: 'a', x: 10, y: 10 },
    { id: 'b', x: 90, y: 10 },
    { id: 'c', x: 10, y: 90 },
    { id: 'd', x: 90, y: 90 },
  ];

  it('tiles the box: each site has a cell inside it holding the site, the areas summing to the box', () => {
    const bounds: Bounds = [0, 0, 100, 100];
    const cells = voronoiCells(sites, bounds);
    expect([...cells.keys()]).toEqual(['a', 'b', 'c', 'd']);
    let total = 0;
    for (const s of sites) {
      const pts = vertices(cells.get(s.id)!);
      for (const [x, y] of pts) {
        expect(x).toBeGreaterThanOrEqual(bounds[0] - 1e-9);
        expect(x).toBeLessThanOrEqual(bounds[2] + 1e-9);
        expect(y).toBeGreaterThanOrEqual(bounds[1] - 1e-9);
        expect(y).toBeLessThanOrEqual(bounds[3] + 1e-9);
      }
      // the square's quadrant around its site: 50 × 50
      expect(area(pts)).toBeCloseTo(2500, 6);
      total += area(pts);
    }
    expect(total).toBeCloseTo(100 * 100, 6);
  });

  it('gives one site the whole box, and a site on an earlier one no cell', () => {
    expect(voronoiCells([{ id: 'x', x: 5, y: 5 }], [0, 0, 10, 10]).get('x')).toBe('M0,0H10V10H0Z');
    const cells = voronoiCells([...sites, { id: 'dup', x: 10, y: 10 }], [0, 0, 100, 100]);
    expect(cells.get('dup')).toBeNull();
    expect(cells.get('a')).toBeTruthy();
    expect(voronoiCells([], [0, 0, 1, 1]).size).toBe(0);
  });
});
