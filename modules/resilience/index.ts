export { ACCESS } from './access.js';
export { shippedBank, shippedBanks } from './banks/banks.js';
export { RESILIENCE_ERRORS } from './errors.js';
export { resilienceModule } from './module.js';
export {
  type Answer as AssessmentAnswerInput,
  type AssessmentSummary,
  answerProblems,
  bankProblems,
  MAX_EVIDENCE_CHARS,
  type Question as AssessmentQuestion,
  type QuestionBank,
  summarise as summariseAssessment,
} from './rules/banks.js';
// rules
export { type NextStep, nextSteps, type TargetOf } from './rules/next-steps.js';
export {
  type CommunityScore,
  type IndicatorRange,
  type MechanismScores,
  normalise,
  rangesOf,
  type Scoring,
  scoreCommunities,
  type TraitScores,
  type ValueRow,
} from './rules/scoring.js';
export {
  admitIndicatorRow,
  admitScoreTables,
  admitValueRow,
  type IndicatorCells,
  type ScoreTables,
  TABLE_REJECT_REASONS,
  type TableReject,
  type TableRejectReason,
  type TableRow,
  type ValueCells,
} from './rules/table.js';
// the computed index (store, services)
export type { ResilienceActor } from './service/actor.js';
export {
  ASSESSED_LEVELS,
  type Assessment,
  type AssessmentHead,
  type AssessmentSummaryView,
  getSelfAssessment,
  latestAssessmentSummary,
  listQuestionBanks,
  listSelfAssessments,
  reviewSelfAssessment,
  type SubmitInput as SelfAssessmentInput,
  submitSelfAssessment,
} from './service/assessments.js';
export {
  type CatalogueEntry,
  type Definition,
  PLATFORM_INDICATORS,
  readCatalogue,
} from './service/catalogue.js';
export {
  type CommunityResilience,
  getCommunityResilience,
  type ResilienceStep,
} from './service/community.js';
export {
  type ComputeOptions,
  type ComputeProgress,
  computeResilienceIndex,
  rankOf,
} from './service/compute.js';
export { cityDate as resilienceCityDate, endOfCityDate } from './service/dates.js';
export {
  type ExplainedIndicator,
  explainResilienceScore,
  type ResilienceExplanation,
} from './service/explain.js';
export { importResilienceIndicators } from './service/import-indicators.js';
export {
  type ImportSummary as ResilienceImportSummary,
  REJECT_REASONS as RESILIENCE_REJECT_REASONS,
} from './service/import-rows.js';
export { importResilienceValues } from './service/import-values.js';
export { getResilienceIndex, type ResilienceIndexView, type ResilienceRow } from './service/index-view.js';
export { startResilienceSchedule } from './service/scheduler.js';
export {
  listResilienceIndicators,
  type ResilienceIndicator,
  updateResilienceIndicator,
} from './service/settings.js';
export {
  type ResilienceTask,
  sendResilienceTask,
  TASK_ORIGIN as RESILIENCE_TASK_ORIGIN,
} from './service/tasks.js';
export { ASSESSMENT_STATES, type AssessmentState } from './store/assessments.js';
export type { ResilienceRun } from './store/runs.js';
