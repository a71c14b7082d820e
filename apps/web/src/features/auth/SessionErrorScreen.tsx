import type { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/ErrorMessage';

interface SessionErrorScreenProps {
  error: ApiError;
  onRetry: () => void;
  onSignOut: () => void;
}

export function SessionErrorScreen({ error, onRetry, onSignOut }: SessionErrorScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="center-screen">
      <div className="card stack">
        <h1 className="card-title">{t('auth.sessionError.title')}</h1>
        <ErrorMessage error={error} />
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            {t('auth.sessionError.retry')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onSignOut}>
            {t('auth.sessionError.logout')}
          </button>
        </div>
      </div>
    </main>
  );
}
