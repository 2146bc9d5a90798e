/**
 * What to do next (issue 15, "What to do next"): for each community, the indicators whose move to
 * a target would raise its index most, holding the city's ranges fixed. The target of an indicator
 * is the median of its street's communities' values when that is better than the community's
 * own, else the city's median when better, else the city's best. Its gain, in index points, is
 * (normalise(target) − normalise(current)) ÷ the number of indicators the community has in that
 * mechanism. Only gains > 0, by gain descending then key (byte order), at most `limit`. Pure.
 */
import type { IndicatorSpec } from '@renxing/contracts';
import { compareUtf8 } from '@renxing/engine';
import { normalise, type Scoring, type ValueRow } from './scoring.js';

export type TargetOf = 'street_median' | 'city_median' | 'city_best';

export interface NextStep {
  key: string;
  current: number;
  target: number;
  targetOf: TargetOf;
  gain: number;
}

/** The median of `xs` (sorted ascending, not empty): the middle one, or the mean of the two. */
function medianOfSorted(xs: readonly number[]): number {
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid] : xs[mid - 1] / 2 + xs[mid] / 2;
}

const ascending = (a: number, b: number): number => a - b;

/** For every community: the indicators whose move to a target would raise its index most, holding the city's ranges fixed. */
export function nextSteps(
  indicators: readonly IndicatorSpec[],
  scoring: Scoring,
  values: readonly ValueRow[],
  streetOf: ReadonlyMap<string, string>,
  limit = 3,
): Map<string, NextStep[]> {
  const specs = new Map(indicators.map((i) => [i.key, i]));
  // Each community's own values (the first of a pair, as scoring takes it), and each indicator's
  // values over the city and over each street.
  const own = new Map<string, Map<string, number>>();
  const city = new Map<string, number[]>();
  const street = new Map<string, Map<string, number[]>>();
  for (const v of values) {
    if (!specs.has(v.key)) continue;
    let mine = own.get(v.community);
    if (!mine) {
      mine = new Map();
      own.set(v.community, mine);
    }
    if (mine.has(v.key)) continue;
    mine.set(v.key, v.value);
    let all = city.get(v.key);
    if (!all) {
      all = [];
      city.set(v.key, all);
    }
    all.push(v.value);
    const s = streetOf.get(v.community);
    if (s === undefined) continue;
    let ofStreet = street.get(s);
    if (!ofStreet) {
      ofStreet = new Map();
      street.set(s, ofStreet);
    }
    const xs = ofStreet.get(v.key);
    if (xs) xs.push(v.value);
    else ofStreet.set(v.key, [v.value]);
  }

  const cityMedian = new Map<string, number>();
  const cityBest = new Map<string, number>();
  for (const [key, xs] of city) {
    xs.sort(ascending);
    cityMedian.set(key, medianOfSorted(xs));
    cityBest.set(key, (specs.get(key) as IndicatorSpec).direction === 'higher' ? xs[xs.length - 1] : xs[0]);
  }
  const streetMedian = new Map<string, Map<string, number>>();
  for (const [s, byKey] of street) {
    const medians = new Map<string, number>();
    for (const [key, xs] of byKey) medians.set(key, medianOfSorted(xs.sort(ascending)));
    streetMedian.set(s, medians);
  }

  const out = new Map<string, NextStep[]>();
  for (const score of scoring.communities) {
    const mine = own.get(score.community);
    const steps: NextStep[] = [];
    // How many indicators the community has in each mechanism (those scored).
    const inMechanism = new Map<string, number>();
    for (const key of Object.keys(score.normalised)) {
      const m = specs.get(key)?.mechanism;
      if (m) inMechanism.set(m, (inMechanism.get(m) ?? 0) + 1);
    }
    const street = streetOf.get(score.community);
    const medians = street === undefined ? undefined : streetMedian.get(street);
    for (const spec of indicators) {
      const current = mine?.get(spec.key);
      const range = scoring.ranges.get(spec.key);
      const scored = score.normalised[spec.key];
      if (current === undefined || range === undefined || scored === undefined) continue;
      const higher = spec.direction === 'higher';
      const better = (x: number | undefined): x is number =>
        x !== undefined && (higher ? x > current : x < current);
      const ofStreet = medians?.get(spec.key);
      const ofCity = cityMedian.get(spec.key);
      let target = cityBest.get(spec.key) as number;
      let targetOf: TargetOf = 'city_best';
      if (better(ofStreet)) {
        target = ofStreet;
        targetOf = 'street_median';
      } else if (better(ofCity)) {
        target = ofCity;
        targetOf = 'city_median';
      }
      const gain =
        (normalise(target, range, spec.direction) - scored) / (inMechanism.get(spec.mechanism) ?? 1);
      if (gain > 0) steps.push({ key: spec.key, current, target, targetOf, gain });
    }
    steps.sort((a, b) => b.gain - a.gain || compareUtf8(a.key, b.key));
    out.set(score.community, steps.slice(0, Math.max(0, limit)));
  }
  return out;
}
