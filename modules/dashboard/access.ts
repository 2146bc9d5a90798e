/** Who may call each dashboard operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

export const ACCESS = {
  getPlaceStats: [...PLACE_STAFF, 'health_officer'],
  getCompanionCells: [...PLACE_STAFF, 'health_officer'],
} as const satisfies AccessTable;
