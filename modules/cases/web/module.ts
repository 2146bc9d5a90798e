/** The cases' console section: the list with registration, one case with its companions, its transmission chain. */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const CasesPage = lazy(() => import('./CasesPage.js').then((m) => ({ default: m.CasesPage })));
const CaseDetail = lazy(() => import('./CaseDetail.js').then((m) => ({ default: m.CaseDetail })));
const ChainPage = lazy(() => import('./ChainPage.js').then((m) => ({ default: m.ChainPage })));

export const web: ConsoleModule = {
  name: 'cases',
  sections: [
    {
      id: 'cases',
      roles: ACCESS.listCases,
      nav: { path: '/cases', label: 'nav.cases', order: 20 },
      routes: [
        { path: 'cases', screen: CasesPage },
        { path: 'cases/:id', screen: CaseDetail },
        { path: 'cases/:id/chain', screen: ChainPage },
      ],
    },
  ],
};
