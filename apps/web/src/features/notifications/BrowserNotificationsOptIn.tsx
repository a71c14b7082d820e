import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  browserNotificationState,
  disableBrowserNotifications,
  enableBrowserNotifications,
} from './browserNotifications';

/** Browser notifications are opt-in, asked from this click (never on page load), and remembered. */
export function BrowserNotificationsOptIn() {
  const { t } = useTranslation();
  const [state, setState] = useState(browserNotificationState);

  switch (state) {
    case 'unsupported':
      return null;
    case 'denied':
      return <p className="notif-browser muted small">{t('notifications.browser.denied')}</p>;
    case 'on':
      return (
        <p className="notif-browser small">
          <span>{t('notifications.browser.on')}</span>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => setState(disableBrowserNotifications())}
          >
            {t('notifications.browser.disable')}
          </button>
        </p>
      );
    case 'off':
      return (
        <div className="notif-browser">
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => void enableBrowserNotifications().then(setState)}
          >
            {t('notifications.browser.enable')}
          </button>
          <p className="muted small">{t('notifications.browser.hint')}</p>
        </div>
      );
  }
}
