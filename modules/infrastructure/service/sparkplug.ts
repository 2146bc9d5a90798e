/**
 * A Sparkplug B payload (Eclipse Sparkplug 3.0, `org.eclipse.tahu.protobuf.Payload`) decoded from
 * protobuf by hand: only what a reading needs — the payload's timestamp and its metrics' name,
 * timestamp, datatype, is_null and scalar value. Everything else (metadata, properties, datasets,
 * templates, extensions) is skipped by its wire type. No dependency: the wire format is small and
 * fixed, and a decoder of the whole schema would bring code we never run.
 *
 *   Payload { 1 timestamp uint64; 2 metrics repeated Metric; 3 seq uint64; 4 uuid; 5 body }
 *   Metric  { 1 name string; 2 alias uint64; 3 timestamp uint64; 4 datatype uint32; 7 is_null bool;
 *             10 int_value uint32; 11 long_value uint64; 12 float_value float; 13 double_value double;
 *             14 boolean_value bool; 15 string_value string; … }
 */

/** Sparkplug B datatypes with a scalar number (or boolean) value. */
const INT8 = 1;
const INT16 = 2;
const INT32 = 3;
const INT64 = 4;

export interface SparkplugMetric {
  name: string | null;
  alias: number | null;
  /** Milliseconds since the epoch, or null. */
  timestamp: number | null;
  datatype: number | null;
  isNull: boolean;
  /** The scalar value as a number (booleans 1 or 0), or null when it has none or another kind. */
  value: number | null;
}

export interface SparkplugPayload {
  timestamp: number | null;
  seq: number | null;
  metrics: SparkplugMetric[];
}

/** A payload that is not protobuf of this shape. */
export class SparkplugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SparkplugError';
  }
}

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }
  get done(): boolean {
    return this.pos >= this.end;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new SparkplugError('truncated varint');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result & 0xffffffffffffffffn;
      shift += 7n;
    }
    throw new SparkplugError('varint longer than 10 bytes');
  }
  fixed(n: 4 | 8): DataView {
    if (this.pos + n > this.end) throw new SparkplugError('truncated fixed-width field');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return view;
  }
  bytes(): { start: number; end: number } {
    const len = Number(this.varint());
    if (this.pos + len > this.end) throw new SparkplugError('truncated length-delimited field');
    const start = this.pos;
    this.pos += len;
    return { start, end: this.pos };
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.fixed(8);
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.fixed(4);
    else throw new SparkplugError(`unsupported wire type ${wire}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A uint64 as a number while it is exact (timestamps in ms are), else null. */
function exact(v: bigint): number | null {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

function signed32(v: bigint, datatype: number | null): number {
  const u = Number(v & 0xffffffffn);
  if (datatype === INT8) return (u << 24) >> 24;
  if (datatype === INT16) return (u << 16) >> 16;
  if (datatype === INT32) return u | 0;
  return u;
}

function metric(r: Reader): SparkplugMetric {
  const m: SparkplugMetric = {
    name: null,
    alias: null,
    timestamp: null,
    datatype: null,
    isNull: false,
    value: null,
  };
  let raw: { kind: 'int' | 'long'; v: bigint } | null = null;
  while (!r.done) {
    const tag = r.varint();
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field === 0) throw new SparkplugError('field number 0');
    if (field === 1 && wire === 2) {
      const b = r.bytes();
      m.name = utf8.decode(r.buf.subarray(b.start, b.end));
    } else if (field === 2 && wire === 0) m.alias = exact(r.varint());
    else if (field === 3 && wire === 0) m.timestamp = exact(r.varint());
    else if (field === 4 && wire === 0) m.datatype = Number(r.varint() & 0xffffffffn);
    else if (field === 7 && wire === 0) m.isNull = r.varint() !== 0n;
    else if (field === 10 && wire === 0) raw = { kind: 'int', v: r.varint() };
    else if (field === 11 && wire === 0) raw = { kind: 'long', v: r.varint() };
    else if (field === 12 && wire === 5) m.value = r.fixed(4).getFloat32(0, true);
    else if (field === 13 && wire === 1) m.value = r.fixed(8).getFloat64(0, true);
    else if (field === 14 && wire === 0) m.value = r.varint() !== 0n ? 1 : 0;
    else r.skip(wire);
  }
  if (raw) {
    if (raw.kind === 'int') m.value = signed32(raw.v, m.datatype);
    else m.value = Number(m.datatype === INT64 ? BigInt.asIntN(64, raw.v) : raw.v);
  }
  return m;
}

/** Decodes a Sparkplug B payload; throws SparkplugError when it is not one. */
export function decodeSparkplug(bytes: Uint8Array): SparkplugPayload {
  const r = new Reader(bytes, 0, bytes.length);
  const p: SparkplugPayload = { timestamp: null, seq: null, metrics: [] };
  while (!r.done) {
    const tag = r.varint();
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field === 0) throw new SparkplugError('field number 0');
    if (field === 1 && wire === 0) p.timestamp = exact(r.varint());
    else if (field === 2 && wire === 2) {
      const b = r.bytes();
      p.metrics.push(metric(new Reader(bytes, b.start, b.end)));
    } else if (field === 3 && wire === 0) p.seq = exact(r.varint());
    else r.skip(wire);
  }
  return p;
}
