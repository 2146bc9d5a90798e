/**
 * Participation's console sections: the participation board (reports by state with their SLAs,
 * breaches in red, near-duplicates as one issue with its supporters, respond), statistics per place
 * with the city's SLA settings, the early warnings from residents with the reports behind each, and
 * the resident's phone screens (report; messages). Who sees each follows the module's access table.
 */
import type { Role } from '@renxing/ui/api-types';
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const ReportsBoard = lazy(() => import('./ReportsBoard.js').then((m) => ({ default: m.ReportsBoard })));
const StatsPage = lazy(() => import('./StatsPage.js').then((m) => ({ default: m.StatsPage })));
const WarningsPage = lazy(() => import('./WarningsPage.js').then((m) => ({ default: m.WarningsPage })));
const ReportPage = lazy(() => import('./ReportPage.js').then((m) => ({ default: m.ReportPage })));
const NoticesPage = lazy(() => import('./NoticesPage.js').then((m) => ({ default: m.NoticesPage })));

const only = (roles: readonly Role[], role: Role): readonly Role[] => roles.filter((r) => r === role);
const staff = (roles: readonly Role[]): readonly Role[] =>
  roles.filter((r) => r !== 'resident' && r !== 'volunteer');

export const web: ConsoleModule = {
  name: 'participation',
  sections: [
    {
      id: 'participation',
      roles: staff(ACCESS.listReports),
      nav: { path: '/participation', label: 'nav.participation', order: 77 },
      routes: [{ path: 'participation', screen: ReportsBoard }],
    },
    {
      id: 'participation-stats',
      roles: ACCESS.getParticipationStats,
      nav: { path: '/participation/stats', label: 'nav.participationStats', order: 78 },
      routes: [{ path: 'participation/stats', screen: StatsPage }],
    },
    {
      id: 'early-warnings',
      roles: ACCESS.listEarlyWarnings,
      nav: { path: '/early-warnings', label: 'nav.earlyWarnings', order: 79 },
      routes: [{ path: 'early-warnings', screen: WarningsPage }],
    },
    {
      id: 'report',
      roles: only(ACCESS.submitReport, 'resident'),
      nav: { path: '/report', label: 'nav.report', order: 82 },
      routes: [{ path: 'report', screen: ReportPage }],
    },
    {
      id: 'notices',
      roles: ACCESS.listMyNotifications.filter((r) => r === 'resident' || r === 'volunteer'),
      nav: { path: '/notices', label: 'nav.notices', order: 83 },
      routes: [{ path: 'notices', screen: NoticesPage }],
    },
  ],
};
