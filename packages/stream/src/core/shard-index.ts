/**
 * One shard's part of the index: stays keyed by (subject, start), the highest op sequence winning
 * (so redelivered and replayed ops are harmless), with per-cell lists for the candidates of a
 * query and per-subject lists for the cases. Answers the fan-out's binary requests.
 *
 * Retention: every stay of the retained pings starts at a retained ping, so `prune(cutoff)` drops
 * every key starting before the cutoff — positive stays and tombstones alike — and later ops for
 * such keys are ignored: a replayed old op can never bring one back.
 */
import { Reader, readMagic, Writer } from './byte-io.js';
import { type CellProbe, decodeRequest, encodeErrorAnswer, encodeStaysAnswer } from './query-wire.js';
import { ShardStore } from './shard-store.js';
import type { StayOp, StayRecord } from './types.js';
import { StreamWireError } from './wire-error.js';

const SNAP_MAGIC = 0x31535852; // "RXS1"
const SNAP_VERSION = 2;

export class ShardIndex {
  private store = new ShardStore();
  private covered = 0;
  private cut = Number.NEGATIVE_INFINITY;

  /** The retention cutoff in force (epoch seconds; −Infinity before any prune). */
  get cutoff(): number {
    return this.cut;
  }

  /** The highest STAYS message sequence applied. */
  get coveredSeq(): number {
    return this.covered;
  }

  /** Positive stays held. */
  get stays(): number {
    return this.store.positive;
  }

  /** Keys held, tombstones included. */
  get keys(): number {
    return this.store.count;
  }

  apply(ops: readonly StayOp[], streamSeq: number): void {
    const cut = this.cut;
    for (const o of ops) if (o.start >= cut) this.store.put(o.subject, o.start, o.end, o.i, o.j, o.seq);
    if (streamSeq > this.covered) this.covered = streamSeq;
  }

  /**
   * Drops every key (stay or tombstone) starting before `cutoff` (epoch seconds; a cutoff not above
   * the current one changes nothing). Returns the keys dropped.
   */
  prune(cutoff: number): number {
    if (!(cutoff > this.cut)) return 0;
    this.cut = cutoff;
    const old = this.store;
    let dropped = 0;
    for (let slot = 0; slot < old.count; slot++) if (old.start[slot] < cutoff) dropped++;
    if (dropped === 0) return 0;
    // Rebuilt rather than deleted in place: the cell lists, subject chains and hash table stay simple.
    const kept = new ShardStore();
    for (let slot = 0; slot < old.count; slot++) {
      const start = old.start[slot];
      if (start < cutoff) continue;
      const c = old.cell[slot];
      kept.put(old.names[old.subj[slot]], start, old.end[slot], old.cellI[c], old.cellJ[c], old.seq[slot]);
    }
    this.store = kept;
    return dropped;
  }

  /** Bytes in, bytes out: a malformed request gets an error answer, never an exception. */
  answer(request: Uint8Array): Uint8Array {
    try {
      const req = decodeRequest(request);
      const slots = new Set<number>();
      if (req.kind === 'subjects') {
        for (const name of req.subjects) {
          const s = this.store.subjectId(name, false);
          if (s >= 0) this.store.eachOfSubject(s, (slot) => slots.add(slot));
        }
      } else for (const p of req.probes) this.probe(p, slots);
      return encodeStaysAnswer(this.records(slots));
    } catch (e) {
      return encodeErrorAnswer(e instanceof StreamWireError ? e.reason : String(e));
    }
  }

  /** Stays overlapping the probe's pieces enough, and those subjects' stays in its dwell window. */
  private probe(p: CellProbe, out: Set<number>): void {
    const st = this.store;
    const c = st.cellId(p.i, p.j);
    if (c < 0) return;
    const found = new Set<number>();
    for (let k = 0; k < p.pieces.length; k += 2) {
      const ps = p.pieces[k];
      const pe = p.pieces[k + 1];
      if (pe - ps < p.need || pe <= ps) continue;
      st.scanCell(c, ps, pe, (slot) => {
        const o = Math.min(st.end[slot], pe) - Math.max(st.start[slot], ps);
        if (o > 0 && o >= p.need) {
          out.add(slot);
          found.add(st.subj[slot]);
        }
      });
    }
    if (p.dwell === null || found.size === 0) return;
    const [lo, hi] = p.dwell;
    st.scanCell(c, lo, hi, (slot) => {
      if (found.has(st.subj[slot]) && Math.min(st.end[slot], hi) > Math.max(st.start[slot], lo))
        out.add(slot);
    });
  }

  private records(slots: Set<number>): StayRecord[] {
    const st = this.store;
    const out: StayRecord[] = [];
    for (const slot of slots) {
      const start = st.start[slot];
      const end = st.end[slot];
      if (end <= start) continue;
      const c = st.cell[slot];
      out.push({ subject: st.names[st.subj[slot]], start, end, i: st.cellI[c], j: st.cellJ[c] });
    }
    return out;
  }

  /** Binary state with the covered STAYS sequence (tombstones included). */
  snapshot(): Uint8Array {
    const st = this.store;
    const w = new Writer(64 + st.count * 36 + st.names.length * 24);
    w.u32(SNAP_MAGIC);
    w.u8(SNAP_VERSION);
    w.f64(this.covered);
    w.f64(this.cut);
    w.u32(st.names.length);
    for (const s of st.names) w.str(s);
    w.u32(st.count);
    for (let slot = 0; slot < st.count; slot++) {
      const c = st.cell[slot];
      w.u32(st.subj[slot]);
      w.f64(st.start[slot]);
      w.f64(st.end[slot]);
      w.i32(st.cellI[c]);
      w.i32(st.cellJ[c]);
      w.f64(st.seq[slot]);
    }
    return w.done();
  }

  /** A shard from `snapshot()` bytes; throws StreamWireError on bad bytes. */
  static restore(bytes: Uint8Array): ShardIndex {
    const r = new Reader(bytes);
    readMagic(r, SNAP_MAGIC, SNAP_VERSION, 'shard snapshot');
    const x = new ShardIndex();
    x.covered = r.f64('covered sequence');
    x.cut = r.f64('cutoff');
    const n = r.count(4, 'subjects');
    const names: string[] = [];
    for (let k = 0; k < n; k++) names.push(r.str('subject'));
    const count = r.count(36, 'stays');
    for (let k = 0; k < count; k++) {
      const name = names[r.u32('stay subject')];
      if (name === undefined) throw new StreamWireError('stay subject out of range');
      const start = r.f64('start');
      const end = r.f64('end');
      const i = r.i32('i');
      const j = r.i32('j');
      x.store.put(name, start, end, i, j, r.f64('seq'));
    }
    r.end('shard snapshot');
    return x;
  }
}
