/**
 * The pairs (request, volunteer) where the volunteer has the skill, an overlapping window and is
 * within `max_km` — capacity aside —, found through a grid of cells at least `max_km` wide so
 * only neighbouring cells are looked at (no dense requests × volunteers matrix). Also each
 * request's reason when it has no such pair. Longitudes are not wrapped at ±180° (a city).
 */
import { EARTH_RADIUS_M, haversineM } from './geo.js';
import {
  type MatchRequest,
  type MatchVolunteer,
  overlaps,
  toMm,
  type UnmatchedReason,
} from './match-types.js';

/** Candidate edges in compressed rows by request: request i's edges are start[i] … start[i+1]-1. */
export interface CandidateGraph {
  start: Int32Array;
  /** The volunteer (index) of each edge. */
  vol: Int32Array;
  /** The request (index) of each edge. */
  req: Int32Array;
  /** Exact metres. */
  metres: Float64Array;
  /** Whole millimetres (the objective's unit). */
  mm: Float64Array;
}

const DEG = 180 / Math.PI;

/** Whether any of `v`'s windows overlaps `r`'s window with positive length. */
export const availableFor = (v: MatchVolunteer, r: MatchRequest): boolean =>
  v.windows.some((w) => overlaps(w, r));

export function candidateGraph(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  maxKm: number,
): CandidateGraph {
  const maxM = maxKm * 1000;
  // Two points within maxM differ by at most maxM/R radians of latitude, and (haversine:
  // sin(d/2R) ≥ cos φmax · sin(Δλ/2)) by at most 2·asin(sin(maxM/2R)/cos φmax) of longitude.
  const latCell = Math.max((maxM / EARTH_RADIUS_M) * DEG, 1e-7);
  let phiMax = 0;
  for (const p of requests) phiMax = Math.max(phiMax, Math.abs(p.lat));
  for (const p of volunteers) phiMax = Math.max(phiMax, Math.abs(p.lat));
  phiMax = Math.min(90, phiMax + latCell);
  const ratio = Math.sin(maxM / (2 * EARTH_RADIUS_M)) / Math.cos(phiMax / DEG);
  const lonCell = ratio >= 1 || !Number.isFinite(ratio) ? 720 : Math.max(2 * Math.asin(ratio) * DEG, 1e-7);

  const cells = new Map<string, number[]>();
  volunteers.forEach((v, j) => {
    const key = `${Math.floor(v.lon / lonCell)},${Math.floor(v.lat / latCell)}`;
    const list = cells.get(key);
    if (list) list.push(j);
    else cells.set(key, [j]);
  });
  const skillSets = volunteers.map((v) => new Set(v.skills));

  const start = new Int32Array(requests.length + 1);
  const vol: number[] = [];
  const metres: number[] = [];
  requests.forEach((r, i) => {
    start[i] = vol.length;
    const cx = Math.floor(r.lon / lonCell);
    const cy = Math.floor(r.lat / latCell);
    const found: number[] = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = cells.get(`${cx + dx},${cy + dy}`);
        if (!list) continue;
        for (const j of list) {
          const v = volunteers[j];
          if (!skillSets[j].has(r.need) || !availableFor(v, r)) continue;
          if (haversineM(r.lon, r.lat, v.lon, v.lat) <= maxM) found.push(j);
        }
      }
    found.sort((a, b) => a - b);
    for (const j of found) {
      vol.push(j);
      metres.push(haversineM(r.lon, r.lat, volunteers[j].lon, volunteers[j].lat));
    }
  });
  start[requests.length] = vol.length;
  const req = new Int32Array(vol.length);
  for (let i = 0; i < requests.length; i++) req.fill(i, start[i], start[i + 1]);
  return {
    start,
    vol: Int32Array.from(vol),
    req,
    metres: Float64Array.from(metres),
    mm: Float64Array.from(metres, toMm),
  };
}

/**
 * The reason of a request that no volunteer can take for skill, window or distance: `no skill`,
 * else `no availability`, else `too far`. (With a candidate, an unmatched request is `no capacity`.)
 */
export function staticReason(
  r: MatchRequest,
  volunteers: readonly MatchVolunteer[],
  bySkill: ReadonlyMap<string, readonly number[]>,
): UnmatchedReason {
  const skilled = bySkill.get(r.need);
  if (!skilled || skilled.length === 0) return 'no skill';
  return skilled.some((j) => availableFor(volunteers[j], r)) ? 'too far' : 'no availability';
}

export function volunteersBySkill(volunteers: readonly MatchVolunteer[]): Map<string, number[]> {
  const by = new Map<string, number[]>();
  volunteers.forEach((v, j) => {
    for (const s of new Set(v.skills)) {
      const list = by.get(s);
      if (list) list.push(j);
      else by.set(s, [j]);
    }
  });
  return by;
}
