/**
 * The contract's "Matching (batch, optimal)" (shared/contracts/social.md).
 *
 * `can(v, r)`: v has r's skill, one of v's windows overlaps r's window with positive length, the
 * haversine distance is ≤ max_km and v has capacity left. `matchOptimal` maximises the sum of the
 * weights of the matched requests (urgent 3, normal 1), then minimises the total distance — the
 * distance objective being the sum of each match's distance in whole millimetres (integers keep
 * the arithmetic exact; the rows carry the exact metres).
 *
 * It is a min-cost flow: source → request (capacity 1, cost −weight·BIG) → volunteer (an edge
 * only where `can`, cost = millimetres) → sink (capacity = capacity left, cost 0), BIG = max_km
 * in mm × number of requests + 1, more than any assignment's total distance, so weight strictly
 * dominates. Successive shortest paths with potentials (Dijkstra, stopping at the sink) augment
 * one path at a time while the shortest augmenting path costs < 0; every weight-increasing path
 * is taken and a path that does not improve the objective is not. Free requests are never inner
 * nodes of a path (their one way in is from the source), so each Dijkstra starts at the
 * volunteers, each keyed by its best still-free request (its candidates kept sorted by cost):
 * the source's potential is common and the request's cancels.
 */
import { type CandidateGraph, candidateGraph, staticReason, volunteersBySkill } from './candidates.js';
import { KeyHeap } from './heap.js';
import {
  DEFAULT_MAX_KM,
  type MatchingResult,
  type MatchOptions,
  type MatchRequest,
  type MatchRow,
  type MatchVolunteer,
  URGENCY_WEIGHT,
} from './match-types.js';

export { availableFor, type CandidateGraph, candidateGraph } from './candidates.js';

const maxKmOf = (o: MatchOptions): number => {
  const k = o.maxKm ?? DEFAULT_MAX_KM;
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError(`max_km must be a number ≥ 0, not ${k}`);
  return k;
};

/** Rows, totals and reasons from the chosen edge of each request (−1: unmatched). */
export function resultOf(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  g: CandidateGraph,
  chosen: Int32Array,
): MatchingResult {
  const bySkill = volunteersBySkill(volunteers);
  let matched = 0;
  let weight = 0;
  let distanceM = 0;
  let distanceMm = 0;
  const rows: MatchRow[] = requests.map((r, i) => {
    const e = chosen[i];
    if (e >= 0) {
      matched++;
      weight += URGENCY_WEIGHT[r.urgency];
      distanceM += g.metres[e];
      distanceMm += g.mm[e];
      return { request: r.id, volunteer: volunteers[g.vol[e]].id, distanceM: g.metres[e], reason: null };
    }
    const reason = g.start[i + 1] > g.start[i] ? 'no capacity' : staticReason(r, volunteers, bySkill);
    return { request: r.id, volunteer: null, distanceM: null, reason };
  });
  return { rows, matched, weight, distanceM, distanceMm };
}

/** The optimal assignment (see the file's comment). */
export function matchOptimal(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  options: MatchOptions = {},
): MatchingResult {
  const maxKm = maxKmOf(options);
  const g = candidateGraph(requests, volunteers, maxKm);
  const caps = Int32Array.from(volunteers, (v) => Math.max(0, Math.floor(v.capacity)));
  const weights = Int32Array.from(requests, (r) => URGENCY_WEIGHT[r.urgency]);
  const big = Math.round(maxKm * 1e6) * requests.length + 1;
  if (big * 8 > Number.MAX_SAFE_INTEGER) throw new RangeError('too many requests for exact costs');
  return resultOf(requests, volunteers, g, minCostFlow(g, weights, caps, big));
}

/**
 * Successive shortest paths on the candidate graph; the chosen edge of each request (−1: none).
 * Nodes: volunteers 0…V−1, requests V…V+R−1; the source and sink are kept implicit.
 */
export function minCostFlow(
  g: CandidateGraph,
  weights: Int32Array,
  caps: Int32Array,
  big: number,
): Int32Array {
  const R = weights.length;
  const V = caps.length;
  const E = g.vol.length;
  const chosen = new Int32Array(R).fill(-1);
  if (E === 0) return chosen;

  // Each volunteer's edges sorted by their cost from the source: −weight·BIG + mm.
  const sCost = (e: number) => -weights[g.req[e]] * big + g.mm[e];
  const volStart = new Int32Array(V + 1);
  for (let e = 0; e < E; e++) volStart[g.vol[e] + 1]++;
  for (let j = 0; j < V; j++) volStart[j + 1] += volStart[j];
  const volEdge = new Int32Array(E);
  const fill = volStart.slice(0, V);
  for (let e = 0; e < E; e++) volEdge[fill[g.vol[e]]++] = e;
  for (let j = 0; j < V; j++) {
    const part = Array.from(volEdge.subarray(volStart[j], volStart[j + 1]));
    part.sort((a, b) => sCost(a) - sCost(b) || g.req[a] - g.req[b]);
    volEdge.set(part, volStart[j]);
  }
  const ptr = volStart.slice(0, V);

  // Potentials: source 0, each volunteer its cheapest way in, the sink the least of those.
  const potV = new Float64Array(V);
  const potR = new Float64Array(R);
  let potS = 0;
  let potT = Number.POSITIVE_INFINITY;
  for (let j = 0; j < V; j++)
    if (volStart[j + 1] > volStart[j]) {
      potV[j] = sCost(volEdge[volStart[j]]);
      if (caps[j] > 0) potT = Math.min(potT, potV[j]);
    }
  if (potT === Number.POSITIVE_INFINITY) return chosen;

  const load = new Int32Array(V);
  const held: number[][] = Array.from({ length: V }, () => []);
  const dist = new Float64Array(V + R);
  const seen = new Int32Array(V + R);
  const done = new Int32Array(V + R);
  const predV = new Int32Array(V);
  const settled = new Int32Array(V + R);
  const heap = new KeyHeap();
  // A node enters the stack once per key it improves to; at most once per edge and volunteer.
  const stack = new Int32Array(V + R + E + 1);

  for (let iter = 1; ; iter++) {
    heap.clear();
    let nStack = 0;
    for (let j = 0; j < V; j++) {
      let p = ptr[j];
      const end = volStart[j + 1];
      while (p < end && chosen[g.req[volEdge[p]]] >= 0) p++;
      ptr[j] = p;
      if (p === end) continue;
      const e = volEdge[p];
      const key = potS + sCost(e) - potV[j];
      dist[j] = key;
      seen[j] = iter;
      predV[j] = e;
      if (key === 0) stack[nStack++] = j;
      else heap.append(key, j);
    }
    heap.heapify();
    let distT = Number.POSITIVE_INFINITY;
    let predT = -1;
    let nSettled = 0;
    for (;;) {
      // Nodes at the frontier's key wait on a stack (no heap work); the rest in the heap.
      let x: number;
      let k: number;
      if (nStack > 0) {
        x = stack[--nStack];
        k = dist[x];
      } else {
        if (heap.size === 0) break;
        k = heap.topKey();
        x = heap.pop();
      }
      if (k >= distT) break;
      if (done[x] === iter || k > dist[x]) continue;
      done[x] = iter;
      settled[nSettled++] = x;
      if (x < V) {
        if (load[x] < caps[x]) {
          const kt = k + potV[x] - potT;
          if (kt < distT) {
            distT = kt;
            predT = x;
          }
        }
        for (const r of held[x]) {
          const y = V + r;
          const key = k - g.mm[chosen[r]] + potV[x] - potR[r];
          if (seen[y] !== iter || key < dist[y]) {
            seen[y] = iter;
            dist[y] = key;
            if (key === k) stack[nStack++] = y;
            else heap.push(key, y);
          }
        }
      } else {
        const r = x - V;
        for (let e = g.start[r]; e < g.start[r + 1]; e++) {
          if (e === chosen[r]) continue;
          const j = g.vol[e];
          const key = k + g.mm[e] + potR[r] - potV[j];
          if (seen[j] !== iter || key < dist[j]) {
            seen[j] = iter;
            dist[j] = key;
            predV[j] = e;
            if (key === k) stack[nStack++] = j;
            else heap.push(key, j);
          }
        }
      }
    }
    if (predT < 0) break;
    // The path's real cost is its reduced cost − pot(source) + pot(sink).
    if (distT - potS + potT >= 0) break;
    const D = distT;
    for (let i = 0; i < nSettled; i++) {
      const x = settled[i];
      if (x < V) potV[x] += dist[x] - D;
      else potR[x - V] += dist[x] - D;
    }
    potS -= D;
    // Augment: the sink's volunteer takes one more; walk back to the free request.
    let j = predT;
    load[j]++;
    for (;;) {
      const e = predV[j];
      const r = g.req[e];
      const old = chosen[r];
      chosen[r] = e;
      held[j].push(r);
      if (old < 0) {
        potR[r] = -weights[r] * big + potS;
        break;
      }
      const from = g.vol[old];
      const list = held[from];
      list.splice(list.indexOf(r), 1);
      j = from;
    }
  }
  return chosen;
}

/**
 * The peer for the benchmark: urgent requests first (then in the given order), each taken by its
 * nearest volunteer that can still take it (ties: the volunteer given first).
 */
export function greedyNearestFirst(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  options: MatchOptions = {},
): MatchingResult {
  const g = candidateGraph(requests, volunteers, maxKmOf(options));
  const left = Int32Array.from(volunteers, (v) => Math.max(0, Math.floor(v.capacity)));
  const chosen = new Int32Array(requests.length).fill(-1);
  const order = requests.map((_, i) => i);
  order.sort((a, b) => URGENCY_WEIGHT[requests[b].urgency] - URGENCY_WEIGHT[requests[a].urgency] || a - b);
  for (const i of order) {
    let best = -1;
    for (let e = g.start[i]; e < g.start[i + 1]; e++)
      if (left[g.vol[e]] > 0 && (best < 0 || g.metres[e] < g.metres[best])) best = e;
    if (best >= 0) {
      chosen[i] = best;
      left[g.vol[best]]--;
    }
  }
  return resultOf(requests, volunteers, g, chosen);
}
