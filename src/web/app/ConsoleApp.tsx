import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ConsoleLayout } from './ConsoleLayout';
import { Providers } from './Providers';
import { SessionProvider, useSession } from './session';
import type { Access } from './access';

// The first route (the queue) loads with the shell; everything else is split into its own chunk.
// The queue is the landing page: start loading its chunk with the shell, in parallel with the session probe.
const queueChunk = import('../features/queue/QueuePage');
const QueuePage = lazy(() => queueChunk);
const ComplaintPage = lazy(() => import('../features/complaint/ComplaintPage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const HotlinePage = lazy(() => import('../features/intake/HotlinePage'));
const FollowUpPage = lazy(() => import('../features/follow-up/FollowUpPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const DepartmentsPage = lazy(() => import('../features/admin/DepartmentsPage'));
const PoliciesPage = lazy(() => import('../features/admin/PoliciesPage'));
const CalendarPage = lazy(() => import('../features/admin/CalendarPage'));
const PresetsPage = lazy(() => import('../features/admin/PresetsPage'));
const TokensPage = lazy(() => import('../features/admin/TokensPage'));
const OutboxPage = lazy(() => import('../features/admin/OutboxPage'));
const QrCodesPage = lazy(() => import('../features/qr/QrCodesPage'));

const Loading = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

const Guard = ({ allow, children }: { allow: (a: Access) => boolean; children: ReactNode }) => {
  const { access } = useSession();
  const { t } = useTranslation();
  return allow(access) ? <>{children}</> : <Result status="403" title="403" subTitle={t('forbidden')} />;
};

const Authenticated = () => {
  const { session, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (!session)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (session.user.mustChangePassword && location.pathname !== '/password')
    return <Navigate to="/password" replace />;
  return (
    <ConsoleLayout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to="/queue" replace />} />
          <Route
            path="/queue"
            element={
              <Guard allow={(a) => a.canSeeQueue}>
                <QueuePage />
              </Guard>
            }
          />
          <Route
            path="/complaints/:id"
            element={
              <Guard allow={(a) => a.canSeeQueue}>
                <ComplaintPage />
              </Guard>
            }
          />
          <Route
            path="/dashboard"
            element={
              <Guard allow={(a) => a.canSeeQueue}>
                <DashboardPage />
              </Guard>
            }
          />
          <Route
            path="/hotline"
            element={
              <Guard allow={(a) => a.canRegister}>
                <HotlinePage />
              </Guard>
            }
          />
          <Route
            path="/follow-ups"
            element={
              <Guard allow={(a) => a.canFollowUp}>
                <FollowUpPage />
              </Guard>
            }
          />
          <Route
            path="/admin/users"
            element={
              <Guard allow={(a) => a.canManageUsers}>
                <UsersPage />
              </Guard>
            }
          />
          <Route
            path="/admin/departments"
            element={
              <Guard allow={(a) => a.canManageDepartments}>
                <DepartmentsPage />
              </Guard>
            }
          />
          <Route
            path="/admin/policies"
            element={
              <Guard allow={(a) => a.canManagePolicies}>
                <PoliciesPage />
              </Guard>
            }
          />
          <Route
            path="/admin/calendar"
            element={
              <Guard allow={(a) => a.canManageCalendar}>
                <CalendarPage />
              </Guard>
            }
          />
          <Route
            path="/admin/presets"
            element={
              <Guard allow={(a) => a.canManagePolicies}>
                <PresetsPage />
              </Guard>
            }
          />
          <Route
            path="/admin/tokens"
            element={
              <Guard allow={(a) => a.canManageTokens}>
                <TokensPage />
              </Guard>
            }
          />
          <Route
            path="/admin/outbox"
            element={
              <Guard allow={(a) => a.canManageOutbox}>
                <OutboxPage />
              </Guard>
            }
          />
          <Route
            path="/admin/qr"
            element={
              <Guard allow={(a) => a.canManageReference}>
                <QrCodesPage />
              </Guard>
            }
          />
          <Route path="/password" element={<ChangePasswordPage />} />
          <Route path="*" element={<Result status="404" title="404" subTitle={t('notFound')} />} />
        </Routes>
      </Suspense>
    </ConsoleLayout>
  );
};

export const ConsoleApp = () => (
  <Providers>
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route
            path="/login"
            element={
              <Suspense fallback={<Loading />}>
                <LoginPage />
              </Suspense>
            }
          />
          <Route path="*" element={<Authenticated />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  </Providers>
);
