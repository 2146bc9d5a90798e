export { ACCESS } from './access.js';
export { SUPPLIES_ERRORS } from './errors.js';
export { SUPPLIES_INDICATORS } from './indicators.js';
export { suppliesModule } from './module.js';
export {
  admitItem,
  ITEM_COLUMNS,
  ITEM_REJECTS,
  type ItemReject,
  type ItemRejectReason,
  OPTIONAL_ITEM_COLUMNS,
  type SupplyItemInput,
} from './rules/catalogue.js';
export {
  cascadeGaps,
  communityGap,
  coveredGap,
  type GapNorm,
  type GapPlace,
  type GapRow,
} from './rules/gaps.js';
export {
  EXPIRY_ALERT_DAYS,
  expiredAt,
  fefo,
  MOVEMENT_KINDS,
  type MovementKind,
  takeFefo,
  usableAt,
} from './rules/stock.js';
export type { SuppliesActor } from './service/actor.js';
export {
  EXPIRY_ORIGIN,
  GAP_ORIGIN,
  MINIMUM_ORIGIN,
  type RaisedAlerts,
  raiseSupplyAlerts,
  type SupplyAlerts,
  supplyAlerts,
} from './service/alerts.js';
export { type ItemImportSummary, importSupplyItems } from './service/catalogue.js';
export { exportSupplies } from './service/export.js';
export { type GapPlaceInfo, type SupplyGapRow, type SupplyGaps, supplyGaps } from './service/gaps.js';
export {
  type AdjustInput,
  adjustStock,
  type ExpireInput,
  expireStock,
  type IssueInput,
  issueStock,
  type ReceiveInput,
  receiveStock,
  type TransferInput,
  transferStock,
} from './service/movements.js';
export { MAX_PER_RESIDENT, type NormInput, setSupplyNorms } from './service/norms.js';
export { createSupplyStore } from './service/stores.js';
export { listItems as listSupplyItems, type SupplyItem } from './store/items.js';
export { listMovements, listStock, type Movement, type StockLot } from './store/lots.js';
export { listNorms as listSupplyNorms, type SupplyNorm } from './store/norms.js';
export { listStores as listSupplyStores, type SupplyStore } from './store/stores.js';
