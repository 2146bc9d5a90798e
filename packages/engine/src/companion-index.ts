/**
 * The companion index: every positive stay of a city, sorted by (cell, start), in one ArrayBuffer
 * with a versioned header — saved to disk as is and opened without copying (`fromBuffer`), so it
 * can be handed to worker threads. 16 bytes a stay: subject, start, end (u32 seconds after `base`)
 * and a per-subject permutation.
 */

import { RenxingError } from '@renxing/contracts';
import { compareBytes, encodeUtf8 } from './bytes.js';
import { cellLabel } from './grid.js';
import type { GridParams, ParseParams, StayParams } from './params.js';
import type { StayTable } from './stays.js';

export const INDEX_MAGIC = 0x31495852; // "RXI1"
export const INDEX_VERSION = 2;
/**
 * Stays of a cell are grouped by duration level, floor(log2(length)), capped: a query for
 * overlaps with [s, e) looks in level L only at starts ≥ s − (2^(L+1) − 1), so short stays are
 * never scanned from the start of the day because one long stay shares their cell.
 */
export const LEVELS = 20;
const HEADER_BYTES = 128;
const FLAG_WIDE = 1;

export interface IndexStats {
  pings: number;
  duplicates: number;
  pingRejects: number;
  allStays: number;
}

export type TimeArray = Uint32Array<ArrayBufferLike> | Float64Array<ArrayBufferLike>;

export class CompanionIndex {
  readonly wide: boolean;
  readonly stays: number;
  readonly cells: number;
  readonly subjects: number;
  /** Absolute instant = base + stored relative instant. */
  readonly base: number;
  readonly maxPingTs: number;
  readonly grid: GridParams;
  readonly maxGap: number;
  readonly tzOffset: number;
  readonly stats: IndexStats;
  readonly cellI: Int32Array;
  readonly cellJ: Int32Array;
  /**
   * Stays of cell c, duration level L are positions levelStart[c * LEVELS + L] .. the next entry,
   * sorted by start; all of cell c lie in levelStart[c * LEVELS] .. levelStart[(c + 1) * LEVELS].
   */
  readonly levelStart: Uint32Array;
  /** Longest stay in each cell, relative seconds (bounds the search in the top level). */
  readonly cellMaxDur: Float64Array;
  readonly staySubject: Uint32Array;
  readonly stayStart: TimeArray;
  readonly stayEnd: TimeArray;
  /** Stays of subject s (positions, by start) are subjStays[subjStart[s] .. subjStart[s + 1]]. */
  readonly subjStart: Uint32Array;
  readonly subjStays: Uint32Array;
  readonly subjOffsets: Uint32Array;
  readonly subjBytes: Uint8Array;
  private labels: (string | undefined)[] = [];

  private constructor(readonly buffer: ArrayBuffer | SharedArrayBuffer) {
    const v = new DataView(buffer);
    if (buffer.byteLength < HEADER_BYTES || v.getUint32(0, true) !== INDEX_MAGIC)
      throw new RenxingError('RX_BAD_INDEX', { file: 'index', detail: 'not a Renxing companion index' });
    const version = v.getUint32(4, true);
    if (version !== INDEX_VERSION)
      throw new RenxingError('RX_BAD_INDEX', {
        file: 'index',
        detail: `index version ${version}, this build reads ${INDEX_VERSION}`,
      });
    this.wide = (v.getUint32(8, true) & FLAG_WIDE) !== 0;
    const n = v.getUint32(12, true);
    const nc = v.getUint32(16, true);
    const ns = v.getUint32(20, true);
    this.stays = n;
    this.cells = nc;
    this.subjects = ns;
    const nb = v.getUint32(24, true);
    this.base = v.getFloat64(32, true);
    this.maxPingTs = v.getFloat64(40, true);
    this.grid = {
      originLon: v.getFloat64(48, true),
      originLat: v.getFloat64(56, true),
      size: v.getFloat64(64, true),
    };
    this.maxGap = v.getFloat64(72, true);
    this.tzOffset = v.getFloat64(80, true);
    this.stats = {
      pings: v.getFloat64(88, true),
      duplicates: v.getFloat64(96, true),
      pingRejects: v.getFloat64(104, true),
      allStays: v.getFloat64(112, true),
    };
    const layout = sections(n, nc, ns, nb, this.wide);
    if (layout.total !== buffer.byteLength)
      throw new RenxingError('RX_BAD_INDEX', {
        file: 'index',
        detail: `index is ${buffer.byteLength} bytes, header says ${layout.total}`,
      });
    this.cellI = new Int32Array(buffer, layout.cellI, nc);
    this.cellJ = new Int32Array(buffer, layout.cellJ, nc);
    this.levelStart = new Uint32Array(buffer, layout.levelStart, nc * LEVELS + 1);
    this.cellMaxDur = new Float64Array(buffer, layout.cellMaxDur, nc);
    this.staySubject = new Uint32Array(buffer, layout.staySubject, n);
    this.stayStart = this.wide
      ? new Float64Array(buffer, layout.stayStart, n)
      : new Uint32Array(buffer, layout.stayStart, n);
    this.stayEnd = this.wide
      ? new Float64Array(buffer, layout.stayEnd, n)
      : new Uint32Array(buffer, layout.stayEnd, n);
    this.subjStart = new Uint32Array(buffer, layout.subjStart, ns + 1);
    this.subjStays = new Uint32Array(buffer, layout.subjStays, n);
    this.subjOffsets = new Uint32Array(buffer, layout.subjOffsets, ns + 1);
    this.subjBytes = new Uint8Array(buffer, layout.subjBytes, nb);
  }

  /** Opens an index held in `bytes` (copied only when it is not 8-byte aligned). */
  static fromBytes(bytes: Uint8Array): CompanionIndex {
    if (bytes.byteOffset % 8 === 0 && bytes.buffer instanceof ArrayBuffer) {
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
        return new CompanionIndex(bytes.buffer);
    }
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new CompanionIndex(copy.buffer);
  }

  /** Opens an index in an ArrayBuffer, or a SharedArrayBuffer that worker threads read at once. */
  static fromBuffer(buffer: ArrayBuffer | SharedArrayBuffer): CompanionIndex {
    return new CompanionIndex(buffer);
  }

  /** Subject id of a subject's UTF-8 bytes (ids are in byte order), or -1. */
  findSubject(subject: string): number {
    const key = encodeUtf8(subject);
    let lo = 0;
    let hi = this.subjects - 1;
    const off = this.subjOffsets;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(this.subjBytes, off[mid], off[mid + 1], key, 0, key.length);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  subjectBytes(id: number): Uint8Array {
    return this.subjBytes.subarray(this.subjOffsets[id], this.subjOffsets[id + 1]);
  }

  /** The cell holding stay position p. */
  cellOfStay(p: number): number {
    const ls = this.levelStart;
    let lo = 0;
    let hi = this.cells - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ls[mid * LEVELS] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First position of cell c. */
  cellFirst(c: number): number {
    return this.levelStart[c * LEVELS];
  }

  /** One past the last position of cell c. */
  cellEnd(c: number): number {
    return this.levelStart[(c + 1) * LEVELS];
  }

  cellLabel(c: number): string {
    let s = this.labels[c];
    if (s === undefined) {
      s = cellLabel(this.cellI[c], this.cellJ[c]);
      this.labels[c] = s;
    }
    return s;
  }

  /** Bytes per stay of the whole index (header, cells and dictionary included). */
  get bytesPerStay(): number {
    return this.stays === 0 ? 0 : this.buffer.byteLength / this.stays;
  }

  /** Builds an index from stays (subject ids in byte order) and the subjects' sorted UTF-8 names. */
  static build(input: {
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
  }): CompanionIndex {
    const st = input.stays;
    const n = st.count;
    const nc = input.cells;
    const ns = input.names.offsets.length - 1;
    const nb = input.names.bytes.length;
    // One pass for the time span and each stay's level, counted per (cell, level) bucket.
    let base = n > 0 ? Number.POSITIVE_INFINITY : 0;
    let maxEnd = n > 0 ? Number.NEGATIVE_INFINITY : 0;
    const level = new Uint8Array(n);
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
    const buffer = new ArrayBuffer(layout.total);
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
    const order = orderByCellLevelStart(st, level, levelStart, base, wide);
    const cellMaxDur = new Float64Array(buffer, layout.cellMaxDur, nc);
    const T = wide ? Float64Array : Uint32Array;
    const staySubject = new Uint32Array(buffer, layout.staySubject, n);
    const stayStart = new T(buffer, layout.stayStart, n);
    const stayEnd = new T(buffer, layout.stayEnd, n);
    // Written in input order through the inverse permutation: scattered writes do not stall the
    // loop the way four scattered reads a stay did.
    const position = new Uint32Array(n);
    for (let p = 0; p < n; p++) position[order[p]] = p;
    for (let k = 0; k < n; k++) {
      const p = position[k];
      staySubject[p] = st.subject[k];
      const s = st.start[k] - base;
      const e = st.end[k] - base;
      stayStart[p] = s;
      stayEnd[p] = e;
      const c = st.cell[k];
      if (e - s > cellMaxDur[c]) cellMaxDur[c] = e - s;
    }
    // Stays come in (subject, start) order, so the per-subject list is `position` itself.
    const subjStart = new Uint32Array(buffer, layout.subjStart, ns + 1);
    for (let k = 0; k < n; k++) subjStart[st.subject[k] + 1]++;
    for (let s = 0; s < ns; s++) subjStart[s + 1] += subjStart[s];
    new Uint32Array(buffer, layout.subjStays, n).set(position);
    new Uint32Array(buffer, layout.subjOffsets, ns + 1).set(input.names.offsets);
    new Uint8Array(buffer, layout.subjBytes, nb).set(input.names.bytes);
    return new CompanionIndex(buffer);
  }
}

/** floor(log2(length)) for a positive length, capped at LEVELS − 1. */
export function durationLevel(length: number): number {
  if (length >= 2 ** (LEVELS - 1)) return LEVELS - 1;
  // Below 2 s (fractional instants make stays under 1 s) the level is 0, never −1.
  return length < 2 ? 0 : 31 - Math.clz32(length);
}

/**
 * Stay positions ordered by (cell, level, start), ties in input order: one stable scatter into the
 * buckets carrying each stay's start, then each bucket sorted by start in place (most are small and
 * sit in cache; the two 16-bit radix passes over the whole table this replaces cost three scattered
 * writes a stay each).
 */
function orderByCellLevelStart(
  st: StayTable,
  level: Uint8Array,
  bucketStart: Uint32Array,
  base: number,
  wide: boolean,
): Uint32Array {
  const n = st.count;
  if (wide) {
    const bucket = (k: number) => st.cell[k] * LEVELS + level[k];
    const a = Array.from({ length: n }, (_, k) => k).sort(
      (x, y) => bucket(x) - bucket(y) || st.start[x] - st.start[y] || x - y,
    );
    return Uint32Array.from(a);
  }
  const order = new Uint32Array(n);
  const key = new Uint32Array(n);
  const fill = bucketStart.slice(0, bucketStart.length - 1);
  const { cell, start } = st;
  for (let k = 0; k < n; k++) {
    const to = fill[cell[k] * LEVELS + level[k]]++;
    order[to] = k;
    key[to] = start[k] - base;
  }
  const sorter = new BucketSorter();
  for (let b = 0; b + 1 < bucketStart.length; b++)
    sorter.sort(order, key, bucketStart[b], bucketStart[b + 1]);
  return order;
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

function sections(n: number, nc: number, ns: number, nb: number, wide: boolean) {
  let at = HEADER_BYTES;
  const take = (bytes: number) => {
    const start = at;
    at += Math.ceil(bytes / 8) * 8;
    return start;
  };
  const tb = wide ? 8 : 4;
  const layout = {
    cellI: take(nc * 4),
    cellJ: take(nc * 4),
    levelStart: take((nc * LEVELS + 1) * 4),
    cellMaxDur: take(nc * 8),
    staySubject: take(n * 4),
    stayStart: take(n * tb),
    stayEnd: take(n * tb),
    subjStart: take((ns + 1) * 4),
    subjStays: take(n * 4),
    subjOffsets: take((ns + 1) * 4),
    subjBytes: take(nb),
    total: 0,
  };
  layout.total = at;
  return layout;
}
