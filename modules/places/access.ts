/** Who may call each places operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, ROLES } from '@renxing/contracts';

export const ACCESS = {
  listPlaces: ROLES.filter((r) => r !== 'resident'),
} as const satisfies AccessTable;
