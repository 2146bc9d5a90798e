/**
 * Plans' console sections: emergency plans (the list, a plan with its versions and their diff, the
 * version editor, the corrective actions, the loop's figures) and incidents (activation, an
 * incident's timeline, review and closing). Who sees each follows the module's access table.
 */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const PlansPage = lazy(() => import('./PlansPage.js').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./PlanPage.js').then((m) => ({ default: m.PlanPage })));
const VersionEditor = lazy(() => import('./VersionEditor.js').then((m) => ({ default: m.VersionEditor })));
const ActionsPage = lazy(() => import('./ActionsPage.js').then((m) => ({ default: m.ActionsPage })));
const MetricsPage = lazy(() => import('./MetricsPage.js').then((m) => ({ default: m.MetricsPage })));
const IncidentsPage = lazy(() => import('./IncidentsPage.js').then((m) => ({ default: m.IncidentsPage })));
const IncidentPage = lazy(() => import('./IncidentPage.js').then((m) => ({ default: m.IncidentPage })));

export const web: ConsoleModule = {
  name: 'plans',
  sections: [
    {
      id: 'plans',
      roles: ACCESS.listPlans,
      nav: { path: '/plans', label: 'nav.plans', order: 65 },
      routes: [
        { path: 'plans', screen: PlansPage },
        { path: 'plans/actions', screen: ActionsPage },
        { path: 'plans/loop-metrics', screen: MetricsPage },
        { path: 'plans/:id', screen: PlanPage },
        { path: 'plans/:id/edit', screen: VersionEditor },
      ],
    },
    {
      id: 'incidents',
      roles: ACCESS.listIncidents,
      nav: { path: '/incidents', label: 'nav.incidents', order: 66 },
      routes: [
        { path: 'incidents', screen: IncidentsPage },
        { path: 'incidents/:id', screen: IncidentPage },
      ],
    },
  ],
};
