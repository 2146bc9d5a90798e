/** Who may call each cases operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

const READERS = [...PLACE_STAFF, 'health_officer'] as const;

export const ACCESS = {
  createCase: ['city_admin', 'health_officer'],
  listCases: READERS,
  getCase: READERS,
  listCaseCompanions: READERS,
  getTransmissionChain: READERS,
} as const satisfies AccessTable;
