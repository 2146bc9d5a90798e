/** Routes: sign-in, then one frame with the sections the signed-in role may open. */

import { SignIn } from '@renxing/modules/access/web';
import { can, homeOf, type Section } from '@renxing/ui/access';
import { useT } from '@renxing/ui/i18n';
import { Layout } from '@renxing/ui/Layout';
import { NotFound } from '@renxing/ui/NotFound';
import { useSession } from '@renxing/ui/session';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';

// Each screen is its own chunk: sign-in and the resident's view never load the charts and the map.
const AuditPage = lazy(() =>
  import('../../../modules/audit/web/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);
const CaseDetail = lazy(() =>
  import('../../../modules/cases/web/CaseDetail.js').then((m) => ({ default: m.CaseDetail })),
);
const CasesPage = lazy(() =>
  import('../../../modules/cases/web/CasesPage.js').then((m) => ({ default: m.CasesPage })),
);
const Dashboard = lazy(() =>
  import('../../../modules/dashboard/web/Dashboard.js').then((m) => ({ default: m.Dashboard })),
);
const OverridesPage = lazy(() =>
  import('../../../modules/health-codes/web/OverridesPage.js').then((m) => ({ default: m.OverridesPage })),
);
const PersonPage = lazy(() =>
  import('../../../modules/people/web/PersonPage.js').then((m) => ({ default: m.PersonPage })),
);
const PeopleSearch = lazy(() =>
  import('../../../modules/people/web/PeopleSearch.js').then((m) => ({ default: m.PeopleSearch })),
);
const PlacePage = lazy(() =>
  import('../../../modules/places/web/PlacePage.js').then((m) => ({ default: m.PlacePage })),
);
const MyCode = lazy(() =>
  import('../../../modules/health-codes/web/MyCode.js').then((m) => ({ default: m.MyCode })),
);
const Inbox = lazy(() =>
  import('../../../modules/follow-up/web/Inbox.js').then((m) => ({ default: m.Inbox })),
);
const TestsPage = lazy(() =>
  import('../../../modules/health-codes/web/TestsPage.js').then((m) => ({ default: m.TestsPage })),
);

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

const gated = (section: Section, element: ReactNode) => (
  <Gate section={section}>
    <Screen>{element}</Screen>
  </Gate>
);

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
          <Route path="people" element={gated('people', <PeopleSearch />)} />
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
