/** The places' console section: one place's page (its statistics), reached from the dashboard and the people. */
import { PLACE_STAFF } from '@renxing/contracts';
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';

const PlacePage = lazy(() => import('./PlacePage.js').then((m) => ({ default: m.PlacePage })));

export const web: ConsoleModule = {
  name: 'places',
  sections: [
    {
      id: 'places',
      roles: [...PLACE_STAFF, 'health_officer'],
      routes: [{ path: 'places/:path', screen: PlacePage }],
    },
  ],
};
