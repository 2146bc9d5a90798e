/**
 * One partition's stays, built incrementally and EXACTLY for any arrival order (contract
 * "Presence and stays"): every kept ping of the partition's subjects is held (12 bytes a ping in
 * per-subject typed arrays); the first ping of a (subject, instant) in arrival order wins, later
 * ones are counted duplicates — the batch engine's file order, since one subject's pings stay in
 * order in one partition. Pings in instant order extend the open stay in O(1); a late ping
 * recomputes the stays around it. `drain()` gives each key changed since the last drain once, with
 * its final state and the sequence of its latest change (even when that state is the one of the
 * previous drain).
 *
 * Retention: `prune(cutoff)` drops every ping before the cutoff, and later pings before it are
 * dropped on arrival (counted `expired`), so the stays are those of the batch engine on the
 * retained pings. An op's `seq` is the message's stream sequence plus the number of effective
 * prunes before it: a prune's changes then carry a sequence above every earlier op and below every
 * later one, as last-writer-wins shards need, and without prunes it is the stream sequence.
 */
import { Grid, type GridParams, type StayParams } from '@renxing/engine';
import { Reader, readMagic, Writer } from './byte-io.js';
import { SubjectPings } from './subject-pings.js';
import type { PingBatch, StayOp } from './types.js';
import { StreamWireError } from './wire-error.js';

const SNAP_MAGIC = 0x31425852; // "RXB1"
const SNAP_VERSION = 2;

export class StayBuilder {
  private readonly grid: Grid;
  private readonly maxGap: number;
  private readonly subjects = new Map<string, SubjectPings>();
  private dirty: SubjectPings[] = [];
  private nPings = 0;
  private nDuplicates = 0;
  private max = Number.NEGATIVE_INFINITY;
  private seq = 0;
  private cut = Number.NEGATIVE_INFINITY;
  private prunes = 0;
  private nExpired = 0;

  constructor(readonly params: GridParams & StayParams) {
    this.grid = new Grid(params);
    this.maxGap = params.maxGap;
  }

  /** Pings added, duplicates included (the batch engine's `pings`). */
  get pings(): number {
    return this.nPings;
  }

  get duplicates(): number {
    return this.nDuplicates;
  }

  /** Latest kept ping instant (−Infinity before any). */
  get maxInstant(): number {
    return this.max;
  }

  /** Sequence of the last message added. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Pings dropped by retention: pruned (with their duplicates) or arriving before the cutoff. */
  get expired(): number {
    return this.nExpired;
  }

  /** The retention cutoff in force (epoch seconds; −Infinity before any prune). */
  get cutoff(): number {
    return this.cut;
  }

  /** Prunes that dropped pings: added to the stream sequence in ops' `seq`. */
  get pruneCount(): number {
    return this.prunes;
  }

  /** Subjects held. */
  get subjectCount(): number {
    return this.subjects.size;
  }

  /** Adds one message's pings; a `seq` not above `lastSeq` is a redelivery and is ignored. */
  add(batch: PingBatch, seq: number): void {
    if (seq <= this.seq) return;
    this.seq = seq;
    const opSeq = seq + this.prunes;
    const cutoff = this.cut;
    const grid = this.grid;
    const maxGap = this.maxGap;
    let s: SubjectPings | undefined;
    for (let k = 0; k < batch.count; k++) {
      const name = batch.subject[k];
      if (s === undefined || s.name !== name) {
        s = this.subjects.get(name);
        if (s === undefined) {
          s = new SubjectPings(name);
          this.subjects.set(name, s);
        }
      }
      const t = batch.ts[k];
      if (t < cutoff) {
        this.nExpired++;
        continue;
      }
      const r = s.add(t, grid.cellOf(batch.lon[k], batch.lat[k]), opSeq, maxGap);
      this.nPings++;
      if (r === 'dup') this.nDuplicates++;
      else {
        if (t > this.max) this.max = t;
        if (r === 'dirty') this.dirty.push(s);
      }
    }
  }

  /**
   * Drops every ping with instant < `cutoff` (epoch seconds; a cutoff not above the current one
   * changes nothing) and records the stay changes for the next `drain()`: the keys of stays that
   * started before the cutoff vanish, a stay running past it restarts at its first retained ping.
   * Returns the pings dropped (duplicates included).
   */
  prune(cutoff: number): number {
    if (!(cutoff > this.cut)) return 0;
    this.cut = cutoff;
    const seq = this.seq + this.prunes + 1;
    let dropped = 0;
    for (const s of this.subjects.values()) {
      if (s.n === 0 || s.ts[0] >= cutoff) continue;
      const had = s.pendingCount > 0;
      const r = s.prune(cutoff, seq, this.maxGap);
      dropped += r.pings + r.duplicates;
      this.nPings -= r.pings + r.duplicates;
      this.nDuplicates -= r.duplicates;
      if (!had && s.pendingCount > 0) this.dirty.push(s);
      // Forgotten now, or at the drain that sends its last changes.
      if (s.n === 0 && s.pendingCount === 0) this.subjects.delete(s.name);
    }
    if (dropped > 0) this.prunes++;
    this.nExpired += dropped;
    if (this.max < cutoff) this.max = Number.NEGATIVE_INFINITY;
    return dropped;
  }

  /** Keys changed since the last drain, final state each (`end === start`: no positive stay). */
  drain(): StayOp[] {
    const ops: StayOp[] = [];
    const { cellI, cellJ } = this.grid;
    for (const s of this.dirty) {
      // A key back at its state of the last drain is sent too: a builder replaying from an older
      // snapshot may have stored a change in between, which this op (of a later sequence) overrides.
      s.eachPending((start, p) => {
        ops.push({ subject: s.name, start, end: p.end, i: cellI[p.cell], j: cellJ[p.cell], seq: p.seq });
      }, true);
      if (s.n === 0 && this.subjects.get(s.name) === s) this.subjects.delete(s.name);
    }
    this.dirty = [];
    return ops;
  }

  /** Binary state (pending changes included), to resume from `lastSeq + 1`. */
  snapshot(): Uint8Array {
    let size = 128 + this.grid.count * 8;
    for (const s of this.subjects.values()) size += 64 + s.name.length * 3 + s.n * 16 + s.pendingCount * 36;
    const w = new Writer(size);
    w.u32(SNAP_MAGIC);
    w.u8(SNAP_VERSION);
    const p = this.params;
    for (const v of [
      p.originLon,
      p.originLat,
      p.size,
      p.maxGap,
      this.seq,
      this.nPings,
      this.nDuplicates,
      this.max,
      this.cut,
      this.prunes,
      this.nExpired,
    ])
      w.f64(v);
    w.u32(this.grid.count);
    for (let c = 0; c < this.grid.count; c++) {
      w.i32(this.grid.cellI[c]);
      w.i32(this.grid.cellJ[c]);
    }
    w.u32(this.subjects.size);
    for (const s of this.subjects.values()) {
      w.str(s.name);
      w.u32(s.n);
      w.u32(s.lastFirst);
      for (let k = 0; k < s.n; k++) w.f64(s.ts[k]);
      for (let k = 0; k < s.n; k++) w.u32(s.cell[k]);
      const dups = s.dups;
      w.u8(dups === null ? 0 : 1);
      if (dups !== null) for (let k = 0; k < s.n; k++) w.u32(dups[k]);
      w.u32(s.pendingCount);
      s.eachPending((start, c) => {
        w.f64(start);
        w.u32(c.cell);
        w.f64(c.orig);
        w.f64(c.end);
        w.f64(c.seq);
      }, false);
    }
    return w.done();
  }

  /** A builder from `snapshot()` bytes; throws StreamWireError on bad bytes or other parameters. */
  static restore(bytes: Uint8Array, params: GridParams & StayParams): StayBuilder {
    const r = new Reader(bytes);
    readMagic(r, SNAP_MAGIC, SNAP_VERSION, 'stay builder snapshot');
    const [lon0, lat0, size, maxGap, seq, pings, dups, max, cut, prunes, expired] = Array.from(
      { length: 11 },
      () => r.f64('header'),
    );
    if (
      lon0 !== params.originLon ||
      lat0 !== params.originLat ||
      size !== params.size ||
      maxGap !== params.maxGap
    )
      throw new StreamWireError('snapshot built with another grid or max_gap');
    const b = new StayBuilder(params);
    b.seq = seq;
    b.nPings = pings;
    b.nDuplicates = dups;
    b.max = max;
    b.cut = cut;
    b.prunes = prunes;
    b.nExpired = expired;
    const cells = r.count(8, 'cells');
    for (let c = 0; c < cells; c++) {
      const i = r.i32('cell i');
      if (b.grid.intern(i, r.i32('cell j')) !== c) throw new StreamWireError('repeated cell');
    }
    const nSubjects = r.count(16, 'subjects');
    for (let k = 0; k < nSubjects; k++) {
      const name = r.str('subject');
      const n = r.count(12, 'pings');
      const s = new SubjectPings(name, Math.max(4, n));
      s.lastFirst = r.u32('open stay');
      for (let q = 0; q < n; q++) s.ts[q] = r.f64('ts');
      for (let q = 0; q < n; q++) {
        s.cell[q] = r.u32('cell');
        if (s.cell[q] >= cells) throw new StreamWireError('ping cell out of range');
      }
      if (r.u8('duplicates flag') === 1) {
        s.dups = new Uint32Array(s.ts.length);
        for (let q = 0; q < n; q++) s.dups[q] = r.u32('duplicates');
      }
      s.n = n;
      if (n > 0 && s.lastFirst >= n) throw new StreamWireError('open stay out of range');
      const np = r.count(36, 'pending');
      if (np > 0) b.dirty.push(s);
      for (let q = 0; q < np; q++) {
        const start = r.f64('pending start');
        const cell = r.u32('pending cell');
        s.setPending(start, {
          cell,
          orig: r.f64('pending orig'),
          end: r.f64('pending end'),
          seq: r.f64('pending seq'),
        });
      }
      b.subjects.set(name, s);
    }
    r.end('stay builder snapshot');
    return b;
  }
}
