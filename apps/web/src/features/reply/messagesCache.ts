import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Message, MessageList } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';

/** The cached chat of a conversation: pages of `GET /conversations/{id}/messages`, newest first (page 1 first). */
export type MessagesData = InfiniteData<MessageList, number>;

/** Statuses a reply can still leave on its own: the chat polls while one of its messages has one of them. */
const IN_FLIGHT = new Set(['pending', 'sent']);

/** Whether an outbound message is still waiting for the provider (sending, or sent but not delivered yet). */
export function isInFlight(message: Pick<Message, 'direction' | 'status'>): boolean {
  return message.direction === 'out' && message.status !== null && IN_FLIGHT.has(message.status);
}

/** Id prefix of the replies shown before the API answered (never a server id: those are UUIDs). */
const LOCAL_PREFIX = 'local-';

export function localMessageId(key: string): string {
  return `${LOCAL_PREFIX}${key}`;
}

export function isLocalMessage(message: Pick<Message, 'id'>): boolean {
  return message.id.startsWith(LOCAL_PREFIX);
}

function withFirstPage(data: MessagesData, change: (page: MessageList) => MessageList): MessagesData {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  return { ...data, pages: [change(first), ...rest] };
}

function mapItems(data: MessagesData, change: (message: Message) => Message): MessagesData {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(change) })) };
}

const hasMessage = (data: MessagesData, id: string) => data.pages.some((page) => page.items.some((m) => m.id === id));

/**
 * Pure updates of the cached chat, as the reply mutations apply them. Each one leaves a chat that was never loaded
 * alone (undefined stays undefined: the thread will read the server's answer when it opens).
 */
export const messagesCache = {
  /** A reply typed just now, shown as the newest message. */
  prepend(data: MessagesData | undefined, message: Message): MessagesData | undefined {
    if (!data || hasMessage(data, message.id)) return data;
    return withFirstPage(data, (page) => ({ ...page, items: [message, ...page.items], total: page.total + 1 }));
  },

  /**
   * The API's answer takes the place of the reply shown before it (`localId`). A refetch may already have brought
   * the stored message (the local one then just goes) or dropped the local one (the stored one is then added).
   */
  settle(data: MessagesData | undefined, localId: string, stored: Message): MessagesData | undefined {
    if (!data) return data;
    if (hasMessage(data, stored.id)) return messagesCache.remove(data, localId);
    if (!hasMessage(data, localId)) return messagesCache.prepend(data, stored);
    return mapItems(data, (message) => (message.id === localId ? stored : message));
  },

  /** A message taken out (a reply the API refused, or a local one whose stored message is already there). */
  remove(data: MessagesData | undefined, id: string): MessagesData | undefined {
    if (!data || !hasMessage(data, id)) return data;
    return {
      ...data,
      pages: data.pages.map((page, index) => ({
        ...page,
        items: page.items.filter((message) => message.id !== id),
        total: index === 0 ? Math.max(0, page.total - 1) : page.total,
      })),
    };
  },

  /** One message replaced wherever it is loaded (a retried reply, back to pending). */
  replace(data: MessagesData | undefined, message: Message): MessagesData | undefined {
    if (!data) return data;
    return mapItems(data, (current) => (current.id === message.id ? message : current));
  },

  /** The message of `id` as cached, if loaded. */
  find(data: MessagesData | undefined, id: string): Message | undefined {
    for (const page of data?.pages ?? []) {
      const message = page.items.find((m) => m.id === id);
      if (message) return message;
    }
    return undefined;
  },

  /** Applies `change` to the cached chat of the conversation. */
  update(
    queryClient: QueryClient,
    conversationId: string,
    change: (data: MessagesData | undefined) => MessagesData | undefined,
  ): void {
    queryClient.setQueryData<MessagesData>(queryKeys.messages(conversationId), change);
  },

  read(queryClient: QueryClient, conversationId: string): MessagesData | undefined {
    return queryClient.getQueryData<MessagesData>(queryKeys.messages(conversationId));
  },
};
