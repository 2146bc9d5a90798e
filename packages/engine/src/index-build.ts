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
  /** Slices of the stay table for consecutive subject ranges, in order (often one). */
  stays: readonly StayTable[];
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

/**
 * What the plan needs of a slice of stays, counted stay by stay as the slice is written
 * (`countStay`, on the thread that builds it) or afterwards (`stayStats`).
 */
export interface StayStats {
  /** Stays per (cell, level) bucket, at cell · LEVELS + level. */
  buckets: Uint32Array;
  /** Stays of each subject from `firstSubject` on (stays come in subject order). */
  firstSubject: number;
  perSubject: Uint32Array;
  /** Each stay's duration level. */
  level: Uint8Array;
}

export function emptyStats(
  cells: number,
  firstSubject: number,
  subjects: number,
  level: Uint8Array,
): StayStats {
  return {
    buckets: new Uint32Array(cells * LEVELS),
    firstSubject,
    perSubject: new Uint32Array(subjects),
    level,
  };
}

/** Counts stay k (its level into `level`, which must have room). */
export function countStay(
  st: StayStats,
  k: number,
  subject: number,
  cell: number,
  start: number,
  end: number,
): void {
  const l = durationLevel(end - start);
  st.level[k] = l;
  st.buckets[cell * LEVELS + l]++;
  st.perSubject[subject - st.firstSubject]++;
}

/** A table's statistics, counted afterwards (for a table not built by `buildStaysFromParts`). */
export function stayStats(t: StayTable, cells: number): StayStats {
  const n = t.count;
  const first = n > 0 ? t.subject[0] : 0;
  const st = emptyStats(cells, first, n > 0 ? t.subject[n - 1] - first + 1 : 0, new Uint8Array(n));
  for (let k = 0; k < n; k++) countStay(st, k, t.subject[k], t.cell[k], t.start[k], t.end[k]);
  return st;
}

/** An index with everything but its stays written; plain data, so it can be posted to a worker. */
export interface IndexPlan {
  buffer: ArrayBuffer | SharedArrayBuffer;
  layout: IndexLayout;
  stays: number;
  cells: number;
  base: number;
  wide: boolean;
  /** Each slice's stays' duration levels. */
  levels: Uint8Array[];
  /** position[k] = where stay k (counted across the slices) goes (filled by `fillIndex`). */
  position: Uint32Array;
}

/**
 * `shared`: the index and the plan's arrays in shared memory, for several threads to fill; `spare`:
 * shared memory to put the plan's arrays in first. A slice's `stats`, when it has them, spare the
 * plan a pass over its stays.
 */
export function planIndex(input: IndexInput, shared = false, spare?: Spare): IndexPlan {
  const slices = input.stays;
  const nc = input.cells;
  const ns = input.names.offsets.length - 1;
  const nb = input.names.bytes.length;
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  let n = 0;
  let allStays = 0;
  let duplicates = 0;
  let maxPingTs = Number.NEGATIVE_INFINITY;
  const stats = slices.map((t) => {
    n += t.count;
    allStays += t.allStays;
    duplicates += t.duplicates;
    if (t.maxPingTs > maxPingTs) maxPingTs = t.maxPingTs;
    return t.stats ?? stayStats(t, nc);
  });
  // Base and width from every positive stay, so that an index of some cells' stays (see
  // `caseCells`) stores the instants of the whole index's.
  const { base, wide } = span(slices);
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
  v.setFloat64(40, maxPingTs, true);
  v.setFloat64(48, input.grid.originLon, true);
  v.setFloat64(56, input.grid.originLat, true);
  v.setFloat64(64, input.grid.size, true);
  v.setFloat64(72, input.stay.maxGap, true);
  v.setFloat64(80, input.parse.tzOffset, true);
  v.setFloat64(88, input.pings, true);
  v.setFloat64(96, duplicates, true);
  v.setFloat64(104, input.pingRejects, true);
  v.setFloat64(112, allStays, true);
  new Int32Array(buffer, layout.cellI, nc).set(input.cellI.subarray(0, nc));
  new Int32Array(buffer, layout.cellJ, nc).set(input.cellJ.subarray(0, nc));
  // Bucket b's stays start at levelStart[b]; subject s's stays (in input order) at subjStart[s].
  const levelStart = new Uint32Array(buffer, layout.levelStart, nc * LEVELS + 1);
  const subjStart = new Uint32Array(buffer, layout.subjStart, ns + 1);
  for (const st of stats) {
    for (let b = 0; b < nc * LEVELS; b++) levelStart[b + 1] += st.buckets[b];
    subjStart.set(st.perSubject, st.firstSubject + 1);
  }
  for (let b = 0; b < nc * LEVELS; b++) levelStart[b + 1] += levelStart[b];
  for (let s = 0; s < ns; s++) subjStart[s + 1] += subjStart[s];
  new Uint32Array(buffer, layout.subjOffsets, ns + 1).set(input.names.offsets);
  new Uint8Array(buffer, layout.subjBytes, nb).set(input.names.bytes);
  const position = spare ? spare.array(Uint32Array, n) : new Uint32Array(new Buffer(n * 4));
  const levels = stats.map((st) => st.level);
  return { buffer, layout, stays: n, cells: nc, base, wide, levels, position };
}

/** Earliest start of the positive stays (0 without any), and whether instants after it need doubles. */
function span(slices: readonly StayTable[]): { base: number; wide: boolean } {
  let minStart = Number.POSITIVE_INFINITY;
  let maxEnd = Number.NEGATIVE_INFINITY;
  for (const t of slices) {
    if (t.minStart < minStart) minStart = t.minStart;
    if (t.maxEnd > maxEnd) maxEnd = t.maxEnd;
  }
  if (minStart === Number.POSITIVE_INFINITY) return { base: 0, wide: false };
  return { base: minStart, wide: maxEnd - minStart > 0xffffffff };
}

/** The stays and bytes of the index of all the input's positive stays, left-out cells' included. */
export function wholeIndexSize(input: IndexInput): { stays: number; bytes: number } {
  let stays = 0;
  for (const t of input.stays) stays += t.positive;
  const ns = input.names.offsets.length - 1;
  const bytes = sections(stays, input.cells, ns, input.names.bytes.length, span(input.stays).wide).total;
  return { stays, bytes };
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
 * permutation (scattered writes do not stall the loop the way scattered reads do). Stay k is
 * counted across the slices, in order.
 */
export function fillIndex(
  plan: IndexPlan,
  slices: readonly StayTable[],
  c0: number,
  c1: number,
  spare?: Spare,
): void {
  const { buffer, layout, base, wide, levels, position } = plan;
  const levelStart = new Uint32Array(buffer, layout.levelStart, plan.cells * LEVELS + 1);
  const b0 = c0 * LEVELS;
  const b1 = c1 * LEVELS;
  const p0 = levelStart[b0];
  if (wide) orderWide(plan, slices, b0, b1, p0);
  else {
    const m = levelStart[b1] - p0;
    const order = spare ? spare.array(Uint32Array, m) : new Uint32Array(m);
    const key = spare ? spare.array(Uint32Array, m) : new Uint32Array(m);
    const fill = levelStart.slice(b0, b1);
    let at = 0;
    for (let i = 0; i < slices.length; i++) {
      const { count, cell, start } = slices[i];
      const level = levels[i];
      for (let k = 0; k < count; k++) {
        const b = cell[k] * LEVELS + level[k];
        if (b < b0 || b >= b1) continue;
        const to = fill[b - b0]++ - p0;
        order[to] = at + k;
        key[to] = start[k] - base;
      }
      at += count;
    }
    const sorter = new BucketSorter();
    for (let b = b0; b < b1; b++) sorter.sort(order, key, levelStart[b] - p0, levelStart[b + 1] - p0);
    for (let i = 0; i < m; i++) position[order[i]] = p0 + i;
  }
  const n = plan.stays;
  const cellMaxDur = new Float64Array(buffer, layout.cellMaxDur, plan.cells);
  const staySubject = new Uint32Array(buffer, layout.staySubject, n);
  const stayStart = wide
    ? new Float64Array(buffer, layout.stayStart, n)
    : new Uint32Array(buffer, layout.stayStart, n);
  const stayEnd = wide
    ? new Float64Array(buffer, layout.stayEnd, n)
    : new Uint32Array(buffer, layout.stayEnd, n);
  const subjStays = new Uint32Array(buffer, layout.subjStays, n);
  let at = 0;
  for (const { count, cell, start, end, subject } of slices) {
    for (let k = 0; k < count; k++) {
      const c = cell[k];
      if (c < c0 || c >= c1) continue;
      const p = position[at + k];
      staySubject[p] = subject[k];
      const s = start[k] - base;
      const e = end[k] - base;
      stayStart[p] = s;
      stayEnd[p] = e;
      if (e - s > cellMaxDur[c]) cellMaxDur[c] = e - s;
      subjStays[at + k] = p;
    }
    at += count;
  }
}

/** The positions of a wide plan's stays in buckets b0 ≤ b < b1 (a span beyond 2^32 s: rare, so simple). */
function orderWide(plan: IndexPlan, slices: readonly StayTable[], b0: number, b1: number, p0: number): void {
  const where: { k: number; b: number; start: number }[] = [];
  let at = 0;
  slices.forEach(({ count, cell, start }, i) => {
    for (let k = 0; k < count; k++) {
      const b = cell[k] * LEVELS + plan.levels[i][k];
      if (b >= b0 && b < b1) where.push({ k: at + k, b, start: start[k] });
    }
    at += count;
  });
  where.sort((x, y) => x.b - y.b || x.start - y.start || x.k - y.k);
  where.forEach((w, i) => {
    plan.position[w.k] = p0 + i;
  });
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
