/** Who may call each federation operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF, PUBLIC } from '@renxing/contracts';

const OFFICERS = ['city_admin', 'health_officer'] as const;
const READERS = [...PLACE_STAFF, 'health_officer'] as const;

export const ACCESS = {
  listPeerCities: OFFICERS,
  registerPeerCity: ['city_admin'],
  sendHandoff: OFFICERS,
  // Another city's server: the signature is the credential (no session).
  receiveHandoff: PUBLIC,
  listHandoffs: READERS,
  getHandoff: READERS,
  acceptHandoff: OFFICERS,
  rejectHandoff: OFFICERS,
} as const satisfies AccessTable;
