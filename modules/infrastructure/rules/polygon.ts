/**
 * A drill's area (a flood zone drawn on the map): which assets stand inside it. Pure.
 *
 * The area is a ring of [lon, lat] vertices (at least 3; closed or not: a last vertex equal to the
 * first changes nothing). A point is inside by the even-odd rule: a ray from it crosses the ring's
 * edges an odd number of times. The ring may be concave; a self-crossing ring counts the parts it
 * encloses an odd number of times. Points exactly on an edge may fall either way.
 */

export type LonLat = readonly [lon: number, lat: number];

/** Whether `p` lies inside `ring` (fewer than 3 vertices: nothing is inside). */
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

/** The ids of the located items inside `ring`, in the given order (items without a location never are). */
export function idsInside(
  items: readonly { id: string; lon: number | null; lat: number | null }[],
  ring: readonly LonLat[],
): string[] {
  return items
    .filter((a) => a.lon !== null && a.lat !== null && insidePolygon([a.lon, a.lat], ring))
    .map((a) => a.id);
}
