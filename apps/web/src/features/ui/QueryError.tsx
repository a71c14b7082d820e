import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

/** A failed query as an alert with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorMessage error={error}>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </ErrorMessage>
  );
}
