import { useTranslation } from 'react-i18next';

/** A stored file that could not be fetched now (network, session): says so and offers to try again. */
export function MediaLoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="chat-media-note" data-tone="error" role="alert">
      {t('chatMessage.media.loadError')}{' '}
      <button type="button" className="btn btn-ghost btn-sm" onClick={onRetry}>
        {t('chatMessage.media.retry')}
      </button>
    </p>
  );
}
