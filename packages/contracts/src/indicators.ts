/**
 * Resilience indicators (shared/contracts/resilience-index.md): what an indicator is, so that each
 * area defines its own beside its data (`modules/<area>/indicators.ts`) and the resilience module
 * gathers them, scores them and explains them. Types only: no I/O.
 */
import type { Text } from './locale.js';

export const MECHANISMS = ['engineering', 'institutional', 'social'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const TRAITS = ['self_organisation', 'redundancy', 'adaptability'] as const;
export type Trait = (typeof TRAITS)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** An indicator key: `area.what` in lower case (`volunteers.per_1000`). */
export const INDICATOR_KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

export function isMechanism(v: string): v is Mechanism {
  return (MECHANISMS as readonly string[]).includes(v);
}
export function isTrait(v: string): v is Trait {
  return (TRAITS as readonly string[]).includes(v);
}
export function isDirection(v: string): v is Direction {
  return (DIRECTIONS as readonly string[]).includes(v);
}

/** What scoring needs of an indicator. */
export interface IndicatorSpec {
  key: string;
  mechanism: Mechanism;
  trait: Trait;
  direction: Direction;
}

/** An indicator as users read it: the spec with its unit, name and definition. */
export interface IndicatorInfo extends IndicatorSpec {
  /** `share` (0–1), `per_100`, `per_1000`, `hours`, or a city's own unit. */
  unit: string;
  title: Text;
  definition: Text;
}

/** One record behind a value: an asset, a shelter, a volunteer, a report, … */
export interface EvidenceRecord {
  /** The record's kind: `infra_asset`, `shelter`, `supply_item`, `plan`, `corrective_action`, `follow_up_task`, `volunteer`, `aid_request`, `report`, `work_request`, … */
  kind: string;
  id: string;
  label: string;
  /** What this record contributes (people lost, night places, hours, …), when it is a number. */
  value?: number;
  /** The record's part in one sentence ("failing leaves 3,120 of 7,400 residents without power"). */
  note?: Text;
}

/** At most this many records are kept per value (the most telling first); `recordCount` says how many there were. */
export const MAX_EVIDENCE = 20;

/** An indicator's value for one community on one date, with what it was computed from. */
export interface IndicatorValue {
  /** The community's place id. */
  community: string;
  value: number;
  /** The two numbers the value was computed from (for a median: the median and how many). */
  numerator: number;
  denominator: number;
  /** One sentence: "infra.n1_worst_loss_share 0.42: substation S-17 failing leaves 3,120 of 7,400 residents without power". */
  summary: Text;
  records: EvidenceRecord[];
  recordCount: number;
}

/** A community as indicators see it. */
export interface IndicatorCommunity {
  id: string;
  path: string;
  /** People homed at or under it (the registry). */
  residents: number;
}

/** What an indicator is computed for: every community of the city, on a city date. */
export interface IndicatorContext {
  /** The city date (YYYY-MM-DD). */
  date: string;
  /** The end of that date (exclusive): data up to this instant counts. */
  asOf: Date;
  communities: readonly IndicatorCommunity[];
  /** The hazards the city lists (plan.coverage). */
  hazards: readonly string[];
}

/** Work that would move a community's value to a target. */
export interface AdviceInput {
  current: IndicatorValue;
  /** The value to reach. */
  target: number;
  /** Whose value the target is. */
  targetOf: 'street_median' | 'city_median' | 'city_best';
  residents: number;
}

/** Whose value a target is, in words: "register 12 volunteers to reach the street's median". */
export const TARGET_WORDS: Readonly<Record<AdviceInput['targetOf'], Text>> = {
  street_median: { en: "the street's median", 'zh-CN': '所在街道的中位数' },
  city_median: { en: "the city's median", 'zh-CN': '全市中位数' },
  city_best: { en: "the city's best", 'zh-CN': '全市最好水平' },
};

export interface Advice {
  /** How much work (people to register, places to add, hours to save, …). */
  amount: number;
  /** "register 12 verified volunteers to reach the street's median". */
  text: Text;
}

/**
 * An indicator defined by its area. `compute` answers one value per community that has one (a
 * community with no data, or no residents where the definition divides by them, is left out).
 */
export interface IndicatorDefinition<D> extends IndicatorInfo {
  compute(db: D, ctx: IndicatorContext): Promise<IndicatorValue[]>;
  /** The work that would reach the target; null when there is nothing to advise. */
  advice(input: AdviceInput): Advice | null;
}
