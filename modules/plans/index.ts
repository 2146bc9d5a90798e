export { ACCESS } from './access.js';
export { PLANS_ERRORS } from './errors.js';
export { PLANS_INDICATORS } from './indicators.js';
export { plansModule } from './module.js';
export {
  activationProblem,
  TASK_ORIGIN,
  taskRef,
} from './rules/activation.js';
export {
  contentProblem,
  emptyContent,
  groupOf,
  HAZARDS,
  type Hazard,
  LEVEL_NAMES,
  LEVELS,
  type Level,
  type LevelContent,
  normaliseContent,
  type PlanTask,
  type SupplyNorm,
  TASK_PLACE_LEVELS,
  type TaskGroup,
  taskGroups,
  type VersionContent,
} from './rules/content.js';
export { diffCounts, diffIsEmpty, diffVersions, type LevelDiff, type VersionDiff } from './rules/diff.js';
export { type LoopMetrics, loopMetrics, median } from './rules/metrics.js';
export { STANDING_LEVEL, standingNorms, surgeNorms } from './rules/norms.js';
export {
  ELEMENTS,
  type Element,
  isComplete,
  type MissingToClose,
  missingToClose,
  needsAction,
  RATINGS,
  type Rating,
} from './rules/review.js';
export {
  type ActionWithRevision,
  getLoopMetrics,
  type LoopFigures,
  listCorrectiveActions,
} from './service/actions.js';
export {
  type Activated,
  type Activation,
  activatePlan,
  closeIncident,
  GAP_HORIZON_HOURS,
  getIncident,
  type IncidentView,
} from './service/incidents.js';
export {
  createPlan,
  diffPlanVersions,
  getPlan,
  type NewPlan,
  type PlansActor,
  type PlanView,
  type Publication,
  type Published,
  publishPlanVersion,
  savePlanDraft,
} from './service/plans.js';
export { incidentSource, planSource } from './service/preparedness.js';
export {
  type ActionInput,
  type ObjectiveReview,
  type ReviewInput,
  submitAfterActionReview,
} from './service/review.js';
export type { CorrectiveAction } from './store/actions.js';
export { type Incident, type IncidentEvent, listIncidents, type Objective } from './store/incidents.js';
export { listPlans, type Plan, type PlanVersion, type VersionSummary } from './store/plans.js';
