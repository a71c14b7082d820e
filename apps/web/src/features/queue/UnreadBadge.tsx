import { useTranslation } from 'react-i18next';
import './queue.css';

/** The number of messages nobody on the team has read yet; read aloud as a sentence, shown as a small count. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="queue-unread">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('queue.unread', { count })}</span>
    </span>
  );
}
