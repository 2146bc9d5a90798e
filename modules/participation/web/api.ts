/** Participation's API calls and the shapes the console reads of them (see /openapi.json, tag participation). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api, request } from '@renxing/ui/client';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types).

/** listReports */
export type ReportList = Ok<'listReports'>;
export type Report = ReportList['reports'][number];
export type ReportQuery = Query<'listReports'>;

// The constants as modules/participation says them, checked against the schemas' enums.
export type Category = Report['category'];
export const CATEGORIES = allOf<Category>()(['hazard', 'suggestion', 'complaint', 'health_symptom', 'need']);
export type ReportState = Report['state'];
export const REPORT_STATES = allOf<ReportState>()([
  'submitted',
  'acknowledged',
  'assigned',
  'responded',
  'closed',
]);

/** getReport */
export type ReportPage = Ok<'getReport'>;
export type ReportEvent = ReportPage['events'][number];

/** submitReport, respondReport */
export type NewReport = Body<'submitReport'>;
export type Submitted = Ok<'submitReport'>;
export type RespondBody = Body<'respondReport'>;
export type ResponseAction = RespondBody['action'];
export const RESPONSE_ACTIONS = allOf<ResponseAction>()(['acknowledge', 'assign', 'respond', 'close']);

/** listReportSlas, setReportSla */
export type Sla = Ok<'listReportSlas'>['slas'][number];

/** getParticipationStats */
export type Stats = Ok<'getParticipationStats'>;
export type PlaceStats = Stats['byPlace'][number];
export type Breach = Stats['breachList'][number];

/** listEarlyWarnings */
export type EarlyWarning = Ok<'listEarlyWarnings'>['warnings'][number];

/** listMyNotifications */
export type Notification = Ok<'listMyNotifications'>['notifications'][number];

const id = (s: string) => encodeURIComponent(s);

export const listReports = (query: ReportQuery, signal?: AbortSignal) =>
  api.get<ReportList>('/api/participation/reports', { ...query }, signal);

export const getReport = (reportId: string, signal?: AbortSignal) =>
  api.get<ReportPage>(`/api/participation/reports/${id(reportId)}`, undefined, signal);

export const submitReport = (body: NewReport) => api.post<Submitted>('/api/participation/reports', body);

/** attachReportPhoto: the image as it is (the server decides its type by its bytes). */
export const attachReportPhoto = (reportId: string, file: File) =>
  request<Ok<'attachReportPhoto'>>('PUT', `/api/participation/reports/${id(reportId)}/photo`, {
    raw: { data: file, type: file.type || 'application/octet-stream' },
  });

/** The photo's address (an image only, never HTML: the server sends the type its bytes proved). */
export const photoUrl = (reportId: string) => `/api/participation/reports/${id(reportId)}/photo`;

export const respondReport = (reportId: string, body: RespondBody) =>
  api.post<Ok<'respondReport'>>(`/api/participation/reports/${id(reportId)}/respond`, body);

export const reopenReport = (reportId: string, reason?: string) =>
  api.post<Ok<'reopenReport'>>(`/api/participation/reports/${id(reportId)}/reopen`, reason ? { reason } : {});

export const listReportSlas = (signal?: AbortSignal) =>
  api.get<Ok<'listReportSlas'>>('/api/participation/slas', undefined, signal);

export const setReportSla = (category: Category, body: { ackHours: number; respondHours: number }) =>
  request<Ok<'setReportSla'>>('PUT', `/api/participation/slas/${id(category)}`, { body });

export const getParticipationStats = (query: Query<'getParticipationStats'>, signal?: AbortSignal) =>
  api.get<Stats>('/api/participation/stats', { ...query }, signal);

export const listEarlyWarnings = (signal?: AbortSignal) =>
  api.get<Ok<'listEarlyWarnings'>>('/api/participation/early-warnings', { withReports: true }, signal);

export const listMyNotifications = (signal?: AbortSignal) =>
  api.get<Ok<'listMyNotifications'>>('/api/me/notifications', undefined, signal);

export const markNotificationRead = (ids: string[]) =>
  api.post<Ok<'markNotificationRead'>>('/api/me/notifications/read', { ids });
