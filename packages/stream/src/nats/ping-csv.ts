/**
 * A pings CSV read for the stream: the engine's tokenizer, instant and coordinate parsers and reject
 * reasons, in the engine's order (packages/engine/src/ping-reader.ts), keeping each kept row's
 * subject, instant and coordinates. Pure: rows go to `onPing`, rejects to `onReject`.
 */
import { RenxingError } from '@renxing/contracts';
import {
  CsvRecords,
  findColumns,
  isBlank,
  isValidUtf8,
  parseDecimal,
  parseInstant,
  unquote,
} from '@renxing/engine';

const COLUMNS = ['subject', 'ts', 'lon', 'lat'] as const;
const utf8 = new TextDecoder();

/**
 * `hash`: FNV-1a 32 of the subject's UTF-8 bytes (core's partitionOf before the modulo), computed
 * while the bytes are at hand so the subject is neither re-encoded nor re-hashed.
 */
export type PingSink = (subject: string, hash: number, ts: number, lon: number, lat: number) => void;

/** FNV-1a 32 of bytes [s, e), as core's partitionOf computes it before the modulo. */
export function fnv1a(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

export class PingCsv {
  /** Data records read (header excluded). */
  rows = 0;
  rejected = 0;
  private readonly csv: CsvRecords;
  private cols: number[] | null = null;
  private sawAnything = false;
  /** A Buffer over the chunk being read, for fast ASCII slices. */
  private view: { of: Uint8Array; buf: Buffer } | null = null;

  constructor(
    private readonly tzOffset: number,
    private readonly onPing: PingSink,
    private readonly onReject: (line: number, reason: string) => void,
  ) {
    this.csv = new CsvRecords((buf, fields, line, problem) => this.record(buf, fields, line, problem));
  }

  push(chunk: Uint8Array): void {
    this.csv.push(chunk);
  }

  finish(): void {
    this.csv.finish();
    if (!this.sawAnything) throw new RenxingError('RX_FILE_EMPTY', { file: 'pings' });
  }

  private ascii(buf: Uint8Array, s: number, e: number): string {
    if (this.view?.of !== buf)
      this.view = { of: buf, buf: Buffer.from(buf.buffer, buf.byteOffset, buf.length) };
    return this.view.buf.toString('latin1', s, e);
  }

  private record(buf: Uint8Array, fields: number, line: number, problem: number): void {
    this.sawAnything = true;
    if (this.cols === null) {
      this.cols = findColumns(buf, fields, this.csv.start, this.csv.end, COLUMNS, 'pings');
      return;
    }
    this.rows++;
    const reason = this.accept(buf, fields, problem, this.cols);
    if (reason !== null) {
      this.rejected++;
      this.onReject(line, reason);
    }
  }

  private accept(buf: Uint8Array, fields: number, problem: number, cols: number[]): string | null {
    const { start, end, escaped } = this.csv;
    if (problem === 1) return 'unterminated quote';
    if (isBlank(buf, fields, start, end)) return 'blank line';
    for (let k = 0; k < 4; k++) {
      const f = cols[k];
      if (f >= fields || start[f] === end[f]) return `missing ${COLUMNS[k]}`;
    }
    const cs = cols[0];
    const s = start[cs];
    const e = end[cs];
    let ascii = true;
    for (let i = s; i < e; i++) {
      if (buf[i] >= 0x80) {
        if (!isValidUtf8(buf, s, e)) return 'invalid UTF-8 in subject';
        ascii = false;
        break;
      }
    }
    const ts = parseInstant(buf, start[cols[1]], end[cols[1]], this.tzOffset);
    if (Number.isNaN(ts)) return 'unparseable ts';
    const lon = parseDecimal(buf, start[cols[2]], end[cols[2]]);
    if (!(lon >= -180 && lon <= 180)) return 'bad lon';
    const lat = parseDecimal(buf, start[cols[3]], end[cols[3]]);
    if (!(lat >= -90 && lat <= 90)) return 'bad lat';
    if (escaped[cs] === 1) {
      const raw = unquote(buf, s, e);
      this.onPing(utf8.decode(raw), fnv1a(raw, 0, raw.length), ts, lon, lat);
    } else {
      const hash = fnv1a(buf, s, e);
      this.onPing(ascii ? this.ascii(buf, s, e) : utf8.decode(buf.subarray(s, e)), hash, ts, lon, lat);
    }
    return null;
  }
}
