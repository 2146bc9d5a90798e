export { ACCESS } from './access.js';
export { HEALTH_CODE_ERRORS } from './errors.js';
export { DEFAULT_VERIFY_LIMIT } from './http/context.js';
export { default as healthCodeRoutes, healthCodeContext, wellKnownRoutes } from './http/routes.js';
export { cityKeys, healthCodesModule } from './module.js';
export {
  type Admission,
  type AdmissionCode,
  admitEvent,
  admitInstant,
  BACKDATING_WINDOW,
  backdatingLimit,
  CLOCK_SKEW,
  type DatedEventKind,
  eventRefusal,
  orderRefusal,
  type Refusal,
  timeRefusal,
} from './rules/admission.js';
export { type ExplainOptions, type Explanation, explain } from './rules/explain.js';
export { formatDuration, formatInstant } from './rules/format.js';
export { companionAlreadyApplied, companionKey, rememberCompanion } from './rules/idempotency.js';
export {
  approveOverride,
  type OverrideApprover,
  type OverrideRefusal,
  type OverrideRequest,
  type OverrideResult,
  overrideRefusal,
  requestOverride,
} from './rules/overrides.js';
export { addTest, byTakenAt, clearingNegatives, isolationRelease, negativeChain } from './rules/pcr.js';
export { pooledPendingOf } from './rules/pooled.js';
export {
  CHENGDU_2021_PRESET,
  DEFAULT_PRESET,
  HEALTH_CODE_PRESETS,
  type HealthCodePreset,
  healthCodePreset,
  negativeWindowEnd,
} from './rules/presets.js';
export { type ApplyResult, applyEvent, initialState, replay } from './rules/rules.js';
export {
  type CloseContact,
  COLOURS,
  type Colour,
  type CompanionFound,
  type ConfirmedCase,
  type Discharged,
  type EpochSeconds,
  type Evidence,
  type HealthCodeEvent,
  type HealthCodeState,
  type IsolationStarted,
  type OverrideApproved,
  type PcrOutcome,
  type PcrResult,
  type PcrTest,
  type PersonReason,
  type PooledPending,
  type PooledPositive,
  type ReasonKind,
  type RedBasis,
  RULE_IDS,
  type RuleId,
  type Tick,
  type Transition,
} from './rules/types.js';
export {
  applyHealthCodeEvent,
  firstHealthCodeState,
  type LoadedHealthCode,
  loadHealthCode,
  presetOf,
  settleHealthCode,
  toTransition,
} from './service/apply.js';
export {
  type CloseContactInput,
  type DischargeInput,
  designateCloseContact,
  dischargeCase,
  type IsolationInput,
  type OfficerActionResult,
  startIsolation,
} from './service/officer.js';
export {
  type DecidedOverride,
  decideHealthCodeOverride,
  type NewOverride,
  type OverrideDecisionInput,
  requestHealthCodeOverride,
} from './service/overrides.js';
export { type QrOptions, qrPng } from './service/qr.js';
export { recordScreeningResults, type ScreeningMemberResult } from './service/screening-results.js';
export {
  DEFAULT_TOKEN_TTL,
  generateSigningKey,
  type HealthTokenClaims,
  issueHealthToken,
  jwks,
  jwkThumbprint,
  loadPreviousKeys,
  loadSigningKey,
  PREVIOUS_KEYS_DIR,
  type PublicJwk,
  type PublishedKey,
  personPseudonym,
  SIGNING_KEY_FILE,
  type SigningKey,
  signingKeyFromPem,
  TOKEN_REFUSALS,
  type TokenCheck,
  type TokenRefusal,
  type VerifyKey,
  verifyHealthToken,
  verifyKeysFromPem,
} from './service/signing.js';
export { type NewPcrResult, type RecordedPcrResult, recordPcrResult } from './service/test-results.js';
export {
  issuePersonToken,
  type OnlineCheck,
  type TokenContext,
  verifyPersonToken,
} from './service/tokens.js';
export { type HealthCodeView, healthCodeView } from './service/view.js';
export {
  type CodeColour,
  colourOfHealthCodePid,
  type HealthCodeSnapshot,
  healthCodeHistory,
  healthCodeOf,
  healthCodesOf,
  insertHealthCodeTransition,
  lockHealthCode,
  type NewHealthCodeTransition,
  peopleWithHealthCodes,
  personOfHealthCodePid,
  rememberHealthCodePid,
  type StoredHealthCode,
  type StoredHealthCodeTransition,
  saveHealthCode,
} from './store/health-codes.js';
export {
  decideOverrideRequest,
  insertOverrideRequest,
  type NewOverrideRequest,
  type OverrideDecision,
  type OverrideState,
  overrideRequestById,
  pendingOverrides,
  pendingOverridesOf,
  type StoredOverrideRequest,
} from './store/override-requests.js';
export {
  insertTestResult,
  type NewTestResult,
  type PcrHistoryRow,
  pcrHistoryOf,
  type StoredTestResult,
  type TestOutcome,
  testResultsOf,
} from './store/test-results.js';
