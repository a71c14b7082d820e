import { keepPreviousData } from '@tanstack/react-query';
import { toTicketQuery, type TicketFilters } from './ticketFilters';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

export const TICKETS_PAGE_SIZE = 20;

/** One page of GET /tickets for the filters; the previous page stays on screen while the next one loads. */
export function useTicketList(filters: TicketFilters) {
  return useApiQuery(queryKeys.tickets.list(toTicketQuery(filters, TICKETS_PAGE_SIZE)), {
    placeholderData: keepPreviousData,
  });
}
