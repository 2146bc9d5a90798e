/**
 * Participation in the access matrix: who may call each of its operations, its fixture (a report
 * with a photo by the matrix's resident 张三 in cq.yz.jd01.sq01, and one by 赵六 in
 * cq.jb.jd03.sq09), its requests in and out of scope, its fuzz routes.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { attachReportPhoto, type ParticipationActor, submitReport } from '@renxing/modules/participation';
import { createNotifier } from '@renxing/notify';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const READERS: UserRole[] = [...STAFF, 'health_officer'];
const EVERYONE: UserRole[] = [
  'city_admin',
  'district_officer',
  'street_officer',
  'community_worker',
  'health_officer',
  'lab_user',
  'auditor',
  'resident',
  'department_officer',
  'infra_operator',
  'volunteer',
];

export const PARTICIPATION_ACCESS: Record<string, UserRole[]> = {
  submitReport: [...STAFF, 'resident'],
  attachReportPhoto: [...STAFF, 'resident'],
  listReports: [...READERS, 'resident'],
  getReport: [...READERS, 'resident'],
  getReportPhoto: [...READERS, 'resident'],
  respondReport: STAFF,
  reopenReport: ['resident'],
  listPublicResponses: [...READERS, 'resident', 'volunteer'],
  listReportSlas: READERS,
  setReportSla: ['city_admin'],
  getParticipationStats: READERS,
  listEarlyWarnings: READERS,
  runEarlyWarnings: ['city_admin', 'district_officer', 'health_officer'],
  listMyNotifications: EVERYONE,
  markNotificationRead: EVERYONE,
};

export interface ParticipationFixture {
  /** 张三's report in cq.yz.jd01.sq01 (with a photo), and 赵六's in cq.jb.jd03.sq09. */
  reportIn: string;
  reportOut: string;
  personIn: string;
  personOut: string;
}

/** The smallest PNG (1×1). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Two reports with photos, submitted by the system for the matrix's people in and out of every scope but the city's. */
export async function seedParticipation(
  db: Db,
  o: { now: number; personIn: string; personOut: string },
): Promise<ParticipationFixture> {
  const now = new Date((o.now - 3600) * 1000);
  const system: ParticipationActor = { userId: null, role: 'system', personId: null, scope: null, now };
  const notifier = createNotifier({ db, smtpUrl: null, now: () => now });
  const report = async (personId: string, text: string) => {
    const r = await submitReport(db, notifier, system, { category: 'hazard', text, personId });
    await attachReportPhoto(db, system, r.report.id, PNG);
    return r.report.id;
  };
  return {
    reportIn: await report(o.personIn, '矩阵：楼道堆放杂物'),
    reportOut: await report(o.personOut, '矩阵：江北路灯损坏'),
    personIn: o.personIn,
    personOut: o.personOut,
  };
}

/** The request for a participation operation in or out of scope (null: none out of scope), or undefined for another. */
export function participationRequest(
  op: string,
  f: ParticipationFixture,
  out: boolean,
): Req | null | undefined {
  const report = out ? f.reportOut : f.reportIn;
  const place = out ? 'cq.jb.jd03.sq09' : 'cq.yz.jd01.sq01';
  const from = '2020-01-01T00:00:00Z';
  const to = '2100-01-01T00:00:00Z';
  switch (op) {
    case 'submitReport':
      return {
        method: 'POST',
        url: '/api/participation/reports',
        payload: {
          category: 'suggestion',
          text: `矩阵建议 ${Math.random().toString(36).slice(2)}`,
          personId: out ? f.personOut : f.personIn,
        },
      };
    case 'attachReportPhoto':
      return {
        method: 'PUT',
        url: `/api/participation/reports/${report}/photo`,
        headers: { 'content-type': 'image/png' },
        payload: PNG,
      };
    case 'listReports':
      return {
        method: 'GET',
        url: out ? `/api/participation/reports?placePath=${place}` : '/api/participation/reports',
      };
    case 'getReport':
      return { method: 'GET', url: `/api/participation/reports/${report}` };
    case 'getReportPhoto':
      return { method: 'GET', url: `/api/participation/reports/${report}/photo` };
    case 'respondReport':
      return {
        method: 'POST',
        url: `/api/participation/reports/${report}/respond`,
        payload: { action: 'acknowledge' },
      };
    case 'reopenReport':
      // Only the reporter reopens (a resident has nothing out of scope); not yet responded: 409.
      return out ? null : { method: 'POST', url: `/api/participation/reports/${report}/reopen`, payload: {} };
    case 'listPublicResponses':
      // Public to every admitted role wherever (no out-of-scope request for the resident-like roles).
      return out ? null : { method: 'GET', url: '/api/participation/public-responses' };
    case 'listReportSlas':
      return out ? null : { method: 'GET', url: '/api/participation/slas' };
    case 'setReportSla':
      return out
        ? null
        : {
            method: 'PUT',
            url: '/api/participation/slas/hazard',
            payload: { ackHours: 12, respondHours: 48 },
          };
    case 'getParticipationStats':
      return {
        method: 'GET',
        url: `/api/participation/stats?from=${from}&to=${to}${out ? `&placePath=${place}` : ''}`,
      };
    case 'listEarlyWarnings':
      return {
        method: 'GET',
        url: out
          ? `/api/participation/early-warnings?placePath=${place}`
          : '/api/participation/early-warnings',
      };
    case 'runEarlyWarnings':
      return out ? null : { method: 'POST', url: '/api/participation/early-warnings/check' };
    case 'listMyNotifications':
      return out ? null : { method: 'GET', url: '/api/me/notifications' };
    case 'markNotificationRead':
      return out ? null : { method: 'POST', url: '/api/me/notifications/read', payload: { all: true } };
    default:
      return undefined;
  }
}

const ZERO = '00000000-0000-4000-8000-000000000000';

/** Participation's routes for apps/api/src/fuzz.test.ts, as the city admin (who may call most of them). */
export const PARTICIPATION_FUZZ_ROUTES = [
  { method: 'POST' as const, url: '/api/participation/reports', auth: true, admin: true },
  { method: 'PUT' as const, url: `/api/participation/reports/${ZERO}/photo`, auth: true, admin: true },
  { method: 'GET' as const, url: '/api/participation/reports', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/participation/reports/${ZERO}`, auth: true, admin: true },
  { method: 'GET' as const, url: `/api/participation/reports/${ZERO}/photo`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/participation/reports/${ZERO}/respond`, auth: true, admin: true },
  { method: 'GET' as const, url: '/api/participation/public-responses', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/participation/slas', auth: true, admin: true },
  { method: 'PUT' as const, url: '/api/participation/slas/hazard', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/participation/stats', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/participation/early-warnings', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/participation/early-warnings/check', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/me/notifications', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/me/notifications/read', auth: true, admin: true },
];
