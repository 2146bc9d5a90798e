export { ACCESS } from './access.js';
export { INFRASTRUCTURE_ERRORS } from './errors.js';
export { INFRASTRUCTURE_INDICATORS } from './indicators.js';
export { infrastructureModule } from './module.js';
// rules
export {
  ALARM_REJECT_REASONS,
  type AlarmEvent,
  type AlarmEventKind,
  type AlarmRejectReason,
  admitReadingRow,
  admitRuleSpec,
  combined,
  IDLE,
  OPS,
  type Op,
  type Reading,
  type ReplayRule,
  type RuleEvent,
  type RuleState,
  readingValue,
  replayAlarms,
  SensorTrack,
  sensorTimeout,
  stepRule,
  type ThresholdRule,
} from './rules/alarms.js';
export {
  ASSET_TYPES,
  type Asset,
  type AssetType,
  drillRows,
  drillSet,
  type Link,
  type LossRow,
  n1Rows,
  n1RowsBruteForce,
  RELATIONS,
  type Relation,
  ServiceGraph,
} from './rules/network.js';
// network (store, service)
export {
  ASSET_EXTRA_COLUMNS,
  FILE_REJECT_REASONS,
  type FileRejectReason,
  featureRows,
} from './rules/network-file.js';
export {
  type AssetCells,
  admitAssetRow,
  admitLinkRow,
  type LinkCells,
  REJECT_REASONS,
  type RejectReason,
} from './rules/network-rows.js';
export { idsInside, insidePolygon, type LonLat } from './rules/polygon.js';
export type { InfraActor as NetworkActor } from './service/actor.js';
export { ALARM_ORIGIN, acknowledgeAlarm, itemRef } from './service/alarms.js';
export { NETWORK_REJECT_REASONS, type NetworkChangeSummary, type NetworkReject } from './service/changes.js';
export { type DrillInput, type DrillResult, runDrill } from './service/drill.js';
export {
  ASSET_COLUMNS,
  ASSET_OPTIONAL_COLUMNS,
  type ImportWhat,
  importAssets,
  LINK_COLUMNS,
  type NetworkFileKind,
  type NetworkImportSummary,
  sniffNetworkFile,
} from './service/import.js';
export {
  type FeedLog,
  type FeedStats,
  readingsOfMessage,
  SensorFeed,
  type SensorFeedOptions,
  startSensorFeed,
} from './service/mqtt.js';
export { getN1Analysis, loadGraph, type N1Analysis, runN1Analysis, type Spof } from './service/n1.js';
export {
  type AssetInput,
  type AssetPage,
  type AssetView,
  getAsset,
  listAssets,
  type NetworkList,
  removeAsset,
  removeLink,
  saveAsset,
  saveLink,
} from './service/network.js';
export { checkOffline, type OfflineResult } from './service/offline.js';
export {
  type RawReading,
  READING_REJECT_REASONS,
  type ReadingRejectReason,
} from './service/reading-input.js';
export { type IngestResult, ingestReadings, ingestReadingsCsv } from './service/readings.js';
export { defineSensor, type SensorDefinition } from './service/sensors.js';
export { decodeSparkplug, type SparkplugMetric, type SparkplugPayload } from './service/sparkplug.js';
// sensors and alarms (store, service)
export {
  type Alarm,
  type AlarmKind,
  type AlarmState,
  alarmsOfSensors,
  listAlarms,
  openAlarmCounts,
  openAlarmsOfAsset,
} from './store/alarms.js';
export { type N1Run, type StoredLoss, storedLosses, storedLossRows } from './store/n1.js';
export type { StoredAsset } from './store/network.js';
export { countReadings, readingsOf } from './store/readings.js';
export { listSensors, offlineAssets, type Sensor, sensorById, sensorsOfAsset } from './store/sensors.js';
