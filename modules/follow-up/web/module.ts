/**
 * The follow-up's console section: the community's tasks of companions, a tab of the community
 * inbox (/inbox/tasks). Roles without the community inbox (health officers) reach it from the
 * navigation.
 */
import { INBOX_ROLES } from '@renxing/modules/inbox/web';
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
      routes: [{ path: 'inbox/tasks', screen: Inbox }],
    },
    {
      id: 'inbox-nav',
      roles: ACCESS.listTasks.filter((role) => !INBOX_ROLES.includes(role)),
      nav: { path: '/inbox/tasks', label: 'nav.inbox', order: 30 },
      routes: [],
    },
  ],
};
