/** Routes: sign-in, then one frame with the sections the signed-in role may open. */
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './data/session.js';
import { SignIn } from './features/auth/SignIn.js';
import { useT } from './i18n/index.js';
import { can, homeOf, type Section } from './ui/access.js';
import { Layout } from './ui/Layout.js';
import { NotFound } from './ui/NotFound.js';

// Each screen is its own chunk: sign-in and the resident's view never load the charts and the map.
const AuditPage = lazy(() => import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const CaseDetail = lazy(() =>
  import('./features/cases/CaseDetail.js').then((m) => ({ default: m.CaseDetail })),
);
const CasesPage = lazy(() => import('./features/cases/CasesPage.js').then((m) => ({ default: m.CasesPage })));
const Dashboard = lazy(() =>
  import('./features/dashboard/Dashboard.js').then((m) => ({ default: m.Dashboard })),
);
const OverridesPage = lazy(() =>
  import('./features/people/OverridesPage.js').then((m) => ({ default: m.OverridesPage })),
);
const PersonPage = lazy(() =>
  import('./features/people/PersonPage.js').then((m) => ({ default: m.PersonPage })),
);
const PeopleSearch = lazy(() =>
  import('./features/people/PeopleSearch.js').then((m) => ({ default: m.PeopleSearch })),
);
const PlacePage = lazy(() =>
  import('./features/places/PlacePage.js').then((m) => ({ default: m.PlacePage })),
);
const MyCode = lazy(() => import('./features/resident/MyCode.js').then((m) => ({ default: m.MyCode })));
const Inbox = lazy(() => import('./features/tasks/Inbox.js').then((m) => ({ default: m.Inbox })));
const TestsPage = lazy(() => import('./features/tests/TestsPage.js').then((m) => ({ default: m.TestsPage })));

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
