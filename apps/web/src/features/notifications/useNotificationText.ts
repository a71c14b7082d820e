import { useTranslation } from 'react-i18next';
import type { AppNotification } from './notificationStore';

/** The title and body of a notification, for the bell's list and the browser notification. */
export function useNotificationText() {
  const { t } = useTranslation();
  return (notification: Pick<AppNotification, 'kind' | 'leadName' | 'preview' | 'actorName'>) => {
    const name = notification.leadName;
    switch (notification.kind) {
      case 'newTicket':
        return {
          title: name ? t('notifications.newTicketFrom', { name }) : t('notifications.newTicket'),
          body: t('notifications.newTicketBody'),
        };
      case 'newMessage':
        return {
          title: name ? t('notifications.newMessageFrom', { name }) : t('notifications.newMessage'),
          body: notification.preview ?? t('notifications.newMessageBody'),
        };
      case 'mentioned': {
        const author = notification.actorName ?? t('notes.notification.someone');
        return {
          title: name
            ? t('notes.notification.mentionedIn', { author, name })
            : t('notes.notification.mentioned', { author }),
          body: t('notes.notification.body'),
        };
      }
      case 'assigned':
        return {
          title: name ? t('notifications.assignedTicket', { name }) : t('notifications.assigned'),
          body: t('notifications.assignedBody'),
        };
    }
  };
}
