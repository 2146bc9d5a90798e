/**
 * Pings → stays (contract: "Presence and stays"). Pings are grouped by subject with a stable
 * counting sort that moves the values themselves (sequential reads), ordered by instant within each
 * subject (stably, so the first of equal instants in file order is the one kept), de-duplicated,
 * then walked once.
 */
import type { PingColumns } from './ping-reader.js';
import { grown } from './typed.js';

export interface StayTable {
  /** Stays with a positive length, in (subject, start) order; subject = position in `order`. */
  count: number;
  subject: Uint32Array;
  cell: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  /** All stays, zero-length ones included (a zero-length stay can never overlap anything). */
  allStays: number;
  duplicates: number;
  /** Latest kept ping instant (E of the dwell clause when a case's `to` is unbounded). */
  maxPingTs: number;
}

/** `order[r]` is the subject id to number r: stays carry r and come in that order. */
export function buildStays(pings: PingColumns, order: Uint32Array, maxGap: number): StayTable {
  const n = pings.count;
  const subjects = order.length;
  const { subject, ts, cell } = pings;
  // Stable counting sort by subject id, moving instants and cells.
  const first = new Uint32Array(subjects + 1);
  for (let k = 0; k < n; k++) first[subject[k] + 1]++;
  for (let id = 0; id < subjects; id++) first[id + 1] += first[id];
  const fill = first.slice(0, subjects);
  const sTs = new Float64Array(n);
  const sCell = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const p = fill[subject[k]]++;
    sTs[p] = ts[k];
    sCell[p] = cell[k];
  }

  const out = new StayWriter(Math.max(1024, Math.ceil(n / 3)));
  let allStays = 0;
  let duplicates = 0;
  let maxPingTs = Number.NEGATIVE_INFINITY;
  let kt = new Float64Array(1024);
  let kc = new Uint32Array(1024);
  for (let r = 0; r < subjects; r++) {
    const id = order[r];
    const a = first[id];
    const b = first[id + 1];
    if (b - a > kt.length) {
      kt = new Float64Array(b - a);
      kc = new Uint32Array(b - a);
    }
    sortSegment(sTs, sCell, a, b);
    // Keep the first ping of each instant.
    let m = 0;
    for (let i = a; i < b; i++) {
      const t = sTs[i];
      if (m > 0 && kt[m - 1] === t) {
        duplicates++;
        continue;
      }
      kt[m] = t;
      kc[m] = sCell[i];
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
      if (end > stayStart) out.push(r, kc[i], stayStart, end);
      if (i + 1 < m) stayStart = kt[i + 1];
    }
  }
  return { ...out.table(), allStays, duplicates, maxPingTs };
}

class StayWriter {
  count = 0;
  subject: Uint32Array<ArrayBuffer>;
  cell: Uint32Array<ArrayBuffer>;
  start: Float64Array<ArrayBuffer>;
  end: Float64Array<ArrayBuffer>;

  constructor(cap: number) {
    this.subject = new Uint32Array(cap);
    this.cell = new Uint32Array(cap);
    this.start = new Float64Array(cap);
    this.end = new Float64Array(cap);
  }

  push(subject: number, cell: number, start: number, end: number): void {
    const k = this.count++;
    if (k === this.subject.length) this.grow();
    this.subject[k] = subject;
    this.cell[k] = cell;
    this.start[k] = start;
    this.end[k] = end;
  }

  private grow(): void {
    const cap = Math.ceil(this.subject.length * 1.5);
    this.subject = grown(this.subject, cap);
    this.cell = grown(this.cell, cap);
    this.start = grown(this.start, cap);
    this.end = grown(this.end, cap);
  }

  table() {
    const { count, subject, cell, start, end } = this;
    return { count, subject, cell, start, end };
  }
}

/** Stable sort of ts[a..b) (cells alongside) by instant; free when already sorted (the usual case). */
export function sortSegment(ts: Float64Array, cell: Uint32Array, a: number, b: number): void {
  let sorted = true;
  for (let i = a + 1; i < b; i++) {
    if (ts[i] < ts[i - 1]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (b - a <= 32) {
    for (let i = a + 1; i < b; i++) {
      const t = ts[i];
      const c = cell[i];
      let j = i - 1;
      while (j >= a && ts[j] > t) {
        ts[j + 1] = ts[j];
        cell[j + 1] = cell[j];
        j--;
      }
      ts[j + 1] = t;
      cell[j + 1] = c;
    }
    return;
  }
  // Array#sort is stable: equal instants keep file order.
  const idx = Array.from({ length: b - a }, (_, k) => a + k).sort((x, y) => ts[x] - ts[y]);
  const t2 = idx.map((i) => ts[i]);
  const c2 = idx.map((i) => cell[i]);
  ts.set(t2, a);
  cell.set(c2, a);
}
