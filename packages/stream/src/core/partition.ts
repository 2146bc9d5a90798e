/**
 * Routing: pings go to a partition by a hash of the subject (so one subject's pings stay in order
 * in one partition); stays go to a shard by a hash of their cell (a shard = a set of grid cells).
 */

const encoder = new TextEncoder();

/** FNV-1a 32 of the subject's UTF-8 bytes, modulo `partitions`. */
export function partitionOf(subject: string, partitions: number): number {
  let h = 0x811c9dc5;
  // ASCII (the usual pseudonym) is hashed without encoding.
  let ascii = true;
  for (let k = 0; k < subject.length; k++) {
    const c = subject.charCodeAt(k);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (!ascii) {
    h = 0x811c9dc5;
    for (const b of encoder.encode(subject)) h = Math.imul(h ^ b, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

/** A well-mixed hash of cell (i, j) (murmur3 finaliser), modulo `shards`. */
export function shardOfCell(i: number, j: number, shards: number): number {
  let h = Math.imul(i | 0, 0x9e3779b1) ^ Math.imul((j | 0) ^ 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % shards;
}
