/** Little-endian byte writing and bounds-checked reading for the stream's binary messages. */
import { StreamWireError } from './wire-error.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  at = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.at++] = v;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.at, v, true);
    this.at += 4;
  }

  i32(v: number): void {
    this.room(4);
    this.view.setInt32(this.at, v, true);
    this.at += 4;
  }

  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** A string as u32 length + UTF-8. */
  str(s: string): void {
    const b = encoder.encode(s);
    this.u32(b.length);
    this.bytes(b);
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}

export class Reader {
  private readonly view: DataView;
  at = 0;

  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  need(n: number, what: string): void {
    if (!(n >= 0) || this.at + n > this.buf.length) throw new StreamWireError(`truncated ${what}`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.at++];
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }

  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.at, true);
    this.at += 4;
    return v;
  }

  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }

  /** A count of items of `bytesEach` bytes still to come: rejects counts the message cannot hold. */
  count(bytesEach: number, what: string): number {
    const n = this.u32(`${what} count`);
    this.need(n * bytesEach, what);
    return n;
  }

  str(what: string): string {
    const n = this.u32(`${what} length`);
    this.need(n, what);
    const b = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    try {
      return decoder.decode(b);
    } catch {
      throw new StreamWireError(`invalid UTF-8 in ${what}`);
    }
  }

  end(what: string): void {
    if (this.at !== this.buf.length)
      throw new StreamWireError(`${this.buf.length - this.at} trailing bytes after ${what}`);
  }
}

/** Strings of a message as a table: each distinct string once, items refer to it by index. */
export class NameTable {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  private lastName: string | null = null;
  private lastId = 0;

  id(name: string): number {
    // Consecutive items often share a subject: skip the map then.
    if (name === this.lastName) return this.lastId;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  write(w: Writer): void {
    w.u32(this.names.length);
    for (const s of this.names) w.str(s);
  }
}

export function readNames(r: Reader, what: string): string[] {
  const n = r.count(4, `${what} names`);
  const names: string[] = new Array(n);
  for (let k = 0; k < n; k++) names[k] = r.str(`${what} name`);
  return names;
}

/** Checks a magic tag + version pair at the start of a message. */
export function readMagic(r: Reader, magic: number, version: number, what: string): void {
  const m = r.u32(`${what} magic`);
  if (m !== magic) throw new StreamWireError(`not a ${what} (magic ${m.toString(16)})`);
  const v = r.u8(`${what} version`);
  if (v !== version) throw new StreamWireError(`${what} version ${v}, this build reads ${version}`);
}

/** A stay interval as the wire may carry it: finite, end ≥ start. */
export function checkInterval(start: number, end: number, what: string): void {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start)
    throw new StreamWireError(`${what}: bad interval`);
}
