/** Services that join the engine, the domain rules and the database (no HTTP, no CLI). */

export { DEFAULT_PARAMS as DEFAULT_COMPANION_PARAMS, type GridParams } from '@renxing/engine';
export { type CellCount, cellFeatures, cellRing } from './cases/cells.js';
export { type DetectionResult, type DetectOptions, detectCases } from './cases/detect.js';
export { DetectionQueue, type QueueOptions } from './cases/queue.js';
export { type CaseInput, type CaseProblem, type RegisterOptions, registerCase } from './cases/register.js';
export * from './health-codes/index.js';
export {
  DEFAULT_RETENTION_DAYS,
  DEFAULT_UTC_OFFSET,
  localDay,
  retentionCutoff,
} from './trajectories/days.js';
export {
  CHUNK_PINGS,
  type ImportPingsOptions,
  type ImportPingsResult,
  type ImportProgress,
  importedBefore,
  importPings,
  type PingReject,
} from './trajectories/import-pings.js';
export {
  purgeTrajectories,
  TRAJECTORY_CSV_HEADER,
  trajectoryCsv,
  verifyRetention,
} from './trajectories/load.js';
