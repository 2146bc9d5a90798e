export { ACCESS } from './access.js';
export { CASE_ERRORS } from './errors.js';
export { default as caseRoutes } from './http/routes.js';
export { casesModule } from './module.js';
export { type CellCount, cellFeatures, cellRing } from './rules/cells.js';
export {
  CHAIN_MAX_EDGES,
  CHAIN_MAX_NODES,
  type ChainEdge,
  type ChainGraph,
  type ChainNode,
  type ChainNodeKind,
} from './rules/chain.js';
export {
  type CaseChain,
  CHAIN_MAX_DEPTH,
  type ChainOptions,
  type ChainRequest,
  caseChain,
} from './service/chain.js';
export {
  type CompanionStream,
  type DetectionResult,
  type DetectOptions,
  detectCases,
  streamMismatch,
} from './service/detect.js';
export { DetectionQueue, type QueueOptions } from './service/queue.js';
export { type CaseInput, type RegisterOptions, registerCase } from './service/register.js';
export {
  type Case,
  type CaseListOptions,
  type CompanionInput,
  type CompanionListOptions,
  type CompanionView,
  caseById,
  caseVisible,
  companionCells,
  type DetectionPhase,
  type DetectionProgress,
  type DetectionState,
  insertCase,
  listCases,
  listCompanions,
  type NewCase,
  type StoredCompanion,
  setDetection,
  unfinishedDetections,
  upsertCompanions,
} from './store/cases.js';
export { type CompanionRecord, companionById, externalCase, insertKnownCompanion } from './store/external.js';
