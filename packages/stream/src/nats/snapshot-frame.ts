/**
 * A snapshot's frame: what it is of and the stream sequence it covers, around the core's bytes
 * (encoding and decoding are pure). A frame that does not parse reads as null, so a damaged snapshot
 * means a full replay, not a crash. `restoreUnit` reads a unit's snapshot and restores its payload.
 */
import type { SnapshotStore } from './snapshots.js';

const MAGIC = 0x31534e52; // "RNS1"
const HEADER = 4 + 4 + 8 + 4;

export interface SnapshotFrame {
  /** What the payload is of, e.g. `builder.p3` (checked on restore). */
  key: string;
  /** The last stream sequence the payload includes. */
  covered: number;
  payload: Uint8Array;
}

export function encodeSnapshot(f: SnapshotFrame): Uint8Array {
  const key = new TextEncoder().encode(f.key);
  const out = new Uint8Array(HEADER + key.length + f.payload.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, MAGIC, true);
  v.setUint32(4, key.length, true);
  v.setFloat64(8, f.covered, true);
  v.setUint32(16, f.payload.length, true);
  out.set(key, HEADER);
  out.set(f.payload, HEADER + key.length);
  return out;
}

export function decodeSnapshot(bytes: Uint8Array): SnapshotFrame | null {
  if (bytes.length < HEADER) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, true) !== MAGIC) return null;
  const keyLength = v.getUint32(4, true);
  const covered = v.getFloat64(8, true);
  const payloadLength = v.getUint32(16, true);
  if (HEADER + keyLength + payloadLength !== bytes.length) return null;
  if (!Number.isSafeInteger(covered) || covered < 0) return null;
  const key = new TextDecoder().decode(bytes.subarray(HEADER, HEADER + keyLength));
  return { key, covered, payload: bytes.subarray(HEADER + keyLength) };
}

/**
 * A unit's state from its snapshot under `key`: `restore` applied to the payload, with the sequence
 * the frame covers. No snapshot gives `fresh()` at 0; a damaged one (a frame that does not parse,
 * made for another key, or a payload `restore` throws on) is logged and gives `fresh()` at 0 too —
 * the unit replays its `unit` (partition or shard) from the start. A snapshot that cannot be read
 * (NATS not answering) throws: the unit's start is tried again.
 */
export async function restoreUnit<T>(
  store: SnapshotStore,
  key: string,
  unit: string,
  restore: (payload: Uint8Array) => T,
  fresh: () => T,
  log: (line: string) => void,
): Promise<{ state: T; covered: number }> {
  const bytes = await store.get(key);
  if (bytes) {
    const frame = decodeSnapshot(bytes);
    if (frame && frame.key === key) {
      try {
        return { state: restore(frame.payload), covered: frame.covered };
      } catch (e) {
        log(`snapshot ${key} unreadable (${(e as Error).message}); replaying the ${unit} from the start`);
      }
    } else log(`snapshot ${key} unreadable; replaying the ${unit} from the start`);
  }
  return { state: fresh(), covered: 0 };
}
