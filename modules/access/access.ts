/** Who may call each access operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, EVERY_ROLE, PLACE_STAFF, PUBLIC } from '@renxing/contracts';

export const ACCESS = {
  login: PUBLIC,
  logout: EVERY_ROLE,
  getSession: EVERY_ROLE,
  listStaff: [...PLACE_STAFF, 'health_officer'],
} as const satisfies AccessTable;
