import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatAge } from '../../lib/relativeTime';
import { ticketPath } from '../realtime/ticketPath';
import { BrowserNotificationsOptIn } from './BrowserNotificationsOptIn';
import type { NotificationState, NotificationStore } from './notificationStore';
import { useNotificationText } from './useNotificationText';

interface NotificationPanelProps {
  id: string;
  state: NotificationState;
  store: NotificationStore;
  onClose: (returnFocus: boolean) => void;
}

/** The notifications, newest first: each opens its ticket (and is then read); "mark all read" clears the bell. */
export function NotificationPanel({ id, state, store, onClose }: NotificationPanelProps) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const now = new Date();

  return (
    <section id={id} className="notif-panel" role="dialog" aria-labelledby={headingId}>
      <header className="notif-panel-header">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="notif-panel-title">
          {t('notifications.title')}
        </h2>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          disabled={state.unread === 0}
          onClick={() => {
            store.markAllRead();
            heading.current?.focus(); // The button is disabled now: focus must not fall back to the page.
          }}
        >
          {t('notifications.markAllRead')}
        </button>
      </header>
      {state.items.length === 0 ? (
        <p className="notif-empty muted small">{t('notifications.empty')}</p>
      ) : (
        <ul className="notif-list">
          {state.items.map((notification) => {
            const { title, body } = text(notification);
            return (
              <li key={notification.id}>
                <Link
                  to={ticketPath(notification.ticketId)}
                  className="notif-item"
                  data-unread={!notification.read || undefined}
                  onClick={() => {
                    store.markRead(notification.id);
                    onClose(false);
                  }}
                >
                  <span className="notif-item-title">
                    {!notification.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {title}
                  </span>
                  <span className="notif-item-body">{body}</span>
                  <time className="notif-item-time" dateTime={notification.at}>
                    {formatAge(notification.at, now, i18n.language)}
                  </time>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <BrowserNotificationsOptIn />
    </section>
  );
}
