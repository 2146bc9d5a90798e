/** Who may call each supplies operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** The city's catalogue is kept by the city. */
const CATALOGUE = ['city_admin'] as const;

export const ACCESS = {
  listSupplyItems: PLACE_STAFF,
  importSupplyItems: CATALOGUE,
  listSupplyStores: PLACE_STAFF,
  createSupplyStore: PLACE_STAFF,
  listStock: PLACE_STAFF,
  listMovements: PLACE_STAFF,
  receiveStock: PLACE_STAFF,
  issueStock: PLACE_STAFF,
  transferStock: PLACE_STAFF,
  adjustStock: PLACE_STAFF,
  expireStock: PLACE_STAFF,
  getSupplyGaps: PLACE_STAFF,
  listSupplyNorms: PLACE_STAFF,
  exportSupplies: PLACE_STAFF,
  listSupplyAlerts: PLACE_STAFF,
  raiseSupplyAlerts: PLACE_STAFF,
} as const satisfies AccessTable;
