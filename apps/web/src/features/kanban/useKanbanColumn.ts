import { unwrap } from '@whatrack/api-client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/useApi';
import { BOARD_KEY_MARK } from '../tickets/ticketCache';
import { toTicketQuery, type TicketFilters } from '../tickets/ticketFilters';

export const COLUMN_PAGE_SIZE = 20;

/** The tickets of one stage, page by page (GET /tickets?stageId=…); the first page's summary heads the column. */
export function useKanbanColumn(filters: TicketFilters, stageId: string) {
  const { client } = useApi();
  const query = toTicketQuery({ ...filters, stageId, page: 1 }, COLUMN_PAGE_SIZE);
  return useInfiniteQuery({
    queryKey: ['get', '/api/v1/tickets', { params: { query } }, BOARD_KEY_MARK],
    queryFn: async ({ pageParam, signal }) => {
      return unwrap(
        await client.GET('/api/v1/tickets', {
          params: { query: { ...query, page: pageParam } },
          signal,
        }),
      );
    },
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}
