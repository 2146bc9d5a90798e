/**
 * The resilience index's console sections: the city map coloured by the index (or a mechanism)
 * with the ranking and the run, a community's page (radar, trends, the explanation down to the
 * records, what to do next) and the indicators with the city's settings and imports; and the
 * self-assessments (the reviewers' queue, a place's history, answering one). Who sees each
 * follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const IndexPage = lazy(() => import('./IndexPage.js').then((m) => ({ default: m.IndexPage })));
const CommunityPage = lazy(() => import('./CommunityPage.js').then((m) => ({ default: m.CommunityPage })));
const IndicatorsPage = lazy(() => import('./IndicatorsPage.js').then((m) => ({ default: m.IndicatorsPage })));
const AssessmentQueue = lazy(() =>
  import('./AssessmentQueue.js').then((m) => ({ default: m.AssessmentQueue })),
);
const AssessmentHistory = lazy(() =>
  import('./AssessmentHistory.js').then((m) => ({ default: m.AssessmentHistory })),
);
const AssessmentForm = lazy(() => import('./AssessmentForm.js').then((m) => ({ default: m.AssessmentForm })));

export const web: ConsoleModule = {
  name: 'resilience',
  sections: [
    {
      id: 'resilience',
      roles: ACCESS.getResilienceIndex,
      nav: { path: '/resilience', label: 'nav.resilience', order: 80 },
      routes: [
        { path: 'resilience', screen: IndexPage },
        { path: 'resilience/communities/:path', screen: CommunityPage },
      ],
    },
    {
      id: 'resilience-indicators',
      roles: ACCESS.listResilienceIndicators,
      routes: [{ path: 'resilience/indicators', screen: IndicatorsPage }],
    },
    {
      id: 'resilience-assessments',
      roles: ACCESS.listSelfAssessments,
      nav: { path: '/resilience/assessments', label: 'nav.resilienceAssessments', order: 80.5 },
      routes: [
        { path: 'resilience/assessments', screen: AssessmentQueue },
        { path: 'resilience/assessments/:path', screen: AssessmentHistory },
        { path: 'resilience/assessments/:path/new', screen: AssessmentForm },
      ],
    },
  ],
};
