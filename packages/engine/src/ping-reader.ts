/**
 * Pings CSV → columns (subject id, instant, cell id), streaming over byte chunks.
 * Bad rows go to the reject sink; nothing is allocated per ping.
 */

import { RenxingError } from '@renxing/contracts';
import { isValidUtf8 } from './bytes.js';
import { CsvRecords, isBlank, unquote } from './csv-records.js';
import { Grid } from './grid.js';
import { parseInstant } from './instant.js';
import { parseDecimal } from './number.js';
import type { GridParams, ParseParams } from './params.js';
import { findColumns, type RejectSink } from './rejects.js';
import { type GroupedPart, groupBySubject, type SubjectGroups } from './stays.js';
import { SubjectDict } from './subject-dict.js';
import { Spare } from './typed.js';

export interface PingColumns {
  count: number;
  subject: Uint32Array;
  /**
   * Instants as whole seconds after `base` (4 bytes a ping instead of 8: less memory to touch), or,
   * when some instant is not a whole second or is 68 years or more from the first, as they are
   * (`base` 0). The instant of ping k is base + ts[k].
   */
  ts: Int32Array | Float64Array;
  base: number;
  cell: Uint32Array;
}

const COLUMNS = ['subject', 'ts', 'lon', 'lat'] as const;
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A pings file's header as a reader of a later slice needs it: the field positions of subject, ts,
 * lon and lat, and whether it is exactly those four in that order (records may then take the fused
 * path).
 */
export interface PingHeader {
  columns: number[];
  plain: boolean;
}

/** What a reader of part of a file holds, grouped by subject, in typed arrays that can cross threads. */
export interface ReaderParts {
  count: number;
  groups: SubjectGroups;
  subjectBytes: Uint8Array;
  subjectOffsets: Uint32Array;
  cellI: Int32Array;
  cellJ: Int32Array;
  /** The part's cell ids in the order they first appear in the file (null: id order). */
  cellOrder: Uint32Array | null;
  rejects: number;
}

/** A whole reading made of parts read apart (see `PingReader.absorb`). */
export interface PingGroups {
  count: number;
  parts: GroupedPart[];
}

export class PingReader {
  readonly subjects = new SubjectDict();
  /** The cells met; after `absorb`, those of the whole reading. */
  grid: Grid;
  rejects = 0;
  private readonly csv: CsvRecords;
  private cols: number[] | null = null;
  private sawAnything = false;
  private n = 0;
  // In shared memory, so that once grouped they can serve as a later phase's (see `release`).
  private subject: Uint32Array;
  /** Instants after `base` (see `PingColumns.ts`) until one does not fit; then all in `wide`. */
  private ts: Int32Array;
  private base = Number.NaN;
  private wide: Float64Array | null = null;
  private cell: Uint32Array;
  /** The value `plainDecimal` read last. */
  private decimal = 0;

  /**
   * `header`: the file's header (see `header`) when reading a slice of the file after it (as a
   * worker thread does); without it the first record is the header.
   */
  constructor(
    private readonly params: GridParams & ParseParams,
    private readonly onReject: RejectSink,
    expectedPings = 1 << 16,
    header?: PingHeader,
  ) {
    this.grid = new Grid(params);
    const cap = Math.max(1024, expectedPings);
    this.subject = new Uint32Array(new SharedArrayBuffer(cap * 4));
    this.ts = new Int32Array(new SharedArrayBuffer(cap * 4));
    this.cell = new Uint32Array(new SharedArrayBuffer(cap * 4));
    const tz = params.tzOffset;
    this.csv = new CsvRecords(
      (buf, fields, line, problem) => this.record(buf, fields, line, problem, tz),
      !!header,
    );
    if (header) {
      this.cols = header.columns;
      this.sawAnything = true;
      if (header.plain) this.csv.fast = this.plainRecord;
    }
  }

  /** Field positions of subject, ts, lon, lat once the header is read. */
  get header(): PingHeader | null {
    return this.cols && { columns: this.cols, plain: this.csv.fast !== null };
  }

  get linesDone(): number {
    return this.csv.linesDone;
  }

  get atRecordEnd(): boolean {
    return this.csv.atRecordEnd;
  }

  /** What follows is another block of the file (for a reader of blocks out of order). */
  nextBlock(): void {
    this.grid.nextBlock();
  }

  /** Pings kept so far. */
  get count(): number {
    return this.n;
  }

  /**
   * Ends the input here (a last record without a newline is taken) but goes on reading: for a
   * reader of blocks of a file that reads the file's last block before others.
   */
  endOfFile(): void {
    this.csv.finish();
  }

  /**
   * Everything read, grouped by subject (the counting sort of `groupBySubject`, done here so that
   * each reader thread does its own), as transferable typed arrays — the groups in shared memory
   * when `shared`, so that several threads can build stays from them; `ranges` as in
   * `groupBySubject`, `backward` when the reader read blocks of the file from the last to the first
   * (see `nextBlock`). Ends the input.
   */
  parts(shared = false, ranges?: readonly number[], backward = false): ReaderParts {
    const columns = this.finish();
    return {
      count: this.n,
      groups: groupBySubject(columns, this.subjects.size, shared, ranges),
      subjectBytes: this.subjects.bytes,
      subjectOffsets: this.subjects.offsets.subarray(0, this.subjects.size + 1),
      cellI: this.grid.cellI.subarray(0, this.grid.count),
      cellJ: this.grid.cellJ.subarray(0, this.grid.count),
      cellOrder: backward ? this.grid.fileOrder() : null,
      rejects: this.rejects,
    };
  }

  /**
   * Joins the parts of one file, in file order: this reader read either only the header or one of
   * the parts, whose `parts()` is then among them. Their subjects are interned here, their cells
   * numbered anew in the order they first appear in the file (as one reader of the whole file
   * numbers them), their pings stay where they are (joined subject by subject when stays are
   * built), and their rejects make this reader's count. Returns the whole reading, for `buildIndex`.
   */
  absorb(parts: readonly ReaderParts[]): PingGroups {
    let count = 0;
    let rejects = 0;
    const grid = new Grid(this.params);
    const grouped = parts.map((p) => {
      count += p.count;
      rejects += p.rejects;
      const subjectMap = new Uint32Array(p.subjectOffsets.length - 1);
      let sameSubjects = true;
      for (let id = 0; id < subjectMap.length; id++) {
        const to = this.subjects.intern(p.subjectBytes, p.subjectOffsets[id], p.subjectOffsets[id + 1]);
        subjectMap[id] = to;
        if (to !== id) sameSubjects = false;
      }
      const cellMap = new Uint32Array(p.cellI.length);
      let sameCells = true;
      for (let k = 0; k < cellMap.length; k++) {
        const c = p.cellOrder === null ? k : p.cellOrder[k];
        const to = grid.intern(p.cellI[c], p.cellJ[c]);
        cellMap[c] = to;
        if (to !== c) sameCells = false;
      }
      return {
        groups: p.groups,
        subjectMap: sameSubjects ? null : subjectMap,
        cellMap: sameCells ? null : cellMap,
      };
    });
    this.grid = grid;
    this.rejects = rejects;
    return { count, parts: grouped };
  }

  push(chunk: Uint8Array): void {
    this.csv.push(chunk);
  }

  /** Ends the input and hands over the columns. */
  finish(): PingColumns {
    this.csv.finish();
    if (!this.sawAnything) throw new RenxingError('RX_FILE_EMPTY', { file: 'pings' });
    const { n: count, subject, cell, wide } = this;
    return wide
      ? { count, subject, ts: wide, base: 0, cell }
      : { count, subject, ts: this.ts, base: this.base, cell };
  }

  private record(buf: Uint8Array, fields: number, line: number, problem: number, tz: number): void {
    const { start, end } = this.csv;
    this.sawAnything = true;
    const cols = this.cols;
    if (cols === null) {
      this.cols = findColumns(buf, fields, start, end, COLUMNS, 'pings');
      if (fields === 4 && this.cols.every((f, k) => f === k)) this.csv.fast = this.plainRecord;
      return;
    }
    const reason = this.check(buf, fields, problem, cols);
    if (reason !== null) {
      this.reject(line, reason);
      return;
    }
    const cs = cols[0];
    const ts = parseInstant(buf, start[cols[1]], end[cols[1]], tz);
    if (Number.isNaN(ts)) {
      this.reject(line, 'unparseable ts');
      return;
    }
    const lon = parseDecimal(buf, start[cols[2]], end[cols[2]]);
    if (!(lon >= -180 && lon <= 180)) {
      this.reject(line, 'bad lon');
      return;
    }
    const lat = parseDecimal(buf, start[cols[3]], end[cols[3]]);
    if (!(lat >= -90 && lat <= 90)) {
      this.reject(line, 'bad lat');
      return;
    }
    let sid: number;
    if (this.csv.escaped[cs] === 1) {
      const raw = unquote(buf, start[cs], end[cs]);
      sid = this.subjects.intern(raw, 0, raw.length);
    } else sid = this.subjects.intern(buf, start[cs], end[cs]);
    this.append(sid, ts, lon, lat);
  }

  /**
   * The common record, `subject,epoch-seconds,lon,lat` with plain decimals and a bare newline, read
   * in one walk over its bytes (the tokenizer's walk, then a second one per field, cost twice as
   * much). Anything else — quotes, CR, non-ASCII, signs, exponents, ISO instants, more than 15
   * digits, a value out of range, a record cut by the chunk's end — is left to the tokenizer and
   * `record`, which give the same values (the same formula as `parseDecimal`'s exact path) and the
   * reject reasons.
   */
  private readonly plainRecord = (b: Uint8Array, p: number, n: number): number => {
    let i = p;
    for (;;) {
      if (i >= n) return -1;
      const c = b[i];
      if (c === COMMA) break;
      if (c === QUOTE || c === LF || c === CR || c >= 0x80) return -1;
      i++;
    }
    const subjectEnd = i;
    if (subjectEnd === p) return -1;
    i++;
    const t0 = i;
    let ts = 0;
    while (i < n) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      ts = ts * 10 + d;
      i++;
    }
    if (i === t0 || i - t0 > 15 || i >= n || b[i] !== COMMA) return -1;
    i = this.plainDecimal(b, i + 1, n);
    if (i < 0 || i >= n || b[i] !== COMMA) return -1;
    const lon = this.decimal;
    if (!(lon >= -180 && lon <= 180)) return -1;
    i = this.plainDecimal(b, i + 1, n);
    if (i < 0 || i >= n || b[i] !== LF) return -1;
    const lat = this.decimal;
    if (!(lat >= -90 && lat <= 90)) return -1;
    const sid = this.subjects.intern(b, p, subjectEnd);
    this.append(sid, ts, lon, lat);
    return i + 1;
  };

  /** `-?digits[.digits]` (≤ 15 digits) at b[i..): its end, the value in `decimal`; -1 otherwise. */
  private plainDecimal(b: Uint8Array, i: number, n: number): number {
    const neg = i < n && b[i] === MINUS;
    if (neg) i++;
    let m = 0;
    let digits = 0;
    let frac = 0;
    while (i < n) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      digits++;
      i++;
    }
    if (i < n && b[i] === DOT) {
      i++;
      while (i < n) {
        const d = b[i] - 48;
        if (d < 0 || d > 9) break;
        m = m * 10 + d;
        digits++;
        frac++;
        i++;
      }
    }
    if (digits === 0 || digits > 15) return -1;
    const v = frac === 0 ? m : m / POW10[frac];
    this.decimal = neg ? -v : v;
    return i;
  }

  /** The structural problems of a row, before its values are parsed. */
  private check(buf: Uint8Array, fields: number, problem: number, cols: number[]): string | null {
    const { start, end } = this.csv;
    if (problem === 1) return 'unterminated quote';
    if (isBlank(buf, fields, start, end)) return 'blank line';
    for (let k = 0; k < 4; k++) {
      const f = cols[k];
      if (f >= fields || start[f] === end[f]) return `missing ${COLUMNS[k]}`;
    }
    const s = start[cols[0]];
    const e = end[cols[0]];
    for (let i = s; i < e; i++) {
      if (buf[i] >= 0x80) return isValidUtf8(buf, s, e) ? null : 'invalid UTF-8 in subject';
    }
    return null;
  }

  private reject(line: number, reason: string): void {
    this.rejects++;
    this.onReject('pings', line, reason);
  }

  /** Keeps one ping (both record paths end here). */
  private append(sid: number, ts: number, lon: number, lat: number): void {
    const k = this.n++;
    if (k === this.ts.length) this.grow();
    this.subject[k] = sid;
    const d = ts - this.base;
    if ((d | 0) === d && this.wide === null) this.ts[k] = d;
    else this.putWide(k, ts);
    this.cell[k] = this.grid.cellOf(lon, lat);
  }

  /**
   * Ping k's instant when it does not fit `ts`: the first ping's sets `base` (when a whole second);
   * else every instant so far moves to `wide`, as it is, and all later ones go there.
   */
  private putWide(k: number, ts: number): void {
    if (k === 0 && Number.isSafeInteger(ts)) {
      this.base = ts;
      this.ts[0] = 0;
      return;
    }
    if (this.wide === null) {
      const wide = new Float64Array(new SharedArrayBuffer(this.ts.length * 8));
      for (let i = 0; i < k; i++) wide[i] = this.base + this.ts[i];
      this.wide = wide;
    }
    this.wide[k] = ts;
  }

  private grow(): void {
    const cap = Math.ceil(this.ts.length * 1.5);
    const subject = new Uint32Array(new SharedArrayBuffer(cap * 4));
    const ts = new Int32Array(new SharedArrayBuffer(cap * 4));
    const cell = new Uint32Array(new SharedArrayBuffer(cap * 4));
    subject.set(this.subject);
    ts.set(this.ts);
    cell.set(this.cell);
    this.subject = subject;
    this.ts = ts;
    this.cell = cell;
    if (this.wide) {
      const wide = new Float64Array(new SharedArrayBuffer(cap * 8));
      wide.set(this.wide);
      this.wide = wide;
    }
  }

  /**
   * The memory of the columns, once `parts()` has grouped them, for a later phase to write into
   * (see `Spare`); the reader holds none of it any more. Its pages are already faulted in, which a
   * fresh allocation's are not (~10 µs a 4 KiB page on the bench VM).
   */
  release(): Spare {
    // Only the columns' first n entries were written (they have room for more).
    const buffers = [this.ts.buffer, this.subject.buffer, this.cell.buffer];
    const touched = [this.n * 4, this.n * 4, this.n * 4];
    if (this.wide) {
      buffers.push(this.wide.buffer);
      touched.push(this.n * 8);
    }
    const spare = new Spare(buffers as SharedArrayBuffer[], touched);
    this.subject = new Uint32Array(0);
    this.ts = new Int32Array(0);
    this.wide = null;
    this.cell = new Uint32Array(0);
    return spare;
  }
}
