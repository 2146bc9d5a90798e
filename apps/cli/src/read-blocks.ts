/**
 * A pings file read in parallel, balanced as it goes. After the header, the file is cut at line
 * starts into blocks of about `CHUNK` bytes, and the blocks into one region per two readers. In a
 * region one reader takes blocks from the front and the other from the back, one block at a time,
 * through one shared word, until they meet: a reader that starts late (a worker thread needs a
 * moment to start) or is slowed by other work simply reads fewer blocks. Each reader's blocks are
 * contiguous, so a region's front reader and then its back reader are the file's parts in order;
 * the back reader appends its blocks backwards and groups them in file order (`ranges`). A reject's
 * line is counted within its block and numbered once every block's line count is known.
 */
import fs from 'node:fs';
import type { PingReader, RejectSink } from '@renxing/engine';
import { CHUNK, PIECE } from './files.js';

/** Blocks of the file after its header, and the shared words through which readers take them. */
export interface BlockPlan {
  /** Block b is bytes bounds[b] .. bounds[b + 1]. */
  bounds: number[];
  /** One word a region: its next front block in the low 16 bits, its end block in the high 16. */
  claims: Int32Array;
}

/** Which end of which region a reader takes its blocks from. */
export interface BlockRole {
  region: number;
  backward: boolean;
}

/** What one reader read, for numbering rejects and checking alignment. */
export interface BlocksRead {
  /** The blocks it read, in the order it read them, and each one's physical lines. */
  blocks: number[];
  lines: number[];
  /** Its pings' ranges in file order, flat [from, to, …] (for `PingReader.parts`). */
  ranges: number[];
  /** False when a block did not end at a record's end (a split inside a quoted field). */
  aligned: boolean;
  rejects: RejectsByBlock;
}

/** Rejects, each with its block and its line within that block. */
export interface RejectsByBlock {
  blocks: number[];
  lines: number[];
  reasons: string[];
}

/** Blocks are a file's CHUNK at most (RENXING_READ_BLOCK_BYTES makes them smaller, for tests). */
const BLOCK = Number(process.env.RENXING_READ_BLOCK_BYTES) || CHUNK;
/** Block numbers fit the claim word's 15-bit halves. */
const MAX_BLOCKS = 0x7fff;

/** Cuts bytes from..size at line starts and gives each pair of the `readers` a region. */
export function planBlocks(fd: number, from: number, size: number, readers: number): BlockPlan {
  const step = Math.max(BLOCK, Math.ceil((size - from) / MAX_BLOCKS));
  const bounds = [from];
  for (let at = from + step; at < size; at += step) {
    const start = nextLineStart(fd, at, size);
    if (start > bounds[bounds.length - 1] && start < size) bounds.push(start);
  }
  bounds.push(size);
  const blocks = bounds.length - 1;
  const regions = Math.ceil(readers / 2);
  const claims = new Int32Array(new SharedArrayBuffer(regions * 4));
  for (let r = 0; r < regions; r++) {
    // A region's share of the blocks is its share of the readers (the last may have one).
    const a = Math.round((blocks * 2 * r) / readers);
    const b = Math.round((blocks * Math.min(readers, 2 * r + 2)) / readers);
    claims[r] = a | (b << 16);
  }
  return { bounds, claims };
}

/** Reader k's place: pairs share a region, the even one reading from the back. */
export function roleOf(reader: number): BlockRole {
  return { region: reader >> 1, backward: (reader & 1) === 0 };
}

/** Readers in the order of the file's parts: in each region the front reader, then the back one. */
export function readersInFileOrder(readers: number): number[] {
  const order: number[] = [];
  for (let k = 0; k < readers; k += 2) {
    if (k + 1 < readers) order.push(k + 1);
    order.push(k);
  }
  return order;
}

/**
 * Pings a reader of this role may read at most, for its columns' size (~30 bytes a row at least;
 * pages never written are never touched, so room to spare costs no memory).
 */
export function expectedPings(plan: BlockPlan, role: BlockRole): number {
  const v = plan.claims[role.region];
  return Math.ceil((plan.bounds[v >>> 16] - plan.bounds[v & 0xffff]) / 30);
}

/**
 * The next block for this role, or -1 when its region is all taken or only `leave` blocks are left
 * (for the region's other reader).
 */
function claim(plan: BlockPlan, role: BlockRole, leave = 0): number {
  const word = plan.claims;
  for (;;) {
    const v = Atomics.load(word, role.region);
    const front = v & 0xffff;
    const end = v >>> 16;
    if (end - front <= leave) return -1;
    const next = role.backward ? front | ((end - 1) << 16) : front + 1 + (end << 16);
    if (Atomics.compareExchange(word, role.region, v, next) === v) return role.backward ? end - 1 : front;
  }
}

/** A reader's rejects with their block and their line within it (see `BlocksRead`). */
export class BlockRejects implements RejectsByBlock {
  readonly blocks: number[] = [];
  readonly lines: number[] = [];
  readonly reasons: string[] = [];
  private block = -1;
  /** The reader's lines before the current block. */
  private base = 0;

  readonly sink: RejectSink = (_file, line, reason) => {
    this.blocks.push(this.block);
    this.lines.push(line - this.base);
    this.reasons.push(reason);
  };

  enter(block: number, linesBefore: number): void {
    this.block = block;
    this.base = linesBefore;
  }
}

/**
 * Reads blocks for `role` until its region is all taken. `pause` runs between blocks (the main
 * thread lets worker messages in there); `onBytes` gets each block's size. `reserveMs`: the work
 * this reader has once the reading is over that the region's other reader does not (in ms; asked
 * before each block): it leaves the other reader as many blocks as that takes, at the pace of its
 * own blocks so far, so that both finish together.
 */
export async function readBlocks(
  fd: number,
  reader: PingReader,
  rejects: BlockRejects,
  plan: BlockPlan,
  role: BlockRole,
  onBytes: (bytes: number) => void,
  pause?: () => Promise<void>,
  reserveMs?: () => number,
): Promise<BlocksRead> {
  const { blocks, lines, reasons } = rejects;
  const read: BlocksRead = {
    blocks: [],
    lines: [],
    ranges: [],
    aligned: true,
    rejects: { blocks, lines, reasons },
  };
  const last = plan.bounds.length - 2;
  const buf = Buffer.allocUnsafe(PIECE);
  const ranges: number[] = [];
  const t0 = performance.now();
  const leave = () =>
    reserveMs && read.blocks.length > 0
      ? Math.round(reserveMs() / ((performance.now() - t0) / read.blocks.length))
      : 0;
  for (let b = claim(plan, role); b >= 0; b = claim(plan, role, leave())) {
    const linesBefore = reader.linesDone;
    const pingsBefore = reader.count;
    rejects.enter(b, linesBefore);
    reader.nextBlock();
    const end = plan.bounds[b + 1];
    pushBytes(fd, reader, buf, plan.bounds[b], end);
    if (!reader.atRecordEnd) {
      if (b === last) reader.endOfFile();
      else read.aligned = false;
    }
    read.blocks.push(b);
    read.lines.push(reader.linesDone - linesBefore);
    ranges.push(pingsBefore, reader.count);
    onBytes(end - plan.bounds[b]);
    if (pause) await pause();
  }
  // A back reader's blocks came last first.
  if (role.backward)
    for (let k = ranges.length - 2; k >= 0; k -= 2) read.ranges.push(ranges[k], ranges[k + 1]);
  else read.ranges = ranges;
  return read;
}

/**
 * Feeds bytes from..to of the file to the reader, `buf` (a reused buffer of PIECE bytes) at a time;
 * returns where it stopped (before `to` only when the file ended).
 */
export function pushBytes(fd: number, reader: PingReader, buf: Buffer, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (n === 0) break;
    reader.push(buf.subarray(0, n));
    at += n;
  }
  return at;
}

/**
 * Every reader's rejects, numbered as lines of the file (after `headerLines`) and in file order.
 * Throws when a block was read by no reader (which the claims rule out).
 */
export function numberRejects(
  plan: BlockPlan,
  reads: readonly BlocksRead[],
  headerLines: number,
  onReject: RejectSink,
): void {
  const blocks = plan.bounds.length - 1;
  const lines = new Float64Array(blocks).fill(-1);
  for (const r of reads) for (let k = 0; k < r.blocks.length; k++) lines[r.blocks[k]] = r.lines[k];
  const before = new Float64Array(blocks);
  let sum = headerLines;
  for (let b = 0; b < blocks; b++) {
    if (lines[b] < 0) throw new Error(`block ${b} of the pings file was not read`);
    before[b] = sum;
    sum += lines[b];
  }
  const all: [number, string][] = [];
  for (const { rejects } of reads)
    for (let k = 0; k < rejects.lines.length; k++)
      all.push([before[rejects.blocks[k]] + rejects.lines[k], rejects.reasons[k]]);
  all.sort((a, b) => a[0] - b[0]);
  for (const [line, reason] of all) onReject('pings', line, reason);
}

/** The offset just after the first newline at or after `at` (or `size`). */
function nextLineStart(fd: number, at: number, size: number): number {
  const buf = Buffer.allocUnsafe(1 << 16);
  let pos = at;
  while (pos < size) {
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    const k = buf.subarray(0, n).indexOf(10);
    if (k >= 0) return pos + k + 1;
    pos += n;
  }
  return size;
}
