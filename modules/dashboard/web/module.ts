/** The dashboard's console section. */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const Dashboard = lazy(() => import('./Dashboard.js').then((m) => ({ default: m.Dashboard })));

export const web: ConsoleModule = {
  name: 'dashboard',
  sections: [
    {
      id: 'dashboard',
      roles: ACCESS.getPlaceStats,
      nav: { path: '/dashboard', label: 'nav.dashboard', order: 10 },
      routes: [{ path: 'dashboard', screen: Dashboard }],
    },
  ],
};
