/**
 * Infrastructure's console sections: the network map by kind (with its import) and an asset's page
 * (sensors with live charts, alarms, N-1 impact), the alarms board, and the drill screen (fail
 * assets picked or inside an area drawn; the N-1 table). Who sees each follows the module's
 * access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const NetworkPage = lazy(() => import('./NetworkPage.js').then((m) => ({ default: m.NetworkPage })));
const AssetPage = lazy(() => import('./AssetPage.js').then((m) => ({ default: m.AssetPage })));
const AlarmsPage = lazy(() => import('./AlarmsPage.js').then((m) => ({ default: m.AlarmsPage })));
const DrillPage = lazy(() => import('./DrillPage.js').then((m) => ({ default: m.DrillPage })));

export const web: ConsoleModule = {
  name: 'infrastructure',
  sections: [
    {
      id: 'infrastructure',
      roles: ACCESS.listAssets,
      nav: { path: '/infrastructure', label: 'nav.infrastructure', order: 71 },
      routes: [
        { path: 'infrastructure', screen: NetworkPage },
        { path: 'infrastructure/assets/:id', screen: AssetPage },
      ],
    },
    {
      id: 'infrastructure-alarms',
      roles: ACCESS.listAlarms,
      nav: { path: '/infrastructure/alarms', label: 'nav.infraAlarms', order: 72 },
      routes: [{ path: 'infrastructure/alarms', screen: AlarmsPage }],
    },
    {
      id: 'infrastructure-drills',
      roles: ACCESS.runDrill,
      nav: { path: '/infrastructure/drills', label: 'nav.infraDrills', order: 73 },
      routes: [{ path: 'infrastructure/drills', screen: DrillPage }],
    },
  ],
};
