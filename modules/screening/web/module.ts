/**
 * Screening's console sections: the rounds (list, a new round, the pool-size advisor) and a round's
 * coverage page, the sampling screen (a phone at a site), and the lab's result files. Who sees each
 * follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const RoundsPage = lazy(() => import('./RoundsPage.js').then((m) => ({ default: m.RoundsPage })));
const RoundPage = lazy(() => import('./RoundPage.js').then((m) => ({ default: m.RoundPage })));
const SamplingPage = lazy(() => import('./SamplingPage.js').then((m) => ({ default: m.SamplingPage })));
const ResultsPage = lazy(() => import('./ResultsPage.js').then((m) => ({ default: m.ResultsPage })));

/** Those who import result files, and those who read the imports. */
const RESULT_ROLES = [...new Set([...ACCESS.importTubeResults, ...ACCESS.listResultImports])];

export const web: ConsoleModule = {
  name: 'screening',
  sections: [
    {
      id: 'screening-rounds',
      roles: ACCESS.listScreeningRounds,
      nav: { path: '/screening', label: 'nav.screening', order: 61 },
      routes: [
        { path: 'screening', screen: RoundsPage },
        { path: 'screening/rounds/:id', screen: RoundPage },
      ],
    },
    {
      id: 'screening-sample',
      roles: ACCESS.registerSample,
      nav: { path: '/screening/sample', label: 'nav.screeningSample', order: 62 },
      routes: [{ path: 'screening/sample', screen: SamplingPage }],
    },
    {
      id: 'screening-results',
      roles: RESULT_ROLES,
      nav: { path: '/screening/results', label: 'nav.screeningResults', order: 63 },
      routes: [{ path: 'screening/results', screen: ResultsPage }],
    },
  ],
};
