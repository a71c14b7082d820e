import type { QueryClient } from '@tanstack/react-query';
import type { TicketDetail, TicketListItem } from '@whatrack/api-client';
import { findListItem } from '../tickets/ticketCache';
import { queryKeys } from '../../api/query-keys';

/** The ticket as cached: a row of any list or column, else its detail (null when neither is loaded). */
export function cachedTicket(queryClient: QueryClient, id: string): TicketListItem | TicketDetail | null {
  const lists = queryClient.getQueriesData({ queryKey: queryKeys.tickets.lists() }).map(([, data]) => data);
  return findListItem(lists, id) ?? queryClient.getQueryData<TicketDetail>(queryKeys.tickets.detail(id)) ?? null;
}

/** The lead's name of a cached ticket. */
export function cachedLeadName(queryClient: QueryClient, id: string): string | null {
  const ticket = cachedTicket(queryClient, id);
  if (!ticket) return null;
  return ('leadName' in ticket ? ticket.leadName : ticket.lead.name) || null;
}
