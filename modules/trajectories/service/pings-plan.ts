import { ByteWriter, parseDecimal } from '@renxing/engine';
import { DAY_SECONDS } from '../rules/days.js';
import { CHUNK_PINGS, type PlainChunk } from './pings-parser.js';

/**
 * The file's pings, duplicates within it dropped, in the order they are stored; and which of them
 * the store already holds. A stored ping is the same as one of the file's when it has the same
 * pseudonym, the same instant and the same position (lon and lat equal as numbers, however
 * written): such a ping is not stored again, so a day's stored pings stay a set.
 */
export class PingsPlan {
  /** The file's pings after dropping its own duplicates. */
  readonly pings: number;
  /** Rows dropped because an earlier row of the file has the same subject and instant. */
  readonly duplicates: number;
  /** Each day the pings fall on, oldest first: its pings and the span of their instants. */
  readonly spans: readonly { day: string; pings: number; minTs: number; maxTs: number }[];
  /** Of `pings`, those found among the stored pings by `markStored` so far. */
  alreadyStored = 0;
  private readonly d: PlanData;
  /** stored[i] = 1: ping i is already in the store. */
  private readonly stored: Uint8Array;

  constructor(d: PlanData) {
    this.d = d;
    this.pings = d.order.length;
    this.duplicates = d.n - d.order.length;
    this.spans = d.spans;
    this.stored = new Uint8Array(d.n);
  }

  /**
   * Marks the file's pings that one stored chunk of `day` holds, given the chunk's rows as stored
   * (`subject,ts,lon,lat\n`, subject a 64-hex pseudonym); returns how many it newly marked.
   *
   * A chunk's rows come grouped by subject, so a subject is looked up once per group (rows of
   * subjects the file does not have are skipped unparsed), and its pings of that day in the file
   * are one run of the lookup, sorted by instant: a row costs a binary search in a few cache lines
   * rather than a probe of a table the size of the file.
   */
  markStored(csv: Uint8Array, day: string): number {
    const rank = this.d.spans.findIndex((s) => s.day === day);
    if (rank < 0) return 0;
    const { idOf, coords, coordEnd, tz, dayNumbers } = this.d;
    const { runKey, runStart, at, sec } = this.lookup();
    const stored = this.stored;
    const subjects = this.d.subjects.length;
    const midnight = dayNumbers[rank] * DAY_SECONDS - tz; // the day's first instant
    const bytes = new Uint8Array(csv.buffer, csv.byteOffset, csv.byteLength);
    const words = new DataView(csv.buffer, csv.byteOffset, csv.byteLength);
    const text = Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength);
    const n = bytes.length;
    let marked = 0;
    let group = -1; // where the current group's subject starts
    let from = 0; // the group's run in the lookup: [from, to); empty when the file lacks the subject
    let to = 0;
    let p = 0;
    while (p < n) {
      if (p + 65 > n || bytes[p + 64] !== 44) throw new Error(`stored chunk: malformed row at byte ${p}`);
      let same = group >= 0;
      if (same) {
        for (let k = 0; k < 64; k += 4) {
          if (words.getInt32(group + k) !== words.getInt32(p + k)) {
            same = false;
            break;
          }
        }
      }
      if (!same) {
        group = p;
        from = to = 0;
        const sid = idOf.get(text.toString('latin1', p, p + 64));
        if (sid !== undefined) {
          const u = search(runKey, 0, runKey.length, rank * subjects + sid);
          if (u >= 0) {
            from = runStart[u];
            to = runStart[u + 1];
          }
        }
      }
      let q = p + 65;
      if (from === to) {
        while (q < n && bytes[q] !== 10) q++;
        p = q + 1;
        continue;
      }
      // ts: whole epoch seconds, as written by `chunks()`; then lon and lat.
      const neg = bytes[q] === 45;
      if (neg) q++;
      let t = 0;
      for (; q < n && bytes[q] !== 44; q++) t = t * 10 + (bytes[q] - 48);
      if (neg) t = -t;
      const lonStart = q + 1;
      let lonEnd = lonStart;
      while (lonEnd < n && bytes[lonEnd] !== 44) lonEnd++;
      let eol = lonEnd + 1;
      while (eol < n && bytes[eol] !== 10) eol++;
      if (q >= n || lonEnd >= n || eol >= n) throw new Error(`stored chunk: malformed row at byte ${p}`);
      const s = t - midnight;
      const k = s >= 0 && s < DAY_SECONDS ? search(sec, from, to, s) : -1;
      if (k >= 0) {
        const i = at[k];
        if (stored[i] === 0) {
          const c0 = i === 0 ? 0 : coordEnd[i - 1];
          let comma = c0;
          while (coords[comma] !== 44) comma++;
          if (
            parseDecimal(bytes, lonStart, lonEnd) === parseDecimal(coords, c0, comma) &&
            parseDecimal(bytes, lonEnd + 1, eol) === parseDecimal(coords, comma + 1, coordEnd[i])
          ) {
            stored[i] = 1;
            marked++;
          }
        }
      }
      p = eol + 1;
    }
    this.alreadyStored += marked;
    return marked;
  }

  private index: Lookup | null = null;

  /**
   * The kept pings as runs of one day and one subject (the runs of `order`), each sorted by
   * instant: built once, on the first `markStored`.
   */
  private lookup(): Lookup {
    if (this.index) return this.index;
    const { order, subject, ts, tz, dayNumbers, spans } = this.d;
    const subjects = this.d.subjects.length;
    const kept = order.length;
    let runs = 0;
    for (let k = 0, r = 0, end = spans[0]?.pings ?? 0; k < kept; k++) {
      if (k === end) end += spans[++r].pings;
      if (k === end - spans[r].pings || subject[order[k]] !== subject[order[k - 1]]) runs++;
    }
    const runKey = new Float64Array(runs);
    const runStart = new Uint32Array(runs + 1);
    // Within a run: (second of the day) × 2^32 + (place in the run), sorted as numbers (< 2^49).
    const packed = new Float64Array(kept);
    let u = -1;
    for (let k = 0, r = 0, end = spans[0]?.pings ?? 0; k < kept; k++) {
      if (k === end) end += spans[++r].pings;
      const i = order[k];
      if (k === end - spans[r].pings || subject[i] !== subject[order[k - 1]]) {
        runKey[++u] = r * subjects + subject[i];
        runStart[u] = k;
      }
      packed[k] = (ts[i] + tz - dayNumbers[r] * DAY_SECONDS) * 4294967296 + (k - runStart[u]);
    }
    runStart[runs] = kept;
    const at = new Uint32Array(kept);
    const sec = new Int32Array(kept);
    for (let v = 0; v < runs; v++) {
      const a = runStart[v];
      const run = packed.subarray(a, runStart[v + 1]).sort();
      for (let j = 0; j < run.length; j++) {
        const place = run[j] % 4294967296;
        sec[a + j] = (run[j] - place) / 4294967296;
        at[a + j] = order[a + place];
      }
    }
    this.index = { runKey, runStart, at, sec };
    return this.index;
  }

  /** Pings to store: those not already stored. */
  get toStore(): number {
    return this.pings - this.alreadyStored;
  }

  /** Pings to store per day (days with none left out), oldest first. */
  days(): { day: string; pings: number }[] {
    const out: { day: string; pings: number }[] = [];
    let at = 0;
    for (const span of this.spans) {
      let pings = 0;
      for (let k = at; k < at + span.pings; k++) if (this.stored[this.d.order[k]] === 0) pings++;
      at += span.pings;
      if (pings > 0) out.push({ day: span.day, pings });
    }
    return out;
  }

  /** The pings to store as CSV rows, at most CHUNK_PINGS a chunk, each chunk within one day. */
  *chunks(): Generator<PlainChunk> {
    const { subjects, subject, ts, coords, coordEnd, order } = this.d;
    const stored = this.stored;
    // Every pseudonym is 64 ASCII hex digits: packed once, copied into each row.
    const names = new Uint8Array(subjects.length * 64);
    subjects.forEach((name, id) => {
      for (let c = 0; c < 64; c++) names[id * 64 + c] = name.charCodeAt(c);
    });
    const out = new ByteWriter(1 << 20);
    let at = 0;
    for (const { day, pings } of this.spans) {
      const end = at + pings;
      let count = 0;
      let minTs = Number.POSITIVE_INFINITY;
      let maxTs = Number.NEGATIVE_INFINITY;
      for (; at < end; at++) {
        const i = order[at];
        if (stored[i] === 1) continue;
        const t = ts[i];
        if (t < minTs) minTs = t;
        if (t > maxTs) maxTs = t;
        out.range(names, subject[i] * 64, subject[i] * 64 + 64);
        out.byte(44);
        out.int(t);
        out.byte(44);
        out.range(coords, i === 0 ? 0 : coordEnd[i - 1], coordEnd[i]);
        out.byte(10);
        if (++count === CHUNK_PINGS) {
          yield { day, pings: count, minTs, maxTs, csv: out.take() };
          count = 0;
          minTs = Number.POSITIVE_INFINITY;
          maxTs = Number.NEGATIVE_INFINITY;
        }
      }
      if (count > 0) yield { day, pings: count, minTs, maxTs, csv: out.take() };
    }
  }
}

interface PlanData {
  subjects: readonly string[];
  idOf: ReadonlyMap<string, number>;
  subject: Uint32Array;
  ts: Float64Array;
  coords: Uint8Array;
  coordEnd: Float64Array;
  /** Pings parsed (duplicates included). */
  n: number;
  /** The city's offset (seconds east of UTC) that set each ping's day. */
  tz: number;
  /** Each span's day as days since 1970-01-01. */
  dayNumbers: number[];
  /** The kept pings' indices in stored order: by day, then subject, then file order. */
  order: Uint32Array;
  spans: { day: string; pings: number; minTs: number; maxTs: number }[];
}

interface Lookup {
  /** Each run's day rank × subjects + subject, ascending. */
  runKey: Float64Array;
  /** Run v is [runStart[v], runStart[v + 1]) of `at` and `sec`. */
  runStart: Uint32Array;
  /** The ping (index into the parsed arrays) at each place of the lookup. */
  at: Uint32Array;
  /** Its second of the day, ascending within a run. */
  sec: Int32Array;
}

/** Where `x` is in the ascending `a[from..to)`, or -1. */
function search(a: Float64Array | Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && a[lo] === x ? lo : -1;
}

/** The first slot of (subject, ts) in a table of mask + 1 slots (linear probing from there). */
function slotOf(s: number, t: number, mask: number): number {
  const lo = (t % 4294967296) | 0;
  const hi = Math.floor(t / 4294967296) | 0;
  let h = Math.imul(s ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35) ^ Math.imul(hi, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & mask;
}

/** Indices 0..n-1 without those whose (subject, ts) an earlier index already has. */
export function dedupe(subject: Uint32Array, ts: Float64Array, n: number): Uint32Array {
  let size = 1024;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size); // index + 1; 0 = empty
  const keep = new Uint32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const s = subject[i];
    const t = ts[i];
    let slot = slotOf(s, t, mask);
    let duplicate = false;
    for (;;) {
      const j = table[slot];
      if (j === 0) break;
      if (subject[j - 1] === s && ts[j - 1] === t) {
        duplicate = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (duplicate) continue;
    table[slot] = i + 1;
    keep[kept++] = i;
  }
  return keep.subarray(0, kept);
}

/** Stable counting sort of `items` by `key(item)` in [0, keys). */
export function countingSort(items: Uint32Array, keys: number, key: (i: number) => number): Uint32Array {
  const start = new Uint32Array(keys + 1);
  for (let k = 0; k < items.length; k++) start[key(items[k]) + 1]++;
  for (let x = 0; x < keys; x++) start[x + 1] += start[x];
  const out = new Uint32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[key(items[k])]++] = items[k];
  return out;
}
