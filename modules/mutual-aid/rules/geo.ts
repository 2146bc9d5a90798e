/** Great-circle distance on the contract's sphere (haversine, Earth radius 6,371,008.8 m). */

export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Metres between two points given in degrees (lon, lat). */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}
