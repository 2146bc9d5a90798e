/** Who may call each mutual-aid operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** Who asks for help: a resident for themself, staff of a place for a person living there. */
const ASKERS = [...PLACE_STAFF, 'resident'] as const;

export const ACCESS = {
  // requests (a resident sees only their own; staff those of their place)
  createAidRequest: ASKERS,
  findAidDuplicate: ASKERS,
  listAidRequests: ASKERS,
  getAidRequest: ASKERS,
  cancelAidRequest: ASKERS,
  completeAidRequest: [...PLACE_STAFF, 'volunteer'],
  // matching (runs and their results, for the aid board)
  runAidMatching: PLACE_STAFF,
  listAidRuns: PLACE_STAFF,
  // a volunteer's own offers
  listMyOffers: ['volunteer'],
  respondAidMatch: ['volunteer'],
} as const satisfies AccessTable;
