/** Who may call each screening operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** Who organises rounds: the health authority and the places' officers above community. */
const ORGANISERS = ['city_admin', 'district_officer', 'street_officer', 'health_officer'] as const;
/** Who takes swabs: community workers and the health authority's samplers. */
const SAMPLERS = [...PLACE_STAFF, 'health_officer'] as const;
/** Who reads rounds and coverage. */
const READERS = [...PLACE_STAFF, 'health_officer', 'lab_user'] as const;

export const ACCESS = {
  createScreeningRound: ORGANISERS,
  listScreeningRounds: READERS,
  getScreeningRound: READERS,
  addScreeningSite: ORGANISERS,
  setScreeningExemption: SAMPLERS,
  registerSample: SAMPLERS,
  sealTube: SAMPLERS,
  getTube: [...SAMPLERS, 'lab_user'],
  importTubeResults: ['lab_user', 'health_officer'],
  listResultImports: ['lab_user', 'health_officer', 'city_admin'],
  getRoundCoverage: [...PLACE_STAFF, 'health_officer'],
  listUntested: [...PLACE_STAFF, 'health_officer'],
  getPoolSizeAdvice: [...ORGANISERS, 'lab_user'],
} as const satisfies AccessTable;
