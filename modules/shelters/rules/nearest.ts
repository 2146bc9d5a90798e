/**
 * Nearest with room (contract "Shelters"): for a household of `n`, among open shelters with
 * available ≥ n, the one at the least great-circle distance from the household's home; ties by id.
 * Pure: the shelters, the home and the clock are passed in.
 */
import { CITY_OFFSET_SECONDS, hasRoom } from './capacity.js';
import type { Candidate, LonLat } from './types.js';

/** The mean earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Ranked<C> {
  shelter: C;
  distanceM: number;
}

/** a before b: nearer first, then the smaller id. */
function before(a: Ranked<Candidate>, b: Ranked<Candidate>): boolean {
  return a.distanceM < b.distanceM || (a.distanceM === b.distanceM && a.shelter.id < b.shelter.id);
}

/**
 * The first `limit` shelters with room for `n` at `at`, nearest first (ties by id): one pass
 * keeping a small sorted list, so a city's shelters are never sorted whole.
 */
export function rankWithRoom<C extends Candidate>(
  shelters: readonly C[],
  from: LonLat,
  n: number,
  at: Date | number,
  limit = 1,
  offsetSeconds = CITY_OFFSET_SECONDS,
): Ranked<C>[] {
  const best: Ranked<C>[] = [];
  if (limit < 1) return best;
  for (const shelter of shelters) {
    if (!hasRoom(shelter, n, at, offsetSeconds)) continue;
    const r = { shelter, distanceM: distanceM(from, shelter) };
    if (best.length === limit && !before(r, best[limit - 1])) continue;
    let i = best.length;
    while (i > 0 && before(r, best[i - 1])) i--;
    best.splice(i, 0, r);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** The nearest shelter with room for `n` at `at` (ties by id), or null when none has room. */
export function nearestWithRoom<C extends Candidate>(
  shelters: readonly C[],
  from: LonLat,
  n: number,
  at: Date | number,
  offsetSeconds = CITY_OFFSET_SECONDS,
): Ranked<C> | null {
  return rankWithRoom(shelters, from, n, at, 1, offsetSeconds)[0] ?? null;
}
