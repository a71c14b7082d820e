import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../lib/useApi';

/** POST /webhook-events/{id}/retry; every page and filter of the list reloads, since the event may change status. */
export function useRetryWebhookEvent() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await client.POST('/api/v1/webhook-events/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEvents.all() }),
  });
}
