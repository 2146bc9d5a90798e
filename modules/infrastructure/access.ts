/** Who may call each infrastructure operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** Who keeps the network (assets, links) and runs drills: the city and districts, and the operators. */
const KEEPERS = ['city_admin', 'district_officer', 'infra_operator'] as const;
/** Who reads the network, its N-1 analysis, sensors and alarms. */
const READERS = [...PLACE_STAFF, 'infra_operator'] as const;

export const ACCESS = {
  // network (assets, links, N-1, drills)
  importAssets: KEEPERS,
  listAssets: READERS,
  getAsset: READERS,
  getN1Analysis: READERS,
  runN1Analysis: READERS,
  runDrill: KEEPERS,
  // sensors and alarms
  listSensors: READERS,
  defineSensor: KEEPERS,
  listReadings: READERS,
  ingestReadings: ['city_admin', 'infra_operator'],
  listAlarms: READERS,
  acknowledgeAlarm: ['city_admin', 'district_officer', 'street_officer', 'infra_operator'],
} as const satisfies AccessTable;
