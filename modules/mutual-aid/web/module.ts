/**
 * Mutual aid's console sections: the aid board (requests by state, a request made for a resident
 * with its duplicate caught as the form is filled, matching run now with its result and map), the
 * volunteer's tasks (accept, decline, done; the phone once accepted) and the resident's phone
 * screen (ask for help, follow my requests). Who sees each follows the module's access table.
 */
import type { Role } from '@renxing/ui/api-types';
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const AidBoard = lazy(() => import('./AidBoard.js').then((m) => ({ default: m.AidBoard })));
const OffersPage = lazy(() => import('./OffersPage.js').then((m) => ({ default: m.OffersPage })));
const HelpPage = lazy(() => import('./HelpPage.js').then((m) => ({ default: m.HelpPage })));

const only = (roles: readonly Role[], role: Role): readonly Role[] => roles.filter((r) => r === role);

export const web: ConsoleModule = {
  name: 'mutual-aid',
  sections: [
    {
      id: 'aid',
      roles: ACCESS.runAidMatching,
      nav: { path: '/aid', label: 'nav.aid', order: 75 },
      routes: [{ path: 'aid', screen: AidBoard }],
    },
    {
      id: 'aid-offers',
      roles: ACCESS.listMyOffers,
      nav: { path: '/aid/offers', label: 'nav.aidOffers', order: 76 },
      routes: [{ path: 'aid/offers', screen: OffersPage }],
    },
    {
      id: 'aid-help',
      roles: only(ACCESS.createAidRequest, 'resident'),
      nav: { path: '/help', label: 'nav.help', order: 81 },
      routes: [{ path: 'help', screen: HelpPage }],
    },
  ],
};
