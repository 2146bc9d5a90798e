/**
 * Compact binary messages of the stream (not JSON: millions of pings a second). Little-endian;
 * strings once per message in a name table. A ping costs 28 bytes (+ its subject once per
 * message), a stay op 36. Decoders throw StreamWireError on malformed bytes and nothing else.
 */
import { checkInterval, NameTable, Reader, readMagic, readNames, Writer } from './byte-io.js';
import type { PingBatch, StayOp } from './types.js';
import { StreamWireError } from './wire-error.js';

export { StreamWireError } from './wire-error.js';

const PINGS_MAGIC = 0x31505852; // "RXP1"
const OPS_MAGIC = 0x314f5852; // "RXO1"
const VERSION = 1;
export const PING_BYTES = 28;
export const OP_BYTES = 36;

export function encodePingBatch(b: PingBatch): Uint8Array {
  const names = new NameTable();
  const ids = new Uint32Array(b.count);
  for (let k = 0; k < b.count; k++) ids[k] = names.id(b.subject[k]);
  const w = new Writer(64 + b.count * PING_BYTES + names.names.length * 24);
  w.u32(PINGS_MAGIC);
  w.u8(VERSION);
  names.write(w);
  w.u32(b.count);
  for (let k = 0; k < b.count; k++) {
    w.u32(ids[k]);
    w.f64(b.ts[k]);
    w.f64(b.lon[k]);
    w.f64(b.lat[k]);
  }
  return w.done();
}

export function decodePingBatch(u: Uint8Array): PingBatch {
  const r = new Reader(u);
  readMagic(r, PINGS_MAGIC, VERSION, 'ping batch');
  const names = readNames(r, 'ping batch');
  for (const s of names) if (s.length === 0) throw new StreamWireError('empty subject');
  const count = r.count(PING_BYTES, 'pings');
  const subject: string[] = new Array(count);
  const ts = new Float64Array(count);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const id = r.u32('ping subject');
    if (id >= names.length) throw new StreamWireError(`ping ${k}: subject ${id} not in the name table`);
    subject[k] = names[id];
    const t = r.f64('ping ts');
    const x = r.f64('ping lon');
    const y = r.f64('ping lat');
    if (!Number.isFinite(t)) throw new StreamWireError(`ping ${k}: bad ts`);
    if (!(x >= -180 && x <= 180)) throw new StreamWireError(`ping ${k}: bad lon`);
    if (!(y >= -90 && y <= 90)) throw new StreamWireError(`ping ${k}: bad lat`);
    ts[k] = t;
    lon[k] = x;
    lat[k] = y;
  }
  r.end('ping batch');
  return { count, subject, ts, lon, lat };
}

export function encodeStayOps(ops: readonly StayOp[]): Uint8Array {
  const names = new NameTable();
  const ids = ops.map((o) => names.id(o.subject));
  const w = new Writer(64 + ops.length * OP_BYTES + names.names.length * 24);
  w.u32(OPS_MAGIC);
  w.u8(VERSION);
  names.write(w);
  w.u32(ops.length);
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    w.u32(ids[k]);
    w.f64(o.start);
    w.f64(o.end);
    w.i32(o.i);
    w.i32(o.j);
    w.f64(o.seq);
  }
  return w.done();
}

export function decodeStayOps(u: Uint8Array): StayOp[] {
  const r = new Reader(u);
  readMagic(r, OPS_MAGIC, VERSION, 'stay ops');
  const names = readNames(r, 'stay ops');
  const count = r.count(OP_BYTES, 'stay ops');
  const ops: StayOp[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const subject = names[r.u32('op subject')];
    if (subject === undefined) throw new StreamWireError(`op ${k}: subject not in the name table`);
    const start = r.f64('op start');
    const end = r.f64('op end');
    const i = r.i32('op i');
    const j = r.i32('op j');
    const seq = r.f64('op seq');
    checkInterval(start, end, `op ${k}`);
    if (!Number.isSafeInteger(seq) || seq < 0) throw new StreamWireError(`op ${k}: bad seq`);
    ops[k] = { subject, start, end, i, j, seq };
  }
  r.end('stay ops');
  return ops;
}
