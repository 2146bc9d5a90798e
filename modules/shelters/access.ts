/** Who may call each shelters operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** Who keeps the registry and opens or closes shelters: the places' officers above community. */
const MANAGERS = ['city_admin', 'district_officer', 'street_officer'] as const;

export const ACCESS = {
  listShelters: PLACE_STAFF,
  getShelter: PLACE_STAFF,
  exportShelters: PLACE_STAFF,
  findShelterWithRoom: PLACE_STAFF,
  findEvacuees: PLACE_STAFF,
  checkInShelter: PLACE_STAFF,
  checkOutShelter: PLACE_STAFF,
  createShelter: MANAGERS,
  updateShelter: MANAGERS,
  importShelters: MANAGERS,
  setShelterState: MANAGERS,
} as const satisfies AccessTable;
