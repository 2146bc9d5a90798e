/**
 * Streaming, byte-level CSV tokenizer (RFC 4180 quoting, LF or CRLF, a leading UTF-8 BOM skipped).
 * Push chunks as they are read; for each record it calls `onRecord` with the field boundaries in
 * `start`/`end` (content without quotes) and `escaped` set where a quoted field holds `""` (use
 * `unquote`). `line` is the 1-based physical line where the record starts.
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export const MAX_FIELDS = 64;

export type RecordSink = (buf: Uint8Array, fields: number, line: number, problem: RecordProblem) => void;

/** 0 = fine, 1 = a quoted field is never closed (only possible at end of input). */
export type RecordProblem = 0 | 1;

/**
 * A reader's own handling of a plain record at buf[p..): returns the position just after the
 * record's newline when it took the record, or -1 to leave it to the tokenizer (anything unusual,
 * including a record that does not end in buf).
 */
export type FastRecord = (buf: Uint8Array, p: number, n: number) => number;

export class CsvRecords {
  readonly start = new Int32Array(MAX_FIELDS);
  readonly end = new Int32Array(MAX_FIELDS);
  readonly escaped = new Uint8Array(MAX_FIELDS);
  /** Tried first at each record start once the header is read (see `FastRecord`). */
  fast: FastRecord | null = null;
  private carry: Uint8Array | null = null;
  private line = 1;
  private first = true;

  /** `headless`: the input is a slice of a file after its header (no BOM, lines counted from 1). */
  constructor(
    private readonly sink: RecordSink,
    headless = false,
  ) {
    this.first = !headless;
  }

  /** Physical lines consumed by complete records so far. */
  get linesDone(): number {
    return this.line - 1;
  }

  /** True when no partial record is pending (the input so far ended exactly at a record end). */
  get atRecordEnd(): boolean {
    return this.carry === null;
  }

  /** Feeds the next chunk. The tokenizer keeps no reference to `chunk` after returning. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    let p = 0;
    if (this.carry && !this.first) {
      p = this.finishCarry(chunk);
      if (p < 0) return;
    } else if (this.carry) {
      buf = concat(this.carry, chunk);
      this.carry = null;
    }
    if (this.first) {
      if (buf.length < 3) {
        this.carry = copyOf(buf);
        return;
      }
      this.first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
    }
    const rest = this.records(buf, p, false);
    if (rest < buf.length) this.carry = copyOf(buf.subarray(rest));
  }

  /**
   * Ends the pending record with the chunk's first line and returns where the chunk's own records
   * start, so the chunk is not copied (a copy of every chunk cost an allocation and a memcpy of the
   * whole input). When that line does not end the record (a quoted field spanning lines), the chunk
   * is joined to the pending bytes after all and -1 is returned.
   */
  private finishCarry(chunk: Uint8Array): number {
    let pending = this.carry as Uint8Array;
    this.carry = null;
    let from = 0;
    const lf = chunk.indexOf(LF);
    if (lf >= 0) {
      const line = concat(pending, chunk.subarray(0, lf + 1));
      const done = this.records(line, 0, false);
      if (done === line.length) return lf + 1;
      pending = line.subarray(done);
      from = lf + 1;
    }
    const buf = concat(pending, chunk.subarray(from));
    const rest = this.records(buf, 0, false);
    if (rest < buf.length) this.carry = buf.subarray(rest);
    return -1;
  }

  /** Ends the input: a last record without a newline is emitted. */
  finish(): void {
    const buf = this.carry;
    this.carry = null;
    if (!buf) return;
    let p = 0;
    if (this.first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
    this.first = false;
    if (p < buf.length) this.records(buf, p, true);
  }

  /** Emits every complete record of buf from p; returns where the unfinished one starts. */
  private records(buf: Uint8Array, p: number, last: boolean): number {
    const n = buf.length;
    const start = this.start;
    const end = this.end;
    const escaped = this.escaped;
    const sink = this.sink;
    let line = this.line;
    while (p < n) {
      const fast = this.fast;
      if (fast !== null) {
        const next = fast(buf, p, n);
        if (next >= 0) {
          p = next;
          line++;
          continue;
        }
      }
      const recStart = p;
      const recLine = line;
      let nf = 0;
      let problem: RecordProblem = 0;
      let done = false;
      while (!done) {
        let fs: number;
        let fe: number;
        let esc = 0;
        if (p < n && buf[p] === QUOTE) {
          // Quoted field: up to the closing quote; `""` is a literal quote; newlines allowed.
          p++;
          fs = p;
          fe = -1;
          while (p < n) {
            const c = buf[p];
            if (c === QUOTE) {
              if (p + 1 < n && buf[p + 1] === QUOTE) {
                esc = 1;
                p += 2;
                continue;
              }
              if (p + 1 >= n && !last) break; // cannot tell `"` from `""` yet
              fe = p;
              p++;
              break;
            }
            if (c === LF) line++;
            p++;
          }
          if (fe < 0) {
            if (!last) {
              this.line = recLine;
              return recStart;
            }
            fe = n;
            problem = 1;
          }
          // Stray bytes between the closing quote and the delimiter are kept as part of the field.
          const after = p;
          while (p < n && buf[p] !== COMMA && buf[p] !== LF) p++;
          let tail = p;
          if (tail > after && buf[tail - 1] === CR && (p >= n || buf[p] === LF)) tail--;
          if (tail > after) fe = tail;
        } else {
          fs = p;
          while (p < n) {
            const c = buf[p];
            if (c === COMMA || c === LF) break;
            p++;
          }
          fe = p;
          if (fe > fs && buf[fe - 1] === CR && (p >= n || buf[p] === LF)) fe--;
        }
        if (nf < MAX_FIELDS) {
          start[nf] = fs;
          end[nf] = fe;
          escaped[nf] = esc;
        }
        nf++;
        if (p >= n) {
          if (!last) {
            this.line = recLine;
            return recStart;
          }
          done = true;
        } else if (buf[p] === LF) {
          line++;
          p++;
          done = true;
        } else p++; // comma
      }
      sink(buf, nf < MAX_FIELDS ? nf : MAX_FIELDS, recLine, problem);
    }
    this.line = line;
    return p;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** A fresh copy (Node's Buffer#slice would return a view of memory the caller reuses). */
function copyOf(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  out.set(b);
  return out;
}

/** The content of a quoted field with `""` turned into `"`. */
export function unquote(buf: Uint8Array, s: number, e: number): Uint8Array {
  const out = new Uint8Array(e - s);
  let k = 0;
  for (let i = s; i < e; i++) {
    out[k++] = buf[i];
    if (buf[i] === QUOTE && i + 1 < e && buf[i + 1] === QUOTE) i++;
  }
  return out.subarray(0, k);
}

/** True when the record is a blank line (one empty, unquoted field). */
export function isBlank(buf: Uint8Array, fields: number, start: Int32Array, end: Int32Array): boolean {
  return fields === 1 && start[0] === end[0] && (start[0] === 0 || buf[start[0] - 1] !== QUOTE);
}
