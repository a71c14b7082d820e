import type { QueryClient } from '@tanstack/react-query';
import type { TicketDetail } from '@whatrack/api-client';
import { messagesCache, type MessagesData } from '../reply/messagesCache';
import { replyMutationKey } from '../reply/replyMutationKey';
import { queryKeys } from '../../api/query-keys';

const MESSAGES = '/api/v1/conversations/{id}/messages';

export interface MessagesRefresher {
  /** Reads a conversation's chat again, if it is cached (active chats now, others when they open). */
  refresh: (conversationId: string) => void;
  /** The same for the chat holding `messageId`, or else the ticket's conversation. */
  refreshHolding: (ticketId: string, messageId: string) => void;
  dispose: () => void;
}

/**
 * Refetches of chats on `message.*` events. While a reply of the conversation is being sent, the refetch waits for
 * it to settle: an answer read before the API stored the reply would wipe it from the screen (as the chat's own
 * polling does, see MessagesThread).
 */
export function createMessagesRefresher(queryClient: QueryClient): MessagesRefresher {
  const waiting = new Set<string>();
  let unsubscribe: (() => void) | null = null;

  const replying = (conversationId: string) =>
    queryClient.isMutating({ mutationKey: replyMutationKey(conversationId) }) > 0;
  const refetch = (conversationId: string) =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId), refetchType: 'active' });

  const watchMutations = () => {
    unsubscribe ??= queryClient.getMutationCache().subscribe(() => {
      for (const conversationId of waiting) {
        if (replying(conversationId)) continue;
        waiting.delete(conversationId);
        refetch(conversationId);
      }
      if (waiting.size === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    });
  };

  const refresh = (conversationId: string) => {
    if (!queryClient.getQueryState(queryKeys.messages(conversationId))) return;
    if (!replying(conversationId)) return refetch(conversationId);
    waiting.add(conversationId);
    watchMutations();
  };

  return {
    refresh,
    refreshHolding(ticketId, messageId) {
      const holding = queryClient
        .getQueriesData<MessagesData>({ queryKey: queryKeys.all(MESSAGES) })
        .filter(([, data]) => messagesCache.find(data, messageId));
      for (const [key] of holding) {
        const conversationId = (key[2] as { params: { path: { id: string } } } | undefined)?.params.path.id;
        if (conversationId) refresh(conversationId);
      }
      if (holding.length > 0) return;
      const detail = queryClient.getQueryData<TicketDetail>(queryKeys.tickets.detail(ticketId));
      if (detail) refresh(detail.conversation.id);
    },
    dispose() {
      waiting.clear();
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
