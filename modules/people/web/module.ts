/** The people's console section: the search, and one person with their code and tasks. */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const PeopleSearch = lazy(() => import('./PeopleSearch.js').then((m) => ({ default: m.PeopleSearch })));
const PersonPage = lazy(() => import('./PersonPage.js').then((m) => ({ default: m.PersonPage })));

export const web: ConsoleModule = {
  name: 'people',
  sections: [
    {
      id: 'people',
      roles: ACCESS.listPeople,
      nav: { path: '/people', label: 'nav.people', order: 40 },
      routes: [
        { path: 'people', screen: PeopleSearch },
        { path: 'people/:id', screen: PersonPage },
      ],
    },
  ],
};
