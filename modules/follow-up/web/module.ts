/** The follow-up's console section: the community inbox of companion tasks. */
import type { ConsoleModule } from '@renxing/ui/sections';
import { lazy } from 'react';
import { ACCESS } from '../access.js';

const Inbox = lazy(() => import('./Inbox.js').then((m) => ({ default: m.Inbox })));

export const web: ConsoleModule = {
  name: 'follow-up',
  sections: [
    {
      id: 'inbox',
      roles: ACCESS.listTasks,
      nav: { path: '/inbox', label: 'nav.inbox', order: 30 },
      routes: [{ path: 'inbox', screen: Inbox }],
    },
  ],
};
