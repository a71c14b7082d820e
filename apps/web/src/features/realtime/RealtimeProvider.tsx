import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { showBrowserNotification } from '../notifications/browserNotifications';
import { createNotifier } from '../notifications/createNotifier';
import { createNotificationStore } from '../notifications/notificationStore';
import { useNotificationText } from '../notifications/useNotificationText';
import { useTitleCounter } from '../notifications/useTitleCounter';
import { useApi } from '../../lib/useApi';
import type { StreamStatus } from './eventStream';
import { openEventStream } from './openEventStream';
import { RealtimeContext, type RealtimeContextValue } from './RealtimeContext';
import { ticketPath } from './ticketPath';
import { createRealtimeCache } from './realtimeCache';
import { createSharedEventStream } from './sharedEventStream';

/** A short drop (a deploy, a proxy timeout) is not worth telling: the stream catches up on its own. */
const RECONNECTING_NOTICE_MS = 2000;

const isHidden = () => document.visibilityState === 'hidden';

/**
 * The realtime stream of the signed-in session (mounted once, in the dashboard layout): it keeps the cached
 * queries up to date, raises the notifications and closes on sign-out (the layout unmounts).
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const { user } = useAuthenticatedSession();
  const userId = user?.id ?? null;
  const location = useLocation();
  const navigate = useNavigate();
  const text = useNotificationText();
  const [store] = useState(createNotificationStore);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [reconnecting, setReconnecting] = useState(false);
  // The stream lives across navigations; its callbacks read the current page and language from here.
  const current = useRef({ pathname: location.pathname, navigate, text });
  useEffect(() => {
    current.current = { pathname: location.pathname, navigate, text };
  });

  useEffect(() => {
    let notice: ReturnType<typeof setTimeout> | undefined;
    const cache = createRealtimeCache(queryClient);
    const notifier = createNotifier({
      queryClient,
      userId,
      isViewing: (ticketId) => !isHidden() && current.current.pathname === ticketPath(ticketId),
      notify: (notification) => {
        const hidden = isHidden();
        const added = store.add(notification, { seen: !hidden });
        if (!hidden) return;
        showBrowserNotification({
          ...current.current.text(added),
          tag: `${added.kind}:${added.ticketId}`,
          onClick: () => {
            store.markRead(added.id);
            void current.current.navigate(ticketPath(added.ticketId));
          },
        });
      },
    });
    const stream = createSharedEventStream({
      connect: (lastEventId, signal) => openEventStream(client, lastEventId, signal),
      onEvent: (event) => {
        notifier.handle(event); // First: it compares with the cache as it was before the event.
        cache.apply(event);
      },
      onStatus: (next) => {
        setStatus(next);
        clearTimeout(notice);
        if (next === 'connecting') notice = setTimeout(() => setReconnecting(true), RECONNECTING_NOTICE_MS);
        else setReconnecting(false);
      },
    });
    return () => {
      clearTimeout(notice);
      stream.close();
      cache.dispose();
      notifier.dispose();
    };
  }, [client, queryClient, store, userId]);

  useEffect(() => {
    const onVisibility = () => {
      if (!isHidden()) store.markAllSeen();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [store]);
  useTitleCounter(useSyncExternalStore(store.subscribe, () => store.getState().unseen));

  const value = useMemo(
    (): RealtimeContextValue => ({ status, reconnecting, notifications: store }),
    [status, reconnecting, store],
  );
  return <RealtimeContext value={value}>{children}</RealtimeContext>;
}
