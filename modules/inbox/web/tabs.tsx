/**
 * The tabs over the community's work: its one inbox of items from departments, and the follow-up
 * tasks of companions (the follow-up module's screen at /inbox/tasks). Each tab shows only to a
 * role that may open it; a single tab is no tabs at all.
 */
import type { Role } from '@renxing/ui/api-types';
import { useT } from '@renxing/ui/i18n';
import { useCan } from '@renxing/ui/sections';
import { useSession } from '@renxing/ui/session';
import { NavLink } from 'react-router';
import { ACCESS } from '../access.js';

/** The roles that have the community inbox (who reach the follow-up tasks from its tab). */
export const INBOX_ROLES: readonly Role[] = ACCESS.listInbox;

const TABS = [
  { section: 'community-inbox', path: '/inbox', label: 'nav.communityInbox' },
  { section: 'inbox', path: '/inbox/tasks', label: 'nav.inbox' },
] as const;

export function InboxTabs() {
  const t = useT();
  const can = useCan();
  const { user } = useSession();
  const tabs = TABS.filter((tab) => user && can(user.role, tab.section));
  if (tabs.length < 2) return null;
  return (
    <nav className="tabs" aria-label={t('wi.tabs')}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.path}
          to={tab.path}
          end
          className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
        >
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}
