import type { QueryClient } from '@tanstack/react-query';
import type { TicketDetail } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { patchCachedTicket } from '../tickets/patchCachedTicket';
import type { QueueViewCounts } from './queueViews';

/**
 * After POST /tickets/{id}/read: the ticket's unread count is 0 in its detail, in every cached table page and Kanban
 * column, and the "unread" view counts one ticket less (if it was an open ticket with unread messages). Nothing is
 * fetched again; a ticket in a list filtered by `unread=true` stays on that page until it is next loaded.
 */
export function markReadInCache(queryClient: QueryClient, ticket: Pick<TicketDetail, 'id' | 'status' | 'unreadCount'>) {
  patchCachedTicket(queryClient, ticket.id, { unreadCount: 0 });
  if (ticket.unreadCount > 0 && ticket.status === 'open') {
    queryClient.setQueryData<QueueViewCounts>(queryKeys.tickets.views(), (counts) =>
      counts ? { ...counts, unread: Math.max(0, counts.unread - 1) } : counts,
    );
  }
}
