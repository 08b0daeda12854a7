import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth';
import { RouteError } from './ErrorBoundary';
import { ServerUnreachable } from './ServerUnreachable';
import LoginPage from '../features/auth/LoginPage';

// Each screen is its own chunk: antd is large and most users open two or three screens. The login page is
// the exception: it is what a new visitor sees first, so it comes with the first page (its components are
// preloaded by index.html) rather than after the session check; the signed-in frame (menu, layout, antd's
// App) comes with the first signed-in screen.
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const OrgUnitsPage = lazy(() => import('../features/org-units/OrgUnitsPage'));
const PeopleListPage = lazy(() => import('../features/people/PeopleListPage'));
const PersonPage = lazy(() => import('../features/people/PersonPage'));
const EligibleNowPage = lazy(() => import('../features/eligibility/EligibleNowPage'));
const CataloguePage = lazy(() => import('../features/eligibility/CataloguePage'));
const AwardPage = lazy(() => import('../features/eligibility/AwardPage'));
const QuotasPage = lazy(() => import('../features/eligibility/QuotasPage'));
const SettingsPage = lazy(() => import('../features/eligibility/SettingsPage'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));
const JobsPage = lazy(() => import('../features/jobs/JobsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AccountPage = lazy(() => import('../features/users/AccountPage'));

export function PageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{children}</Suspense>;
}

/** Signed-in area: waits for the session check, sends anonymous users to the login page. */
function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageSpinner />;
  if (status === 'unreachable') return <ServerUnreachable />;
  if (status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return (
    <Lazy>
      <AppLayout>
        <Lazy>
          <Outlet />
        </Lazy>
      </AppLayout>
    </Lazy>
  );
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: <LoginPage />,
      },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'org-units', element: <OrgUnitsPage /> },
          { path: 'people', element: <PeopleListPage /> },
          { path: 'people/:personId', element: <PersonPage /> },
          { path: 'eligible-now', element: <EligibleNowPage /> },
          { path: 'awards', element: <CataloguePage /> },
          { path: 'awards/:code', element: <AwardPage /> },
          { path: 'quotas', element: <QuotasPage /> },
          { path: 'rule-settings', element: <SettingsPage /> },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'jobs', element: <JobsPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
