/**
 * The index's arithmetic (shared/contracts/resilience-index.md, "Scoring"): each indicator min-max
 * normalised over the communities that have a value (`1 − x'` when lower is better, 0.5 for all
 * when max = min); a mechanism's score the mean of its indicators' normalised values, a trait's
 * the same grouped by trait; the index the sum of the mechanisms present (0 to 3). A community
 * without a value for an indicator has no score for it: the indicator is left out of its means.
 * Pure: no I/O.
 */
import { type IndicatorSpec, MECHANISMS, type Mechanism, TRAITS, type Trait } from '@renxing/contracts';
import { compareUtf8 } from '@renxing/engine';

export interface ValueRow {
  community: string;
  key: string;
  value: number;
}

/** An indicator's spread over the communities with a value. */
export interface IndicatorRange {
  key: string;
  min: number;
  max: number;
  /** How many communities have a value. */
  count: number;
}

export type MechanismScores = Record<Mechanism, number | null>;
export type TraitScores = Record<Trait, number | null>;

export interface CommunityScore {
  community: string;
  /** Null: the community has no indicator of that mechanism (or trait). */
  mechanisms: MechanismScores;
  traits: TraitScores;
  /** The sum of the mechanisms present; null when none is. */
  index: number | null;
  /** Normalised value (0–1, higher is better) of each indicator the community has a value for. */
  normalised: Record<string, number>;
  /** Keys of the indicators it has no value for, in the indicators' order. */
  missing: string[];
}

export interface Scoring {
  ranges: Map<string, IndicatorRange>;
  /** By community, in byte order. */
  communities: CommunityScore[];
}

/** `x` normalised over `range` for an indicator whose `direction` is better. */
export function normalise(
  x: number,
  range: Pick<IndicatorRange, 'min' | 'max'>,
  direction: IndicatorSpec['direction'],
): number {
  const { min, max } = range;
  if (max === min) return 0.5;
  // Values further apart than the largest double overflow the span (Infinity / Infinity = NaN):
  // then work in halves, exactly (halving a large double loses nothing).
  const span = max - min;
  const scaled = Number.isFinite(span) ? (x - min) / span : (x / 2 - min / 2) / (max / 2 - min / 2);
  return direction === 'lower' ? 1 - scaled : scaled;
}

function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Each indicator's min, max and count over the values given (keys not among `indicators` are ignored). */
export function rangesOf(
  indicators: readonly IndicatorSpec[],
  values: readonly ValueRow[],
): Map<string, IndicatorRange> {
  const ranges = new Map<string, IndicatorRange>();
  for (const i of indicators) ranges.set(i.key, { key: i.key, min: Infinity, max: -Infinity, count: 0 });
  for (const v of values) {
    const r = ranges.get(v.key);
    if (!r) continue;
    if (v.value < r.min) r.min = v.value;
    if (v.value > r.max) r.max = v.value;
    r.count += 1;
  }
  return ranges;
}

/**
 * Scores every community that has a value, or is listed in `communities` (with no value it gets
 * empty scores). Values must be finite and one per (community, key); keys not among `indicators`
 * are ignored.
 */
export function scoreCommunities(
  indicators: readonly IndicatorSpec[],
  values: readonly ValueRow[],
  communities: readonly string[] = [],
): Scoring {
  const specs = new Map(indicators.map((i) => [i.key, i]));
  const ranges = rangesOf(indicators, values);
  const byCommunity = new Map<string, Map<string, number>>();
  for (const c of communities) byCommunity.set(c, new Map());
  for (const v of values) {
    if (!specs.has(v.key)) continue;
    let own = byCommunity.get(v.community);
    if (!own) {
      own = new Map();
      byCommunity.set(v.community, own);
    }
    if (!own.has(v.key)) own.set(v.key, v.value);
  }
  const scores: CommunityScore[] = [];
  for (const [community, own] of byCommunity) {
    const normalised: Record<string, number> = {};
    const missing: string[] = [];
    const byMechanism = new Map<Mechanism, number[]>(MECHANISMS.map((m) => [m, []]));
    const byTrait = new Map<Trait, number[]>(TRAITS.map((t) => [t, []]));
    for (const spec of indicators) {
      const x = own.get(spec.key);
      if (x === undefined) {
        missing.push(spec.key);
        continue;
      }
      const n = normalise(x, ranges.get(spec.key) as IndicatorRange, spec.direction);
      normalised[spec.key] = n;
      byMechanism.get(spec.mechanism)?.push(n);
      byTrait.get(spec.trait)?.push(n);
    }
    const mechanisms = Object.fromEntries(
      MECHANISMS.map((m) => [m, mean(byMechanism.get(m) ?? [])]),
    ) as MechanismScores;
    const traits = Object.fromEntries(TRAITS.map((t) => [t, mean(byTrait.get(t) ?? [])])) as TraitScores;
    const present = MECHANISMS.map((m) => mechanisms[m]).filter((s): s is number => s !== null);
    const index = present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
    scores.push({ community, mechanisms, traits, index, normalised, missing });
  }
  scores.sort((a, b) => compareUtf8(a.community, b.community));
  return { ranges, communities: scores };
}
