/** Who may call each health-code operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF, PUBLIC } from '@renxing/contracts';

const READERS = [...PLACE_STAFF, 'health_officer'] as const;
const OVERRIDERS = ['city_admin', 'district_officer', 'health_officer'] as const;
const OFFICERS = ['city_admin', 'health_officer'] as const;
const LABS = ['lab_user', 'health_officer'] as const;

export const ACCESS = {
  verifyHealthCode: PUBLIC,
  getJwks: PUBLIC,
  getHealthCode: READERS,
  getHealthCodeQr: READERS,
  getMyHealthCode: ['resident'],
  getMyHealthCodeQr: ['resident'],
  requestOverride: OVERRIDERS,
  listOverrides: OVERRIDERS,
  approveOverride: OVERRIDERS,
  rejectOverride: OVERRIDERS,
  designateCloseContact: OFFICERS,
  startIsolation: OFFICERS,
  dischargeCase: OFFICERS,
  recordTestResult: LABS,
  listTestResults: LABS,
} as const satisfies AccessTable;
