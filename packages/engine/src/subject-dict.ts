/**
 * Interns subjects straight from bytes (FNV-1a, open addressing): one id per distinct byte string,
 * in order of first appearance, with no JS string made per ping.
 */
import { compareUtf8, decodeUtf8 } from './bytes.js';

export class SubjectDict {
  size = 0;
  bytes = new Uint8Array(1 << 16);
  /** offsets[id]..offsets[id + 1] are the bytes of subject id. */
  offsets = new Uint32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private table = new Int32Array(1 << 13).fill(-1);
  private mask = (1 << 13) - 1;

  intern(b: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    h >>>= 0;
    const table = this.table;
    const offsets = this.offsets;
    const bytes = this.bytes;
    const len = e - s;
    let slot = h & this.mask;
    for (;;) {
      const id = table[slot];
      if (id < 0) break;
      if (this.hashes[id] === h) {
        const o = offsets[id];
        if (offsets[id + 1] - o === len) {
          let k = 0;
          while (k < len && bytes[o + k] === b[s + k]) k++;
          if (k === len) return id;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    return this.insert(b, s, e, h, slot);
  }

  private insert(b: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const id = this.size++;
    if (id + 2 > this.offsets.length) {
      this.offsets = grow32(this.offsets, this.offsets.length * 2);
      this.hashes = grow32(this.hashes, this.hashes.length * 2);
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
    this.hashes[id] = h;
    this.table[slot] = id;
    if (this.size * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }

  text(id: number): string {
    return decodeUtf8(this.bytes.subarray(this.offsets[id], this.offsets[id + 1]));
  }

  /** rank[id] = position of subject id in byte-wise (UTF-8) order. */
  byteOrderRanks(): { ranks: Uint32Array; sorted: string[] } {
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
    const ranks = new Uint32Array(n);
    const sorted = new Array<string>(n);
    for (let r = 0; r < n; r++) {
      ranks[order[r]] = r;
      sorted[r] = texts[order[r]];
    }
    return { ranks, sorted };
  }
}

export function grow32<T extends Uint32Array | Int32Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}
