/**
 * Pings → stays (contract: "Presence and stays"). Pings are grouped by subject with a stable
 * counting sort that moves the values themselves (sequential reads), ordered by instant within each
 * subject (stably, so the first of equal instants in file order is the one kept), de-duplicated,
 * then walked once. A file read in parts is grouped part by part and joined per subject.
 */
import { countStay, emptyStats, type StayStats } from './index-build.js';
import type { PingColumns, PingGroups } from './ping-reader.js';
import { grown, Spare, type TypedKind } from './typed.js';

export interface StayTable {
  /**
   * Stays with a positive length (of the kept cells only, see `StaysSlice.keep`), in (subject,
   * start) order; subject = position in `order`.
   */
  count: number;
  subject: Uint32Array;
  cell: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  /** All stays, zero-length ones included (a zero-length stay can never overlap anything). */
  allStays: number;
  /**
   * Stays with a positive length, those left out by `StaysSlice.keep` included, and the earliest
   * start and latest end among them (±∞ without any): what the whole index of them needs.
   */
  positive: number;
  minStart: number;
  maxEnd: number;
  duplicates: number;
  /** Latest kept ping instant (E of the dwell clause when a case's `to` is unbounded). */
  maxPingTs: number;
  /** Counted for the index plan on the thread that built the table (see `stayStats`). */
  stats?: StayStats;
}

/**
 * Pings grouped by subject: the pings of subject id are ts/cell[first[id] .. first[id + 1]), in
 * reading order. A reader of part of a file groups its own pings (on its own thread) with its own
 * ids; the parts are then joined subject by subject, reading each part sequentially.
 */
export interface SubjectGroups {
  first: Uint32Array;
  /** Instants after `base`, as in `PingColumns`. */
  ts: Int32Array | Float64Array;
  base: number;
  cell: Uint32Array;
}

/** One part's groups, with its ids mapped to the whole reading's (null: the ids are the same). */
export interface GroupedPart {
  groups: SubjectGroups;
  /** subjectMap[local id] = the whole reading's subject id. */
  subjectMap: Uint32Array | null;
  /** cellMap[local cell] = the whole reading's cell id. */
  cellMap: Uint32Array | null;
}

/**
 * Stable counting sort of pings by subject id, moving instants and cells. The scatter writes all
 * over two arrays the size of the input (a cache miss a ping), which is why each reader thread
 * does it for its own part.
 */
export function groupBySubject(
  pings: PingColumns,
  subjects: number,
  shared = false,
  /**
   * The pings' ranges [from, to) in file order, flat (a reader that read blocks of the file out of
   * order appends them out of order); all of them in one range by default.
   */
  ranges: readonly number[] = [0, pings.count],
): SubjectGroups {
  const n = pings.count;
  const { subject, ts, base, cell } = pings;
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  const first = new Uint32Array(new Buffer((subjects + 1) * 4));
  for (let k = 0; k < n; k++) first[subject[k] + 1]++;
  for (let id = 0; id < subjects; id++) first[id + 1] += first[id];
  const fill = first.slice(0, subjects);
  const sTs =
    ts instanceof Int32Array ? new Int32Array(new Buffer(n * 4)) : new Float64Array(new Buffer(n * 8));
  const sCell = new Uint32Array(new Buffer(n * 4));
  for (let r = 0; r < ranges.length; r += 2) {
    const to = ranges[r + 1];
    for (let k = ranges[r]; k < to; k++) {
      const p = fill[subject[k]]++;
      sTs[p] = ts[k];
      sCell[p] = cell[k];
    }
  }
  return { first, ts: sTs, base, cell: sCell };
}

/** A reading's pings as grouped parts: those it absorbed, or its own columns grouped as one part. */
export function groupedParts(pings: PingColumns | PingGroups, subjects: number): GroupedPart[] {
  if ('parts' in pings) return pings.parts;
  return [{ groups: groupBySubject(pings, subjects), subjectMap: null, cellMap: null }];
}

/** Grouped pings' memory (shared), once their stays are built, for a later phase to write into. */
export function groupsSpare(groups: SubjectGroups): Spare {
  return new Spare([groups.ts.buffer, groups.cell.buffer, groups.first.buffer] as SharedArrayBuffer[]);
}

/**
 * `order[r]` is the subject id to number r: stays carry r and come in that order. `cells`: as in
 * `StaysSlice`.
 */
export function buildStays(
  pings: PingColumns,
  order: Uint32Array,
  maxGap: number,
  cells?: number,
): StayTable {
  return buildStaysFromParts(groupedParts(pings, order.length), order, maxGap, { cells });
}

/** Which subjects a call builds, and where (see `buildStaysFromParts`). */
export interface StaysSlice {
  /** Only the subjects numbered from ≤ r < to (all by default). */
  from?: number;
  to?: number;
  /** Shared memory to write the table into first: the table is then in shared memory (grown too). */
  spare?: Spare;
  /** The reading's cells: the table's statistics for the index plan are then counted as it is written. */
  cells?: number;
  /** Only the stays in cells c with keep[c] = 1 go into the table (see `caseCells`); all by default. */
  keep?: Uint8Array;
}

/**
 * Stays from grouped parts of one reading, given in file order (so a subject's pings, part after
 * part, are in file order: the first of equal instants is the one kept, as in one piece). Slices of
 * consecutive subject ranges, built apart (on several threads), are in order the whole table (see
 * `IndexInput.stays`).
 */
export function buildStaysFromParts(
  parts: GroupedPart[],
  order: Uint32Array,
  maxGap: number,
  { from = 0, to = order.length, spare, cells, keep }: StaysSlice = {},
): StayTable {
  const subjects = order.length;
  // localOf[p][id] = part p's id of subject id, or -1 when the part has no ping of it.
  const localOf = parts.map((p) => {
    if (p.subjectMap === null) return null;
    const inv = new Int32Array(subjects).fill(-1);
    for (let l = 0; l < p.subjectMap.length; l++) inv[p.subjectMap[l]] = l;
    return inv;
  });
  let n = 0;
  for (const p of parts) n += p.groups.ts.length;
  const cap = Math.max(1024, Math.ceil((n * (to - from)) / Math.max(1, subjects) / 3));
  const out = new StayWriter(cap, spare, cells === undefined ? undefined : { cells, from, to });
  let allStays = 0;
  let positive = 0;
  let minStart = Number.POSITIVE_INFINITY;
  let maxEnd = Number.NEGATIVE_INFINITY;
  let duplicates = 0;
  let maxPingTs = Number.NEGATIVE_INFINITY;
  let kt = new Float64Array(1024);
  let kc = new Uint32Array(1024);
  // A subject's pings from every part, joined, as instants.
  let jt = new Float64Array(1024);
  let jc = new Uint32Array(1024);
  for (let r = from; r < to; r++) {
    const id = order[r];
    let len = 0;
    for (let q = 0; q < parts.length; q++) {
      const l = localOf[q] === null ? id : (localOf[q] as Int32Array)[id];
      if (l < 0) continue;
      const g = parts[q].groups;
      const from = g.first[l];
      const to = g.first[l + 1];
      if (len + to - from > jt.length) {
        const cap = Math.max(len + to - from, jt.length * 2);
        jt = grown(jt, cap);
        jc = grown(jc, cap);
      }
      const { cellMap } = parts[q];
      const { ts: gt, base, cell: gc } = g;
      for (let i = from; i < to; i++) {
        jt[len] = base + gt[i];
        jc[len] = cellMap === null ? gc[i] : cellMap[gc[i]];
        len++;
      }
    }
    if (len > kt.length) {
      kt = new Float64Array(len);
      kc = new Uint32Array(len);
    }
    sortSegment(jt, jc, 0, len);
    // Keep the first ping of each instant.
    let m = 0;
    for (let i = 0; i < len; i++) {
      const t = jt[i];
      if (m > 0 && kt[m - 1] === t) {
        duplicates++;
        continue;
      }
      kt[m] = t;
      kc[m] = jc[i];
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
        positive++;
        if (stayStart < minStart) minStart = stayStart;
        if (end > maxEnd) maxEnd = end;
        if (keep === undefined || keep[kc[i]] === 1) out.push(r, kc[i], stayStart, end);
      }
      if (i + 1 < m) stayStart = kt[i + 1];
    }
  }
  return { ...out.table(), allStays, positive, minStart, maxEnd, duplicates, maxPingTs };
}

class StayWriter {
  count = 0;
  subject: Uint32Array;
  cell: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  readonly stats: StayStats | undefined;
  private readonly shared: boolean;

  /**
   * `spare`: shared memory to write into first; the table is then in shared memory, grown too.
   * `count`: the statistics of the stays of subjects from ≤ r < to are counted as they come.
   */
  constructor(cap: number, spare?: Spare, count?: { cells: number; from: number; to: number }) {
    this.shared = spare !== undefined;
    this.subject = this.array(Uint32Array, cap, spare);
    this.cell = this.array(Uint32Array, cap, spare);
    this.start = this.array(Float64Array, cap, spare);
    this.end = this.array(Float64Array, cap, spare);
    this.stats =
      count && emptyStats(count.cells, count.from, count.to - count.from, this.array(Uint8Array, cap, spare));
  }

  private array<T>(Kind: TypedKind<T>, length: number, spare?: Spare): T {
    if (spare) return spare.array(Kind, length);
    const bytes = length * Kind.BYTES_PER_ELEMENT;
    return new Kind(this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, length);
  }

  push(subject: number, cell: number, start: number, end: number): void {
    const k = this.count++;
    if (k === this.subject.length) this.grow();
    this.subject[k] = subject;
    this.cell[k] = cell;
    this.start[k] = start;
    this.end[k] = end;
    if (this.stats) countStay(this.stats, k, subject, cell, start, end);
  }

  private grow(): void {
    const cap = Math.ceil(this.subject.length * 1.5);
    const subject = this.array(Uint32Array, cap);
    const cell = this.array(Uint32Array, cap);
    const start = this.array(Float64Array, cap);
    const end = this.array(Float64Array, cap);
    subject.set(this.subject);
    cell.set(this.cell);
    start.set(this.start);
    end.set(this.end);
    Object.assign(this, { subject, cell, start, end });
    if (this.stats) {
      const level = this.array(Uint8Array, cap);
      level.set(this.stats.level);
      this.stats.level = level;
    }
  }

  table() {
    const { count, subject, cell, start, end, stats } = this;
    return { count, subject, cell, start, end, stats };
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
