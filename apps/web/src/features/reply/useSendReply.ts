import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Message, type TicketDetail, unwrap } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../lib/useApi';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { localMessageId, messagesCache } from './messagesCache';
import { replyMutationKey } from './replyMutationKey';

/** What the agent sends: free text, or an approved template with its variables (Cloud API lines). */
export type ReplyContent =
  | { kind: 'text'; text: string }
  | {
      kind: 'template';
      template: { name: string; language: string; variables: string[] };
      /** The body with the variables filled in: what the chat shows until the API answers with its own. */
      preview: string;
    };

export interface ReplyRequest {
  content: ReplyContent;
  /** One per reply the agent writes, kept when the same reply is sent again: the API then sends it only once. */
  idempotencyKey: string;
}

/** Errors after which the ticket is read again: its reply window or its line's credentials changed. */
const TICKET_STALE_CODES: readonly string[] = ['reply_window_closed', 'whatsapp_line_not_configured'];

/**
 * POST /tickets/{id}/messages. The reply shows at once in the chat's cache as pending (a local message), the API's
 * stored message then takes its place, and a refused reply leaves the chat again (its error is the mutation's).
 * A request that got no answer is tried again with the same Idempotency-Key, so it is never sent twice.
 */
export function useSendReply(ticket: Pick<TicketDetail, 'id' | 'conversation'>) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const { user } = useAuthenticatedSession();
  const conversationId = ticket.conversation.id;

  return useMutation({
    mutationKey: replyMutationKey(conversationId, 'send'),
    mutationFn: async ({ content, idempotencyKey }: ReplyRequest): Promise<Message> => {
      const body = content.kind === 'text' ? { text: content.text } : { template: content.template };
      return unwrap(
        await client.POST('/api/v1/tickets/{id}/messages', {
          params: { path: { id: ticket.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      );
    },
    retry: (failures, error) => failures < 2 && ApiError.from(error).isNetworkError,
    retryDelay: 1000,
    onMutate: async ({ content, idempotencyKey }) => {
      // A poll already under way would answer without the reply and wipe it from the screen.
      await queryClient.cancelQueries({ queryKey: queryKeys.messages(conversationId) });
      const now = new Date().toISOString();
      const local: Message = {
        id: localMessageId(idempotencyKey),
        ticketId: ticket.id,
        direction: 'out',
        type: content.kind,
        body: content.kind === 'text' ? content.text : content.preview,
        status: 'pending',
        sentAt: now,
        createdAt: now,
        senderUserId: user?.id ?? null,
        senderName: user?.name ?? null,
        errorCode: null,
        errorTitle: null,
        content: null,
        context: null,
        reactions: [],
        deletedAt: null,
        media: null,
      };
      messagesCache.update(queryClient, conversationId, (data) => messagesCache.prepend(data, local));
      return { localId: local.id };
    },
    onSuccess: (stored, _request, context) => {
      messagesCache.update(queryClient, conversationId, (data) => messagesCache.settle(data, context.localId, stored));
      // The ticket's first response and last activity moved.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(ticket.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() });
    },
    onError: (error, _request, context) => {
      if (context)
        messagesCache.update(queryClient, conversationId, (data) => messagesCache.remove(data, context.localId));
      if (TICKET_STALE_CODES.includes(ApiError.from(error).code)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(ticket.id) });
      }
    },
  });
}
