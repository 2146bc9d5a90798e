export { ACCESS } from './access.js';
export { SCREENING_ERRORS } from './errors.js';
export { screeningModule } from './module.js';
export {
  admitResult,
  type LineReject,
  REJECT_REASONS,
  type RejectReason,
  type ResultAdmission,
  type ResultRow,
  resultWord,
  TubeBook,
  type TubeRow,
  tubeSize,
} from './rules/files.js';
export { memberOutcomes, outcomeCounts, outcomeOf } from './rules/outcomes.js';
export {
  COMPARED_POOLS,
  expectedTests,
  MAX_POOL,
  observedPrevalence,
  type PoolOption,
  type PoolSizeAdvice,
  poolSizeAdvice,
  REPOOL_WARNING,
  validPrevalence,
} from './rules/pool-size.js';
export {
  countdown,
  DEFAULT_POOLING,
  EXEMPT_REASONS,
  type ExemptReason,
  type Pooling,
  type SiteInput,
  ZONES,
  type Zone,
  zoneOf,
} from './rules/rounds.js';
export {
  MAX_TUBE_SIZE,
  type MemberOutcome,
  OUTCOMES,
  type Outcome,
  type ReportedResult,
  TUBE_RESULTS,
  type Tube,
  type TubeResult,
} from './rules/types.js';
export { type PoolSizeAnswer, poolSizeAnswer } from './service/advice.js';
export {
  type ImportPhase,
  importTubeResults,
  RESAMPLE_ORIGIN,
  RESULT_COLUMNS,
  RETEST_ORIGIN,
  type ResultImportOptions,
  type ResultImportSummary,
} from './service/results.js';
export {
  addScreeningSite,
  createScreeningRound,
  type RoundInput,
  type ScreeningActor,
  setScreeningExemption,
} from './service/rounds.js';
export { registerSample, type ScanInput, type ScanResult, sealTube } from './service/sampling.js';
export { recountRound } from './store/counts.js';
export { communityCoverage, roundCounts, untestedPeople } from './store/coverage.js';
export { listRounds, type Round, roundById, type Site, sitesOf } from './store/rounds.js';
export { type PersonKey, tubeByBarcode } from './store/tubes.js';
