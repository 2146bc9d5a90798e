/** The audit log's console section. */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const AuditPage = lazy(() => import('./AuditPage.js').then((m) => ({ default: m.AuditPage })));

export const web: ConsoleModule = {
  name: 'audit',
  sections: [
    {
      id: 'audit',
      roles: ACCESS.listAudit,
      nav: { path: '/audit', label: 'nav.audit', order: 70 },
      routes: [{ path: 'audit', screen: AuditPage }],
    },
  ],
};
