/** Routes: sign-in, then one frame with the sections the signed-in role may open. */
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './data/session.js';
import { AuditPage } from './features/audit/AuditPage.js';
import { SignIn } from './features/auth/SignIn.js';
import { CaseDetail } from './features/cases/CaseDetail.js';
import { CasesPage } from './features/cases/CasesPage.js';
import { Dashboard } from './features/dashboard/Dashboard.js';
import { OverridesPage } from './features/people/OverridesPage.js';
import { PersonPage } from './features/people/PersonPage.js';
import { PlacePage } from './features/places/PlacePage.js';
import { MyCode } from './features/resident/MyCode.js';
import { Inbox } from './features/tasks/Inbox.js';
import { TestsPage } from './features/tests/TestsPage.js';
import { useT } from './i18n/index.js';
import { can, homeOf, type Section } from './ui/access.js';
import { Layout } from './ui/Layout.js';
import { NotFound } from './ui/NotFound.js';

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
function Gate({ section, children }: { section: Section; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !can(user.role, section)) return <NotFound />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homeOf(user.role) : '/login'} replace />;
}

const gated = (section: Section, element: ReactNode) => <Gate section={section}>{element}</Gate>;

export function App() {
  return (
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
          <Route path="dashboard" element={gated('dashboard', <Dashboard />)} />
          <Route path="places/:path" element={gated('places', <PlacePage />)} />
          <Route path="cases" element={gated('cases', <CasesPage />)} />
          <Route path="cases/:id" element={gated('cases', <CaseDetail />)} />
          <Route path="inbox" element={gated('inbox', <Inbox />)} />
          <Route path="people/:id" element={gated('people', <PersonPage />)} />
          <Route path="overrides" element={gated('overrides', <OverridesPage />)} />
          <Route path="tests" element={gated('tests', <TestsPage />)} />
          <Route path="audit" element={gated('audit', <AuditPage />)} />
          <Route path="me" element={gated('me', <MyCode />)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
