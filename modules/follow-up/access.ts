/** Who may call each follow-up operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

const WORKERS = [...PLACE_STAFF, 'health_officer'] as const;

export const ACCESS = {
  listTasks: WORKERS,
  getTask: WORKERS,
  updateTask: WORKERS,
  reassignTasks: WORKERS,
} as const satisfies AccessTable;
