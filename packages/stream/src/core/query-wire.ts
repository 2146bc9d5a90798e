/**
 * The fan-out's requests and a shard's answers, binary. Round 1 asks every shard for the stays of
 * some subjects (the cases); round 2 asks a shard, per cell it owns, for the stays overlapping the
 * cases' clipped stays there and, for the subjects found, their stays in the dwell window.
 */
import { checkInterval, NameTable, Reader, readMagic, readNames, Writer } from './byte-io.js';
import type { StayRecord } from './types.js';
import { StreamWireError } from './wire.js';

const REQ_MAGIC = 0x31515852; // "RXQ1"
const ANS_MAGIC = 0x31415852; // "RXA1"
const VERSION = 1;
const KIND_SUBJECTS = 1;
const KIND_CELLS = 2;
const ANS_STAYS = 1;
const ANS_ERROR = 2;

/** One case's clipped stays in one cell. */
export interface CellProbe {
  i: number;
  j: number;
  /** A stay counts when its overlap with a piece is > 0 and ≥ `need` (min_overlap when contiguous). */
  need: number;
  /** [start, end) of the pieces. */
  pieces: number[];
  /** Dwell window [lo, hi] of the case (the dwell clause), or null when the clause is off. */
  dwell: [number, number] | null;
}

export type ShardRequest = { kind: 'subjects'; subjects: string[] } | { kind: 'cells'; probes: CellProbe[] };

export function encodeRequest(req: ShardRequest): Uint8Array {
  const w = new Writer();
  w.u32(REQ_MAGIC);
  w.u8(VERSION);
  if (req.kind === 'subjects') {
    w.u8(KIND_SUBJECTS);
    w.u32(req.subjects.length);
    for (const s of req.subjects) w.str(s);
  } else {
    w.u8(KIND_CELLS);
    w.u32(req.probes.length);
    for (const p of req.probes) {
      w.i32(p.i);
      w.i32(p.j);
      w.f64(p.need);
      w.f64(p.dwell ? p.dwell[0] : Number.NaN);
      w.f64(p.dwell ? p.dwell[1] : Number.NaN);
      w.u32(p.pieces.length / 2);
      for (const v of p.pieces) w.f64(v);
    }
  }
  return w.done();
}

export function decodeRequest(u: Uint8Array): ShardRequest {
  const r = new Reader(u);
  readMagic(r, REQ_MAGIC, VERSION, 'shard request');
  const kind = r.u8('request kind');
  if (kind === KIND_SUBJECTS) {
    const subjects = readNames(r, 'request');
    r.end('shard request');
    return { kind: 'subjects', subjects };
  }
  if (kind !== KIND_CELLS) throw new StreamWireError(`unknown request kind ${kind}`);
  const n = r.count(36, 'probes');
  const probes: CellProbe[] = [];
  for (let k = 0; k < n; k++) {
    const i = r.i32('probe i');
    const j = r.i32('probe j');
    const need = r.f64('probe need');
    const lo = r.f64('dwell from');
    const hi = r.f64('dwell to');
    const np = r.count(16, 'pieces');
    const pieces: number[] = new Array(np * 2);
    for (let q = 0; q < np * 2; q++) pieces[q] = r.f64('piece');
    if (!(need >= 0)) throw new StreamWireError('bad need');
    probes.push({ i, j, need, pieces, dwell: Number.isNaN(lo) ? null : [lo, hi] });
  }
  r.end('shard request');
  return { kind: 'cells', probes };
}

export function encodeStaysAnswer(stays: readonly StayRecord[]): Uint8Array {
  const w = new Writer(64 + stays.length * 28);
  w.u32(ANS_MAGIC);
  w.u8(VERSION);
  w.u8(ANS_STAYS);
  writeStayRecords(w, stays);
  return w.done();
}

export function encodeErrorAnswer(reason: string): Uint8Array {
  const w = new Writer();
  w.u32(ANS_MAGIC);
  w.u8(VERSION);
  w.u8(ANS_ERROR);
  w.str(reason);
  return w.done();
}

/** A shard's stays, or a thrown ShardAnswerError when it answered with an error or bad bytes. */
export function decodeAnswer(u: Uint8Array, shard: number): StayRecord[] {
  try {
    const r = new Reader(u);
    readMagic(r, ANS_MAGIC, VERSION, 'shard answer');
    const kind = r.u8('answer kind');
    if (kind === ANS_ERROR) throw new ShardAnswerError(shard, r.str('error reason'));
    if (kind !== ANS_STAYS) throw new StreamWireError(`unknown answer kind ${kind}`);
    const stays = readStayRecords(r);
    r.end('shard answer');
    return stays;
  } catch (e) {
    if (e instanceof StreamWireError) throw new ShardAnswerError(shard, e.reason);
    throw e;
  }
}

/** A shard could not answer (it said why, or its answer was malformed). */
export class ShardAnswerError extends Error {
  constructor(
    readonly shard: number,
    readonly reason: string,
  ) {
    super(`shard ${shard} failed: ${reason}`);
    this.name = 'ShardAnswerError';
  }
}

/** Stay records (a shard's answer): 28 bytes each + subject names once. */
function writeStayRecords(w: Writer, stays: readonly StayRecord[]): void {
  const names = new NameTable();
  const ids = stays.map((s) => names.id(s.subject));
  names.write(w);
  w.u32(stays.length);
  for (let k = 0; k < stays.length; k++) {
    const s = stays[k];
    w.u32(ids[k]);
    w.f64(s.start);
    w.f64(s.end);
    w.i32(s.i);
    w.i32(s.j);
  }
}

function readStayRecords(r: Reader): StayRecord[] {
  const names = readNames(r, 'stays');
  const count = r.count(28, 'stays');
  const out: StayRecord[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const subject = names[r.u32('stay subject')];
    if (subject === undefined) throw new StreamWireError(`stay ${k}: subject not in the name table`);
    const start = r.f64('stay start');
    const end = r.f64('stay end');
    const i = r.i32('stay i');
    const j = r.i32('stay j');
    checkInterval(start, end, `stay ${k}`);
    out[k] = { subject, start, end, i, j };
  }
  return out;
}
