import { useTranslation } from 'react-i18next';
import './queue.css';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { useMinuteNow } from './useMinuteNow';
import { LATE_AFTER_MINUTES, waitingParts, type WaitingParts } from './waitingParts';

function useWaitingText(): (parts: WaitingParts) => string {
  const { t } = useTranslation();
  return (parts) => {
    switch (parts.unit) {
      case 'lessThanMinute':
        return t('queue.waiting.lessThanMinute');
      case 'minutes':
        return t('queue.waiting.minutes', { count: parts.minutes });
      case 'hours':
        return parts.minutes > 0
          ? t('queue.waiting.hoursMinutes', { hours: parts.hours, minutes: parts.minutes })
          : t('queue.waiting.hours', { count: parts.hours });
      case 'days':
        return t('queue.waiting.days', { count: parts.days });
    }
  };
}

/** "aguardando há 12 min" while the lead waits for an answer; it moves on every minute. Nothing once answered. */
export function WaitingSince({ since }: { since: string | null }) {
  const now = useMinuteNow();
  const text = useWaitingText();
  const { dateTime } = useOrganizationFormat();
  const parts = since ? waitingParts(since, now) : null;
  if (!since || !parts) return null;
  const minutes = Math.floor((now - Date.parse(since)) / 60_000);
  return (
    <time
      className="queue-waiting"
      dateTime={since}
      title={dateTime(since)}
      data-late={minutes >= LATE_AFTER_MINUTES || undefined}
    >
      {text(parts)}
    </time>
  );
}
