/**
 * Interns subjects straight from bytes: one id per distinct byte string, in order of first
 * appearance, with no JS string made per ping. A hash slot is 16 bytes: the subject's first 12 bytes
 * and its id. A subject of up to 11 bytes (a phone number) is held whole in the slot, its length in
 * the slot's last byte, so it is found with no other memory touched; a longer one (a 64-hex
 * pseudonym) is marked long and finishes the comparison in the byte arena. Slots this small keep the
 * table of 200,000 subjects at 4 MB, within cache, where 32-byte slots (16 MB) cost a miss a ping.
 */
import { decodeUtf8 } from './bytes.js';
import { grown } from './typed.js';

/** Subjects in byte-wise (UTF-8) order: `order[r]` is the id at position r, its name packed. */
export interface SubjectNames {
  order: Uint32Array;
  bytes: Uint8Array;
  offsets: Uint32Array;
}

const INLINE = 12;
const LONG = 0x80000000;

export class SubjectDict {
  size = 0;
  bytes = new Uint8Array(1 << 16);
  /** offsets[id]..offsets[id + 1] are the bytes of subject id. */
  offsets = new Uint32Array(1 << 12);
  /** 4 words a slot: 3 words of leading bytes, then (id + 1) | LONG for a long subject; 0 = empty. */
  private table = new Int32Array((1 << 14) * 4);
  private mask = (1 << 14) - 1;
  /** Each subject's hash, so that growing the table moves slots without hashing again. */
  private hashes = new Int32Array(1 << 12);
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;

  intern(b: Uint8Array, s: number, e: number): number {
    const h = this.hash(b, s, e);
    const long = e - s >= INLINE;
    const table = this.table;
    const mask = this.mask;
    const { w0, w1, w2 } = this;
    let slot = h & mask;
    for (;;) {
      const at = slot << 2;
      const meta = table[at + 3];
      if (meta === 0) break;
      if (table[at] === w0 && table[at + 1] === w1 && table[at + 2] === w2) {
        if (!long && meta > 0) return meta - 1;
        if (long && meta < 0 && this.tailEquals((meta & ~LONG) - 1, b, s, e)) return (meta & ~LONG) - 1;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(b, s, e, slot, long, h);
  }

  /**
   * Hash of b[s..e); leaves its key words in w0..w2 (the first 12 bytes, little-endian; a subject
   * shorter than 12 bytes has its length + 1 in the last byte, so the words are the whole subject).
   */
  private hash(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    const head = len < INLINE ? len : INLINE;
    let k = 0;
    for (; k < head && k < 4; k++) w0 |= b[s + k] << (k << 3);
    for (; k < head && k < 8; k++) w1 |= b[s + k] << ((k - 4) << 3);
    for (; k < head; k++) w2 |= b[s + k] << ((k - 8) << 3);
    if (len < INLINE) w2 |= (len + 1) << 24;
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    // Murmur3-style mixing of the key words, then FNV-1a over any tail.
    let h = len ^ 0x9747b28c;
    h = mix(h, w0);
    h = mix(h, w1);
    h = mix(h, w2);
    for (let i = s + INLINE; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** Whether subject id (a long one) is b[s..e): its length and its bytes after the first 12. */
  private tailEquals(id: number, b: Uint8Array, s: number, e: number): boolean {
    const o = this.offsets[id];
    if (this.offsets[id + 1] - o !== e - s) return false;
    for (let k = INLINE; k < e - s; k++) if (this.bytes[o + k] !== b[s + k]) return false;
    return true;
  }

  private insert(b: Uint8Array, s: number, e: number, slot: number, long: boolean, h: number): number {
    const id = this.size++;
    if (id + 2 > this.offsets.length) {
      this.offsets = grown(this.offsets, this.offsets.length * 2);
      this.hashes = grown(this.hashes, this.offsets.length);
    }
    const o = this.offsets[id];
    const end = o + (e - s);
    if (end > this.bytes.length) {
      const next = new Uint8Array(Math.max(end, this.bytes.length * 2));
      next.set(this.bytes);
      this.bytes = next;
    }
    const bytes = this.bytes;
    for (let i = s; i < e; i++) bytes[o + i - s] = b[i];
    this.offsets[id + 1] = end;
    this.hashes[id] = h;
    this.place(slot, id, long);
    // At most 80 % full: probes stay short and the table small.
    if (this.size * 5 > (this.mask + 1) * 4) this.rehash();
    return id;
  }

  /** Writes the key words (w0..w2) and id into a slot. */
  private place(slot: number, id: number, long: boolean): void {
    const at = slot << 2;
    const t = this.table;
    t[at] = this.w0;
    t[at + 1] = this.w1;
    t[at + 2] = this.w2;
    t[at + 3] = (id + 1) | (long ? LONG : 0);
  }

  /** Twice the slots; each slot moves whole to where its subject's hash puts it. */
  private rehash(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * 4);
    const mask = slots - 1;
    for (let at = 0; at < old.length; at += 4) {
      const meta = old[at + 3];
      if (meta === 0) continue;
      let slot = this.hashes[(meta & ~LONG) - 1] & mask;
      while (table[(slot << 2) + 3] !== 0) slot = (slot + 1) & mask;
      const to = slot << 2;
      table[to] = old[at];
      table[to + 1] = old[at + 1];
      table[to + 2] = old[at + 2];
      table[to + 3] = meta;
    }
    this.table = table;
    this.mask = mask;
  }

  text(id: number): string {
    return decodeUtf8(this.bytes.subarray(this.offsets[id], this.offsets[id + 1]));
  }

  /**
   * order[r] = the id of the subject at position r in byte-wise (UTF-8) order. Sorted on the bytes
   * themselves (no JS strings), most significant byte first: a counting sort of a range of ids on
   * their byte at one depth (an ended subject first, so a prefix comes first), then each bucket on
   * the next byte, small buckets by insertion.
   *
   * `earlier`: this dictionary's byte order taken before its last subjects were added (a reader
   * sorts its own subjects while another reader finishes; those the other brings are added after).
   * Only the subjects added since are sorted here, then merged in.
   */
  byteOrder(earlier?: SubjectNames): SubjectNames {
    const n = this.size;
    const n0 = earlier ? earlier.order.length : 0;
    if (earlier && n0 === n) return earlier;
    const added = new Uint32Array(n - n0);
    for (let k = 0; k < added.length; k++) added[k] = n0 + k;
    this.sortIds(added);
    return this.names(earlier ? this.merge(earlier.order, added) : added);
  }

  /** Sorts the ids in `order` into byte-wise order of their subjects, in place. */
  private sortIds(order: Uint32Array): void {
    const n = order.length;
    const held = new Uint32Array(n);
    const count = new Uint32Array(BYTE_BUCKETS + 1);
    const offs = this.offsets;
    const src = this.bytes;
    // Ranges still to sort: [lo, hi, depth] triples.
    const todo: number[] = [0, n, 0];
    while (todo.length > 0) {
      const depth = todo.pop() as number;
      const hi = todo.pop() as number;
      const lo = todo.pop() as number;
      if (hi - lo <= 32) {
        this.insertionSort(order, lo, hi, depth);
        continue;
      }
      count.fill(0);
      for (let i = lo; i < hi; i++) count[byteAt(src, offs, order[i], depth) + 1]++;
      for (let c = 0; c < BYTE_BUCKETS; c++) count[c + 1] += count[c];
      for (let i = lo; i < hi; i++) held[lo + count[byteAt(src, offs, order[i], depth)]++] = order[i];
      order.set(held.subarray(lo, hi), lo);
      // count[c] is now where bucket c + 1 starts; bucket 0 (ended here) needs no more sorting.
      for (let c = 1; c < BYTE_BUCKETS; c++) {
        const from = lo + count[c - 1];
        const to = lo + count[c];
        if (to - from > 1) todo.push(from, to, depth + 1);
      }
    }
  }

  /** Two id lists, each in byte order, as one (subjects are distinct: no ties). */
  private merge(a: Uint32Array, b: Uint32Array): Uint32Array {
    const out = new Uint32Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) out[k++] = this.compareFrom(a[i], b[j], 0) < 0 ? a[i++] : b[j++];
    while (i < a.length) out[k++] = a[i++];
    while (j < b.length) out[k++] = b[j++];
    return out;
  }

  /** The UTF-8 names of the subjects in `order`, packed. */
  private names(order: Uint32Array): SubjectNames {
    const n = order.length;
    const offs = this.offsets;
    const src = this.bytes;
    const offsets = new Uint32Array(n + 1);
    const bytes = new Uint8Array(offs[this.size]);
    let at = 0;
    for (let r = 0; r < n; r++) {
      const id = order[r];
      for (let k = offs[id], e = offs[id + 1]; k < e; k++) bytes[at++] = src[k];
      offsets[r + 1] = at;
    }
    return { order, bytes, offsets };
  }

  /** Sorts order[lo..hi), whose subjects agree before byte `from`, byte-wise. */
  private insertionSort(order: Uint32Array, lo: number, hi: number, from: number): void {
    for (let i = lo + 1; i < hi; i++) {
      const id = order[i];
      let j = i - 1;
      while (j >= lo && this.compareFrom(order[j], id, from) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = id;
    }
  }

  /** Byte-wise comparison of subjects a and b from byte `from` on (a shorter prefix first). */
  private compareFrom(a: number, b: number, from: number): number {
    const src = this.bytes;
    const sa = this.offsets[a];
    const sb = this.offsets[b];
    const la = this.offsets[a + 1] - sa;
    const lb = this.offsets[b + 1] - sb;
    const m = la < lb ? la : lb;
    for (let k = from; k < m; k++) {
      const d = src[sa + k] - src[sb + k];
      if (d !== 0) return d;
    }
    return la - lb;
  }
}

/** Buckets of a byte-wise counting sort: 0 for a subject that has ended, byte + 1 otherwise. */
const BYTE_BUCKETS = 257;

function byteAt(bytes: Uint8Array, offsets: Uint32Array, id: number, depth: number): number {
  const at = offsets[id] + depth;
  return at < offsets[id + 1] ? bytes[at] + 1 : 0;
}

function mix(h: number, w: number): number {
  const x = h ^ Math.imul(rotl(Math.imul(w, 0xcc9e2d51), 15), 0x1b873593);
  return Math.imul(rotl(x, 13), 5) + 0xe6546b64;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}
