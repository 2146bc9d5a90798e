/**
 * A ZIP (an XLSX) checked before anything opens it, at little cost to the server: the central
 * directory read, the entries required to tile the file (so no entry hides from this check that a
 * streaming reader would later meet), the declared sizes summed, and then every entry inflated
 * for real with the output counted and thrown away — a ZIP bomb that lies about its sizes is cut
 * off at the limit, holding no more than one chunk of output at a time.
 */

import { createInflateRaw } from 'node:zlib';
import { RenxingError } from '@renxing/contracts';
import { type FileSource, mib, nameOf, unreadable } from './source.js';

export interface ZipLimits {
  /** Bytes all entries may unpack to together. */
  maxUnpackedBytes: number;
  /** Entries the archive may hold. */
  maxEntries: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  unpackedSize: number;
  localOffset: number;
  /** Where the entry's compressed data starts. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Bit 3 of the flags: the sizes follow the data, in a descriptor. */
const HAS_DESCRIPTOR = 0x08;
const STORED = 0;
const DEFLATED = 8;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;

function tooBig(source: FileSource, limits: ZipLimits, en: string, zh: string): RenxingError {
  return new RenxingError(
    'RX_UNPACKED_TOO_LARGE',
    { file: nameOf(source), limit: mib(limits.maxUnpackedBytes), detail: { en, 'zh-CN': zh } },
    source.field,
  );
}

/** The central directory's entries, after checking that they tile the file with nothing hidden. */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits, source: FileSource = {}): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : 0);
  let eocd = -1;
  for (let at = bytes.length - EOCD_SIZE; at >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable(source, 'no ZIP directory at its end', '文件末尾没有 ZIP 目录');
  const count = u16(eocd + 10);
  const dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw unreadable(source, 'ZIP64 archives are not accepted', '不接受 ZIP64 格式');
  }
  if (count > limits.maxEntries) {
    throw tooBig(
      source,
      limits,
      `${count} entries, more than ${limits.maxEntries}`,
      `${count} 个条目，超过 ${limits.maxEntries}`,
    );
  }

  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > eocd || u32(at) !== CENTRAL) {
      throw unreadable(source, `ZIP directory entry ${i + 1} is damaged`, `ZIP 目录第 ${i + 1} 项已损坏`);
    }
    const nameLength = u16(at + 28);
    const localOffset = u32(at + 42);
    entries.push({
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + CENTRAL_SIZE, nameLength).toString('utf8'),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      unpackedSize: u32(at + 24),
      localOffset,
      dataStart: localOffset + LOCAL_SIZE + u16(localOffset + 26) + u16(localOffset + 28),
    });
    at += CENTRAL_SIZE + nameLength + u16(at + 30) + u16(at + 32);
  }

  // In file order the entries must follow one another from the first byte up to the directory: a
  // reader walking the local headers then meets exactly these, and nothing else.
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== expected || u32(e.localOffset) !== LOCAL) {
      throw unreadable(
        source,
        `ZIP entry ${e.name} is not where the directory says`,
        `ZIP 条目 ${e.name} 不在目录所指的位置`,
      );
    }
    let end = e.dataStart + e.compressedSize;
    if (e.flags & HAS_DESCRIPTOR) end += u32(end) === DESCRIPTOR ? 16 : 12;
    if (end > dirOffset)
      throw unreadable(source, `ZIP entry ${e.name} runs past its end`, `ZIP 条目 ${e.name} 超出范围`);
    expected = end;
  }
  if (expected !== dirOffset) {
    throw unreadable(source, 'the ZIP holds bytes no entry accounts for', 'ZIP 中有不属于任何条目的数据');
  }
  return entries;
}

/** Inflates `data`, counting and discarding the output; stops once past `budget` bytes. */
function inflatedSize(data: Uint8Array, budget: number, onError: (e: Error) => Error): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', (e) => reject(onError(e)));
    inflate.end(data);
  });
}

/**
 * Throws RX_FILE_UNREADABLE unless the archive is well formed, RX_UNPACKED_TOO_LARGE unless it
 * unpacks, for real, to at most `maxUnpackedBytes`. Returns the bytes it unpacks to.
 */
export async function checkZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  source: FileSource = {},
): Promise<number> {
  const entries = zipEntries(bytes, limits, source);
  const declared = entries.reduce((sum, e) => sum + e.unpackedSize, 0);
  if (declared > limits.maxUnpackedBytes) {
    throw tooBig(source, limits, `its entries declare ${mib(declared)}`, `其条目声明 ${mib(declared)}`);
  }
  let total = 0;
  for (const e of entries) {
    if (e.method === STORED) total += e.compressedSize;
    else if (e.method === DEFLATED) {
      const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
      total += await inflatedSize(data, limits.maxUnpackedBytes - total, (error) =>
        unreadable(
          source,
          `ZIP entry ${e.name} is damaged (${error.message})`,
          `ZIP 条目 ${e.name} 已损坏（${error.message}）`,
        ),
      );
    } else {
      throw unreadable(
        source,
        `ZIP entry ${e.name} uses compression method ${e.method}`,
        `ZIP 条目 ${e.name} 使用了不支持的压缩方法 ${e.method}`,
      );
    }
    if (total > limits.maxUnpackedBytes) {
      throw tooBig(
        source,
        limits,
        `entry ${e.name} unpacks past the limit though it declares ${e.unpackedSize} bytes`,
        `条目 ${e.name} 解压超出上限（声明仅 ${e.unpackedSize} 字节）`,
      );
    }
  }
  return total;
}
