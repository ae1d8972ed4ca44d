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
const ApprovalsPage = lazy(() => import('../features/compensation/ApprovalsPage'));
const ExecutionTasksPage = lazy(() => import('../features/compensation/ExecutionTasksPage'));
const LedgerPage = lazy(() => import('../features/compensation/LedgerPage'));
const BatchCasesPage = lazy(() => import('../features/batch-case/BatchCasesPage'));
const BatchCasePage = lazy(() => import('../features/batch-case/BatchCasePage'));
const RecallsPage = lazy(() => import('../features/recall/RecallsPage'));
const RecallPage = lazy(() => import('../features/recall/RecallPage'));
const SamplingsPage = lazy(() => import('../features/recall/SamplingsPage'));
const CapaActionsPage = lazy(() => import('../features/capa/CapaActionsPage'));
const CapaActionPage = lazy(() => import('../features/capa/CapaActionPage'));
const EightDReportsPage = lazy(() => import('../features/capa/EightDReportsPage'));
const EightDReportPage = lazy(() => import('../features/capa/EightDReportPage'));
const DisposalsPage = lazy(() => import('../features/capa/DisposalsPage'));
const DisposalPage = lazy(() => import('../features/capa/DisposalPage'));
const BatchBoardPage = lazy(() => import('../features/batch-signal/BatchBoardPage'));
const QualityReportsPage = lazy(() => import('../features/batch-signal/QualityReportsPage'));
const QualityReportPage = lazy(() => import('../features/batch-signal/QualityReportPage'));
const AdverseEventsPage = lazy(() => import('../features/adverse-event/AdverseEventsPage'));

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
            path="/approvals"
            element={
              <Guard allow={(a) => a.canSign}>
                <ApprovalsPage />
              </Guard>
            }
          />
          <Route
            path="/execution-tasks"
            element={
              <Guard allow={(a) => a.canExecute}>
                <ExecutionTasksPage />
              </Guard>
            }
          />
          <Route
            path="/ledger"
            element={
              <Guard allow={(a) => a.canSeeLedger}>
                <LedgerPage />
              </Guard>
            }
          />
          <Route
            path="/batch-cases"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <BatchCasesPage />
              </Guard>
            }
          />
          <Route
            path="/batch-cases/:id"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <BatchCasePage />
              </Guard>
            }
          />
          <Route
            path="/recalls"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <RecallsPage />
              </Guard>
            }
          />
          <Route
            path="/recalls/:id"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <RecallPage />
              </Guard>
            }
          />
          <Route
            path="/batch-board"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <BatchBoardPage />
              </Guard>
            }
          />
          <Route
            path="/quality-reports"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <QualityReportsPage />
              </Guard>
            }
          />
          <Route
            path="/quality-reports/:id"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <QualityReportPage />
              </Guard>
            }
          />
          <Route
            path="/adverse-events"
            element={
              <Guard allow={(a) => a.canManageAdverseEvents}>
                <AdverseEventsPage />
              </Guard>
            }
          />
          <Route
            path="/regulator-samplings"
            element={
              <Guard allow={(a) => a.canSeeBatchCases}>
                <SamplingsPage />
              </Guard>
            }
          />
          <Route
            path="/capa-actions"
            element={
              <Guard allow={(a) => a.canSeeCapa}>
                <CapaActionsPage />
              </Guard>
            }
          />
          <Route
            path="/capa-actions/:id"
            element={
              <Guard allow={(a) => a.canSeeCapa}>
                <CapaActionPage />
              </Guard>
            }
          />
          <Route
            path="/eight-d-reports"
            element={
              <Guard allow={(a) => a.canSeeCapa}>
                <EightDReportsPage />
              </Guard>
            }
          />
          <Route
            path="/eight-d-reports/:id"
            element={
              <Guard allow={(a) => a.canSeeCapa}>
                <EightDReportPage />
              </Guard>
            }
          />
          <Route
            path="/disposals"
            element={
              <Guard allow={(a) => a.canSeeCapa}>
                <DisposalsPage />
              </Guard>
            }
          />
          <Route
            path="/disposals/:id"
            element={
              <Guard allow={(a) => a.canSeeCapa}>
                <DisposalPage />
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
