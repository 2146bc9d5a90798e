/**
 * Interns subjects straight from bytes: one id per distinct byte string, in order of first
 * appearance, with no JS string made per ping. Each hash slot holds the hash, the id, the length
 * and the first 16 bytes, so a typical subject (a phone number, a 16-hex pseudonym) is found with a
 * single cache miss; longer ones finish the comparison in the byte arena.
 */
import { compareUtf8, decodeUtf8 } from './bytes.js';

/** Subjects in byte-wise (UTF-8) order: `order[r]` is the id at position r, its name packed. */
export interface SubjectNames {
  order: Uint32Array;
  bytes: Uint8Array;
  offsets: Uint32Array;
}

const SLOT = 8; // words: hash, id + 1 (0 = empty), length, spare, 4 words of leading bytes
const INLINE = 16;

export class SubjectDict {
  size = 0;
  bytes = new Uint8Array(1 << 16);
  /** offsets[id]..offsets[id + 1] are the bytes of subject id. */
  offsets = new Uint32Array(1 << 12);
  private table = new Int32Array((1 << 12) * SLOT);
  private mask = (1 << 12) - 1;
  private readonly w = new Int32Array(4);

  intern(b: Uint8Array, s: number, e: number): number {
    const h = this.hash(b, s, e);
    return this.find(b, s, e, h, h & this.mask);
  }

  /** Hash of b[s..e); leaves the first 16 bytes as 4 words in `w`. */
  private hash(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const w = this.w;
    w[0] = 0;
    w[1] = 0;
    w[2] = 0;
    w[3] = 0;
    const head = len < INLINE ? len : INLINE;
    for (let k = 0; k < head; k++) w[k >> 2] |= b[s + k] << ((k & 3) << 3);
    // Murmur3-style mixing of the inline words, then FNV-1a over any tail.
    let h = len ^ 0x9747b28c;
    for (let k = 0; k < 4; k++) {
      h ^= Math.imul(rotl(Math.imul(w[k], 0xcc9e2d51), 15), 0x1b873593);
      h = Math.imul(rotl(h, 13), 5) + 0xe6546b64;
    }
    for (let i = s + INLINE; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** The id of b[s..e) with hash h (words in `w`), probing from slot; inserted when new. */
  private find(b: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const len = e - s;
    const w = this.w;
    const table = this.table;
    const mask = this.mask;
    for (;;) {
      const at = slot * SLOT;
      const id1 = table[at + 1];
      if (id1 === 0) break;
      if (
        table[at] === h &&
        table[at + 2] === len &&
        table[at + 4] === w[0] &&
        table[at + 5] === w[1] &&
        table[at + 6] === w[2] &&
        table[at + 7] === w[3] &&
        (len <= INLINE || this.tailEquals(id1 - 1, b, s, e))
      )
        return id1 - 1;
      slot = (slot + 1) & mask;
    }
    return this.insert(b, s, e, h, slot);
  }

  private tailEquals(id: number, b: Uint8Array, s: number, e: number): boolean {
    const o = this.offsets[id];
    for (let k = INLINE; k < e - s; k++) if (this.bytes[o + k] !== b[s + k]) return false;
    return true;
  }

  private insert(b: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const id = this.size++;
    if (id + 2 > this.offsets.length) {
      const next = new Uint32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    const o = this.offsets[id];
    const end = o + (e - s);
    if (end > this.bytes.length) {
      const next = new Uint8Array(Math.max(end, this.bytes.length * 2));
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes.set(b.subarray(s, e), o);
    this.offsets[id + 1] = end;
    const at = slot * SLOT;
    const t = this.table;
    t[at] = h;
    t[at + 1] = id + 1;
    t[at + 2] = e - s;
    t.set(this.w, at + 4);
    if (this.size * 4 > (this.mask + 1) * 3) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * SLOT);
    const mask = slots - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] === 0) continue;
      let slot = old[at] & mask;
      while (table[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      const to = slot * SLOT;
      for (let k = 0; k < SLOT; k++) table[to + k] = old[at + k];
    }
    this.table = table;
    this.mask = mask;
  }

  text(id: number): string {
    return decodeUtf8(this.bytes.subarray(this.offsets[id], this.offsets[id + 1]));
  }

  /** order[r] = the id of the subject at position r in byte-wise (UTF-8) order. */
  byteOrder(): SubjectNames {
    const n = this.size;
    const texts = new Array<string>(n);
    let astral = false;
    for (let id = 0; id < n; id++) {
      const t = this.text(id);
      texts[id] = t;
      if (!astral && /[\ud800-\udfff]/.test(t)) astral = true;
    }
    const order = Array.from({ length: n }, (_, k) => k);
    if (astral) order.sort((a, b) => compareUtf8(texts[a], texts[b]));
    else order.sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0));
    // The UTF-8 names in that order, packed.
    const offsets = new Uint32Array(n + 1);
    const bytes = new Uint8Array(this.offsets[n]);
    for (let r = 0; r < n; r++) {
      const id = order[r];
      const name = this.bytes.subarray(this.offsets[id], this.offsets[id + 1]);
      bytes.set(name, offsets[r]);
      offsets[r + 1] = offsets[r] + name.length;
    }
    return { order: Uint32Array.from(order), bytes, offsets };
  }
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}
