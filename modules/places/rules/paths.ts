/**
 * The place hierarchy's rules: levels and materialised paths (`cq.yz.jd01.sq03`, codes from the
 * root). A path without a dot is a city's: records with no known place belong to the city as a
 * whole, and only city-level users see them. Pure: no I/O.
 */

export const PLACE_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** A materialised path of codes from the root, e.g. `cq.yz.jd01.sq03`. */
export type PlacePath = string;

const PATH = /^[a-z0-9_]{1,32}(\.[a-z0-9_]{1,32})*$/;

export function isPlacePath(path: string): path is PlacePath {
  return PATH.test(path);
}

export function checkPath(path: string): PlacePath {
  if (!isPlacePath(path)) throw new RangeError(`not a place path: ${JSON.stringify(path)}`);
  return path;
}

/** `cq.yz.jd01` → `['cq', 'cq.yz', 'cq.yz.jd01']` */
export function pathPrefixes(path: PlacePath): PlacePath[] {
  const parts = checkPath(path).split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Whether `path` is `ancestor` or lies under it (no query needed). */
export function isWithin(path: PlacePath, ancestor: PlacePath): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** Whether `path` is a city's (a root): a city-level user sees what has no known place. */
export function isCityLevel(path: PlacePath): boolean {
  return !path.includes('.');
}
