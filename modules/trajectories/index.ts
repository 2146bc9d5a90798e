export { ACCESS } from './access.js';
export { default as pingRoutes } from './http/routes.js';
export { trajectoriesModule } from './module.js';
export { DEFAULT_RETENTION_DAYS, DEFAULT_UTC_OFFSET, localDay, retentionCutoff } from './rules/days.js';
export {
  type ImportPingsOptions,
  type ImportPingsResult,
  type ImportProgress,
  importedBefore,
  importPings,
  type PingReject,
} from './service/import-pings.js';
export { purgeTrajectories, TRAJECTORY_CSV_HEADER, trajectoryCsv, verifyRetention } from './service/load.js';
export { CHUNK_PINGS } from './service/pings-parser.js';
export {
  batchOfCsv,
  PingsPublisher,
  type PingsSink,
  type PublisherOptions,
  publishStore,
  publishStoredImport,
  type StreamPublish,
} from './service/publish-pings.js';
export {
  insertTrajectoryImport,
  type NewTrajectoryChunk,
  type NewTrajectoryImport,
  purgeTrajectoryDays,
  type RetentionCheck,
  type TrajectoryChunk,
  type TrajectoryDay,
  type TrajectoryImport,
  type TrajectoryPurge,
  trajectoryChunks,
  trajectoryDays,
  trajectoryImportBySha,
  trajectoryImportDays,
  trajectoryRetention,
} from './store/trajectories.js';
