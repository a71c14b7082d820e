import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { GuestOnly } from '../features/auth/GuestOnly';
import { HOME_PATH } from '../features/auth/redirectTarget';
import { RequireAuth } from '../features/auth/RequireAuth';
import { FullPageStatus } from '../features/ui/FullPageStatus';

// Every screen is its own chunk: the first load only brings the shell, the session check and the current page.
const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const ResetPasswordPage = lazy(() =>
  import('../features/auth/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const AccountPage = lazy(() => import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const DashboardLayout = lazy(() =>
  import('../features/layout/DashboardLayout').then((m) => ({ default: m.DashboardLayout })),
);
const TicketsPage = lazy(() => import('../features/tickets/TicketsPage').then((m) => ({ default: m.TicketsPage })));
const TicketDetailPage = lazy(() =>
  import('../features/ticket-detail/TicketDetailPage').then((m) => ({ default: m.TicketDetailPage })),
);
const KanbanPage = lazy(() => import('../features/kanban/KanbanPage').then((m) => ({ default: m.KanbanPage })));
const InboundsPage = lazy(() => import('../features/inbounds/InboundsPage').then((m) => ({ default: m.InboundsPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const SettingsRoutes = lazy(() =>
  import('../features/settings/SettingsRoutes').then((m) => ({ default: m.SettingsRoutes })),
);
const NotFoundPage = lazy(() => import('../features/layout/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<FullPageStatus label={t('app.loading')} />}>
      <Routes>
        <Route index element={<Navigate to={HOME_PATH} replace />} />
        <Route element={<GuestOnly />}>
          <Route path="login" element={<LoginPage />} />
          <Route path="signup" element={<SignUpPage />} />
        </Route>
        <Route path="redefinir-senha" element={<ResetPasswordPage />} />
        <Route path="dashboard" element={<RequireAuth />}>
          <Route element={<DashboardLayout />}>
            <Route index element={<Navigate to="tickets" replace />} />
            <Route path="tickets" element={<TicketsPage />} />
            <Route path="tickets/:id" element={<TicketDetailPage />} />
            <Route path="kanban" element={<KanbanPage />} />
            <Route path="inbounds" element={<InboundsPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="settings/*" element={<SettingsRoutes />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
