/**
 * Federation's console sections: hand-offs between cities (received and sent, one hand-off with
 * its deliveries and trail, the 移交外市 form) and the peer cities (the list, registering one). Who
 * sees each follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const HandoffsPage = lazy(() => import('./HandoffsPage.js').then((m) => ({ default: m.HandoffsPage })));
const HandoffPage = lazy(() => import('./HandoffPage.js').then((m) => ({ default: m.HandoffPage })));
const PeersPage = lazy(() => import('./PeersPage.js').then((m) => ({ default: m.PeersPage })));

export const web: ConsoleModule = {
  name: 'federation',
  sections: [
    {
      id: 'handoffs',
      roles: ACCESS.listHandoffs,
      nav: { path: '/handoffs', label: 'nav.handoffs', order: 45 },
      routes: [
        { path: 'handoffs', screen: HandoffsPage },
        { path: 'handoffs/:id', screen: HandoffPage },
      ],
    },
    {
      id: 'peer-cities',
      roles: ACCESS.listPeerCities,
      nav: { path: '/federation/peers', label: 'nav.peerCities', order: 46 },
      routes: [{ path: 'federation/peers', screen: PeersPage }],
    },
  ],
};
