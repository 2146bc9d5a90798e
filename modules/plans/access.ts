/** Who may call each plans operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/**
 * Who writes plans, activates them, reviews and closes incidents: the places' staff (a community
 * worker too: a community activates its own plan for itself before any order comes). What each
 * may touch follows their place: a plan owned at or under it, places within it.
 */
const WRITERS = PLACE_STAFF;
/** Who reads plans, incidents, corrective actions and the loop's figures: the health authority too. */
const READERS = [...PLACE_STAFF, 'health_officer'] as const;

export const ACCESS = {
  createPlan: WRITERS,
  listPlans: READERS,
  getPlan: READERS,
  savePlanDraft: WRITERS,
  publishPlanVersion: WRITERS,
  diffPlanVersions: READERS,
  activatePlan: WRITERS,
  listIncidents: READERS,
  getIncident: READERS,
  submitAfterActionReview: WRITERS,
  closeIncident: WRITERS,
  listCorrectiveActions: READERS,
  getLoopMetrics: READERS,
} as const satisfies AccessTable;
