import { useTranslation } from 'react-i18next';

/** The notes could not be read: the chat still shows its messages, and this says what is missing. */
export function NotesLoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error notes-error" role="alert">
      <p>{t('notes.loadError')}</p>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
