/** The frame of every signed-in screen: header, navigation by role, the main area. */
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from './i18n/index.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { navFor, useSections } from './sections.js';
import { useSession, useUser } from './session.js';

export function Layout() {
  const t = useT();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const resident = user.role === 'resident';
  const items = navFor(useSections(), user.role);
  const { pathname } = useLocation();
  // After moving to another screen, keyboard and screen-reader users start at its content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of screen
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <div className={resident ? 'shell shell-mobile' : 'shell'}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            韧
          </span>
          <span>
            {t('app.name')} · {resident ? t('nav.me') : t('app.console')}
          </span>
        </div>
        <div className="topbar-right">
          <span className="who" data-testid="who">
            {t('auth.signedInAs', { name: user.displayName ?? user.username, role: t(`role.${user.role}`) })}
          </span>
          <LanguageSwitch />
          <button
            type="button"
            onClick={() => {
              logout().finally(() => navigate('/login'));
            }}
          >
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      {resident ? null : (
        <nav className="sidenav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
