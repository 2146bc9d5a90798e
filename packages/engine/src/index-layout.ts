/** The companion index's byte layout: header constants, sections and duration levels. */

export const INDEX_MAGIC = 0x31495852; // "RXI1"
export const INDEX_VERSION = 2;
/**
 * Stays of a cell are grouped by duration level, floor(log2(length)), capped: a query for
 * overlaps with [s, e) looks in level L only at starts ≥ s − (2^(L+1) − 1), so short stays are
 * never scanned from the start of the day because one long stay shares their cell.
 */
export const LEVELS = 20;
export const HEADER_BYTES = 128;
export const FLAG_WIDE = 1;

export type IndexLayout = ReturnType<typeof sections>;

/** The shortest length of the top level, which holds every longer stay too. */
const TOP_LEVEL_LENGTH = 2 ** (LEVELS - 1);

/** floor(log2(length)) for a positive length, capped at LEVELS − 1. */
export function durationLevel(length: number): number {
  if (length >= TOP_LEVEL_LENGTH) return LEVELS - 1;
  // Instants are whole seconds, so a positive stay lasts ≥ 1 s; level 0 holds 1 s (and, defensively, less).
  return length < 2 ? 0 : 31 - Math.clz32(length);
}

export function sections(n: number, nc: number, ns: number, nb: number, wide: boolean) {
  let at = HEADER_BYTES;
  const take = (bytes: number) => {
    const start = at;
    at += Math.ceil(bytes / 8) * 8;
    return start;
  };
  const tb = wide ? 8 : 4;
  const layout = {
    cellI: take(nc * 4),
    cellJ: take(nc * 4),
    levelStart: take((nc * LEVELS + 1) * 4),
    cellMaxDur: take(nc * 8),
    staySubject: take(n * 4),
    stayStart: take(n * tb),
    stayEnd: take(n * tb),
    subjStart: take((ns + 1) * 4),
    subjStays: take(n * 4),
    subjOffsets: take((ns + 1) * 4),
    subjBytes: take(nb),
    total: 0,
  };
  layout.total = at;
  return layout;
}
