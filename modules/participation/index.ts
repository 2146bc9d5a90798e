export { ACCESS } from './access.js';
export { PARTICIPATION_ERRORS } from './errors.js';
export { PARTICIPATION_INDICATORS } from './indicators.js';
export { participationModule } from './module.js';
// rules
export {
  BASELINE_DAYS as WARNING_BASELINE_DAYS,
  distinctResidents,
  type EarlyWarning as EarlyWarningFinding,
  earlyWarningVerdict,
  evaluateEarlyWarnings,
  meanAndPopulationStd,
  replayEarlyWarnings,
  type SymptomReport,
  symptomCounts,
  symptomReportsBefore,
  WARNING_MIN_N,
  type WarningVerdict,
} from './rules/early-warning.js';
export {
  DEFAULT_SLA_HOURS,
  hoursToRespond,
  median,
  type SlaHours,
  type SlaTimes,
  type SlaVerdict,
  slaDue,
  slaVerdict,
  withinSlaShare,
} from './rules/sla.js';
export {
  nextReportState,
  REOPEN_DAYS,
  REPORT_STATES,
  type ReopenDecision,
  type ReportStateName,
  reopenDecision,
  STAFF_ACTIONS,
  type StaffActionName,
} from './rules/states.js';
export {
  type ComparableReport,
  type DuplicateCandidate,
  findNearDuplicate,
  NEAR_DUPLICATE_DAYS,
  NEAR_DUPLICATE_JACCARD,
  nearDuplicateOf,
  normaliseText,
  trigramJaccard,
  trigrams,
} from './rules/trigram.js';
// store, service, module
export type { ParticipationActor } from './service/actor.js';
export { attachReportPhoto, checkPhoto, MAX_PHOTO_BYTES, sniffPhoto } from './service/photos.js';
export {
  REPORTS_PER_HOUR,
  type ReportInput,
  type ResponseInput,
  reopenReport,
  respondReport,
  type StaffAction,
  type Submitted,
  submitReport,
} from './service/reports.js';
export { setReportSla } from './service/slas.js';
export {
  type Breach,
  getParticipationStats,
  type ParticipationStats,
  type PlaceStats,
} from './service/stats.js';
export { BASELINE_DAYS, checkEarlyWarnings, type Raised, WARNING_ORIGIN } from './service/warnings.js';
export { REPORT_KIND, WARNING_KIND } from './service/words.js';
export {
  CATEGORIES,
  type Category,
  listReports,
  type Report,
  type ReportState,
  reportById,
  STATES,
} from './store/reports.js';
export { DEFAULT_ACK_HOURS, DEFAULT_RESPOND_HOURS, listSlas, type Sla } from './store/slas.js';
export { type EarlyWarning, listWarnings } from './store/warnings.js';
