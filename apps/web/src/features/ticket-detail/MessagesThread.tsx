import { unwrap } from '@whatrack/api-client';
import { useInfiniteQuery, useIsMutating } from '@tanstack/react-query';
import type { TicketNote } from '@whatrack/api-client';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { usePermissions } from '../auth/usePermissions';
import { DeleteNoteDialog } from '../notes/DeleteNoteDialog';
import { NoteBubble } from '../notes/NoteBubble';
import { NotesLoadError } from '../notes/NotesLoadError';
import { threadItemKey, threadItems, type ThreadItem } from '../notes/threadItems';
import { useNoteMutations } from '../notes/useNoteMutations';
import { useTicketNotes } from '../notes/useTicketNotes';
import { isInFlight, isLocalMessage } from '../reply/messagesCache';
import { replyMutationKey } from '../reply/replyMutationKey';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import { Spinner } from '../ui/Spinner';
import { queryKeys } from '../../api/query-keys';
import { ChatMessageItem } from './ChatMessageItem';
import { useChatScroll } from './useChatScroll';
import { useLiveUpdates } from '../realtime/useLiveUpdates';

const PAGE_SIZE = 50;
/** While a reply is on its way and the realtime stream is down, the chat is read again this often. */
const STATUS_POLL_MS = 3000;

interface MessagesThreadProps {
  conversationId: string;
  ticketId: string;
  /** Shown under the chat (the reply composer). */
  children?: ReactNode;
}

/**
 * The WhatsApp conversation as a chat: it opens on the latest messages (read newest first, shown oldest first) and
 * loads older ones above; messages of the lead's other tickets are dimmed. Replies show their delivery ticks, which
 * move on screen: while one is pending or sent the chat is polled. The ticket's internal notes sit among the
 * messages in time order, styled apart; the chat does not wait for them, and shows the messages if they fail.
 */
export function MessagesThread({ conversationId, ticketId, children }: MessagesThreadProps) {
  const { t } = useTranslation();
  const { client } = useApi();
  const { user } = useAuthenticatedSession();
  const { canManage } = usePermissions();
  // A poll answered before the API stored a reply would wipe it from the screen: none while one is being sent.
  const replying = useIsMutating({ mutationKey: replyMutationKey(conversationId) }) > 0;
  // With the stream up, message.updated brings the delivery ticks (see features/realtime).
  const live = useLiveUpdates();
  const messages = useInfiniteQuery({
    queryKey: queryKeys.messages(conversationId),
    queryFn: async ({ pageParam, signal }) => {
      return unwrap(
        await client.GET('/api/v1/conversations/{id}/messages', {
          params: { path: { id: conversationId }, query: { page: pageParam, pageSize: PAGE_SIZE, order: 'desc' } },
          signal,
        }),
      );
    },
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    refetchInterval: (query) =>
      !live && !replying && query.state.data?.pages.some((page) => page.items.some(isInFlight))
        ? STATUS_POLL_MS
        : false,
  });
  const notes = useTicketNotes(ticketId);
  const { remove } = useNoteMutations(ticketId);
  const [deleting, setDeleting] = useState<TicketNote | null>(null);
  // Pages are offsets from the newest message: ones that arrive while the chat is open shift later pages, so a
  // message can come twice.
  const items = threadItems(
    {
      items: uniqueById(messages.data?.pages.flatMap((page) => page.items) ?? []).reverse(),
      hasMore: messages.hasNextPage,
    },
    { items: uniqueById(notes.data?.pages.flatMap((page) => page.items) ?? []).reverse(), hasMore: notes.hasNextPage },
  );
  const newest = items.at(-1);
  const isOwn = (item: ThreadItem) =>
    item.kind === 'message' ? isLocalMessage(item.message) : item.note.authorUserId === user?.id;
  const {
    ref: chatRef,
    hasNewBelow,
    toBottom,
  } = useChatScroll<HTMLDivElement>({
    first: items[0] && threadItemKey(items[0]),
    last: newest && threadItemKey(newest),
    lastIsOwn: newest ? isOwn(newest) : false,
  });
  const loadOlder = () => {
    if (messages.hasNextPage) void messages.fetchNextPage();
    if (notes.hasNextPage) void notes.fetchNextPage();
  };

  return (
    <section className="panel" aria-labelledby="messages-title">
      <h2 id="messages-title" className="panel-title">
        {t('ticket.messages.title')}
        {messages.data && <span className="muted small"> · {messages.data.pages[0]?.total ?? 0}</span>}
      </h2>
      {messages.isPending ? (
        <SkeletonList label={t('ticket.messages.loading')} rows={3} height={40} />
      ) : messages.isError ? (
        <QueryError error={messages.error} onRetry={() => void messages.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted small">{t('ticket.messages.empty')}</p>
      ) : (
        <>
          {(messages.hasNextPage || notes.hasNextPage) && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={loadOlder}>
              {(messages.isFetchingNextPage || notes.isFetchingNextPage) && <Spinner />}
              {t('ticket.messages.more')}
            </button>
          )}
          <div className="chat-frame">
            {/* A log: screen readers announce the messages that arrive; focusable so the keyboard scrolls it. */}
            <div ref={chatRef} className="chat" role="log" aria-label={t('queue.chat.label')} tabIndex={0}>
              <ol className="chat-list">
                {items.map((item) =>
                  item.kind === 'message' ? (
                    <ChatMessageItem
                      key={item.message.id}
                      message={item.message}
                      conversationId={conversationId}
                      ticketId={ticketId}
                    />
                  ) : (
                    <NoteBubble
                      key={threadItemKey(item)}
                      note={item.note}
                      canDelete={canManage || item.note.authorUserId === user?.id}
                      onDelete={(note) => {
                        remove.reset();
                        setDeleting(note);
                      }}
                    />
                  ),
                )}
              </ol>
            </div>
            {hasNewBelow && (
              <button
                type="button"
                className="chat-new-pill"
                title={t('queue.chat.newMessagesHint')}
                onClick={toBottom}
              >
                <span aria-hidden="true">↓ </span>
                {t('queue.chat.newMessages')}
              </button>
            )}
          </div>
        </>
      )}
      {notes.isError && <NotesLoadError onRetry={() => void notes.refetch()} />}
      {deleting && <DeleteNoteDialog note={deleting} remove={remove} onClose={() => setDeleting(null)} />}
      {children}
    </section>
  );
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}
