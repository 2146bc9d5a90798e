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
import { grown } from './typed.js';

export interface PingColumns {
  count: number;
  subject: Uint32Array;
  ts: Float64Array;
  cell: Uint32Array;
}

const COLUMNS = ['subject', 'ts', 'lon', 'lat'] as const;

/** What a reader of part of a file holds, grouped by subject, in typed arrays that can cross threads. */
export interface ReaderParts {
  count: number;
  groups: SubjectGroups;
  subjectBytes: Uint8Array;
  subjectOffsets: Uint32Array;
  cellI: Int32Array;
  cellJ: Int32Array;
  rejects: number;
}

/** A whole reading made of parts read apart (see `PingReader.absorb`). */
export interface PingGroups {
  count: number;
  parts: GroupedPart[];
}

export class PingReader {
  readonly subjects = new SubjectDict();
  readonly grid: Grid;
  rejects = 0;
  private readonly csv: CsvRecords;
  private cols: number[] | null = null;
  private sawAnything = false;
  private n = 0;
  private subject: Uint32Array<ArrayBuffer>;
  private ts: Float64Array<ArrayBuffer>;
  private cell: Uint32Array<ArrayBuffer>;

  /**
   * `columns`: the field positions of subject, ts, lon, lat when reading a slice of a file after its
   * header (as a worker thread does); without it the first record is the header.
   */
  constructor(
    params: GridParams & ParseParams,
    private readonly onReject: RejectSink,
    expectedPings = 1 << 16,
    columns?: number[],
  ) {
    this.grid = new Grid(params);
    const cap = Math.max(1024, expectedPings);
    this.subject = new Uint32Array(cap);
    this.ts = new Float64Array(cap);
    this.cell = new Uint32Array(cap);
    const tz = params.tzOffset;
    this.csv = new CsvRecords(
      (buf, fields, line, problem) => this.record(buf, fields, line, problem, tz),
      !!columns,
    );
    if (columns) {
      this.cols = columns;
      this.sawAnything = true;
    }
  }

  /** Field positions of subject, ts, lon, lat once the header is read. */
  get columns(): number[] | null {
    return this.cols;
  }

  get linesDone(): number {
    return this.csv.linesDone;
  }

  get atRecordEnd(): boolean {
    return this.csv.atRecordEnd;
  }

  /**
   * Everything read, grouped by subject (the counting sort of `groupBySubject`, done here so that
   * each reader thread does its own), as transferable typed arrays. Ends the input.
   */
  parts(): ReaderParts {
    const columns = this.finish();
    return {
      count: this.n,
      groups: groupBySubject(columns, this.subjects.size),
      subjectBytes: this.subjects.bytes,
      subjectOffsets: this.subjects.offsets.subarray(0, this.subjects.size + 1),
      cellI: this.grid.cellI.subarray(0, this.grid.count),
      cellJ: this.grid.cellJ.subarray(0, this.grid.count),
      rejects: this.rejects,
    };
  }

  /**
   * Joins the parts of one file, in file order: this reader read either only the header or the
   * first part, whose `parts()` is then among them. Their subjects and cells are interned here,
   * their pings stay where they are (joined subject by subject when stays are built), and their
   * rejects make this reader's count. Returns the whole reading, for `buildIndex`.
   */
  absorb(parts: readonly ReaderParts[]): PingGroups {
    let count = 0;
    let rejects = 0;
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
      for (let c = 0; c < cellMap.length; c++) {
        const to = this.grid.intern(p.cellI[c], p.cellJ[c]);
        cellMap[c] = to;
        if (to !== c) sameCells = false;
      }
      return {
        groups: p.groups,
        subjectMap: sameSubjects ? null : subjectMap,
        cellMap: sameCells ? null : cellMap,
      };
    });
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
    return { count: this.n, subject: this.subject, ts: this.ts, cell: this.cell };
  }

  private record(buf: Uint8Array, fields: number, line: number, problem: number, tz: number): void {
    const { start, end } = this.csv;
    this.sawAnything = true;
    const cols = this.cols;
    if (cols === null) {
      this.cols = findColumns(buf, fields, start, end, COLUMNS, 'pings');
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
    const k = this.n++;
    if (k === this.ts.length) this.grow();
    this.subject[k] = sid;
    this.ts[k] = ts;
    this.cell[k] = this.grid.cellOf(lon, lat);
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

  private grow(): void {
    const cap = Math.ceil(this.ts.length * 1.5);
    this.subject = grown(this.subject, cap);
    this.ts = grown(this.ts, cap);
    this.cell = grown(this.cell, cap);
  }
}
