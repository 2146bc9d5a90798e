/**
 * A shard's stays in typed columns (about 45 bytes a key, lists and hash included): one slot per
 * (subject, start) key, kept after a deletion (a tombstone) so that an older op replayed later
 * cannot bring the stay back. Each key holds the state of its highest op sequence (last writer
 * wins). A subject's slots are chained through `nextOfSubject`; a cell's slots are listed.
 */

const EMPTY = -1;

export class ShardStore {
  names: string[] = [];
  private nameIds = new Map<string, number>();
  /** First slot of each subject's chain (−1: none). */
  private subjHead = new Int32Array(256).fill(EMPTY);
  /** Cells of this shard: dense id by cellKey(i, j). */
  private cellIds = new Map<number, number>();
  cellI: number[] = [];
  cellJ: number[] = [];
  byCell: CellList[] = [];
  count = 0;
  positive = 0;
  subj = new Uint32Array(1024);
  cell = new Uint32Array(1024);
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  seq = new Float64Array(1024);
  private nextOfSubject = new Int32Array(1024);
  /** 1 once the slot is in its cell's list (it never leaves it; tombstones are skipped on reads). */
  private listed = new Uint8Array(1024);
  private table = new Int32Array(2048).fill(EMPTY);

  subjectId(name: string, create: boolean): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      if (!create) return EMPTY;
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
      if (id === this.subjHead.length) {
        const h = new Int32Array(id * 2).fill(EMPTY);
        h.set(this.subjHead);
        this.subjHead = h;
      }
    }
    return id;
  }

  /** Calls `f` for each slot of subject s, tombstones included. */
  eachOfSubject(s: number, f: (slot: number) => void): void {
    for (let slot = this.subjHead[s]; slot !== EMPTY; slot = this.nextOfSubject[slot]) f(slot);
  }

  /** Applies one op's state to its key unless the key already holds an equal or newer one. */
  put(subject: string, start: number, end: number, i: number, j: number, seq: number): void {
    const s = this.subjectId(subject, true);
    let slot = this.find(s, start);
    if (slot === EMPTY) slot = this.create(s, start, i, j);
    else if (seq <= this.seq[slot]) return;
    else if (this.end[slot] > this.start[slot]) this.positive--;
    this.end[slot] = end;
    this.seq[slot] = seq;
    if (end > start) {
      this.positive++;
      const list = this.byCell[this.cell[slot]];
      if (this.listed[slot] === 0) {
        this.listed[slot] = 1;
        list.add(slot, this.start);
      }
      if (end - start > list.maxDur) list.maxDur = end - start;
    }
  }

  private hash(s: number, start: number): number {
    const lo = (start % 4294967296) | 0;
    const hi = Math.floor(start / 4294967296) | 0;
    let h = Math.imul(s, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77) ^ Math.imul(hi, 0xc2b2ae3d);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) >>> 0;
  }

  find(s: number, start: number): number {
    const mask = this.table.length - 1;
    for (let at = this.hash(s, start) & mask; ; at = (at + 1) & mask) {
      const slot = this.table[at];
      if (slot === EMPTY) return EMPTY;
      if (this.subj[slot] === s && this.start[slot] === start) return slot;
    }
  }

  private create(s: number, start: number, i: number, j: number): number {
    const slot = this.count++;
    if (slot === this.subj.length) this.grow();
    this.subj[slot] = s;
    this.start[slot] = start;
    this.end[slot] = start;
    this.seq[slot] = Number.NEGATIVE_INFINITY;
    let c = this.cellIds.get(cellKey(i, j));
    if (c === undefined) {
      c = this.byCell.length;
      this.cellIds.set(cellKey(i, j), c);
      this.byCell.push(new CellList());
      this.cellI.push(i);
      this.cellJ.push(j);
    }
    this.cell[slot] = c;
    this.nextOfSubject[slot] = this.subjHead[s];
    this.subjHead[s] = slot;
    // Linear probing up to 3/4 full.
    if (this.count * 4 > this.table.length * 3) this.rehash();
    else this.place(slot);
    return slot;
  }

  private place(slot: number): void {
    const mask = this.table.length - 1;
    let at = this.hash(this.subj[slot], this.start[slot]) & mask;
    while (this.table[at] !== EMPTY) at = (at + 1) & mask;
    this.table[at] = slot;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    for (let slot = 0; slot < this.count; slot++) this.place(slot);
  }

  private grow(): void {
    const cap = Math.ceil(this.subj.length * 1.5);
    this.subj = grown(this.subj, cap);
    this.cell = grown(this.cell, cap);
    this.start = grown(this.start, cap);
    this.end = grown(this.end, cap);
    this.seq = grown(this.seq, cap);
    this.nextOfSubject = grown(this.nextOfSubject, cap);
    this.listed = grown(this.listed, cap);
  }

  /** The cell id of (i, j), or −1 when this shard holds nothing there. */
  cellId(i: number, j: number): number {
    return this.cellIds.get(cellKey(i, j)) ?? EMPTY;
  }

  /** Calls `f` for each positive stay of cell c that may intersect [lo, hi) (start < hi, start > lo − longest). */
  scanCell(c: number, lo: number, hi: number, f: (slot: number) => void): void {
    const list = this.byCell[c];
    const slots = list.slots;
    const n = list.n;
    let a = 0;
    let b = n;
    const from = lo - list.maxDur;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.start[slots[mid]] < from) a = mid + 1;
      else b = mid;
    }
    for (let k = a; k < n; k++) {
      const slot = slots[k];
      if (this.start[slot] >= hi) break;
      if (this.end[slot] > this.start[slot]) f(slot);
    }
  }
}

/**
 * A cell's slots, kept sorted by start: stays arrive nearly in start order, so a late one is
 * placed by a binary search and a short move — queries never sort.
 */
export class CellList {
  slots: Uint32Array<ArrayBuffer> = new Uint32Array(4);
  n = 0;
  /** Longest stay ever held (an upper bound: ends may shrink). */
  maxDur = 0;

  add(slot: number, starts: Float64Array): void {
    const n = this.n;
    if (n === this.slots.length) this.slots = grown(this.slots, Math.ceil(n * 1.5) + 4);
    const t = starts[slot];
    let at = n;
    if (n > 0 && starts[this.slots[n - 1]] > t) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[this.slots[mid]] <= t) lo = mid + 1;
        else hi = mid;
      }
      at = lo;
      this.slots.copyWithin(at + 1, at, n);
    }
    this.slots[at] = slot;
    this.n = n + 1;
  }
}

function grown<
  T extends
    | Uint32Array<ArrayBuffer>
    | Int32Array<ArrayBuffer>
    | Float64Array<ArrayBuffer>
    | Uint8Array<ArrayBuffer>,
>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** Cell (i, j) as one exact number: |i|, |j| < 2^26 for any cell of at least 1 m on Earth. */
export function cellKey(i: number, j: number): number {
  return i * 134217728 + j;
}
