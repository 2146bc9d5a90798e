/**
 * Seeded synthetic city: phones with homes and workplaces around hotspots, a daily routine, irregular
 * pings with GPS noise, written as the pings / cases CSVs of `shared/contracts/companion-rule.md`.
 *
 * Pure computation (no Node or DOM APIs). The same options always give byte-identical output. Pings are
 * produced in time order with O(phones) memory: a per-phone "next ping second" is kept in a bucket ring,
 * and every position is recomputed from (seed, phone, day) by hashing, so nothing per ping is stored.
 */

export type { CityOptions } from './city-setup.js';
export {
  generateNetwork,
  type NetworkAsset,
  type NetworkLink,
  type NetworkOptions,
  networkCsv,
  type SyntheticNetwork,
} from './network.js';

import { City, F_NOISE, I_ID_LEN, I_NEXT, ID_SLOT, REC } from './city-model.js';
import {
  BUCKET_MASK,
  BUCKETS,
  type CityOptions,
  DAY,
  HOUR,
  hash4,
  idPermutation,
  isoBase,
  mix32,
  mulberry32,
  resolve,
  S_BAD,
  S_CASES,
  S_PING,
  subjectId,
  TZ_OFFSET,
} from './city-setup.js';

// ---------------------------------------------------------------------------------------------------------
// Public API.

/** Bytes kept free past a chunk's fill mark: a ping and its extra rows always fit. */
const ROOM = 4096;

/**
 * An ASCII byte buffer for one chunk: rows are written as bytes (no per-row strings, which made the
 * generator garbage-collection bound) and the chunk is decoded to a string once.
 */
class ChunkWriter {
  buf: Uint8Array;
  pos = 0;
  private readonly decoder: { decode(input: Uint8Array): string } | null;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
    const TD = (globalThis as { TextDecoder?: new () => { decode(input: Uint8Array): string } }).TextDecoder;
    this.decoder = TD ? new TD() : null;
  }

  grow(): void {
    const bigger = new Uint8Array(this.buf.length * 2);
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  byte(c: number): void {
    this.buf[this.pos++] = c;
  }

  ascii(s: string): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  copy(src: Uint8Array, from: number, to: number): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = from; i < to; i++) buf[pos++] = src[i];
    this.pos = pos;
  }

  /** A non-negative integer below 2^53. */
  uint(n: number): void {
    if (n > 0x7fffffff) {
      const hi = Math.floor(n / 1e9);
      this.uint(hi);
      this.digits(n - hi * 1e9, 9);
      return;
    }
    let len = 1;
    for (let t = n; t >= 10; t = (t / 10) | 0) len++;
    this.digits(n, len);
  }

  /** `n` (a non-negative int32) as exactly `len` digits, zero-padded. */
  digits(n: number, len: number): void {
    const buf = this.buf;
    const pos = this.pos;
    n |= 0;
    for (let i = len - 1; i >= 0; i--) {
      const q = (n / 10) | 0;
      buf[pos + i] = 48 + n - q * 10;
      n = q;
    }
    this.pos = pos + len;
  }

  /** `v` with exactly 6 decimals, as toFixed(6) would print it (up to rounding ties). */
  fixed6(v: number): void {
    let m = Math.round(v * 1e6);
    if (m < 0) {
      this.byte(45);
      m = -m;
    }
    const ip = Math.floor(m / 1e6);
    this.uint(ip);
    this.byte(46);
    this.digits(m - ip * 1e6, 6);
  }

  /** The bytes written so far as a string; empties the buffer. */
  take(): string {
    const n = this.pos;
    this.pos = 0;
    if (this.decoder) return this.decoder.decode(this.buf.subarray(0, n));
    let out = '';
    for (let i = 0; i < n; i += 8192) {
      out += String.fromCharCode.apply(null, Array.from(this.buf.subarray(i, Math.min(n, i + 8192))));
    }
    return out;
  }
}

/** Yields the pings CSV in chunks of roughly `chunkBytes` (default 1 MiB) as strings; first chunk starts with the header `subject,ts,lon,lat\n`. */
export function* generatePings(opts: CityOptions, chunkBytes = 1 << 20): Generator<string> {
  const o = resolve(opts);
  const city = new City(o);
  const { phones, seed, start, lon0, lat0, badRows } = o;
  const horizon = o.days * DAY;

  // Bucket ring of phones by the second of their next ping (a singly linked list per second).
  const head = new Int32Array(BUCKETS).fill(-1);
  const { pf, pi, pb } = city;
  const schedule = (p: number, t: number) => {
    const b = t & BUCKET_MASK;
    pi[p * REC + I_NEXT] = head[b];
    head[b] = p;
  };
  // Lists are LIFO; pushing in reverse makes the first second's phones come out in index order.
  for (let p = phones - 1; p >= 0; p--) {
    const t = city.firstPing(p);
    if (t < horizon) schedule(p, t);
  }

  const limit = Math.max(1, Math.floor(chunkBytes));
  const w = new ChunkWriter(Math.min(limit, 1 << 20) + ROOM);
  w.ascii('subject,ts,lon,lat\n');
  const kx = city.kx;
  const ky = city.ky;
  const badRng = mulberry32(hash4(seed, 0, S_BAD, 0));
  let rows = 0;
  let nextBad = 200;
  let badKind = 0;

  for (let s = 0; s < horizon; s++) {
    const b = s & BUCKET_MASK;
    let p = head[b];
    if (p === -1) continue;
    head[b] = -1;
    const epoch = start + s;
    const epochText = `${epoch}`;
    // The list walk is pipelined: the next phone's record is loaded one ping ahead (fewer cache stalls).
    let pNext = pi[p * REC + I_NEXT];
    while (p !== -1) {
      const at = p * REC;
      const after = pNext;
      if (after !== -1) pNext = pi[after * REC + I_NEXT];
      city.position(p, s);
      // Per-ping randomness: GPS noise (Box–Muller), instant format, duplicates.
      const h = hash4(seed, p, s, S_PING);
      const hb = mix32(h ^ 0x5bd1e995);
      const g1 = Math.sqrt(-2 * Math.log(1 - (h >>> 8) / 16777216)) * pf[at + F_NOISE];
      const g2 = 2 * Math.PI * ((hb >>> 8) / 16777216);
      const lon = lon0 + (city.px + g1 * Math.cos(g2)) / kx;
      const lat = lat0 + (city.py + g1 * Math.sin(g2)) / ky;
      const fmtRoll = h & 0xff;
      // ≈2%: local 'YYYY-MM-DD HH:MM:SS', ≈1%: UTC '...Z'; a quarter of those with a '.5' fraction.
      const tsText =
        fmtRoll < 5
          ? isoBase(epoch, TZ_OFFSET).replace('T', ' ') + ((hb & 3) === 0 ? '.5' : '')
          : fmtRoll < 8
            ? `${isoBase(epoch, 0)}${(hb & 3) === 0 ? '.5' : ''}Z`
            : epochText;
      const id0 = (at + ID_SLOT) * 4;
      const id1 = id0 + pi[at + I_ID_LEN];

      const rowStart = w.pos;
      w.copy(pb, id0, id1);
      w.byte(44);
      const tsStart = w.pos;
      w.ascii(tsText);
      const tsEnd = w.pos;
      w.byte(44);
      w.fixed6(lon);
      w.byte(44);
      const latStart = w.pos;
      w.fixed6(lat);
      const rowEnd = w.pos;
      w.byte(10);
      rows++;

      if (badRows) {
        if ((hb & 0x3ff) === 0) {
          // ≈0.1%: the same subject and instant again: identical bytes, moved coordinates, or another format.
          const how = (hb >>> 10) % 3;
          if (how === 0) {
            w.copy(w.buf, rowStart, rowEnd);
          } else if (how === 1) {
            w.copy(w.buf, rowStart, tsEnd);
            w.byte(44);
            w.fixed6(lon + 0.0003);
            w.byte(44);
            w.fixed6(lat - 0.0002);
          } else {
            w.copy(pb, id0, id1);
            w.byte(44);
            w.ascii(`${isoBase(epoch, 0)}Z`);
            w.copy(w.buf, tsEnd, rowEnd);
          }
          w.byte(10);
          rows++;
        }
        if (rows >= nextBad) {
          // The first five (after rows 200..1000) show every kind; then ≈1 per 100k rows.
          const kind = badKind < 5 ? badKind : Math.floor(badRng() * 5);
          badKind++;
          if (kind === 0) {
            w.copy(w.buf, tsStart - 1, rowEnd); // ',ts,lon,lat': empty subject
          } else if (kind === 1) {
            w.copy(pb, id0, id1);
            w.ascii(',yesterday');
            w.copy(w.buf, tsEnd, rowEnd);
          } else if (kind === 2) {
            w.copy(w.buf, rowStart, latStart);
            w.ascii('NaN');
          } else if (kind === 3) {
            w.copy(w.buf, rowStart, tsEnd);
            w.ascii(',200');
            w.copy(w.buf, latStart - 1, rowEnd);
          }
          w.byte(10); // kind 4: a blank line
          rows++;
          nextBad = badKind < 5 ? 200 * (badKind + 1) : rows + 50_000 + Math.floor(badRng() * 100_000);
        }
      }

      const t = city.nextPing(p, s);
      if (t < horizon) schedule(p, t);
      if (w.pos >= limit) yield w.take();
      else if (w.pos > w.buf.length - ROOM) w.grow();
      p = after;
    }
  }
  if (w.pos > 0) yield w.take();
}

/** The cases CSV (`subject,from,to\n` + rows): confirmed cases chosen among the generated phones, windows covering part of the simulated days, ISO instants with +08:00 or unbounded (empty) ends sometimes. */
export function generateCases(opts: CityOptions): string {
  const o = resolve(opts);
  const { phones, seed, start } = o;
  const span = o.days * DAY;
  const [mulA, addB] = idPermutation(seed);
  const rnd = mulberry32(hash4(seed, 0, S_CASES, 0));
  const chosen = new Set<number>();
  let out = 'subject,from,to\n';
  while (chosen.size < o.cases) {
    const i = Math.floor(rnd() * phones);
    if (chosen.has(i)) continue;
    chosen.add(i);
    // A window of at least 12 h (or the whole run), whole minutes, inside the simulated days.
    const len = Math.min(span, Math.max(12 * HOUR, (0.3 + 0.6 * rnd()) * span));
    const from = Math.floor((rnd() * (span - len)) / 60) * 60;
    const to = Math.min(span, Math.ceil((from + len) / 60) * 60);
    const roll = rnd();
    const fromText = roll < 0.12 ? '' : `${isoBase(start + from, TZ_OFFSET)}+08:00`;
    const toText = roll > 0.88 ? '' : `${isoBase(start + to, TZ_OFFSET)}+08:00`;
    out += `${subjectId(seed, i, mulA, addB)},${fromText},${toText}\n`;
  }
  return out;
}
