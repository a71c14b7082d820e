import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TicketDetail, TicketListItem, TicketListQuery } from '@whatrack/api-client';
import { isInfinite, isList } from '../tickets/ticketCache';
import { queryKeys } from '../../api/query-keys';
import type { RealtimeEventMap } from './realtimeEvents';

type TicketUpdated = RealtimeEventMap['ticket.updated'];

/** The fields of a cached ticket that a `ticket.updated` carries and that are copied as they are. */
export function queueFields(data: TicketUpdated) {
  return {
    dealValue: data.dealValue,
    status: data.status,
    unreadCount: data.unreadCount,
    waitingSince: data.waitingSince,
    lastMessageAt: data.lastMessageAt,
    lastMessagePreview: data.lastMessagePreview,
    lastMessageType: data.lastMessageType,
    lastMessageDirection: data.lastMessageDirection,
    updatedAt: data.updatedAt,
  };
}

type Fields = ReturnType<typeof queueFields>;

function patchItems<T extends { items: TicketListItem[] }>(page: T, id: string, fields: Fields): T {
  if (!page.items.some((item) => item.id === id)) return page;
  return { ...page, items: page.items.map((item) => (item.id === id ? { ...item, ...fields } : item)) };
}

/** Copies the event's fields into the ticket wherever it is cached: table pages, Kanban columns, detail. */
export function patchQueueFields(queryClient: QueryClient, data: TicketUpdated): void {
  const fields = queueFields(data);
  for (const [key, cached] of queryClient.getQueriesData({ queryKey: queryKeys.tickets.lists() })) {
    if (isInfinite(cached)) {
      const pages = cached.pages.map((page) => patchItems(page, data.ticketId, fields));
      if (pages.some((page, index) => page !== cached.pages[index]))
        queryClient.setQueryData(key, { ...cached, pages });
    } else if (isList(cached)) {
      const next = patchItems(cached, data.ticketId, fields);
      if (next !== cached) queryClient.setQueryData(key, next);
    }
  }
  queryClient.setQueryData<TicketDetail>(queryKeys.tickets.detail(data.ticketId), (detail) =>
    detail ? { ...detail, ...fields } : detail,
  );
}

/** Which field of the ticket decides the order of a list sorted by `sort`. */
const SORT_FIELD: Record<NonNullable<TicketListQuery['sort']>, keyof Fields | 'createdAt'> = {
  createdAt: 'createdAt',
  '-createdAt': 'createdAt',
  dealValue: 'dealValue',
  '-dealValue': 'dealValue',
  updatedAt: 'updatedAt',
  '-updatedAt': 'updatedAt',
  '-lastMessageAt': 'lastMessageAt',
  waitingSince: 'waitingSince',
};

/**
 * Whether a cached list may hold other rows, or rows in another order, after the queue fields changed from `before`
 * to `after`: it is sorted by a changed field, or filtered on waiting / unread whose answer changed. A patch keeps
 * rows where they are, so such lists are read again (a ticket can then move to the top or join the list).
 */
export function listDependsOnChange(key: QueryKey, before: Fields, after: Fields): boolean {
  const query = (key[2] as { params?: { query?: TicketListQuery } } | undefined)?.params?.query ?? {};
  const field = query.sort ? SORT_FIELD[query.sort] : undefined;
  if (field && field !== 'createdAt' && before[field] !== after[field]) return true;
  if (query.waiting !== undefined && (before.waitingSince === null) !== (after.waitingSince === null)) return true;
  if (query.unread !== undefined && before.unreadCount > 0 !== after.unreadCount > 0) return true;
  return false;
}
