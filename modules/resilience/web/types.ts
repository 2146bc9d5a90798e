/** The resilience index's shapes as the console reads them (see /openapi.json, tag resilience). */
import { allOf, type Ok, type Query } from '@renxing/ui/api-types';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types).

/** listResilienceIndicators */
export type IndicatorList = Ok<'listResilienceIndicators'>;
export type IndicatorRow = IndicatorList['indicators'][number];
export type Mechanism = IndicatorRow['mechanism'];
export type Trait = IndicatorRow['trait'];
export type Direction = IndicatorRow['direction'];
export const MECHANISMS = allOf<Mechanism>()(['engineering', 'institutional', 'social']);
export const TRAITS = allOf<Trait>()(['self_organisation', 'redundancy', 'adaptability']);

/** getResilienceIndex */
export type ResilienceIndex = Ok<'getResilienceIndex'>;
export type IndexQuery = Query<'getResilienceIndex'>;
export type IndexRow = ResilienceIndex['rows'][number];
export type CommunityRef = IndexRow['community'];
/** computeResilienceIndex, and getResilienceIndex's run */
export type ResilienceRun = Ok<'computeResilienceIndex'>;

/** The scores of a community: the index, the three mechanisms, the three traits. */
export type ScoreField =
  | 'index'
  | 'engineering'
  | 'institutional'
  | 'social'
  | 'self_organisation'
  | 'redundancy'
  | 'adaptability';
export type ScoreFields = Pick<IndexRow, ScoreField>;

/** getCommunityResilience */
export type CommunityResilience = Ok<'getCommunityResilience'>;
export type CommunityValue = CommunityResilience['values'][number];
export type NextStepView = CommunityResilience['next'][number];
export type TargetOf = NextStepView['targetOf'];
export type HistoryPoint = CommunityResilience['history'][number];

/** explainResilienceScore */
export type Explanation = Ok<'explainResilienceScore'>;
export type ExplainedMechanism = Explanation['mechanisms'][number];
export type ExplainedIndicator = ExplainedMechanism['indicators'][number];
/** explainResilienceScore with `key`: that indicator with its records. */
export type IndicatorExplanation = Explanation & {
  indicator: NonNullable<Explanation['indicator']> & {
    records: NonNullable<NonNullable<Explanation['indicator']>['records']>;
    recordCount: number;
  };
};
export type EvidenceRecord = IndicatorExplanation['indicator']['records'][number];

/** sendResilienceTask */
export type SentTask = Ok<'sendResilienceTask'>;

/** importResilienceIndicators, importResilienceValues (the same answer) */
export type ResilienceImport = Ok<'importResilienceIndicators'>;
