/**
 * getCommunityResilience: a community's scores on a computed date, its values and what it has no
 * value for, its history, what to do next (rules/next-steps.ts, each step with its indicator's
 * advice) and its latest self-assessment.
 */
import type { Advice, IndicatorValue, Text } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { type NextStep, nextSteps } from '../rules/next-steps.js';
import { scoreCommunities } from '../rules/scoring.js';
import { streetsOf } from '../store/places.js';
import type { ResilienceRun, StoredValue } from '../store/runs.js';
import { cityValues, scoreHistory, scoresOf, valuesOf } from '../store/values.js';
import type { ResilienceActor } from './actor.js';
import { type AssessmentSummaryView, latestAssessmentSummary } from './assessments.js';
import { type Catalogue, type Definition, readCatalogue, specOf } from './catalogue.js';
import {
  communityView,
  type ResilienceCommunity,
  type ResilienceScores,
  runFor,
  scoresView,
  visibleCommunity,
} from './view.js';

export interface ResilienceStep extends NextStep {
  /** The work that would reach the target (the indicator's own advice); null: nothing to advise. */
  advice: Advice | null;
}

export interface CommunityResilience {
  community: ResilienceCommunity;
  run: ResilienceRun | null;
  scores: ResilienceScores | null;
  values: { key: string; value: number; normalised: number | null; summary: Text; recordCount: number }[];
  /** Indicators of the run it has no value for. */
  missing: string[];
  history: ({ date: string } & Omit<ResilienceScores, 'rank' | 'indicators'>)[];
  next: ResilienceStep[];
  assessment: AssessmentSummaryView | null;
}

export const asIndicatorValue = (v: StoredValue): IndicatorValue => ({
  community: v.community,
  value: v.value,
  numerator: v.numerator,
  denominator: v.denominator,
  summary: v.summary,
  records: v.records,
  recordCount: v.recordCount,
});

/**
 * The steps of one community on a run's date, with the city's ranges and medians from that date's
 * values (`limit`: how many; the indicators of the run still known to the catalogue).
 */
export async function stepsOf(
  db: Db,
  run: ResilienceRun,
  community: { id: string },
  residents: number,
  own: readonly StoredValue[],
  catalogue: Catalogue,
  limit = 3,
): Promise<ResilienceStep[]> {
  const specs = run.indicators.flatMap((k) => {
    const e = catalogue.byKey.get(k);
    return e ? [specOf(e)] : [];
  });
  const values = await cityValues(db, run.date);
  const scoring = scoreCommunities(specs, values);
  const mine = {
    ranges: scoring.ranges,
    communities: scoring.communities.filter((s) => s.community === community.id),
  };
  const steps = nextSteps(specs, mine, values, await streetsOf(db), limit).get(community.id) ?? [];
  const byKey = new Map(own.map((v) => [v.key, v]));
  return steps.map((s) => {
    const def = catalogue.byKey.get(s.key)?.def;
    const current = byKey.get(s.key);
    const advice =
      def && current
        ? def.advice({
            current: asIndicatorValue(current),
            target: s.target,
            targetOf: s.targetOf,
            residents,
          })
        : null;
    return { ...s, advice };
  });
}

export async function getCommunityResilience(
  db: Db,
  path: string,
  q: { date?: string },
  actor: ResilienceActor,
  o: { platform?: readonly Definition[] } = {},
): Promise<CommunityResilience> {
  const c = await visibleCommunity(db, path, actor);
  const run = await runFor(db, q.date);
  const assessment = await latestAssessmentSummary(db, c.id);
  const scores = run ? await scoresOf(db, run.date, c.id) : undefined;
  const residents = scores?.residents ?? 0;
  if (!run)
    return {
      community: communityView(c, residents),
      run: null,
      scores: null,
      values: [],
      missing: [],
      history: [],
      next: [],
      assessment,
    };
  const own = await valuesOf(db, run.date, c.id, { records: true });
  const has = new Set(own.map((v) => v.key));
  const history = (await scoreHistory(db, c.id, run.date, 90)).map((h) => ({
    date: h.date,
    engineering: h.engineering,
    institutional: h.institutional,
    social: h.social,
    index: h.index,
    self_organisation: h.self_organisation,
    redundancy: h.redundancy,
    adaptability: h.adaptability,
  }));
  const catalogue = await readCatalogue(db, o.platform);
  return {
    community: communityView(c, residents),
    run,
    scores: scores ? scoresView(scores) : null,
    values: own.map((v) => ({
      key: v.key,
      value: v.value,
      normalised: v.normalised,
      summary: v.summary,
      recordCount: v.recordCount,
    })),
    missing: run.indicators.filter((k) => !has.has(k)),
    history,
    next: scores ? await stepsOf(db, run, c, residents, own, catalogue) : [],
    assessment,
  };
}
