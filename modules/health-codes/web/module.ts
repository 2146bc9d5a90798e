/** The health codes' console sections: overrides, the laboratory's results, a resident's own code. */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const OverridesPage = lazy(() => import('./OverridesPage.js').then((m) => ({ default: m.OverridesPage })));
const TestsPage = lazy(() => import('./TestsPage.js').then((m) => ({ default: m.TestsPage })));
const MyCode = lazy(() => import('./MyCode.js').then((m) => ({ default: m.MyCode })));

export const web: ConsoleModule = {
  name: 'health-codes',
  sections: [
    {
      id: 'overrides',
      roles: ACCESS.listOverrides,
      nav: { path: '/overrides', label: 'nav.overrides', order: 50 },
      routes: [{ path: 'overrides', screen: OverridesPage }],
    },
    {
      id: 'tests',
      roles: ACCESS.recordTestResult,
      nav: { path: '/tests', label: 'nav.tests', order: 60 },
      routes: [{ path: 'tests', screen: TestsPage }],
    },
    {
      id: 'me',
      roles: ACCESS.getMyHealthCode,
      nav: { path: '/me', label: 'nav.me', order: 80 },
      routes: [{ path: 'me', screen: MyCode }],
    },
  ],
};
