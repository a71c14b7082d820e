import './realtime.css';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner';
import { useRealtime } from './useRealtime';

/** A quiet notice while the live updates are down; the region stays in the page so screen readers hear it. */
export function ReconnectingIndicator() {
  const { t } = useTranslation();
  const { reconnecting } = useRealtime();
  return (
    <p className="realtime-status" role="status" aria-live="polite" data-active={reconnecting || undefined}>
      {reconnecting && (
        <>
          <Spinner />
          <span>{t('realtime.reconnecting')}</span>
        </>
      )}
    </p>
  );
}
