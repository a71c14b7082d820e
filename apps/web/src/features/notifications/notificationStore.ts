export type NotificationKind = 'newTicket' | 'newMessage' | 'assigned' | 'mentioned';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  ticketId: string;
  leadName: string | null;
  /** The message text, for new messages. */
  preview: string | null;
  /** Who did it, for mentions in a note. */
  actorName?: string | null;
  at: string;
  read: boolean;
  /** Seen when it arrived in a visible tab, or once the user came back to the tab. */
  seen: boolean;
}

export interface NotificationState {
  items: readonly AppNotification[];
  /** The bell's count. */
  unread: number;
  /** The tab title's count: what arrived while the user was away. */
  unseen: number;
}

export type NewNotification = Pick<AppNotification, 'kind' | 'ticketId' | 'leadName' | 'preview' | 'actorName'>;

export interface NotificationStore {
  getState: () => NotificationState;
  subscribe: (listener: () => void) => () => void;
  /** Adds one (an unread one of the same kind and ticket is replaced and moves up); returns it. */
  add: (notification: NewNotification, options: { seen: boolean }) => AppNotification;
  markRead: (id: string) => void;
  markAllRead: () => void;
  markAllSeen: () => void;
}

/** Kept in memory for this tab: a list of what happened since it opened, not an inbox. */
const LIMIT = 50;

function stateOf(items: readonly AppNotification[]): NotificationState {
  return {
    items,
    unread: items.filter((item) => !item.read).length,
    unseen: items.filter((item) => !item.seen).length,
  };
}

export function createNotificationStore(now: () => Date = () => new Date()): NotificationStore {
  let state = stateOf([]);
  let sequence = 0;
  const listeners = new Set<() => void>();
  const set = (items: readonly AppNotification[]) => {
    state = stateOf(items);
    listeners.forEach((listener) => listener());
  };
  const update = (change: (item: AppNotification) => AppNotification) => {
    const items = state.items.map(change);
    if (items.some((item, index) => item !== state.items[index])) set(items);
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add: (notification, { seen }) => {
      const same = (item: AppNotification) =>
        !item.read && item.kind === notification.kind && item.ticketId === notification.ticketId;
      const previous = state.items.find(same);
      sequence += 1;
      const added: AppNotification = {
        ...notification,
        leadName: notification.leadName ?? previous?.leadName ?? null,
        id: `n${sequence}`,
        at: now().toISOString(),
        read: false,
        seen: seen && (previous?.seen ?? true),
      };
      set([added, ...state.items.filter((item) => !same(item))].slice(0, LIMIT));
      return added;
    },
    markRead: (id) => update((item) => (item.id === id && !item.read ? { ...item, read: true, seen: true } : item)),
    markAllRead: () => update((item) => (item.read ? item : { ...item, read: true, seen: true })),
    markAllSeen: () => update((item) => (item.seen ? item : { ...item, seen: true })),
  };
}
