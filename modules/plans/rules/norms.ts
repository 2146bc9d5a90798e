/**
 * A plan's supply norms as the supplies module counts them (source `plan:<id>` and
 * `incident:<id>`). Requirements add up over sources, so:
 *   - the standing norms of a plan (kept in normal times, over the plan's places) are the newest
 *     published version's level IV (一般) norms: the baseline every level builds on;
 *   - an activated incident adds, over its places, only what its level asks beyond the standing
 *     norms (per item, the level's norm less the standing one, when more), so while it runs a
 *     place's requirement is exactly the activated level's norm, never the two summed.
 * Pure.
 */
import type { LevelContent, SupplyNorm, VersionContent } from './content.js';

/** Six decimals: 0.3 − 0.1 is 0.2, not 0.19999999999999998. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export const STANDING_LEVEL = 'IV' as const;

export const standingNorms = (content: VersionContent): SupplyNorm[] =>
  content[STANDING_LEVEL].norms.map((n) => ({ item: n.item, perResident: n.perResident }));

/** Per item, what `level` asks beyond `standing` (items it asks no more of are left out). */
export function surgeNorms(level: LevelContent, standing: readonly SupplyNorm[]): SupplyNorm[] {
  const base = new Map(standing.map((n) => [n.item, n.perResident]));
  return level.norms
    .map((n) => ({ item: n.item, perResident: round(n.perResident - (base.get(n.item) ?? 0)) }))
    .filter((n) => n.perResident > 0);
}
