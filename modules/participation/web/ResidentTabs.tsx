/**
 * The tabs over a resident's phone screens (the resident's console has no side navigation): ask
 * for help, report, messages, the health code. Each shows only when the resident may open it.
 */
import { useCan } from '@renxing/ui/sections';
import { useUser } from '@renxing/ui/session';
import { NavLink } from 'react-router';
import { useWords } from './dictionary.js';
import './participation.css';

const TABS = [
  { section: 'aid-help', path: '/help', word: 'tabs.help' },
  { section: 'report', path: '/report', word: 'tabs.report' },
  { section: 'notices', path: '/notices', word: 'tabs.notices' },
  { section: 'me', path: '/me', word: 'tabs.code' },
] as const;

export function ResidentTabs() {
  const { t } = useWords();
  const can = useCan();
  const user = useUser();
  const tabs = TABS.filter((tab) => can(user.role, tab.section));
  if (tabs.length < 2) return null;
  return (
    <nav className="resident-tabs" aria-label={t('tabs.label')}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.path}
          to={tab.path}
          end
          className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
        >
          {t(tab.word)}
        </NavLink>
      ))}
    </nav>
  );
}
