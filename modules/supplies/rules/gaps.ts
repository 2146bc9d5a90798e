/**
 * Requirement, usable stock and gap (shared/contracts/preparedness.md, Supplies), and how higher
 * stores cover the gaps of places under them. Pure: places, norms and stock come in; figures are
 * kept in flat Float64Arrays of places × items (row = place index, stride = the number of items).
 *
 *  - A community's requirement for an item: Σ over the norms of that item covering it (a norm
 *    covers the communities at or under any of its places, each once) of the norm per resident ×
 *    the residents homed there.
 *  - Its usable stock: lots in stores at or under it not expired at the horizon (the store reads
 *    them); its gap = max(0, requirement − usable stock).
 *  - A street, district or city: its own stock (stores at that very place) against the sum of the
 *    gaps left below it (`gapsBelow`, each child's gap); its gap = max(0, gapsBelow − own stock),
 *    which is what it leaves to the level above.
 */

/** A place of the view: its path, its parent's (null at the view's root), its level and residents. */
export interface GapPlace {
  path: string;
  parent: string | null;
  level: string;
  /** Residents homed at or under it: a community's (the levels above are summed here). */
  residents: number;
}

/** A norm per resident of an item over places. */
export interface GapNorm {
  item: string;
  perResident: number;
  places: readonly string[];
}

export interface GapRow<P extends GapPlace = GapPlace> {
  place: P;
  item: string;
  /** A community's own; above, the sum of the communities' under it. */
  requirement: number;
  /** Usable stock: a community's at or under it, any other place's at it. */
  stock: number;
  /** Above community level: the gaps its children leave; a community: 0. */
  gapsBelow: number;
  gap: number;
}

/** Figures to a millionth, so sums of decimal norms read as decimals. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A community's gap. */
export const communityGap = (requirement: number, stock: number): number =>
  round6(Math.max(0, requirement - stock));

/** A higher place's gap: what its own stock leaves of the gaps below it. */
export const coveredGap = (gapsBelow: number, stock: number): number =>
  round6(Math.max(0, gapsBelow - stock));

const depth = (path: string) => {
  let n = 1;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 46) n++;
  return n;
};

/** The first index of `sorted` whose value is ≥ `x` (byte order, as the paths are collated). */
function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Visits each (place, item, quantity) of usable stock; a place may be visited for an item more than once. */
export type StockSource = (visit: (path: string, item: string, quantity: number) => void) => void;

/** Makes a row of the answer from a place, an item and its figures. */
export type RowMaker<P, R> = (
  place: P,
  item: string,
  requirement: number,
  stock: number,
  gapsBelow: number,
  gap: number,
) => R;

const gapRow = <P extends GapPlace>(
  place: P,
  item: string,
  requirement: number,
  stock: number,
  gapsBelow: number,
  gap: number,
): GapRow<P> => ({ place, item, requirement, stock, gapsBelow, gap });

/**
 * Every place's rows, deepest first (a community before its street), items in the order given: a
 * row for each item the place has a requirement, stock or a gap below it for; and the residents of
 * each place. `stock` visits the usable stock of the places; `row` makes each row (default GapRow).
 */
export function cascadeGaps<P extends GapPlace, R = GapRow<P>>(
  places: readonly P[],
  items: readonly string[],
  norms: readonly GapNorm[],
  stock: StockSource,
  row: RowMaker<P, R> = gapRow as unknown as RowMaker<P, R>,
): { rows: R[]; residents: Map<string, number> } {
  const n = items.length;
  const itemAt = new Map(items.map((code, j) => [code, j]));
  const index = new Map(places.map((p, i) => [p.path, i]));
  const requirement = new Float64Array(places.length * n);
  const held = new Float64Array(places.length * n);
  const below = new Float64Array(places.length * n);
  const residents = new Float64Array(places.length);

  // Communities in path order: a place's subtree is one range of them.
  const communities = places
    .map((p, i) => ({ path: p.path, i }))
    .filter(({ i }) => places[i].level === 'community')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const communityPaths = communities.map((c) => c.path);
  for (const { i } of communities) residents[i] = places[i].residents;

  const seen = new Int32Array(places.length);
  for (const [k, norm] of norms.entries()) {
    const j = itemAt.get(norm.item);
    if (j === undefined) continue;
    for (const root of norm.places) {
      for (let c = lowerBound(communityPaths, root); c < communities.length; c++) {
        const path = communityPaths[c];
        if (path !== root && !path.startsWith(`${root}.`)) break;
        const i = communities[c].i;
        if (seen[i] === k + 1) continue; // covered once by a norm, however many of its places hold it
        seen[i] = k + 1;
        requirement[i * n + j] += norm.perResident * residents[i];
      }
    }
  }
  stock((path, code, q) => {
    const i = index.get(path);
    const j = itemAt.get(code);
    if (i !== undefined && j !== undefined) held[i * n + j] += q;
  });

  const order = places
    .map((p, i) => ({ i, d: depth(p.path), path: p.path }))
    .sort((a, b) => b.d - a.d || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const rows: R[] = [];
  for (const { i } of order) {
    const place = places[i];
    const parentAt = place.parent === null ? undefined : index.get(place.parent);
    const parent = parentAt === undefined ? -1 : parentAt;
    if (parent >= 0) residents[parent] += residents[i];
    const community = place.level === 'community';
    for (let j = 0; j < n; j++) {
      const r = round6(requirement[i * n + j]);
      const s = held[i * n + j];
      const b = community ? 0 : round6(below[i * n + j]);
      if (r === 0 && s === 0 && b === 0) continue;
      const gap = community ? communityGap(r, s) : coveredGap(b, s);
      rows.push(row(place, items[j], r, s, b, gap));
      if (parent >= 0) {
        requirement[parent * n + j] += r;
        below[parent * n + j] += gap;
      }
    }
  }
  return { rows, residents: new Map(places.map((p, i) => [p.path, residents[i]])) };
}
