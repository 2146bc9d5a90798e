/** How many partitions (or shards) a member of a consumer group should hold, and which. Pure. */

/** A fair share: ceil(total / live members), every member counted at least once. */
export function shareOf(total: number, members: number): number {
  return Math.ceil(total / Math.max(1, members));
}

/**
 * The order in which a member tries to take free units: from a point fixed by its id, so members
 * starting together mostly try different units first.
 */
export function takeOrder(total: number, id: string): number[] {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  const first = (h >>> 0) % total;
  return Array.from({ length: total }, (_, k) => (first + k) % total);
}

/** The units to give back when holding more than the share: the last taken go first. */
export function toRelease(ownedInTakeOrder: readonly number[], share: number): number[] {
  return ownedInTakeOrder.slice(share);
}

/** A member id usable as a KV key token. */
export function keyToken(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}
