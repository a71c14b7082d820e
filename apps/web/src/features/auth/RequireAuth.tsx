import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageStatus } from '../ui/FullPageStatus';
import { SessionErrorScreen } from './SessionErrorScreen';
import { useSession } from './useSession';

/** Renders the protected routes once the session is validated; otherwise sends the user to /login. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const location = useLocation();

  switch (session.status) {
    case 'anonymous':
      return <Navigate to="/login" replace state={{ from: location }} />;
    case 'loading':
      return <FullPageStatus label={t('app.loading')} />;
    case 'error':
      return <SessionErrorScreen error={session.error} onRetry={session.retry} onSignOut={signOut} />;
    case 'authenticated':
      return <Outlet />;
  }
}
