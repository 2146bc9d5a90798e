/** Who may call each audit operation (role × operationId): the API enforces it, the console reads it. */
import type { AccessTable } from '@renxing/contracts';

export const ACCESS = {
  listAudit: ['auditor', 'city_admin'],
  verifyAudit: ['auditor', 'city_admin'],
} as const satisfies AccessTable;
