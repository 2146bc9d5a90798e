/**
 * The pings CSV parsed for the store: the engine's tokenizer, instant and coordinate parsers and
 * reject reasons, keeping coordinates (the engine's own reader keeps only grid cells); subjects
 * pseudonymised once per distinct subject; then duplicates dropped, the pings the store already
 * holds left out (`PingsPlan.markStored`) and the rest ordered into chunks.
 */
import { RenxingError } from '@renxing/contracts';
import { normalisePhone, pseudonymOf } from '@renxing/db';
import {
  CsvRecords,
  findColumns,
  isBlank,
  isValidUtf8,
  parseDecimal,
  parseInstant,
  unquote,
} from '@renxing/engine';
import { DAY_SECONDS, DEFAULT_UTC_OFFSET, dayText, FIRST_DAY, LAST_DAY } from '../rules/days.js';
import type { ImportPingsOptions, PingReject } from './import-pings.js';
import { countingSort, dedupe, PingsPlan } from './pings-plan.js';

/** Pings per stored chunk: bounds the memory of writing and of reading a chunk back. */
export const CHUNK_PINGS = 1 << 17;
const PSEUDONYM = /^[0-9a-f]{64}$/;
const COLUMNS = ['subject', 'ts', 'lon', 'lat'] as const;

export interface PlainChunk {
  day: string;
  pings: number;
  minTs: number;
  maxTs: number;
  /** CSV rows `subject,ts,lon,lat\n`, ASCII. */
  csv: Uint8Array;
}

/** The contract's pings reader, keeping coordinates (the engine's own reader keeps only cells). */
export class PingsParser {
  rows = 0;
  rejected = 0;
  readonly rejects: PingReject[] = [];
  /** Pseudonyms by subject id. */
  readonly subjects: string[] = [];
  private readonly subjectOf = new Map<string, number>();
  private readonly idOf = new Map<string, number>();
  private readonly csv: CsvRecords;
  private readonly tz: number;
  private readonly maxRejects: number;
  private cols: number[] | null = null;
  private sawAnything = false;
  private n = 0;
  private subject = new Uint32Array(1 << 14);
  private ts = new Float64Array(1 << 14);
  /** `lon,lat` of each ping as written in the input (validated), back to back. */
  private coords = new Uint8Array(1 << 18);
  private coordsLength = 0;
  /** coordEnd[k]: where ping k's coordinates end in `coords` (they start where k − 1's end). */
  private coordEnd = new Float64Array(1 << 14);
  private view: { of: Uint8Array; buf: Buffer } | null = null;

  constructor(private readonly options: ImportPingsOptions) {
    this.tz = options.utcOffsetSeconds ?? DEFAULT_UTC_OFFSET;
    this.maxRejects = options.maxRejects ?? 100_000;
    this.csv = new CsvRecords((buf, fields, line, problem) => this.record(buf, fields, line, problem));
  }

  push(chunk: Uint8Array): void {
    this.csv.push(chunk);
  }

  finish(): void {
    this.csv.finish();
    if (!this.sawAnything) throw new RenxingError('RX_FILE_EMPTY', { file: this.options.source });
  }

  private record(buf: Uint8Array, fields: number, line: number, problem: number): void {
    const { start, end } = this.csv;
    this.sawAnything = true;
    const cols = this.cols;
    if (cols === null) {
      this.cols = findColumns(buf, fields, start, end, COLUMNS, this.options.source);
      return;
    }
    this.rows++;
    const reason = this.accept(buf, fields, problem, cols);
    if (reason !== null) this.reject(line, reason);
  }

  /** Stores the ping of a data record, or says why not. */
  private accept(buf: Uint8Array, fields: number, problem: number, cols: number[]): string | null {
    const { start, end } = this.csv;
    // The engine's checks and reasons, in its order (packages/engine/src/ping-reader.ts).
    if (problem === 1) return 'unterminated quote';
    if (isBlank(buf, fields, start, end)) return 'blank line';
    for (let k = 0; k < 4; k++) {
      const f = cols[k];
      if (f >= fields || start[f] === end[f]) return `missing ${COLUMNS[k]}`;
    }
    const cs = cols[0];
    let ascii = true;
    for (let i = start[cs]; i < end[cs]; i++) {
      if (buf[i] >= 0x80) {
        if (!isValidUtf8(buf, start[cs], end[cs])) return 'invalid UTF-8 in subject';
        ascii = false;
        break;
      }
    }
    const ts = parseInstant(buf, start[cols[1]], end[cols[1]], this.tz);
    if (Number.isNaN(ts)) return 'unparseable ts';
    const lon = parseDecimal(buf, start[cols[2]], end[cols[2]]);
    if (!(lon >= -180 && lon <= 180)) return 'bad lon';
    const lat = parseDecimal(buf, start[cols[3]], end[cols[3]]);
    if (!(lat >= -90 && lat <= 90)) return 'bad lat';
    const day = Math.floor((ts + this.tz) / DAY_SECONDS);
    if (day < FIRST_DAY || day > LAST_DAY) return 'ts out of range';
    const sid = this.subjectId(this.subjectText(buf, start[cs], end[cs], this.csv.escaped[cs] === 1, ascii));
    if (sid < 0) return 'subject is not a phone number';
    const k = this.n++;
    if (k === this.ts.length) this.grow();
    this.subject[k] = sid;
    this.ts[k] = ts;
    this.coordEnd[k] = this.keepCoords(buf, start[cols[2]], end[cols[2]], start[cols[3]], end[cols[3]]);
    return null;
  }

  /** Appends `lon,lat` as written (a valid decimal never needs quoting or unescaping). */
  private keepCoords(buf: Uint8Array, lonS: number, lonE: number, latS: number, latE: number): number {
    const need = lonE - lonS + 1 + latE - latS;
    if (this.coordsLength + need > this.coords.length) {
      const next = new Uint8Array(Math.max(this.coordsLength + need, this.coords.length * 2));
      next.set(this.coords.subarray(0, this.coordsLength));
      this.coords = next;
    }
    const c = this.coords;
    let at = this.coordsLength;
    for (let i = lonS; i < lonE; i++) c[at++] = buf[i];
    c[at++] = 44;
    for (let i = latS; i < latE; i++) c[at++] = buf[i];
    this.coordsLength = at;
    return at;
  }

  private subjectText(buf: Uint8Array, s: number, e: number, escaped: boolean, ascii: boolean): string {
    if (escaped) return new TextDecoder().decode(unquote(buf, s, e));
    if (!ascii) return new TextDecoder().decode(buf.subarray(s, e));
    if (this.view?.of !== buf)
      this.view = { of: buf, buf: Buffer.from(buf.buffer, buf.byteOffset, buf.length) };
    return this.view.buf.toString('latin1', s, e);
  }

  /** The id of a subject's pseudonym, or -1 when it is neither a phone number nor a pseudonym. */
  private subjectId(raw: string): number {
    const known = this.subjectOf.get(raw);
    if (known !== undefined) return known;
    let pseudonym: string | null = null;
    if (PSEUDONYM.test(raw)) pseudonym = raw;
    else {
      const phone = normalisePhone(raw);
      if (phone !== null) pseudonym = pseudonymOf(this.options.secret, phone);
    }
    let id = -1;
    if (pseudonym !== null) {
      id = this.idOf.get(pseudonym) ?? -1;
      if (id < 0) {
        id = this.subjects.length;
        this.subjects.push(pseudonym);
        this.idOf.set(pseudonym, id);
      }
    }
    this.subjectOf.set(raw, id);
    return id;
  }

  private reject(line: number, reason: string): void {
    this.rejected++;
    if (this.rejects.length < this.maxRejects) this.rejects.push({ line, reason });
    this.options.onReject?.(line, reason);
  }

  private grow(): void {
    const cap = Math.ceil(this.ts.length * 1.5);
    const grow = <T extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(cap);
      next.set(a);
      return next;
    };
    this.subject = grow(this.subject);
    this.ts = grow(this.ts);
    this.coordEnd = grow(this.coordEnd);
  }

  /**
   * Drops duplicates (first in file order kept) and orders the rest by day, then subject, then
   * file order. The plan then learns which of them the store already holds (`markStored`) and
   * writes the others as chunks.
   */
  plan(): PingsPlan {
    const n = this.n;
    const { subject, ts, tz } = this;
    const keep = dedupe(subject, ts, n);
    const kept = keep.length;
    // Stable counting sort by subject, then by day: day-major, subject-minor, file order within.
    const bySubject = countingSort(keep, this.subjects.length, (i) => subject[i]);
    const dayNumbers = new Map<number, number>();
    const dayIndex = new Uint32Array(n);
    for (let k = 0; k < kept; k++) {
      const i = keep[k];
      const d = Math.floor((ts[i] + tz) / DAY_SECONDS);
      let x = dayNumbers.get(d);
      if (x === undefined) {
        x = dayNumbers.size;
        dayNumbers.set(d, x);
      }
      dayIndex[i] = x;
    }
    const sortedDays = [...dayNumbers.keys()].sort((a, b) => a - b);
    const rank = new Uint32Array(sortedDays.length);
    sortedDays.forEach((d, r) => {
      rank[dayNumbers.get(d)!] = r;
    });
    const order = countingSort(bySubject, sortedDays.length, (i) => rank[dayIndex[i]]);
    const spans = sortedDays.map((d) => ({
      day: dayText(d),
      pings: 0,
      minTs: Number.POSITIVE_INFINITY,
      maxTs: Number.NEGATIVE_INFINITY,
    }));
    for (let k = 0; k < kept; k++) {
      const i = keep[k];
      const span = spans[rank[dayIndex[i]]];
      span.pings++;
      if (ts[i] < span.minTs) span.minTs = ts[i];
      if (ts[i] > span.maxTs) span.maxTs = ts[i];
    }
    return new PingsPlan({
      subjects: this.subjects,
      idOf: this.idOf,
      subject,
      ts,
      coords: this.coords,
      coordEnd: this.coordEnd,
      n,
      tz,
      dayNumbers: sortedDays,
      order,
      spans,
    });
  }
}
