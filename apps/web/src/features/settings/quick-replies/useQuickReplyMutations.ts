import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateQuickReplyBody, type QuickReply, unwrap } from '@whatrack/api-client';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../lib/useApi';

/** Creates a quick reply, or changes the one of `id`; the list reloads either way. */
export function useSaveQuickReply(id?: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateQuickReplyBody): Promise<QuickReply> => {
      if (!id) return unwrap(await client.POST('/api/v1/quick-replies', { body }));
      return unwrap(await client.PATCH('/api/v1/quick-replies/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.quickReplies() }),
  });
}

export function useDeleteQuickReply() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/quick-replies/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.quickReplies() }),
  });
}
