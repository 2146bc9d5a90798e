/**
 * The index's indicators: the platform's own, each defined by its area beside its data and
 * gathered here from the areas' indexes, and the city's own (uploaded, stored). A computation
 * scores the enabled ones.
 */
import type { IndicatorDefinition, IndicatorInfo, IndicatorSpec } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { FOLLOW_UP_INDICATORS } from '@renxing/modules/follow-up';
import { INBOX_INDICATORS } from '@renxing/modules/inbox';
import { INFRASTRUCTURE_INDICATORS } from '@renxing/modules/infrastructure';
import { MUTUAL_AID_INDICATORS } from '@renxing/modules/mutual-aid';
import { PARTICIPATION_INDICATORS } from '@renxing/modules/participation';
import { PLANS_INDICATORS } from '@renxing/modules/plans';
import { SHELTERS_INDICATORS } from '@renxing/modules/shelters';
import { SUPPLIES_INDICATORS } from '@renxing/modules/supplies';
import { VOLUNTEERS_INDICATORS } from '@renxing/modules/volunteers';
import { customIndicators } from '../store/custom.js';
import { readSettings } from '../store/settings.js';

export type Definition = IndicatorDefinition<Db>;

/** The platform's indicators, in the contract's order (engineering, institutional, social). */
export const PLATFORM_INDICATORS: readonly Definition[] = [
  ...INFRASTRUCTURE_INDICATORS,
  ...SHELTERS_INDICATORS,
  ...SUPPLIES_INDICATORS,
  ...PLANS_INDICATORS,
  ...INBOX_INDICATORS,
  ...FOLLOW_UP_INDICATORS,
  ...VOLUNTEERS_INDICATORS,
  ...MUTUAL_AID_INDICATORS,
  ...PARTICIPATION_INDICATORS,
];

/** An indicator with where it comes from. */
export interface CatalogueEntry extends IndicatorInfo {
  source: 'platform' | 'city';
  enabled: boolean;
  /** The platform's definition (compute and advice); absent for the city's own. */
  def?: Definition;
}

export interface Catalogue {
  /** Every indicator: the platform's first (in their order), then the city's by key. */
  entries: CatalogueEntry[];
  byKey: Map<string, CatalogueEntry>;
  hazards: string[];
  disabled: string[];
}

const infoOf = (d: IndicatorInfo): IndicatorInfo => ({
  key: d.key,
  mechanism: d.mechanism,
  trait: d.trait,
  direction: d.direction,
  unit: d.unit,
  title: d.title,
  definition: d.definition,
});

/** The indicators with the city's settings (`platform`: the platform's definitions, default the areas'). */
export async function readCatalogue(
  db: Db,
  platform: readonly Definition[] = PLATFORM_INDICATORS,
): Promise<Catalogue> {
  const settings = await readSettings(db);
  const off = new Set(settings.disabled);
  const entries: CatalogueEntry[] = platform.map((d) => ({
    ...infoOf(d),
    source: 'platform',
    enabled: !off.has(d.key),
    def: d,
  }));
  const own = new Set(platform.map((d) => d.key));
  for (const c of await customIndicators(db)) {
    if (own.has(c.key)) continue;
    entries.push({ ...c, source: 'city', enabled: !off.has(c.key) });
  }
  return {
    entries,
    byKey: new Map(entries.map((e) => [e.key, e])),
    hazards: settings.hazards,
    disabled: settings.disabled,
  };
}

/** What scoring needs of an indicator. */
export const specOf = (e: IndicatorSpec): IndicatorSpec => ({
  key: e.key,
  mechanism: e.mechanism,
  trait: e.trait,
  direction: e.direction,
});
