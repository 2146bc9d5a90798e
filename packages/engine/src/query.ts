/**
 * Batch companion query (contract: "Companions", "Output"): for each case, only the cells its
 * clipped stays visit are touched. A case's candidates are appended densely and sorted by subject
 * once, at the emit; scratch is allocated once per `CompanionQuery` and reused by every batch.
 */
import { compareUtf8 } from './bytes.js';
import type { CaseWindows } from './case-reader.js';
import { type CompanionIndex, LEVELS } from './companion-index.js';
import type { QueryParams } from './params.js';
import { grown } from './typed.js';

/** A block of rows, one per (companion, case); instants absolute epoch seconds. */
export interface CompanionRows {
  count: number;
  /** Index into the `cases` array given to the query. */
  caseIndex: Uint32Array;
  subject: Uint32Array;
  cell: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  overlap: Float64Array;
}

/** All rows of a query, in output order, as blocks (joining them would only copy). */
export interface CompanionRowSet {
  count: number;
  blocks: CompanionRows[];
}

export type QueryProgress = (casesDone: number, casesTotal: number) => void;

/**
 * Answers `cases`. Rows go to blocks of `ROW_BLOCK` rows, taken from `spare` (emptied blocks made
 * by `rowBlock`, e.g. whose memory a worker touched while idle) before new ones are allocated.
 */
export function queryCompanions(
  index: CompanionIndex,
  cases: readonly CaseWindows[],
  q: QueryParams,
  onProgress?: QueryProgress,
  spare: CompanionRows[] = [],
): CompanionRowSet {
  return new CompanionQuery(index, q).run(cases, onProgress, spare);
}

/**
 * Queries one index with one set of parameters, batch after batch: the scratch grown for one batch
 * (candidate lists, per-subject sums) serves the next.
 */
export class CompanionQuery {
  private readonly ctx: QueryContext;

  constructor(index: CompanionIndex, q: QueryParams) {
    this.ctx = new QueryContext(index, q);
  }

  /** As `queryCompanions`. */
  run(
    cases: readonly CaseWindows[],
    onProgress?: QueryProgress,
    spare: CompanionRows[] = [],
  ): CompanionRowSet {
    const order = cases.map((_, k) => k).sort((a, b) => compareUtf8(cases[a].subject, cases[b].subject));
    const out = new RowBlocks(spare);
    for (let done = 0; done < order.length; done++) {
      this.ctx.runCase(order[done], cases[order[done]], out);
      if (onProgress && (done & 63) === 63) onProgress(done + 1, order.length);
    }
    onProgress?.(order.length, order.length);
    return out.rows();
  }
}

class QueryContext {
  private readonly ix: CompanionIndex;
  private readonly q: QueryParams;
  /**
   * The case's candidates in order of arrival, appended densely (no per-subject table is touched
   * per candidate): candWho[k] is the subject, cand[4k .. 4k+3] overlap, start, end, cell. The
   * emit sorts them by subject once per case (`SubjectSort`) and keeps each subject's best.
   */
  private candWho: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private cand: Float64Array<ArrayBuffer> = new Float64Array(1024 * 4);
  private nCand = 0;
  private readonly sorter: SubjectSort;
  // Per-subject scratch of cumulative mode and the dwell clause, reset through the touched lists.
  private readonly sum: Float64Array;
  private readonly sumStart: Float64Array;
  private readonly sumEnd: Float64Array;
  private readonly dwell: Float64Array;
  private cellTouched: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private nCellTouched = 0;
  private dwellTouched: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private nDwellTouched = 0;

  constructor(ix: CompanionIndex, q: QueryParams) {
    this.ix = ix;
    this.q = q;
    const ns = ix.subjects;
    this.sorter = new SubjectSort(ns);
    // Scratch of the clauses not in use stays empty (saves zeroing memory per subject).
    const sums = q.mode === 'cumulative' ? ns : 0;
    this.sum = new Float64Array(sums);
    this.sumStart = new Float64Array(sums);
    this.sumEnd = new Float64Array(sums);
    this.dwell = new Float64Array(q.minCellDwell > 0 ? ns : 0);
  }

  /** Appends the case's rows to `out`. */
  runCase(caseIndex: number, c: CaseWindows, out: RowBlocks): void {
    const ix = this.ix;
    const me = ix.findSubject(c.subject);
    if (me < 0) return;
    const base = ix.base;
    // Clipped pieces of the case's stays, relative seconds, grouped by cell.
    const pieces = this.clippedPieces(me, c, base);
    if (pieces.length === 0) return;
    const dwellOn = this.q.minCellDwell > 0;
    let E = c.to[c.to.length - 1];
    if (E === Number.POSITIVE_INFINITY) E = ix.maxPingTs;
    const dwellHi = E - base;
    const dwellLo = dwellHi - this.q.dwellWindow;
    const cumulative = this.q.mode === 'cumulative';
    let p = 0;
    while (p < pieces.length) {
      const cell = pieces[p].cell;
      let q = p;
      while (q < pieces.length && pieces[q].cell === cell) q++;
      let everyone = true;
      if (dwellOn) {
        everyone = this.caseDwell(me, cell, dwellLo, dwellHi) >= this.q.minCellDwell;
        if (!everyone) this.subjectDwell(cell, dwellLo, dwellHi);
      }
      for (let k = p; k < q; k++)
        this.scanPiece(me, cell, pieces[k].start, pieces[k].end, cumulative, everyone);
      if (cumulative) this.closeCumulativeCell(cell);
      if (dwellOn && !everyone) this.clearDwell();
      p = q;
    }
    this.emit(caseIndex, base, out);
  }

  private clippedPieces(me: number, c: CaseWindows, base: number) {
    const ix = this.ix;
    const pieces: { cell: number; start: number; end: number }[] = [];
    for (let k = ix.subjStart[me]; k < ix.subjStart[me + 1]; k++) {
      const pos = ix.subjStays[k];
      const s = ix.stayStart[pos] + base;
      const e = ix.stayEnd[pos] + base;
      for (let w = 0; w < c.from.length; w++) {
        const cs = s > c.from[w] ? s : c.from[w];
        const ce = e < c.to[w] ? e : c.to[w];
        if (ce > cs) pieces.push({ cell: ix.cellOfStay(pos), start: cs - base, end: ce - base });
      }
    }
    pieces.sort((a, b) => a.cell - b.cell || a.start - b.start);
    return pieces;
  }

  /** First position in lo..hi whose start is ≥ t. */
  private lowerBound(lo: number, hi: number, t: number): number {
    const st = this.ix.stayStart;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (st[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private scanPiece(
    me: number,
    cell: number,
    ps: number,
    pe: number,
    cumulative: boolean,
    everyone: boolean,
  ): void {
    const ix = this.ix;
    const st = ix.stayStart;
    const en = ix.stayEnd;
    const subj = ix.staySubject;
    const minOverlap = this.q.minOverlap;
    const minDwell = this.q.minCellDwell;
    const dwell = this.dwell;
    const ls = ix.levelStart;
    // In contiguous mode a pair counts only if both stays last min_overlap: skip shorter pieces
    // and the duration levels that hold only shorter stays.
    if (!cumulative && pe - ps < minOverlap) return;
    const firstLevel = cumulative ? 0 : levelReaching(minOverlap);
    // Likewise a stay must start at least `need` before the piece ends and end `need` after it
    // starts: the scan window shrinks by min_overlap at both ends (by one second in cumulative mode).
    const need = cumulative ? 1 : minOverlap;
    const lastStart = pe - need;
    for (let level = firstLevel; level < LEVELS; level++) {
      const b = cell * LEVELS + level;
      const hi = ls[b + 1];
      if (ls[b] === hi) continue;
      const reach = level < LEVELS - 1 ? 2 ** (level + 1) - 1 : ix.cellMaxDur[cell];
      for (let k = this.lowerBound(ls[b], hi, ps + need - reach); k < hi; k++) {
        const s = st[k];
        if (s > lastStart) break;
        const e = en[k];
        const os = s > ps ? s : ps;
        const oe = e < pe ? e : pe;
        const o = oe - os;
        if (o <= 0) continue;
        const who = subj[k];
        if (who === me || (!everyone && dwell[who] < minDwell)) continue;
        if (cumulative) {
          if (this.sum[who] === 0) {
            this.cellTouched = push(this.cellTouched, this.nCellTouched++, who);
            this.sumStart[who] = os;
            this.sumEnd[who] = oe;
          } else {
            if (os < this.sumStart[who]) this.sumStart[who] = os;
            if (oe > this.sumEnd[who]) this.sumEnd[who] = oe;
          }
          this.sum[who] += o;
        } else if (o >= minOverlap) this.offer(who, o, os, oe, cell);
      }
    }
  }

  /** Adds a candidate; the emit keeps a subject's best. */
  private offer(who: number, o: number, os: number, oe: number, cell: number): void {
    const n = this.nCand++;
    if (n === this.candWho.length) {
      this.candWho = grown(this.candWho, n * 2);
      this.cand = grown(this.cand, n * 8);
    }
    this.candWho[n] = who;
    const c = this.cand;
    const at = n * 4;
    c[at] = o;
    c[at + 1] = os;
    c[at + 2] = oe;
    c[at + 3] = cell;
  }

  private closeCumulativeCell(cell: number): void {
    const minOverlap = this.q.minOverlap;
    for (let k = 0; k < this.nCellTouched; k++) {
      const who = this.cellTouched[k];
      const total = this.sum[who];
      if (total >= minOverlap) this.offer(who, total, this.sumStart[who], this.sumEnd[who], cell);
      this.sum[who] = 0;
    }
    this.nCellTouched = 0;
  }

  /** The case's own dwell in a cell: its unclipped stays there within [lo, hi]. */
  private caseDwell(me: number, cell: number, lo: number, hi: number): number {
    const ix = this.ix;
    let total = 0;
    for (let k = ix.subjStart[me]; k < ix.subjStart[me + 1]; k++) {
      const pos = ix.subjStays[k];
      if (pos < ix.cellFirst(cell) || pos >= ix.cellEnd(cell)) continue;
      total += intersect(ix.stayStart[pos], ix.stayEnd[pos], lo, hi);
    }
    return total;
  }

  /** Every subject's dwell in a cell within [lo, hi], into `dwell`. */
  private subjectDwell(cell: number, lo: number, hi: number): void {
    const ix = this.ix;
    const ls = ix.levelStart;
    for (let level = 0; level < LEVELS; level++) {
      const b = cell * LEVELS + level;
      const end = ls[b + 1];
      const reach = level < LEVELS - 1 ? 2 ** (level + 1) - 1 : ix.cellMaxDur[cell];
      for (let k = this.lowerBound(ls[b], end, lo - reach); k < end; k++) {
        const s = ix.stayStart[k];
        if (s >= hi) break;
        const d = intersect(s, ix.stayEnd[k], lo, hi);
        if (d <= 0) continue;
        const who = ix.staySubject[k];
        if (this.dwell[who] === 0) this.dwellTouched = push(this.dwellTouched, this.nDwellTouched++, who);
        this.dwell[who] += d;
      }
    }
  }

  private clearDwell(): void {
    for (let k = 0; k < this.nDwellTouched; k++) this.dwell[this.dwellTouched[k]] = 0;
    this.nDwellTouched = 0;
  }

  /**
   * One row per subject among the candidates, in subject order: of a subject's candidates the
   * larger overlap wins, then the earlier start, then the smaller cell label; on a full tie the
   * first to arrive (the sort is stable).
   */
  private emit(caseIndex: number, base: number, out: RowBlocks): void {
    const n = this.nCand;
    if (n === 0) return;
    const who = this.candWho;
    const c = this.cand;
    const order = this.sorter.sort(who, n);
    let i = 0;
    while (i < n) {
      let at = order[i] * 4;
      const s = who[order[i]];
      for (i++; i < n && who[order[i]] === s; i++) {
        const k = order[i] * 4;
        const o = c[k];
        const b = c[at];
        if (
          o > b ||
          (o === b &&
            (c[k + 1] < c[at + 1] ||
              (c[k + 1] === c[at + 1] &&
                compareUtf8(this.ix.cellLabel(c[k + 3]), this.ix.cellLabel(c[at + 3])) < 0)))
        )
          at = k;
      }
      out.push(caseIndex, s, c[at + 3], c[at + 1] + base, c[at + 2] + base, c[at]);
    }
    this.nCand = 0;
  }
}

/** Below this many candidates an insertion sort beats the radix passes' fixed cost. */
const SMALL_SORT = 64;

/**
 * Stable sort of candidate numbers by subject id: least-significant-digit radix passes of at most
 * 11 bits, as many as the largest id needs (two for a million subjects). Scratch is reused.
 */
class SubjectSort {
  private readonly shifts: number[] = [];
  private readonly mask: number;
  private readonly count: Uint32Array;
  private a: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private b: Uint32Array<ArrayBuffer> = new Uint32Array(1024);

  constructor(subjects: number) {
    const bits = Math.max(1, 32 - Math.clz32(Math.max(1, subjects - 1)));
    const passes = Math.ceil(bits / 11);
    const width = Math.ceil(bits / passes);
    for (let p = 0; p < passes; p++) this.shifts.push(p * width);
    this.mask = (1 << width) - 1;
    this.count = new Uint32Array(this.mask + 2);
  }

  /** Candidate numbers 0..n−1 ordered by key[k], ties in increasing k (a view on scratch). */
  sort(key: Uint32Array, n: number): Uint32Array {
    if (this.a.length < n) {
      this.a = new Uint32Array(n * 2);
      this.b = new Uint32Array(n * 2);
    }
    let src = this.a;
    if (n < SMALL_SORT) {
      for (let i = 0; i < n; i++) {
        const v = key[i];
        let j = i;
        while (j > 0 && key[src[j - 1]] > v) {
          src[j] = src[j - 1];
          j--;
        }
        src[j] = i;
      }
      return src;
    }
    const count = this.count;
    const mask = this.mask;
    let dst = this.b;
    for (let p = 0; p < this.shifts.length; p++) {
      const shift = this.shifts[p];
      count.fill(0);
      if (p === 0) for (let i = 0; i < n; i++) count[((key[i] >>> shift) & mask) + 1]++;
      else for (let i = 0; i < n; i++) count[((key[src[i]] >>> shift) & mask) + 1]++;
      for (let d = 1; d < count.length; d++) count[d] += count[d - 1];
      if (p === 0) for (let i = 0; i < n; i++) dst[count[(key[i] >>> shift) & mask]++] = i;
      else
        for (let i = 0; i < n; i++) {
          const k = src[i];
          dst[count[(key[k] >>> shift) & mask]++] = k;
        }
      const t = src;
      src = dst;
      dst = t;
    }
    return src;
  }
}

/** Rows a block holds. */
export const ROW_BLOCK = 1 << 14;

/** An empty block of `ROW_BLOCK` rows. */
export function rowBlock(): CompanionRows {
  return {
    count: 0,
    caseIndex: new Uint32Array(ROW_BLOCK),
    subject: new Uint32Array(ROW_BLOCK),
    cell: new Uint32Array(ROW_BLOCK),
    start: new Float64Array(ROW_BLOCK),
    end: new Float64Array(ROW_BLOCK),
    overlap: new Float64Array(ROW_BLOCK),
  };
}

/** Appends rows into fixed-size blocks, so growing never copies; new blocks come from `spare` first. */
class RowBlocks {
  private blocks: CompanionRows[] = [];
  private cur: CompanionRows | null = null;

  constructor(private readonly spare: CompanionRows[]) {}

  push(caseIndex: number, subject: number, cell: number, start: number, end: number, overlap: number): void {
    let b = this.cur;
    if (b === null || b.count === ROW_BLOCK) {
      b = this.spare.pop() ?? rowBlock();
      b.count = 0;
      this.blocks.push(b);
      this.cur = b;
    }
    const r = b.count++;
    b.caseIndex[r] = caseIndex;
    b.subject[r] = subject;
    b.cell[r] = cell;
    b.start[r] = start;
    b.end[r] = end;
    b.overlap[r] = overlap;
  }

  rows(): CompanionRowSet {
    const blocks = this.blocks.map((b) => ({
      count: b.count,
      caseIndex: b.caseIndex.subarray(0, b.count),
      subject: b.subject.subarray(0, b.count),
      cell: b.cell.subarray(0, b.count),
      start: b.start.subarray(0, b.count),
      end: b.end.subarray(0, b.count),
      overlap: b.overlap.subarray(0, b.count),
    }));
    return { count: blocks.reduce((a, b) => a + b.count, 0), blocks };
  }
}

/** The lowest duration level whose stays can last `length` seconds (level L holds up to 2^(L+1) − 1). */
function levelReaching(length: number): number {
  let level = 0;
  while (level < LEVELS - 1 && 2 ** (level + 1) - 1 < length) level++;
  return level;
}

function intersect(s: number, e: number, lo: number, hi: number): number {
  const a = s > lo ? s : lo;
  const b = e < hi ? e : hi;
  return b > a ? b - a : 0;
}

function push(list: Uint32Array<ArrayBuffer>, at: number, value: number): Uint32Array<ArrayBuffer> {
  let l = list;
  if (at === l.length) l = grown(l, l.length * 2);
  l[at] = value;
  return l;
}
