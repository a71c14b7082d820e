import { unwrap } from '@whatrack/api-client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import { Spinner } from '../ui/Spinner';
import { queryKeys } from '../../api/query-keys';
import { useEnumLabels } from '../../i18n/useEnumLabels';

const PAGE_SIZE = 50;
const STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
const isKnownStatus = (status: string): status is (typeof STATUSES)[number] =>
  (STATUSES as readonly string[]).includes(status);

interface MessagesThreadProps {
  conversationId: string;
  ticketId: string;
}

/**
 * The WhatsApp conversation as a chat: it opens on the latest messages (read newest first, shown oldest first) and
 * loads older ones above; messages of the lead's other tickets are dimmed.
 */
export function MessagesThread({ conversationId, ticketId }: MessagesThreadProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { client } = useApi();
  const { dateTime } = useOrganizationFormat();
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
  });
  // Pages are offsets from the newest message: ones that arrive while the chat is open shift later pages, so a
  // message can come twice.
  const items = uniqueById(messages.data?.pages.flatMap((page) => page.items) ?? []).reverse();
  const statusLabel = (status: string) => (isKnownStatus(status) ? t(`ticket.messages.statuses.${status}`) : status);

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
          {messages.hasNextPage && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => void messages.fetchNextPage()}>
              {messages.isFetchingNextPage && <Spinner />}
              {t('ticket.messages.more')}
            </button>
          )}
          <ol className="chat">
            {items.map((message) => (
              <li
                key={message.id}
                className="chat-message"
                data-direction={message.direction}
                data-other={message.ticketId !== ticketId || undefined}
              >
                <span className="visually-hidden">{labels.messageDirection(message.direction)}: </span>
                <p className="chat-body">{message.body ?? t('ticket.messages.media', { type: message.type })}</p>
                <span className="chat-meta">
                  <time dateTime={message.sentAt}>{dateTime(message.sentAt)}</time>
                  {message.direction === 'out' && message.status && ` · ${statusLabel(message.status)}`}
                  {message.ticketId !== ticketId && ` · ${t('ticket.messages.otherTicket')}`}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}
