import type { QueryClient } from '@tanstack/react-query';
import type { TicketDetail, TicketListItem } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { isInfinite, isList } from './ticketCache';

/** Fields that a ticket row and the ticket's detail both carry, under the same names and types. */
export type PatchableTicketField =
  | 'dealValue'
  | 'status'
  | 'unreadCount'
  | 'waitingSince'
  | 'lastMessageAt'
  | 'lastMessagePreview'
  | 'lastMessageType'
  | 'lastMessageDirection'
  | 'updatedAt';
export type SharedTicketFields = Partial<Pick<TicketListItem & TicketDetail, PatchableTicketField>>;

function patchItems<T extends { items: TicketListItem[] }>(page: T, id: string, fields: SharedTicketFields): T {
  if (!page.items.some((item) => item.id === id)) return page;
  return { ...page, items: page.items.map((item) => (item.id === id ? { ...item, ...fields } : item)) };
}

/**
 * Copies `fields` into the ticket wherever it is cached (table pages, Kanban columns, detail), keeping rows where
 * they are; caches that do not hold the ticket are left as they are (no re-render).
 */
export function patchCachedTicket(queryClient: QueryClient, id: string, fields: SharedTicketFields): void {
  for (const [key, cached] of queryClient.getQueriesData({ queryKey: queryKeys.tickets.lists() })) {
    if (isInfinite(cached)) {
      const pages = cached.pages.map((page) => patchItems(page, id, fields));
      if (pages.some((page, index) => page !== cached.pages[index]))
        queryClient.setQueryData(key, { ...cached, pages });
    } else if (isList(cached)) {
      const next = patchItems(cached, id, fields);
      if (next !== cached) queryClient.setQueryData(key, next);
    }
  }
  queryClient.setQueryData<TicketDetail>(queryKeys.tickets.detail(id), (detail) =>
    detail ? { ...detail, ...fields } : detail,
  );
}
