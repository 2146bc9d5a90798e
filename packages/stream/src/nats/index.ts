export { STREAM_ERRORS } from '../errors.js';
export { type PartitionLatest, type RoleOptions, startStayBuilder } from './builder.js';
export { destroyStream, openStream, type StreamClient } from './client.js';
export {
  checkStreamConfig,
  type StreamConfig,
  type StreamNames,
  streamConfigFromEnv,
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
export type { Role, RoleKind, RoleStatus } from './role.js';
