/** The contract's square grid: a local equirectangular projection about the city origin. */
import type { GridParams } from './params.js';
import { grown } from './typed.js';

const R = 6371008.8;

/** Maps (lon, lat) to a cell and interns cells as dense ids. */
export class Grid {
  private readonly lon0: number;
  private readonly lat0: number;
  private readonly cosLat0: number;
  private readonly size: number;
  count = 0;
  cellI = new Int32Array(1024);
  cellJ = new Int32Array(1024);
  private table = new Int32Array(2048).fill(-1);
  private mask = 2047;
  private lastI = 0;
  private lastJ = 0;
  private lastId = -1;
  /**
   * For a reader of blocks out of file order (see `fileOrder`): the block each cell was last met in
   * and when it was first met there.
   */
  private block = 0;
  private stamp = 0;
  private metIn = new Int32Array(1024);
  private firstMet = new Float64Array(1024);

  constructor(p: GridParams) {
    this.lon0 = p.originLon;
    this.lat0 = p.originLat;
    this.cosLat0 = Math.cos((p.originLat * Math.PI) / 180);
    this.size = p.size;
  }

  /** Cell column i = floor(x / size), evaluated in the order the contract writes it. */
  cellX(lon: number): number {
    return Math.floor(((lon - this.lon0) * this.cosLat0 * (Math.PI / 180) * R) / this.size);
  }

  cellY(lat: number): number {
    return Math.floor(((lat - this.lat0) * (Math.PI / 180) * R) / this.size);
  }

  /** Dense id of the cell holding (lon, lat). */
  cellOf(lon: number, lat: number): number {
    return this.intern(this.cellX(lon), this.cellY(lat));
  }

  intern(i: number, j: number): number {
    if (i === this.lastI && j === this.lastJ && this.lastId >= 0) return this.lastId;
    const mask = this.mask;
    let slot = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca77)) & mask;
    for (;;) {
      const id = this.table[slot];
      if (id < 0) break;
      if (this.cellI[id] === i && this.cellJ[id] === j) return this.remember(i, j, id);
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id >= this.cellI.length) {
      const size = this.cellI.length * 2;
      this.cellI = grown(this.cellI, size);
      this.cellJ = grown(this.cellJ, size);
      this.metIn = grown(this.metIn, size);
      this.firstMet = grown(this.firstMet, size);
    }
    this.cellI[id] = i;
    this.cellJ[id] = j;
    this.metIn[id] = -1;
    this.table[slot] = id;
    if (this.count * 2 > this.table.length) this.rehash();
    return this.remember(i, j, id);
  }

  private remember(i: number, j: number, id: number): number {
    this.lastI = i;
    this.lastJ = j;
    this.lastId = id;
    if (this.metIn[id] !== this.block) {
      this.metIn[id] = this.block;
      this.firstMet[id] = this.stamp++;
    }
    return id;
  }

  /** The cells met from here on are in the next block (of a reading in blocks, see `fileOrder`). */
  nextBlock(): void {
    this.block++;
    this.lastId = -1;
  }

  /**
   * The cell ids in the order of their first appearance in the file, for a reader that read its
   * blocks from the last to the first (`nextBlock` before each): a cell first appears in the file in
   * the last block it was met in, where it was met first. (Read in file order, that is id order.)
   */
  fileOrder(): Uint32Array {
    const ids = Uint32Array.from({ length: this.count }, (_, id) => id);
    const { metIn, firstMet } = this;
    return ids.sort((a, b) => metIn[b] - metIn[a] || firstMet[a] - firstMet[b]);
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = (Math.imul(this.cellI[id], 0x9e3779b1) ^ Math.imul(this.cellJ[id], 0x85ebca77)) & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** The contract's cell label `i:j`. */
export function cellLabel(i: number, j: number): string {
  return `${i}:${j}`;
}
