/**
 * Shelters' console sections: the shelters (map with live capacity, list, open and close, a
 * shelter's page with the people in) and the check-in screen for a phone. Who sees each follows
 * the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const SheltersPage = lazy(() => import('./SheltersPage.js').then((m) => ({ default: m.SheltersPage })));
const ShelterPage = lazy(() => import('./ShelterPage.js').then((m) => ({ default: m.ShelterPage })));
const CheckInPage = lazy(() => import('./CheckInPage.js').then((m) => ({ default: m.CheckInPage })));

export const web: ConsoleModule = {
  name: 'shelters',
  sections: [
    {
      id: 'shelters',
      roles: ACCESS.listShelters,
      nav: { path: '/shelters', label: 'nav.shelters', order: 60 },
      routes: [
        { path: 'shelters', screen: SheltersPage },
        { path: 'shelters/:id', screen: ShelterPage },
      ],
    },
    {
      id: 'shelters-check-in',
      roles: ACCESS.checkInShelter,
      nav: { path: '/shelters/check-in', label: 'nav.shelterCheckIn', order: 61 },
      routes: [{ path: 'shelters/check-in', screen: CheckInPage }],
    },
  ],
};
