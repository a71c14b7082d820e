import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateSaleBody, unwrap } from '@whatrack/api-client';
import { useApi } from '../../lib/useApi';
import { queryKeys } from '../../api/query-keys';

/** Adding and deleting sales; the ticket, its counters and every list (indicators) are reloaded afterwards. */
export function useSaleMutations(ticketId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(ticketId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() }),
    ]);
  const add = useMutation({
    mutationFn: async (body: CreateSaleBody) => {
      return unwrap(
        await client.POST('/api/v1/tickets/{ticketId}/sales', {
          params: { path: { ticketId } },
          body,
        }),
      );
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/sales/{id}', { params: { path: { id } } }));
    },
    onSuccess: refresh,
  });
  return { add, remove };
}
