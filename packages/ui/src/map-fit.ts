/**
 * Fitting places (lon, lat) into an SVG box, for the console's small maps of communities and
 * shelters: an equirectangular projection with longitude shortened by cos(latitude) at the
 * centre, scaled to the box less its padding, centred. Pure.
 */

export interface MapBox {
  width: number;
  height: number;
  pad: number;
}

export interface MapFit {
  x: (lon: number) => number;
  y: (lat: number) => number;
}

/** The projection that fits every point of `points` into `box` (one point: the box's centre). */
export function fitToBox(points: readonly { lon: number; lat: number }[], box: MapBox): MapFit {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  // A degree of longitude is shorter than one of latitude by cos(latitude).
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * k;
  const spanY = maxLat - minLat;
  const scale = Math.min(
    spanX > 0 ? (box.width - 2 * box.pad) / spanX : Number.POSITIVE_INFINITY,
    spanY > 0 ? (box.height - 2 * box.pad) / spanY : Number.POSITIVE_INFINITY,
  );
  const s = Number.isFinite(scale) ? scale : 0;
  const offsetX = (box.width - spanX * s) / 2;
  const offsetY = (box.height - spanY * s) / 2;
  return {
    x: (lon) => offsetX + (lon - minLon) * k * s,
    y: (lat) => offsetY + (maxLat - lat) * s,
  };
}

/** A circle's radius from rMin to rMax with its area proportional to `value` of `most`. */
export function areaRadius(value: number, most: number, rMin: number, rMax: number): number {
  return rMin + (rMax - rMin) * Math.sqrt(Math.max(0, value) / Math.max(1, most));
}
