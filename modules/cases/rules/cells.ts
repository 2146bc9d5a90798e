/**
 * Grid cells as map shapes: the inverse of the contract's square grid (an equirectangular
 * projection about the city origin), so a cell `i:j` becomes the lon/lat ring of its square.
 */
import type { GridParams } from '@renxing/engine';

const R = 6371008.8;
const DEG = Math.PI / 180;

/** The cell's corners as a closed GeoJSON ring [[lon, lat], …], or null when it is not `i:j`. */
export function cellRing(cell: string, grid: GridParams): [number, number][] | null {
  const m = /^(-?\d+):(-?\d+)$/.exec(cell);
  if (!m) return null;
  const i = Number(m[1]);
  const j = Number(m[2]);
  const lonOf = (x: number) => grid.originLon + x / (Math.cos(grid.originLat * DEG) * DEG * R);
  const latOf = (y: number) => grid.originLat + y / (DEG * R);
  const [w, e] = [lonOf(i * grid.size), lonOf((i + 1) * grid.size)];
  const [s, n] = [latOf(j * grid.size), latOf((j + 1) * grid.size)];
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

export interface CellCount {
  cell: string;
  companions: number;
}

/** A GeoJSON FeatureCollection of cell squares with their companion counts. */
export function cellFeatures(cells: readonly CellCount[], grid: GridParams) {
  const features = [];
  for (const c of cells) {
    const ring = cellRing(c.cell, grid);
    if (!ring) continue;
    features.push({
      type: 'Feature' as const,
      properties: { cell: c.cell, companions: c.companions },
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection' as const, features };
}
