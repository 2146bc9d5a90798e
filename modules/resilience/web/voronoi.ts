/**
 * Communities as Voronoi cells: each community the region nearer its centre (lon/lat, projected)
 * than any other's, clipped to a box (the map's). A stand-in for boundaries the registry does
 * not have. Pure.
 */
import { Delaunay } from 'd3-delaunay';

export interface Site {
  id: string;
  x: number;
  y: number;
}

/** The box the cells are clipped to: [x0, y0, x1, y1]. */
export type Bounds = readonly [number, number, number, number];

/**
 * Each site's cell as an SVG path, clipped to `bounds`. A site on the same spot as an earlier one
 * has no cell of its own (null): the map draws it as a dot.
 */
export function voronoiCells(sites: readonly Site[], bounds: Bounds): Map<string, string | null> {
  const cells = new Map<string, string | null>();
  if (sites.length === 0) return cells;
  const [x0, y0, x1, y1] = bounds;
  if (sites.length === 1) {
    cells.set(sites[0]!.id, `M${x0},${y0}H${x1}V${y1}H${x0}Z`);
    return cells;
  }
  const voronoi = Delaunay.from(
    sites,
    (s) => s.x,
    (s) => s.y,
  ).voronoi([x0, y0, x1, y1]);
  sites.forEach((s, i) => {
    const path = voronoi.renderCell(i);
    cells.set(s.id, path ? path : null);
  });
  return cells;
}
