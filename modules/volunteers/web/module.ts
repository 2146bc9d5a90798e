/**
 * Volunteers' console section: the volunteers (filters by skill, verification, organisation and
 * posted officials; verification; hours served), registration and the CSV/XLSX import. Who sees
 * it follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const VolunteersPage = lazy(() => import('./VolunteersPage.js').then((m) => ({ default: m.VolunteersPage })));

export const web: ConsoleModule = {
  name: 'volunteers',
  sections: [
    {
      id: 'volunteers',
      roles: ACCESS.listVolunteers,
      nav: { path: '/volunteers', label: 'nav.volunteers', order: 74 },
      routes: [{ path: 'volunteers', screen: VolunteersPage }],
    },
  ],
};
