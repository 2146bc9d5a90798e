/**
 * Building the companion index in parts, so that threads can share the work: `planIndex` writes
 * the header, cells, bucket bounds and subjects, and `fillIndex` the stays of a range of cells —
 * disjoint positions in the index — so two threads can each fill one range of one shared plan.
 */

import {
  durationLevel,
  FLAG_WIDE,
  INDEX_MAGIC,
  INDEX_VERSION,
  type IndexLayout,
  LEVELS,
  sections,
} from './index-layout.js';
import type { GridParams, ParseParams, StayParams } from './params.js';
import type { StayTable } from './stays.js';
import type { Spare } from './typed.js';

export interface IndexInput {
  stays: StayTable;
  /** Subject names, UTF-8, in byte order: name r is bytes[offsets[r] .. offsets[r + 1]). */
  names: { bytes: Uint8Array; offsets: Uint32Array };
  cellI: Int32Array;
  cellJ: Int32Array;
  cells: number;
  grid: GridParams;
  stay: StayParams;
  parse: ParseParams;
  pings: number;
  pingRejects: number;
}

/** An index with everything but its stays written; plain data, so it can be posted to a worker. */
export interface IndexPlan {
  buffer: ArrayBuffer | SharedArrayBuffer;
  layout: IndexLayout;
  stays: number;
  cells: number;
  base: number;
  wide: boolean;
  /** Each stay's duration level. */
  level: Uint8Array;
  /** position[k] = where stay k goes (filled by `fillIndex`, range by range). */
  position: Uint32Array;
}

/**
 * `shared`: the index and the plan's arrays in shared memory, for several threads to fill; `spare`:
 * shared memory to put the plan's arrays in first.
 */
export function planIndex(input: IndexInput, shared = false, spare?: Spare): IndexPlan {
  const st = input.stays;
  const n = st.count;
  const nc = input.cells;
  const ns = input.names.offsets.length - 1;
  const nb = input.names.bytes.length;
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  // One pass for the time span and each stay's level, counted per (cell, level) bucket.
  let base = n > 0 ? Number.POSITIVE_INFINITY : 0;
  let maxEnd = n > 0 ? Number.NEGATIVE_INFINITY : 0;
  const level = spare ? spare.array(Uint8Array, n) : new Uint8Array(new Buffer(n));
  const bucketSize = new Uint32Array(nc * LEVELS + 1);
  for (let k = 0; k < n; k++) {
    const s = st.start[k];
    const e = st.end[k];
    if (s < base) base = s;
    if (e > maxEnd) maxEnd = e;
    const l = durationLevel(e - s);
    level[k] = l;
    bucketSize[st.cell[k] * LEVELS + l + 1]++;
  }
  const wide = maxEnd - base > 0xffffffff;
  const layout = sections(n, nc, ns, nb, wide);
  const buffer = new Buffer(layout.total);
  const v = new DataView(buffer);
  v.setUint32(0, INDEX_MAGIC, true);
  v.setUint32(4, INDEX_VERSION, true);
  v.setUint32(8, wide ? FLAG_WIDE : 0, true);
  v.setUint32(12, n, true);
  v.setUint32(16, nc, true);
  v.setUint32(20, ns, true);
  v.setUint32(24, nb, true);
  v.setFloat64(32, base, true);
  v.setFloat64(40, st.maxPingTs, true);
  v.setFloat64(48, input.grid.originLon, true);
  v.setFloat64(56, input.grid.originLat, true);
  v.setFloat64(64, input.grid.size, true);
  v.setFloat64(72, input.stay.maxGap, true);
  v.setFloat64(80, input.parse.tzOffset, true);
  v.setFloat64(88, input.pings, true);
  v.setFloat64(96, st.duplicates, true);
  v.setFloat64(104, input.pingRejects, true);
  v.setFloat64(112, st.allStays, true);
  new Int32Array(buffer, layout.cellI, nc).set(input.cellI.subarray(0, nc));
  new Int32Array(buffer, layout.cellJ, nc).set(input.cellJ.subarray(0, nc));
  const levelStart = new Uint32Array(buffer, layout.levelStart, nc * LEVELS + 1);
  levelStart.set(bucketSize);
  for (let b = 0; b < nc * LEVELS; b++) levelStart[b + 1] += levelStart[b];
  // Stays come in (subject, start) order, so a subject's stays are a run of input positions.
  const subjStart = new Uint32Array(buffer, layout.subjStart, ns + 1);
  for (let k = 0; k < n; k++) subjStart[st.subject[k] + 1]++;
  for (let s = 0; s < ns; s++) subjStart[s + 1] += subjStart[s];
  new Uint32Array(buffer, layout.subjOffsets, ns + 1).set(input.names.offsets);
  new Uint8Array(buffer, layout.subjBytes, nb).set(input.names.bytes);
  const position = spare ? spare.array(Uint32Array, n) : new Uint32Array(new Buffer(n * 4));
  return { buffer, layout, stays: n, cells: nc, base, wide, level, position };
}

/** Cell bounds cutting the index into `parts` ranges of about as many stays. */
export function cellRanges(plan: IndexPlan, parts: number): number[] {
  const levelStart = new Uint32Array(plan.buffer, plan.layout.levelStart, plan.cells * LEVELS + 1);
  const bounds = [0];
  let c = 0;
  for (let q = 1; q < parts; q++) {
    const want = (plan.stays * q) / parts;
    while (c < plan.cells && levelStart[c * LEVELS] < want) c++;
    bounds.push(c);
  }
  bounds.push(plan.cells);
  return bounds;
}

/**
 * Writes the stays of cells c0 ≤ c < c1 (all of them when the plan is wide): ordered by (cell,
 * level, start), ties in input order, by one stable scatter into the range's (cell, level) buckets
 * carrying each stay's start, then each bucket sorted in place; then written through the inverse
 * permutation (scattered writes do not stall the loop the way scattered reads do).
 */
export function fillIndex(plan: IndexPlan, st: StayTable, c0: number, c1: number, spare?: Spare): void {
  const { buffer, layout, base, wide, level, position } = plan;
  const n = st.count;
  const levelStart = new Uint32Array(buffer, layout.levelStart, plan.cells * LEVELS + 1);
  const b0 = c0 * LEVELS;
  const b1 = c1 * LEVELS;
  const p0 = levelStart[b0];
  const { cell, start, end, subject } = st;
  if (wide) {
    const bucket = (k: number) => cell[k] * LEVELS + level[k];
    const order = Array.from({ length: n }, (_, k) => k)
      .filter((k) => bucket(k) >= b0 && bucket(k) < b1)
      .sort((x, y) => bucket(x) - bucket(y) || start[x] - start[y] || x - y);
    order.forEach((k, i) => {
      position[k] = p0 + i;
    });
  } else {
    const m = levelStart[b1] - p0;
    const order = spare ? spare.array(Uint32Array, m) : new Uint32Array(m);
    const key = spare ? spare.array(Uint32Array, m) : new Uint32Array(m);
    const fill = levelStart.slice(b0, b1);
    for (let k = 0; k < n; k++) {
      const b = cell[k] * LEVELS + level[k];
      if (b < b0 || b >= b1) continue;
      const to = fill[b - b0]++ - p0;
      order[to] = k;
      key[to] = start[k] - base;
    }
    const sorter = new BucketSorter();
    for (let b = b0; b < b1; b++) sorter.sort(order, key, levelStart[b] - p0, levelStart[b + 1] - p0);
    for (let i = 0; i < m; i++) position[order[i]] = p0 + i;
  }
  const cellMaxDur = new Float64Array(buffer, layout.cellMaxDur, plan.cells);
  const staySubject = new Uint32Array(buffer, layout.staySubject, n);
  const stayStart = wide
    ? new Float64Array(buffer, layout.stayStart, n)
    : new Uint32Array(buffer, layout.stayStart, n);
  const stayEnd = wide
    ? new Float64Array(buffer, layout.stayEnd, n)
    : new Uint32Array(buffer, layout.stayEnd, n);
  const subjStays = new Uint32Array(buffer, layout.subjStays, n);
  for (let k = 0; k < n; k++) {
    const c = cell[k];
    if (c < c0 || c >= c1) continue;
    const p = position[k];
    staySubject[p] = subject[k];
    const s = start[k] - base;
    const e = end[k] - base;
    stayStart[p] = s;
    stayEnd[p] = e;
    if (e - s > cellMaxDur[c]) cellMaxDur[c] = e - s;
    subjStays[k] = p;
  }
}

/** Sorts order[lo..hi) by key (u32) stably, the keys alongside. */
class BucketSorter {
  private packed = new Float64Array(1024);
  private held = new Uint32Array(1024);

  sort(order: Uint32Array, key: Uint32Array, lo: number, hi: number): void {
    let sorted = true;
    for (let p = lo + 1; p < hi; p++) {
      if (key[p] < key[p - 1]) {
        sorted = false;
        break;
      }
    }
    if (sorted) return;
    const m = hi - lo;
    if (m <= 32) {
      for (let p = lo + 1; p < hi; p++) {
        const k = key[p];
        const o = order[p];
        let q = p - 1;
        while (q >= lo && key[q] > k) {
          key[q + 1] = key[q];
          order[q + 1] = order[q];
          q--;
        }
        key[q + 1] = k;
        order[q + 1] = o;
      }
      return;
    }
    if (m >= RANK) {
      const idx = Array.from({ length: m }, (_, i) => lo + i).sort((x, y) => key[x] - key[y] || x - y);
      const o = idx.map((i) => order[i]);
      const k = idx.map((i) => key[i]);
      order.set(o, lo);
      key.set(k, lo);
      return;
    }
    // key · 2^21 + rank is exact below 2^53 and sorts as (key, input order) natively.
    if (this.packed.length < m) {
      this.packed = new Float64Array(m * 2);
      this.held = new Uint32Array(m * 2);
    }
    const packed = this.packed.subarray(0, m);
    const held = this.held;
    for (let i = 0; i < m; i++) {
      packed[i] = key[lo + i] * RANK + i;
      held[i] = order[lo + i];
    }
    packed.sort();
    for (let i = 0; i < m; i++) {
      const v = packed[i];
      const r = v % RANK;
      key[lo + i] = (v - r) / RANK;
      order[lo + i] = held[r];
    }
  }
}

const RANK = 2 ** 21;
