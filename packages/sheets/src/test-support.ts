/** ZIP archives built by hand for the tests: well-formed ones, and bombs that lie about their sizes. */
import { constants, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The entry's data as stored: raw deflate (method 8) or plain (method 0). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the headers declare (a bomb declares little). */
  declaredSize: number;
}

/** A ZIP of the entries, in order, with its central directory (CRCs left 0: nothing here checks them). */
export function zipOf(entries: readonly RawEntry[], trailing: Uint8Array = new Uint8Array()): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method ?? 8, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declaredSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  parts.push(Buffer.from(trailing));
  offset += trailing.length;
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

/**
 * Raw deflate data unpacking to `times` copies of `chunk` while taking about `times` × (its
 * compressed size): one fully flushed block repeated, then an empty final block.
 */
export function bombData(chunk: Uint8Array, times: number): Buffer {
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(new Uint8Array(), { finishFlush: constants.Z_FINISH });
  return Buffer.concat([...Array.from({ length: times }, () => block), last]);
}

/** The sheet rows of the bomb: empty `<row>` elements, one MiB of them. */
export function emptyRows(bytes = 1024 * 1024): Buffer {
  const row = Buffer.from('<row/>');
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / row.length) }, () => row)).subarray(0, bytes);
}
