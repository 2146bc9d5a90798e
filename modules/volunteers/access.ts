/** Who may call each volunteers operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** A volunteer's own record: the volunteer's account, or a resident who registered themself. */
const SELF = ['resident', 'volunteer'] as const;

export const ACCESS = {
  // volunteers (staff act within their place; a resident registers themself)
  registerVolunteer: [...PLACE_STAFF, 'resident'],
  verifyVolunteer: PLACE_STAFF,
  listVolunteers: PLACE_STAFF,
  getVolunteer: PLACE_STAFF,
  importVolunteers: PLACE_STAFF,
  setVolunteerWindows: PLACE_STAFF,
  recordVolunteerHours: PLACE_STAFF,
  getMyVolunteer: SELF,
  setMyVolunteerWindows: SELF,
  // organisations
  listOrganisations: PLACE_STAFF,
  createOrganisation: PLACE_STAFF,
} as const satisfies AccessTable;
