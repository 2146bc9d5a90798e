export { ACCESS } from './access.js';
export { MUTUAL_AID_ERRORS } from './errors.js';
export { MUTUAL_AID_INDICATORS } from './indicators.js';
export { mutualAidModule } from './module.js';
// rules
export {
  AID_REJECT_REASONS,
  type AidRejectReason,
  admitRequestRow,
  admitVolunteerRow,
  DEFAULT_CAPACITY,
  type RequestCells,
  type VolunteerCells,
  type VolunteerDraft,
} from './rules/aid-rows.js';
export { EARTH_RADIUS_M, haversineM } from './rules/geo.js';
export {
  DEFAULT_MAX_KM,
  type MatchingResult,
  type MatchOptions,
  type MatchRequest,
  type MatchRow,
  type MatchVolunteer,
  overlaps,
  type TimeWindow,
  toMm,
  UNMATCHED_REASONS,
  URGENCIES,
  URGENCY_WEIGHT,
} from './rules/match-types.js';
export {
  availableFor,
  type CandidateGraph,
  candidateGraph,
  greedyNearestFirst,
  matchOptimal,
  minCostFlow,
} from './rules/matching.js';
export {
  ACTIVE_AID_STATES,
  AID_EVENTS,
  AID_STATES,
  type AidEventName,
  type AidRequestKey,
  type AidStateName,
  findDuplicateRequest,
  hasExpired,
  nextAidState,
} from './rules/requests.js';
// store, service, module
export { type AidActor, systemActor } from './service/actor.js';
export { type BoardRow, listAidRuns, type RunBoard, type RunFigures, runBoard } from './service/board.js';
export { EXPIRED_ORIGIN, expireAidRequests } from './service/expiry.js';
export { cityDay, matchingInput, type RunResult, runAidMatching } from './service/matching.js';
export {
  AID_NOTICE_KIND,
  type AidChange,
  type AidNotifier,
  noticeOf,
  notifyRequester,
} from './service/notify.js';
export { type OfferView, offerViews } from './service/offer-view.js';
export {
  completeAidRequest,
  listMyOffers,
  type MyOffer,
  type OfferAnswer,
  respondAidMatch,
} from './service/offers.js';
export {
  type AidRequestDetail,
  type AidRequestInput,
  type Created,
  cancelAidRequest,
  createAidRequest,
  findAidDuplicate,
  getAidRequest,
  listAidRequests,
} from './service/requests.js';
export { type AidMatcher, type AidMatcherOptions, startAidMatcher } from './service/scheduler.js';
export type { AidOffer, OfferState } from './store/offers.js';
export type { AidEvent, AidEventState, AidRequest, AidState, Urgency } from './store/requests.js';
export type { AidRun, RunTrigger, UnmatchedReason } from './store/runs.js';
