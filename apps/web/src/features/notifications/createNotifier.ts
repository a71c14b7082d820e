import type { QueryClient } from '@tanstack/react-query';
import { cachedLeadName, cachedTicket } from '../realtime/cachedTicket';
import type { RealtimeEvent } from '../realtime/realtimeEvents';
import type { NewNotification } from './notificationStore';

export interface NotifierOptions {
  queryClient: QueryClient;
  /** The signed-in user (null for an API key session: nothing is "assigned to me"). */
  userId: string | null;
  notify: (notification: NewNotification) => void;
  /** The user is looking at this ticket right now: telling them would only be noise. */
  isViewing?: (ticketId: string) => boolean;
  /** How long an event waits before it is turned into a notification (see below). */
  settleMs?: number;
}

export interface Notifier {
  handle: (event: RealtimeEvent) => void;
  dispose: () => void;
}

const SETTLE_MS = 1000;
/** A change this tab made itself this recently is not news to the user. */
const OWN_CHANGE_MS = 15_000;

/**
 * Turns stream events into the user's notifications: every new ticket, a new inbound message on a ticket assigned to
 * the user, a ticket assigned to the user by someone else, a teammate's note that mentions the user. Each waits a moment before it is decided: the stream can
 * beat the HTTP answer of the user's own change, `message.created` and the `ticket.updated` with its assignee and
 * preview may come in either order, and a refetched list may by then know the lead's name.
 *
 * An assignment is only told when the previous assignee is known (from the cache or an earlier event): a
 * `ticket.updated` for a ticket never seen before cannot tell a new assignment from any other change.
 */
export function createNotifier({ queryClient, userId, notify, isViewing, settleMs = SETTLE_MS }: NotifierOptions) {
  const assignees = new Map<string, string | null>();
  const previews = new Map<string, string | null>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const assigneeOf = (ticketId: string): string | null | undefined => {
    if (assignees.has(ticketId)) return assignees.get(ticketId);
    return cachedTicket(queryClient, ticketId)?.assigneeId;
  };

  const ownChange = (ticketId: string) =>
    queryClient
      .getMutationCache()
      .getAll()
      .some(({ state }) => {
        if (Date.now() - state.submittedAt > OWN_CHANGE_MS) return false;
        const variables = state.variables as { id?: unknown } | null | undefined;
        const data = state.data as { id?: unknown } | null | undefined;
        return variables?.id === ticketId || data?.id === ticketId;
      });

  const later = (ticketId: string, decide: () => Omit<NewNotification, 'ticketId' | 'leadName'> | null) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (isViewing?.(ticketId)) return;
      const notification = decide();
      if (notification) notify({ ...notification, ticketId, leadName: cachedLeadName(queryClient, ticketId) });
    }, settleMs);
    timers.add(timer);
  };

  const handle = (event: RealtimeEvent) => {
    switch (event.name) {
      case 'ticket.created': {
        const { ticketId } = event.data;
        assignees.set(ticketId, event.data.assigneeId);
        later(ticketId, () => (ownChange(ticketId) ? null : { kind: 'newTicket', preview: null }));
        break;
      }
      case 'ticket.updated': {
        const { ticketId, assigneeId } = event.data;
        const before = assigneeOf(ticketId);
        assignees.set(ticketId, assigneeId);
        previews.set(ticketId, event.data.lastMessagePreview);
        if (userId === null || assigneeId !== userId || before === undefined || before === userId) break;
        later(ticketId, () => (ownChange(ticketId) ? null : { kind: 'assigned', preview: null }));
        break;
      }
      case 'message.created': {
        const { ticketId } = event.data;
        if (event.data.direction !== 'in' || userId === null) break;
        later(ticketId, () =>
          assigneeOf(ticketId) === userId ? { kind: 'newMessage', preview: previews.get(ticketId) ?? null } : null,
        );
        break;
      }
      case 'note.created': {
        const { ticketId, mentionedUserIds, authorUserId, authorName } = event.data;
        if (userId === null || authorUserId === userId || !mentionedUserIds.includes(userId)) break;
        later(ticketId, () => ({ kind: 'mentioned', preview: null, actorName: authorName }));
        break;
      }
      case 'message.updated':
      case 'note.deleted':
      case 'sale.created':
      case 'sale.deleted':
      case 'ready':
      case 'resync':
        break;
    }
  };

  return {
    handle,
    dispose: () => {
      timers.forEach(clearTimeout);
      timers.clear();
    },
  } satisfies Notifier;
}
