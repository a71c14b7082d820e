import './realtime.css';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner';
import { useRealtime } from './useRealtime';

/**
 * A quiet notice while the live updates are down; the region stays in the page so screen readers hear it, and
 * `data-stream` tells tools (the browser tests) the stream's state.
 */
export function ReconnectingIndicator() {
  const { t } = useTranslation();
  const { status, reconnecting } = useRealtime();
  return (
    <p
      className="realtime-status"
      role="status"
      aria-live="polite"
      data-stream={status}
      data-active={reconnecting || undefined}
    >
      {reconnecting && (
        <>
          <Spinner />
          <span>{t('realtime.reconnecting')}</span>
        </>
      )}
    </p>
  );
}
