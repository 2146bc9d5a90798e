/**
 * One subject's kept pings (instant, cell id), sorted by instant, in typed arrays (12 bytes a
 * ping), and the stay changes not yet drained. Stays are never stored: a stay starts at ping k
 * when k = 0, the gap from ping k − 1 exceeds max_gap or the cell differs (contract "Presence and
 * stays"), so they are read off the pings around any point.
 */

/** A stay key's change since the last drain; `end === start` means "no positive stay". */
export interface PendingChange {
  cell: number;
  /** End at the last drain. */
  orig: number;
  end: number;
  /** Stream sequence of the latest change. */
  seq: number;
}

interface StayAt {
  first: number;
  start: number;
  end: number;
  cell: number;
}

export class SubjectPings {
  ts: Float64Array<ArrayBuffer>;
  cell: Uint32Array<ArrayBuffer>;
  n = 0;
  /** Index of the first ping of the stay holding the last ping (the open stay). */
  lastFirst = 0;
  /**
   * Duplicates seen at each held ping (made only once the subject has one): a pruned ping takes
   * its duplicates with it, so the counts stay those of the batch engine on the retained pings.
   */
  dups: Uint32Array<ArrayBuffer> | null = null;
  // Pending changes: the first inline (in order, only the open stay changes between drains),
  // the rest in a map made only when needed — no allocation per ping on the fast path.
  private hasFirst = false;
  private fStart = 0;
  private fCell = 0;
  private fOrig = 0;
  private fEnd = 0;
  private fSeq = 0;
  private more: Map<number, PendingChange> | null = null;

  constructor(
    readonly name: string,
    capacity = 4,
  ) {
    this.ts = new Float64Array(capacity);
    this.cell = new Uint32Array(capacity);
  }

  /**
   * Adds a ping: 'dup' for an instant already held (the first arrival is kept), 'dirty' when the
   * subject went from no pending change to some (the caller lists it), 'ok' otherwise.
   */
  add(t: number, c: number, seq: number, maxGap: number): 'dup' | 'dirty' | 'ok' {
    const n = this.n;
    const had = this.hasFirst;
    if (n === 0 || t > this.ts[n - 1]) {
      // Fast path, in instant order: only the open stay can change.
      if (n > 0) {
        const tl = this.ts[n - 1];
        if (t - tl <= maxGap) {
          const f = this.lastFirst;
          this.change(this.ts[f], this.cell[f], tl, t, seq);
          if (c !== this.cell[n - 1]) this.lastFirst = n;
        } else this.lastFirst = n;
      }
      this.insert(n, t, c);
    } else {
      const k = this.lowerBound(t);
      if (this.ts[k] === t) {
        if (this.dups === null) this.dups = new Uint32Array(this.ts.length);
        this.dups[k]++;
        return 'dup';
      }
      this.insertBefore(k, t, c, seq, maxGap);
    }
    return !had && this.hasFirst ? 'dirty' : 'ok';
  }

  /** Out of order: recompute the stays around position k before and after, and record the diff. */
  private insertBefore(k: number, t: number, c: number, seq: number, maxGap: number): void {
    const before = new Map<number, StayAt>();
    if (k > 0) this.keep(before, this.stayAt(k - 1, maxGap));
    this.keep(before, this.stayAt(k, maxGap));
    this.insert(k, t, c);
    const after = new Map<number, StayAt>();
    for (let p = Math.max(0, k - 1); p <= k + 1 && p < this.n; p++) this.keep(after, this.stayAt(p, maxGap));
    for (const [start, s] of before) this.change(start, s.cell, s.end, after.get(start)?.end ?? start, seq);
    for (const [start, s] of after) if (!before.has(start)) this.change(start, s.cell, start, s.end, seq);
    this.lastFirst = this.stayAt(this.n - 1, maxGap).first;
  }

  private keep(m: Map<number, StayAt>, s: StayAt): void {
    m.set(s.start, s);
  }

  private startsStay(k: number, maxGap: number): boolean {
    return k === 0 || this.ts[k] - this.ts[k - 1] > maxGap || this.cell[k] !== this.cell[k - 1];
  }

  /** The stay holding ping p. */
  private stayAt(p: number, maxGap: number): StayAt {
    let first = p;
    while (!this.startsStay(first, maxGap)) first--;
    let last = p;
    while (last + 1 < this.n && !this.startsStay(last + 1, maxGap)) last++;
    const covered = last + 1 < this.n && this.ts[last + 1] - this.ts[last] <= maxGap;
    const end = covered ? this.ts[last + 1] : this.ts[last];
    return { first, start: this.ts[first], end, cell: this.cell[first] };
  }

  private change(start: number, cell: number, oldEnd: number, newEnd: number, seq: number): void {
    if (oldEnd === newEnd) return;
    if (this.hasFirst && this.fStart === start) {
      this.fEnd = newEnd;
      this.fSeq = seq;
    } else if (!this.hasFirst) this.setPending(start, { cell, orig: oldEnd, end: newEnd, seq });
    else {
      const p = this.more?.get(start);
      if (p === undefined) this.setPending(start, { cell, orig: oldEnd, end: newEnd, seq });
      else {
        p.end = newEnd;
        p.seq = seq;
      }
    }
  }

  /** Records a pending change of a key not pending yet. */
  setPending(start: number, p: PendingChange): void {
    if (!this.hasFirst) {
      this.hasFirst = true;
      this.fStart = start;
      this.fCell = p.cell;
      this.fOrig = p.orig;
      this.fEnd = p.end;
      this.fSeq = p.seq;
    } else {
      if (this.more === null) this.more = new Map();
      this.more.set(start, p);
    }
  }

  get pendingCount(): number {
    return this.hasFirst ? 1 + (this.more?.size ?? 0) : 0;
  }

  /** Calls `f` for each pending change, then forgets them all when `clear`. */
  eachPending(f: (start: number, p: PendingChange) => void, clear: boolean): void {
    if (this.hasFirst) f(this.fStart, { cell: this.fCell, orig: this.fOrig, end: this.fEnd, seq: this.fSeq });
    if (this.more !== null) for (const [start, p] of this.more) f(start, p);
    if (clear) {
      this.hasFirst = false;
      this.more = null;
    }
  }

  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ts[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Drops every ping before `cutoff` (retention) and records the stay changes as if the subject's
   * pings had started at the first retained one: each stay starting before the cutoff goes (end
   * = start), and the first retained ping, when it was inside such a stay, now starts its own with
   * the same end and cell. Later stays are unchanged (a stay start depends only on the ping before
   * it). Returns the pings removed and their duplicates.
   */
  prune(cutoff: number, seq: number, maxGap: number): { pings: number; duplicates: number } {
    const k0 = this.lowerBound(cutoff);
    if (k0 === 0) return { pings: 0, duplicates: 0 };
    const n = this.n;
    let first = 0;
    while (first < k0) {
      let last = first;
      while (last + 1 < n && !this.startsStay(last + 1, maxGap)) last++;
      const covered = last + 1 < n && this.ts[last + 1] - this.ts[last] <= maxGap;
      const end = covered ? this.ts[last + 1] : this.ts[last];
      const start = this.ts[first];
      this.change(start, this.cell[first], end, start, seq);
      if (last >= k0) {
        // The stay ran past the cutoff: its retained part is a new key at the first retained ping.
        const t0 = this.ts[k0];
        this.change(t0, this.cell[k0], t0, end, seq);
      }
      first = last + 1;
    }
    let duplicates = 0;
    const dups = this.dups;
    if (dups !== null) {
      for (let k = 0; k < k0; k++) duplicates += dups[k];
      dups.copyWithin(0, k0, n);
      dups.fill(0, n - k0, n);
    }
    this.ts.copyWithin(0, k0, n);
    this.cell.copyWithin(0, k0, n);
    this.n = n - k0;
    this.lastFirst = Math.max(0, this.lastFirst - k0);
    return { pings: k0, duplicates };
  }

  private insert(k: number, t: number, c: number): void {
    const n = this.n;
    if (n === this.ts.length) {
      // Doubling: few reallocations (each typed array costs the GC), ≤ 2× room.
      const cap = Math.max(8, n * 2);
      const ts = new Float64Array(cap);
      ts.set(this.ts);
      this.ts = ts;
      const cell = new Uint32Array(cap);
      cell.set(this.cell);
      this.cell = cell;
      if (this.dups !== null) {
        const dups = new Uint32Array(cap);
        dups.set(this.dups);
        this.dups = dups;
      }
    }
    if (k < n) {
      this.ts.copyWithin(k + 1, k, n);
      this.cell.copyWithin(k + 1, k, n);
      this.dups?.copyWithin(k + 1, k, n);
    }
    if (this.dups !== null) this.dups[k] = 0;
    this.ts[k] = t;
    this.cell[k] = c;
    this.n = n + 1;
  }
}
