/**
 * Pings → stays (contract: "Presence and stays"). Pings are grouped by subject with a stable
 * counting sort, ordered by instant (stable, so the first of equal instants in file order is the
 * one kept), de-duplicated, then walked once.
 */
import type { PingColumns } from './ping-reader.js';

export interface StayTable {
  /** Stays with a positive length, in (subject, start) order. */
  count: number;
  subject: Uint32Array;
  cell: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  /** All stays, zero-length ones included (a zero-length stay can never overlap anything). */
  allStays: number;
  duplicates: number;
  keptPings: number;
  /** Latest kept ping instant (E of the dwell clause when a case's `to` is unbounded). */
  maxPingTs: number;
}

/** `rank[id]` renumbers subjects; stays carry the new ids, grouped in rank order. */
export function buildStays(pings: PingColumns, rank: Uint32Array, maxGap: number): StayTable {
  const n = pings.count;
  const subjects = rank.length;
  const { subject, ts, cell } = pings;
  // Stable counting sort by subject rank.
  const first = new Uint32Array(subjects + 1);
  for (let k = 0; k < n; k++) first[rank[subject[k]] + 1]++;
  for (let r = 0; r < subjects; r++) first[r + 1] += first[r];
  const order = new Uint32Array(n);
  const fill = first.slice(0, subjects);
  for (let k = 0; k < n; k++) order[fill[rank[subject[k]]]++] = k;

  let cap = Math.max(1024, n >>> 2);
  let sSubject = new Uint32Array(cap);
  let sCell = new Uint32Array(cap);
  let sStart = new Float64Array(cap);
  let sEnd = new Float64Array(cap);
  let count = 0;
  let allStays = 0;
  let duplicates = 0;
  let maxPingTs = Number.NEGATIVE_INFINITY;
  let kt = new Float64Array(1024);
  let kc = new Uint32Array(1024);
  const scratch = { buf: new Uint32Array(1024) };

  for (let r = 0; r < subjects; r++) {
    const a = first[r];
    const b = first[r + 1];
    if (b - a > kt.length) {
      kt = new Float64Array(b - a);
      kc = new Uint32Array(b - a);
    }
    sortByInstant(order, a, b, ts, scratch);
    // Keep the first ping of each instant.
    let m = 0;
    for (let i = a; i < b; i++) {
      const k = order[i];
      const t = ts[k];
      if (m > 0 && kt[m - 1] === t) {
        duplicates++;
        continue;
      }
      kt[m] = t;
      kc[m] = cell[k];
      m++;
    }
    if (m > 0 && kt[m - 1] > maxPingTs) maxPingTs = kt[m - 1];
    // Maximal runs of consecutive pings in one cell with contiguous coverage.
    let stayStart = kt[0];
    for (let i = 0; i < m; i++) {
      const covered = i + 1 < m && kt[i + 1] - kt[i] <= maxGap;
      if (covered && kc[i + 1] === kc[i]) continue;
      const end = covered ? kt[i + 1] : kt[i];
      allStays++;
      if (end > stayStart) {
        if (count === cap) {
          cap = Math.ceil(cap * 1.5);
          sSubject = grow(sSubject, cap);
          sCell = grow(sCell, cap);
          sStart = grow(sStart, cap);
          sEnd = grow(sEnd, cap);
        }
        sSubject[count] = r;
        sCell[count] = kc[i];
        sStart[count] = stayStart;
        sEnd[count] = end;
        count++;
      }
      if (i + 1 < m) stayStart = kt[i + 1];
    }
  }
  return {
    count,
    subject: sSubject,
    cell: sCell,
    start: sStart,
    end: sEnd,
    allStays,
    duplicates,
    keptPings: n - duplicates,
    maxPingTs,
  };
}

function grow<T extends Uint32Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** Stable sort of order[a..b) by ts[order[i]]; free when already sorted (the usual case). */
export function sortByInstant(
  order: Uint32Array,
  a: number,
  b: number,
  ts: Float64Array,
  scratch: { buf: Uint32Array },
): void {
  let sorted = true;
  for (let i = a + 1; i < b; i++) {
    if (ts[order[i]] < ts[order[i - 1]]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (b - a <= 32) {
    for (let i = a + 1; i < b; i++) {
      const k = order[i];
      const t = ts[k];
      let j = i - 1;
      while (j >= a && ts[order[j]] > t) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    return;
  }
  if (scratch.buf.length < b - a) scratch.buf = new Uint32Array(b - a);
  mergeSort(order, a, b, ts, scratch.buf);
}

function mergeSort(order: Uint32Array, a: number, b: number, ts: Float64Array, tmp: Uint32Array): void {
  const n = b - a;
  // Bottom-up merge sort between order[a..b) and tmp[0..n).
  let src = order.subarray(a, b);
  let dst = tmp.subarray(0, n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = ts[src[j]] < ts[src[i]] ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src.buffer !== order.buffer) order.set(src, a);
}
