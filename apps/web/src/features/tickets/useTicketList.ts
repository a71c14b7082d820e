import { keepPreviousData } from '@tanstack/react-query';
import { useApi } from '../../lib/useApi';
import { toTicketQuery, type TicketFilters } from './ticketFilters';

export const TICKETS_PAGE_SIZE = 20;

/** One page of GET /tickets for the filters; the previous page stays on screen while the next one loads. */
export function useTicketList(filters: TicketFilters) {
  const { hooks } = useApi();
  return hooks.useQuery(
    'get',
    '/api/v1/tickets',
    { params: { query: toTicketQuery(filters, TICKETS_PAGE_SIZE) } },
    { placeholderData: keepPreviousData },
  );
}
