/**
 * Batch companion query (contract: "Companions", "Output"): for each case, only the cells its
 * clipped stays visit are touched; per-subject scratch arrays are allocated once per batch.
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

export function queryCompanions(
  index: CompanionIndex,
  cases: readonly CaseWindows[],
  q: QueryParams,
  onProgress?: QueryProgress,
): CompanionRowSet {
  const order = cases.map((_, k) => k).sort((a, b) => compareUtf8(cases[a].subject, cases[b].subject));
  const ctx = new QueryContext(index, q);
  for (let done = 0; done < order.length; done++) {
    ctx.runCase(order[done], cases[order[done]]);
    if (onProgress && (done & 63) === 63) onProgress(done + 1, order.length);
  }
  onProgress?.(order.length, order.length);
  return ctx.rows();
}

class QueryContext {
  private readonly ix: CompanionIndex;
  private readonly q: QueryParams;
  // Per-subject scratch, reset through the touched lists.
  /**
   * slotOf[subject] = 1 + the subject's slot in `best` for the current case, 0 when it has none.
   * Candidates go to dense slots in order of arrival: the one random access a candidate costs is
   * then to 4 bytes a subject (4 MB for a million phones, mostly in cache) instead of a 32-byte
   * record a subject (the larger table missed the cache on nearly every candidate).
   */
  private readonly slotOf: Int32Array;
  /** Best candidate per slot, 4 numbers a slot: overlap, start, end, cell. */
  private best: Float64Array<ArrayBuffer> = new Float64Array(1024 * 4);
  private readonly sum: Float64Array;
  private readonly sumStart: Float64Array;
  private readonly sumEnd: Float64Array;
  private readonly dwell: Float64Array;
  private touched: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private nTouched = 0;
  private cellTouched: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private nCellTouched = 0;
  private dwellTouched: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private nDwellTouched = 0;
  /** Output rows, in blocks so that growing never copies. */
  private readonly out = new RowBlocks();

  constructor(ix: CompanionIndex, q: QueryParams) {
    this.ix = ix;
    this.q = q;
    const ns = ix.subjects;
    this.slotOf = new Int32Array(ns);
    // Scratch of the clauses not in use stays empty (saves zeroing memory per subject).
    const sums = q.mode === 'cumulative' ? ns : 0;
    this.sum = new Float64Array(sums);
    this.sumStart = new Float64Array(sums);
    this.sumEnd = new Float64Array(sums);
    this.dwell = new Float64Array(q.minCellDwell > 0 ? ns : 0);
  }

  runCase(caseIndex: number, c: CaseWindows): void {
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
    this.emit(caseIndex, base);
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

  /** Keeps the better candidate: larger overlap, then earlier start, then smaller cell label. */
  private offer(who: number, o: number, os: number, oe: number, cell: number): void {
    const slot = this.slotOf[who] - 1;
    if (slot < 0) {
      const fresh = this.nTouched;
      this.touched = push(this.touched, this.nTouched++, who);
      this.slotOf[who] = fresh + 1;
      if (fresh * 4 === this.best.length) this.best = grown(this.best, this.best.length * 2);
      const best = this.best;
      const at = fresh * 4;
      best[at] = o;
      best[at + 1] = os;
      best[at + 2] = oe;
      best[at + 3] = cell;
      return;
    }
    const best = this.best;
    const at = slot * 4;
    const b = best[at];
    if (
      o < b ||
      (o === b &&
        (os > best[at + 1] ||
          (os === best[at + 1] &&
            compareUtf8(this.ix.cellLabel(cell), this.ix.cellLabel(best[at + 3])) >= 0)))
    )
      return;
    best[at] = o;
    best[at + 1] = os;
    best[at + 2] = oe;
    best[at + 3] = cell;
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

  private emit(caseIndex: number, base: number): void {
    // Rows in subject order; slots are found again through slotOf (the sort loses slot order).
    const ids = this.touched.subarray(0, this.nTouched).sort();
    const best = this.best;
    for (let k = 0; k < ids.length; k++) {
      const who = ids[k];
      const at = (this.slotOf[who] - 1) * 4;
      this.out.push(caseIndex, who, best[at + 3], best[at + 1] + base, best[at + 2] + base, best[at]);
      this.slotOf[who] = 0;
    }
    this.nTouched = 0;
  }

  rows(): CompanionRowSet {
    return this.out.rows();
  }
}

const BLOCK = 1 << 16;

/** Appends rows into fixed-size blocks, so growing never copies. */
class RowBlocks {
  private blocks: CompanionRows[] = [];
  private cur: CompanionRows | null = null;

  push(caseIndex: number, subject: number, cell: number, start: number, end: number, overlap: number): void {
    let b = this.cur;
    if (b === null || b.count === BLOCK) {
      b = {
        count: 0,
        caseIndex: new Uint32Array(BLOCK),
        subject: new Uint32Array(BLOCK),
        cell: new Uint32Array(BLOCK),
        start: new Float64Array(BLOCK),
        end: new Float64Array(BLOCK),
        overlap: new Float64Array(BLOCK),
      };
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
