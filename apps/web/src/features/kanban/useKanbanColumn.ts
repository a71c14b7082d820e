import { unwrap } from '@whatrack/api-client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/useApi';
import { toTicketQuery, type TicketFilters } from '../tickets/ticketFilters';
import { queryKeys } from '../../api/query-keys';

export const COLUMN_PAGE_SIZE = 20;

/** The tickets of one stage, page by page (GET /tickets?stageId=…); the first page's summary heads the column. */
export function useKanbanColumn(filters: TicketFilters, stageId: string) {
  const { client } = useApi();
  const query = toTicketQuery({ ...filters, stageId, page: 1 }, COLUMN_PAGE_SIZE);
  return useInfiniteQuery({
    queryKey: queryKeys.tickets.board(query),
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
