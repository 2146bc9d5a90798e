export { STREAM_ERRORS } from '../errors.js';
export { type PartitionLatest, type RoleOptions, startStayBuilder } from './builder.js';
export { destroyStream, openStream, type StreamClient } from './client.js';
export {
  checkStreamConfig,
  retentionDaysOf,
  type StreamConfig,
  type StreamNames,
  streamConfigFromEnv,
  streamMaxAgeNanos,
  streamNames,
} from './config.js';
export { startIndexWorker } from './index-worker.js';
export { type StreamMetrics, streamMetrics } from './metrics.js';
export { latestOfAll, type StreamProgress, streamProgress } from './progress.js';
export {
  type PublishCsvOptions,
  type PublishCsvResult,
  type PublishProgress,
  publishPingBatch,
  publishPingsCsv,
} from './publish.js';
export { queryStreamed, waitCaughtUp } from './query.js';
export { cutoffAt, PRUNE_EVERY_MS, type RetentionMetrics, retentionMetrics } from './retention.js';
export type { Role, RoleKind, RoleStatus } from './role.js';
