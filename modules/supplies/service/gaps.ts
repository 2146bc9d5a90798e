/**
 * The supply gaps of a place and everything under it at a horizon (getSupplyGaps, and what the
 * plans module reads for an incident): per community its requirement, usable stock and gap; per
 * street, district and city its own stock against the gaps left below it (rules/gaps.ts).
 */
import type { Db } from '@renxing/db';
import { cascadeGaps } from '../rules/gaps.js';
import { eachLot, normsReaching, stockByPlace, viewPlaces } from '../store/gaps.js';
import { itemsByCode } from '../store/items.js';

export interface GapPlaceInfo {
  path: string;
  name: string;
  level: string;
  /** Its parent's path (null at the view's root). */
  parent: string | null;
  lon: number | null;
  lat: number | null;
  /** Residents homed at or under it (at community level and below). */
  residents: number;
}

export interface SupplyGapRow {
  /** The place: its path, name, level and parent (null at the view's root). */
  path: string;
  name: string;
  level: string;
  parent: string | null;
  /** The item's code. */
  item: string;
  residents: number;
  /** A community's requirement; above, the sum of the requirements under it. */
  requirement: number;
  /** Usable stock at the horizon: a community's in stores at or under it; above, in stores at the place itself. */
  stock: number;
  /** Above community level, the gaps its children leave (0 for a community). */
  gapsBelow: number;
  /** A community: max(0, requirement − stock); above: max(0, gapsBelow − stock), left to the level above. */
  gap: number;
}

export interface SupplyGaps {
  under: string;
  horizon: Date;
  /** The items of the rows, by code. */
  items: { code: string; name: string; unit: string }[];
  /** Every place at or under `under` (grids aside), by path. */
  places: GapPlaceInfo[];
  /** A row per place and item with a requirement, stock or a gap below it; deepest places first. */
  rows: SupplyGapRow[];
}

export async function supplyGaps(
  db: Db,
  q: { under: string; horizon: Date; item?: string },
): Promise<SupplyGaps> {
  const [view, norms, stock] = await Promise.all([
    viewPlaces(db, q.under),
    normsReaching(db, q.under, q.item),
    stockByPlace(db, q),
  ]);
  const places = view.map((p) => ({ ...p, parent: p.path === q.under ? null : p.parent }));
  const codes = new Set(norms.map((n) => n.item));
  eachLot(stock, (_path, code) => codes.add(code));
  const items = [...(await itemsByCode(db, [...codes])).values()]
    .map((i) => ({ code: i.code, name: i.name, unit: i.unit }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const { rows, residents } = cascadeGaps(
    places,
    items.map((i) => i.code),
    norms,
    (visit) => eachLot(stock, visit),
    (place, item, requirement, held, gapsBelow, gap): SupplyGapRow => ({
      path: place.path,
      name: place.name,
      level: place.level,
      parent: place.parent,
      item,
      residents: 0,
      requirement,
      stock: held,
      gapsBelow,
      gap,
    }),
  );
  for (const r of rows) r.residents = residents.get(r.path) ?? 0;
  return {
    under: q.under,
    horizon: q.horizon,
    items,
    places: places.map((p) => ({
      path: p.path,
      name: p.name,
      level: p.level,
      parent: p.parent,
      lon: p.lon,
      lat: p.lat,
      residents: residents.get(p.path) ?? 0,
    })),
    rows,
  };
}
