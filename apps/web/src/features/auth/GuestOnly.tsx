import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageStatus } from '../ui/FullPageStatus';
import { redirectTarget } from './redirectTarget';
import { useSession } from './useSession';

/** Login and sign-up: signed-in users go straight to where they were heading. */
export function GuestOnly() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();

  switch (session.status) {
    case 'authenticated':
      return <Navigate to={redirectTarget(location)} replace />;
    case 'loading':
      return <FullPageStatus label={t('app.loading')} />;
    case 'anonymous':
    case 'error':
      return <Outlet />;
  }
}
