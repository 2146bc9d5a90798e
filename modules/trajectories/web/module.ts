/**
 * Trajectories' console section: the stored days, the pings import, retention (verify; purge for
 * city admins) and the city-scale stream's status. Who sees it follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const TrajectoriesPage = lazy(() =>
  import('./TrajectoriesPage.js').then((m) => ({ default: m.TrajectoriesPage })),
);

export const web: ConsoleModule = {
  name: 'trajectories',
  sections: [
    {
      id: 'trajectories',
      roles: ACCESS.listTrajectoryDays,
      nav: { path: '/trajectories', label: 'nav.trajectories', order: 25 },
      routes: [{ path: 'trajectories', screen: TrajectoriesPage }],
    },
  ],
};
