/** Who may call each resilience operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, PLACE_STAFF } from '@renxing/contracts';

/** Officials above a community: they review self-assessments and send work down. */
const ABOVE_COMMUNITY = ['city_admin', 'district_officer', 'street_officer'] as const;

export const ACCESS = {
  // indicators and the city's settings
  listResilienceIndicators: PLACE_STAFF,
  updateResilienceIndicator: ['city_admin'],
  importResilienceIndicators: ['city_admin'],
  importResilienceValues: ['city_admin'],
  // the index (staff see the communities at or under their place)
  computeResilienceIndex: ['city_admin'],
  getResilienceIndex: PLACE_STAFF,
  getCommunityResilience: PLACE_STAFF,
  explainResilienceScore: PLACE_STAFF,
  sendResilienceTask: PLACE_STAFF,
  // self-assessment (answered by a community or a street, reviewed from above it)
  listQuestionBanks: PLACE_STAFF,
  submitSelfAssessment: PLACE_STAFF,
  getSelfAssessment: PLACE_STAFF,
  listSelfAssessments: PLACE_STAFF,
  reviewSelfAssessment: ABOVE_COMMUNITY,
} as const satisfies AccessTable;
