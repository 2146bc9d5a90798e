/** Who may call each participation operation (role × operationId): the API enforces it, the console reads it. */
import { type AccessTable, EVERY_ROLE, PLACE_STAFF } from '@renxing/contracts';

/** Staff who read reports, statistics and warnings within their place. */
const READERS = [...PLACE_STAFF, 'health_officer'] as const;

export const ACCESS = {
  // reports (a resident sees only their own; staff within their place)
  submitReport: [...PLACE_STAFF, 'resident'],
  attachReportPhoto: [...PLACE_STAFF, 'resident'],
  listReports: [...READERS, 'resident'],
  getReport: [...READERS, 'resident'],
  getReportPhoto: [...READERS, 'resident'],
  respondReport: PLACE_STAFF,
  reopenReport: ['resident'],
  listPublicResponses: [...READERS, 'resident', 'volunteer'],
  // SLAs and statistics
  listReportSlas: READERS,
  setReportSla: ['city_admin'],
  getParticipationStats: READERS,
  // early warning from residents
  listEarlyWarnings: READERS,
  runEarlyWarnings: ['city_admin', 'district_officer', 'health_officer'],
  // notifications (everyone reads their own)
  listMyNotifications: EVERY_ROLE,
  markNotificationRead: EVERY_ROLE,
} as const satisfies AccessTable;
