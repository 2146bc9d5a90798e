/**
 * The seams to the supplies and shelters modules: the catalogue a plan's norms name, a plan's
 * standing supply norms and an incident's, the gaps its norms leave, and the shelters it opens.
 * Only this file calls them. Each runs in the caller's transaction.
 */
import type { Db } from '@renxing/db';
import { openShelters, sheltersUnder } from '@renxing/modules/shelters';
import { listSupplyItems, setSupplyNorms, supplyGaps } from '@renxing/modules/supplies';
import type { SupplyNorm } from '../rules/content.js';

/** The source of a plan's standing norms in the supplies module. */
export const planSource = (planId: string) => `plan:${planId}`;
/** The source of an activated incident's norms. */
export const incidentSource = (incidentId: string) => `incident:${incidentId}`;

/** The codes among `codes` that the supplies catalogue does not hold. */
export async function unknownSupplyItems(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set((await listSupplyItems(db)).map((i) => i.code));
  return [...new Set(codes)].filter((c) => !known.has(c));
}

const asNorms = (norms: readonly SupplyNorm[], places: readonly string[]) =>
  norms.map((n) => ({ item: n.item, perResident: n.perResident, places: [...places] }));

/** The plan's standing norms (its newest version's) over its places; [] clears them. */
export async function setStandingNorms(
  db: Db,
  planId: string,
  norms: readonly SupplyNorm[],
  places: readonly string[],
  actor: { userId: string; now: Date },
): Promise<void> {
  await setSupplyNorms(db, planSource(planId), asNorms(norms, places), {
    actor: actor.userId,
    at: actor.now,
  });
}

/** The incident's norms over its places; [] clears them (at closing). */
export async function setIncidentNorms(
  db: Db,
  incidentId: string,
  norms: readonly SupplyNorm[],
  places: readonly string[],
  actor: { userId: string; now: Date },
): Promise<void> {
  await setSupplyNorms(db, incidentSource(incidentId), asNorms(norms, places), {
    actor: actor.userId,
    at: actor.now,
  });
}

/** One item's figures at a place the incident covers. */
export interface PlaceGap {
  /** The incident's place. */
  place: string;
  item: string;
  requirement: number;
  /** Usable stock at the horizon held at the place itself (a community: at or under it). */
  stock: number;
  /** What the places under it leave uncovered. */
  gapsBelow: number;
  /** What is left uncovered at this place (for the level above to cover). */
  gap: number;
  /** Communities under it with a gap of this item. */
  communitiesShort: number;
}

/** The supply gaps of `items` at each of `places` at `horizon`, as the supplies module computes them. */
export async function supplyGapsFor(
  db: Db,
  places: readonly string[],
  items: readonly string[],
  horizon: Date,
): Promise<PlaceGap[]> {
  const out: PlaceGap[] = [];
  for (const place of places) {
    const { rows } = await supplyGaps(db, { under: place, horizon });
    for (const item of items) {
      const root = rows.find((r) => r.path === place && r.item === item);
      out.push({
        place,
        item,
        requirement: root?.requirement ?? 0,
        stock: root?.stock ?? 0,
        gapsBelow: root?.gapsBelow ?? 0,
        gap: root?.gap ?? 0,
        communitiesShort: rows.filter((r) => r.level === 'community' && r.item === item && r.gap > 0).length,
      });
    }
  }
  return out;
}

/**
 * Opens those of `shelterIds` that lie at or under `places` (a community activating for itself
 * opens none elsewhere); answers those asked, those left (not under the places) and how many
 * opened (those already open and unknown ids count as not opened).
 */
export async function openIncidentShelters(
  db: Db,
  shelterIds: readonly string[],
  places: readonly string[],
  actor: { userId: string; now: Date },
): Promise<{ asked: string[]; outside: string[]; opened: number }> {
  const under = new Set<string>();
  for (const place of places) for (const s of await sheltersUnder(db, place)) under.add(s.id);
  const asked = shelterIds.filter((id) => under.has(id));
  const outside = shelterIds.filter((id) => !under.has(id));
  const opened = asked.length > 0 ? await openShelters(db, asked, actor) : 0;
  return { asked, outside, opened };
}
