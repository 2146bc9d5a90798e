/**
 * The inbox's console sections: the community's one inbox (place staff), department intake and
 * the department's requests (department officers, city admins), the responsibility list (city
 * admins) and the burden dashboard. Who sees each follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const InboxPage = lazy(() => import('./InboxPage.js').then((m) => ({ default: m.InboxPage })));
const ItemPage = lazy(() => import('./ItemPage.js').then((m) => ({ default: m.ItemPage })));
const IntakePage = lazy(() => import('./IntakePage.js').then((m) => ({ default: m.IntakePage })));
const RequestsPage = lazy(() => import('./RequestsPage.js').then((m) => ({ default: m.RequestsPage })));
const RequestPage = lazy(() => import('./RequestsPage.js').then((m) => ({ default: m.RequestPage })));
const DutyListPage = lazy(() => import('./DutyListPage.js').then((m) => ({ default: m.DutyListPage })));
const BurdenPage = lazy(() => import('./BurdenPage.js').then((m) => ({ default: m.BurdenPage })));

export const web: ConsoleModule = {
  name: 'inbox',
  sections: [
    {
      id: 'community-inbox',
      roles: ACCESS.listInbox,
      nav: { path: '/inbox', label: 'nav.communityInbox', order: 30 },
      routes: [
        { path: 'inbox', screen: InboxPage },
        { path: 'inbox/items/:id', screen: ItemPage },
      ],
    },
    {
      id: 'intake',
      roles: ACCESS.submitWorkRequest,
      nav: { path: '/intake', label: 'nav.intake', order: 32 },
      routes: [{ path: 'intake', screen: IntakePage }],
    },
    {
      id: 'work-requests',
      roles: ACCESS.listWorkRequests,
      nav: { path: '/requests', label: 'nav.requests', order: 33 },
      routes: [
        { path: 'requests', screen: RequestsPage },
        { path: 'requests/:id', screen: RequestPage },
      ],
    },
    {
      id: 'duty-list',
      roles: ACCESS.importDutyList,
      nav: { path: '/duty-list', label: 'nav.dutyList', order: 34 },
      routes: [{ path: 'duty-list', screen: DutyListPage }],
    },
    {
      id: 'burden',
      roles: ACCESS.getBurdenStats,
      nav: { path: '/burden', label: 'nav.burden', order: 35 },
      routes: [{ path: 'burden', screen: BurdenPage }],
    },
  ],
};
