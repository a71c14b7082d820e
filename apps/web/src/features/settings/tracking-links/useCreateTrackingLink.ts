import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, type CreateTrackingLinkBody } from '@whatrack/api-client';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../lib/useApi';

/** POST /tracking-links, then the list reloads so the new link shows with its (zero) counts. */
export function useCreateTrackingLink() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTrackingLinkBody) => unwrap(await client.POST('/api/v1/tracking-links', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.trackingLinks() }),
  });
}
