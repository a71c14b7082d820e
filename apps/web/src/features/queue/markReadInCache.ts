import type { QueryClient } from '@tanstack/react-query';
import type { TicketDetail, TicketList } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { isInfinite, isList } from '../tickets/ticketCache';
import type { QueueViewCounts } from './queueViews';

const readList = (list: TicketList, id: string): TicketList =>
  list.items.some((item) => item.id === id && item.unreadCount > 0)
    ? { ...list, items: list.items.map((item) => (item.id === id ? { ...item, unreadCount: 0 } : item)) }
    : list;

/**
 * After POST /tickets/{id}/read: the ticket's unread count is 0 in its detail, in every cached table page and Kanban
 * column, and the "unread" view counts one ticket less (if it was an open ticket with unread messages). Nothing is
 * fetched again; a ticket in a list filtered by `unread=true` stays on that page until it is next loaded.
 */
export function markReadInCache(queryClient: QueryClient, ticket: Pick<TicketDetail, 'id' | 'status' | 'unreadCount'>) {
  const { id } = ticket;
  queryClient.setQueryData<TicketDetail>(queryKeys.tickets.detail(id), (detail) =>
    detail ? { ...detail, unreadCount: 0 } : detail,
  );
  queryClient.setQueriesData<unknown>({ queryKey: queryKeys.tickets.lists() }, (data: unknown) => {
    if (isInfinite(data)) return { ...data, pages: data.pages.map((page) => readList(page, id)) };
    if (isList(data)) return readList(data, id);
    return data;
  });
  if (ticket.unreadCount > 0 && ticket.status === 'open') {
    queryClient.setQueryData<QueueViewCounts>(queryKeys.tickets.views(), (counts) =>
      counts ? { ...counts, unread: Math.max(0, counts.unread - 1) } : counts,
    );
  }
}
