/** Routes: sign-in, then one frame with the sections (gathered from the modules) the signed-in role may open. */

import { SignIn } from '@renxing/modules/access/web';
import { useT } from '@renxing/ui/i18n';
import { Layout } from '@renxing/ui/Layout';
import { NotFound } from '@renxing/ui/NotFound';
import { type ConsoleSection, SectionsProvider, useCan, useHome } from '@renxing/ui/sections';
import { useSession } from '@renxing/ui/session';
import { type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SECTIONS } from './modules.js';

function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  const t = useT();
  if (user === undefined)
    return (
      <p className="muted boot" role="status">
        {t('common.loading')}
      </p>
    );
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

/** A section the role may not open reads exactly like a page that does not exist. */
function Gate({ section, children }: { section: ConsoleSection; children: ReactNode }) {
  const { user } = useSession();
  const can = useCan();
  if (!user || !can(user.role, section.id)) return <NotFound />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  const home = useHome();
  return <Navigate to={user ? home(user.role) : '/login'} replace />;
}

function Screen({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/** Each screen is its own chunk: sign-in and the resident's view never load the charts and the map. */
const gated = (section: ConsoleSection, Screen_: ConsoleSection['routes'][number]['screen']) => (
  <Gate section={section}>
    <Screen>
      <Screen_ />
    </Screen>
  </Gate>
);

export function App() {
  return (
    <SectionsProvider sections={SECTIONS}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<SignIn />} />
          <Route
            element={
              <RequireUser>
                <Layout />
              </RequireUser>
            }
          >
            <Route index element={<Home />} />
            {SECTIONS.flatMap((section) =>
              section.routes.map((route) => (
                <Route key={route.path} path={route.path} element={gated(section, route.screen)} />
              )),
            )}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SectionsProvider>
  );
}
