/**
 * The companion index: every positive stay of a city, sorted by (cell, start), in one ArrayBuffer
 * with a versioned header — saved to disk as is and opened without copying (`fromBuffer`), so it
 * can be handed to worker threads. 16 bytes a stay: subject, start, end (u32 seconds after `base`)
 * and a per-subject permutation.
 */

import { RenxingError } from '@renxing/contracts';
import { encodeUtf8, findName } from './bytes.js';
import { cellLabel } from './grid.js';
import { fillIndex, type IndexInput, planIndex } from './index-build.js';
import { FLAG_WIDE, HEADER_BYTES, INDEX_MAGIC, INDEX_VERSION, LEVELS, sections } from './index-layout.js';
import type { GridParams } from './params.js';

export { durationLevel, INDEX_MAGIC, INDEX_VERSION, LEVELS } from './index-layout.js';

export interface IndexStats {
  pings: number;
  duplicates: number;
  pingRejects: number;
  allStays: number;
}

export type TimeArray = Uint32Array<ArrayBufferLike> | Float64Array<ArrayBufferLike>;

export class CompanionIndex {
  readonly wide: boolean;
  readonly stays: number;
  readonly cells: number;
  readonly subjects: number;
  /** Absolute instant = base + stored relative instant. */
  readonly base: number;
  readonly maxPingTs: number;
  readonly grid: GridParams;
  readonly maxGap: number;
  readonly tzOffset: number;
  readonly stats: IndexStats;
  readonly cellI: Int32Array;
  readonly cellJ: Int32Array;
  /**
   * Stays of cell c, duration level L are positions levelStart[c * LEVELS + L] .. the next entry,
   * sorted by start; all of cell c lie in levelStart[c * LEVELS] .. levelStart[(c + 1) * LEVELS].
   */
  readonly levelStart: Uint32Array;
  /** Longest stay in each cell, relative seconds (bounds the search in the top level). */
  readonly cellMaxDur: Float64Array;
  readonly staySubject: Uint32Array;
  readonly stayStart: TimeArray;
  readonly stayEnd: TimeArray;
  /** Stays of subject s (positions, by start) are subjStays[subjStart[s] .. subjStart[s + 1]]. */
  readonly subjStart: Uint32Array;
  readonly subjStays: Uint32Array;
  readonly subjOffsets: Uint32Array;
  readonly subjBytes: Uint8Array;
  private labels: (string | undefined)[] = [];

  private constructor(readonly buffer: ArrayBuffer | SharedArrayBuffer) {
    const v = new DataView(buffer);
    if (buffer.byteLength < HEADER_BYTES || v.getUint32(0, true) !== INDEX_MAGIC)
      throw new RenxingError('RX_BAD_INDEX', { file: 'index', detail: 'not a Renxing companion index' });
    const version = v.getUint32(4, true);
    if (version !== INDEX_VERSION)
      throw new RenxingError('RX_BAD_INDEX', {
        file: 'index',
        detail: `index version ${version}, this build reads ${INDEX_VERSION}`,
      });
    this.wide = (v.getUint32(8, true) & FLAG_WIDE) !== 0;
    const n = v.getUint32(12, true);
    const nc = v.getUint32(16, true);
    const ns = v.getUint32(20, true);
    this.stays = n;
    this.cells = nc;
    this.subjects = ns;
    const nb = v.getUint32(24, true);
    this.base = v.getFloat64(32, true);
    this.maxPingTs = v.getFloat64(40, true);
    this.grid = {
      originLon: v.getFloat64(48, true),
      originLat: v.getFloat64(56, true),
      size: v.getFloat64(64, true),
    };
    this.maxGap = v.getFloat64(72, true);
    this.tzOffset = v.getFloat64(80, true);
    this.stats = {
      pings: v.getFloat64(88, true),
      duplicates: v.getFloat64(96, true),
      pingRejects: v.getFloat64(104, true),
      allStays: v.getFloat64(112, true),
    };
    const layout = sections(n, nc, ns, nb, this.wide);
    if (layout.total !== buffer.byteLength)
      throw new RenxingError('RX_BAD_INDEX', {
        file: 'index',
        detail: `index is ${buffer.byteLength} bytes, header says ${layout.total}`,
      });
    this.cellI = new Int32Array(buffer, layout.cellI, nc);
    this.cellJ = new Int32Array(buffer, layout.cellJ, nc);
    this.levelStart = new Uint32Array(buffer, layout.levelStart, nc * LEVELS + 1);
    this.cellMaxDur = new Float64Array(buffer, layout.cellMaxDur, nc);
    this.staySubject = new Uint32Array(buffer, layout.staySubject, n);
    this.stayStart = this.wide
      ? new Float64Array(buffer, layout.stayStart, n)
      : new Uint32Array(buffer, layout.stayStart, n);
    this.stayEnd = this.wide
      ? new Float64Array(buffer, layout.stayEnd, n)
      : new Uint32Array(buffer, layout.stayEnd, n);
    this.subjStart = new Uint32Array(buffer, layout.subjStart, ns + 1);
    this.subjStays = new Uint32Array(buffer, layout.subjStays, n);
    this.subjOffsets = new Uint32Array(buffer, layout.subjOffsets, ns + 1);
    this.subjBytes = new Uint8Array(buffer, layout.subjBytes, nb);
  }

  /** Opens an index held in `bytes` (copied only when it is not 8-byte aligned). */
  static fromBytes(bytes: Uint8Array): CompanionIndex {
    if (bytes.byteOffset % 8 === 0 && bytes.buffer instanceof ArrayBuffer) {
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
        return new CompanionIndex(bytes.buffer);
    }
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new CompanionIndex(copy.buffer);
  }

  /** Opens an index in an ArrayBuffer, or a SharedArrayBuffer that worker threads read at once. */
  static fromBuffer(buffer: ArrayBuffer | SharedArrayBuffer): CompanionIndex {
    return new CompanionIndex(buffer);
  }

  /** Subject id of a subject's UTF-8 bytes (ids are in byte order), or -1. */
  findSubject(subject: string): number {
    return findName(this.subjBytes, this.subjOffsets, encodeUtf8(subject));
  }

  subjectBytes(id: number): Uint8Array {
    return this.subjBytes.subarray(this.subjOffsets[id], this.subjOffsets[id + 1]);
  }

  /** The cell holding stay position p. */
  cellOfStay(p: number): number {
    const ls = this.levelStart;
    let lo = 0;
    let hi = this.cells - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ls[mid * LEVELS] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First position of cell c. */
  cellFirst(c: number): number {
    return this.levelStart[c * LEVELS];
  }

  /** One past the last position of cell c. */
  cellEnd(c: number): number {
    return this.levelStart[(c + 1) * LEVELS];
  }

  cellLabel(c: number): string {
    let s = this.labels[c];
    if (s === undefined) {
      s = cellLabel(this.cellI[c], this.cellJ[c]);
      this.labels[c] = s;
    }
    return s;
  }

  /** Builds an index from stays (subject ids in byte order) and the subjects' sorted UTF-8 names. */
  static build(input: IndexInput): CompanionIndex {
    const plan = planIndex(input);
    fillIndex(plan, input.stays, 0, plan.cells);
    return new CompanionIndex(plan.buffer);
  }
}
