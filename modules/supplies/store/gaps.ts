/**
 * What the gaps are computed from, in three small answers: the places of the view with each
 * community's residents, the norms reaching it, and each place's usable stock at the horizon by
 * item (one row a place). rules/gaps.ts turns them into requirements and gaps.
 */
import { type Db, subtree } from '@renxing/db';

export interface ViewPlace {
  id: string;
  path: string;
  parent: string | null;
  level: string;
  name: string;
  lon: number | null;
  lat: number | null;
  /** Residents homed at or under it (communities; 0 above). */
  residents: number;
}

/** The places at or under `under` (grids left out), by path, each community with its residents. */
export async function viewPlaces(db: Db, under: string): Promise<ViewPlace[]> {
  const { rows } = await db.query<ViewPlace>(
    `WITH v AS MATERIALIZED (
       SELECT p.id, p.path, p.parent_id, p.level, p.name, p.lon, p.lat FROM places p
        WHERE ${subtree('p.path', '$1')} AND p.level <> 'grid'
     ), r AS (
       SELECT c.id, sum(n.people) AS people
         FROM v c JOIN places h ON ${subtree('h.path', 'c.path')} JOIN people_place_counts n ON n.place_id = h.id
        WHERE c.level = 'community' GROUP BY c.id
     )
     SELECT v.id, v.path, pp.path AS parent, v.level, v.name, v.lon, v.lat, coalesce(r.people, 0)::bigint AS residents
       FROM v LEFT JOIN r ON r.id = v.id LEFT JOIN places pp ON pp.id = v.parent_id
      ORDER BY v.path`,
    [under],
  );
  return rows;
}

export interface CoveringNorm {
  item: string;
  perResident: number;
  places: string[];
}

/** The norms (of one item, if given) with a place at, under or above `under`: those that may cover its communities. */
export async function normsReaching(db: Db, under: string, item?: string): Promise<CoveringNorm[]> {
  const { rows } = await db.query<CoveringNorm>(
    `SELECT n.item_code AS item, n.per_resident::float8 AS "perResident",
            array_agg(p.path ORDER BY p.path) AS places
       FROM supply_norms n JOIN supply_norm_places np ON np.norm_id = n.id JOIN places p ON p.id = np.place_id
      WHERE ($2::text IS NULL OR n.item_code = $2)
      GROUP BY n.id, n.item_code, n.per_resident
     HAVING bool_or(${subtree('p.path', '$1')} OR ${subtree('$1', 'p.path')})
      ORDER BY n.item_code, n.id`,
    [under, item ?? null],
  );
  return rows;
}

/**
 * Each place's usable stock at `horizon` (of one item, if given), at or under `under`: lots not
 * expired then, in stores at the place (a grid's store counts for its parent community). One row a
 * place, its lots as `ITEM quantity,ITEM quantity,…` (an item may repeat: one per lot) — a few
 * hundred rows for a city rather than a row per place and item.
 */
export async function stockByPlace(
  db: Db,
  q: { under: string; horizon: Date; item?: string },
): Promise<{ path: string; lots: string }[]> {
  const { rows } = await db.query<{ path: string; lots: string }>(
    `WITH stores AS MATERIALIZED (
       SELECT s.id, CASE WHEN sp.level = 'grid' THEN pp.path ELSE sp.path END AS path
         FROM supply_stores s JOIN places sp ON sp.id = s.place_id LEFT JOIN places pp ON pp.id = sp.parent_id
        WHERE ${subtree('sp.path', '$1')}
     )
     SELECT st.path, string_agg(l.item_code || ' ' || l.quantity, ',') AS lots
       FROM stores st JOIN supply_lots l ON l.store_id = st.id
      WHERE l.quantity > 0 AND (l.expires_at IS NULL OR l.expires_at > $2) AND ($3::text IS NULL OR l.item_code = $3)
      GROUP BY st.path`,
    [q.under, q.horizon, q.item ?? null],
  );
  return rows;
}

/** Visits each lot of stockByPlace's answer (item codes hold no space or comma). */
export function eachLot(
  rows: readonly { path: string; lots: string }[],
  visit: (path: string, item: string, quantity: number) => void,
): void {
  for (const { path, lots } of rows) {
    let at = 0;
    while (at < lots.length) {
      const space = lots.indexOf(' ', at);
      let comma = lots.indexOf(',', space);
      if (comma < 0) comma = lots.length;
      visit(path, lots.slice(at, space), Number(lots.slice(space + 1, comma)));
      at = comma + 1;
    }
  }
}
