import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Message, unwrap } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../lib/useApi';
import { messagesCache } from './messagesCache';
import { replyMutationKey } from './replyMutationKey';

/**
 * POST /tickets/{id}/messages/{messageId}/retry for one failed reply. The API answers at once with the reply back to
 * pending, which replaces the failed one in the chat; a refusal stays the mutation's error, shown next to the reply.
 */
export function useRetryReply(conversationId: string, message: Pick<Message, 'id' | 'ticketId'>) {
  const { client } = useApi();
  const queryClient = useQueryClient();

  return useMutation({
    mutationKey: replyMutationKey(conversationId, 'retry'),
    mutationFn: async (): Promise<Message> => {
      return unwrap(
        await client.POST('/api/v1/tickets/{id}/messages/{messageId}/retry', {
          params: { path: { id: message.ticketId, messageId: message.id } },
        }),
      );
    },
    // A poll already under way would answer the reply as failed after the API's pending.
    onMutate: () => queryClient.cancelQueries({ queryKey: queryKeys.messages(conversationId) }),
    onSuccess: (stored) => {
      messagesCache.update(queryClient, conversationId, (data) => messagesCache.replace(data, stored));
    },
    onError: (error) => {
      // No longer failed (sent again from another tab, say) or the window closed: the chat and ticket are read again.
      if (ApiError.from(error).statusCode === 409) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(message.ticketId) });
      }
    },
  });
}
