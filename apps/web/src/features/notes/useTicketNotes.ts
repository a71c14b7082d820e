import { useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../lib/useApi';

/** The API's largest page: a ticket's notes are few, so one page is almost always all of them. */
const PAGE_SIZE = 100;

/** A ticket's internal notes, newest first, page by page (the chat merges them with its messages). */
export function useTicketNotes(ticketId: string) {
  const { client } = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.notes(ticketId),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await client.GET('/api/v1/tickets/{id}/notes', {
          params: { path: { id: ticketId }, query: { page: pageParam, pageSize: PAGE_SIZE, order: 'desc' } },
          signal,
        }),
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}
