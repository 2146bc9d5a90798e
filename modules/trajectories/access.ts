/** Who may call each trajectories operation (role × operationId): the API enforces it, the console reads it. */
import type { AccessTable } from '@renxing/contracts';

export const ACCESS = {
  importPings: ['city_admin', 'health_officer'],
  listTrajectoryDays: ['city_admin', 'health_officer'],
  verifyTrajectoryRetention: ['city_admin', 'health_officer'],
  purgeTrajectories: ['city_admin'],
  getStreamStatus: ['city_admin', 'health_officer'],
} as const satisfies AccessTable;
