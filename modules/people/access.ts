/** Who may call each people operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

export const ACCESS = {
  importPeople: PLACE_STAFF,
  getPerson: [...PLACE_STAFF, 'health_officer'],
  listPeople: [...PLACE_STAFF, 'health_officer'],
} as const satisfies AccessTable;
