import type { InfiniteData } from '@tanstack/react-query';
import type { TicketDetail, TicketList } from '@whatrack/api-client';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../../api/query-keys';
import { apiError, createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, ticketDetail, ticketItem, ticketList, users, viewCounts } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { QueueViewCounts } from './queueViews';

type Handler = Parameters<typeof createFakeFetch>[0][string];

const LIST_KEY = queryKeys.tickets.list({ pageSize: 20 });
const BOARD_KEY = queryKeys.tickets.board({ stageId: 's1' });

function renderDetail(routes: Record<string, Handler>) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail({ unreadCount: 3 })),
    'GET /api/v1/conversations/c1/messages': () => json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
    'GET /api/v1/tickets/t1/notes': () => json(200, { items: [], total: 0, page: 1, pageSize: 100 }),
    ...routes,
  });
  const view = renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' });
  // What the tickets page and the Kanban left in the cache before the agent opened the ticket.
  const cache = view.services.queryClient;
  cache.setQueryData(
    LIST_KEY,
    ticketList([ticketItem({ id: 't1', unreadCount: 3 }), ticketItem({ id: 't2', unreadCount: 1 })]),
  );
  cache.setQueryData<InfiniteData<TicketList>>(BOARD_KEY, {
    pages: [ticketList([ticketItem({ id: 't1', unreadCount: 3 })])],
    pageParams: [1],
  });
  cache.setQueryData(queryKeys.tickets.views(), viewCounts);
  const reads = () =>
    fetch.mock.calls.filter(([r]) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/tickets/t1/read');
  const listFetches = () =>
    fetch.mock.calls.filter(
      ([r]) => r.method === 'GET' && /^\/api\/v1\/tickets(\/views)?$/.test(new URL(r.url).pathname),
    );
  return { fetch, cache, reads, listFetches };
}

const unreadOf = (list: TicketList | undefined, id: string) => list?.items.find((item) => item.id === id)?.unreadCount;

describe('opening a ticket marks it read', () => {
  it('sends POST /read once and clears the badge in the detail, lists, Kanban columns and views without refetching them', async () => {
    let unread = 3;
    const { cache, reads, listFetches } = renderDetail({
      'GET /api/v1/tickets/t1': () => json(200, ticketDetail({ unreadCount: unread })),
      'POST /api/v1/tickets/t1/read': () => {
        unread = 0;
        return new Response(null, { status: 204 });
      },
    });

    await screen.findByRole('heading', { name: 'João Silva', level: 1 });
    await waitFor(() => expect(cache.getQueryData<TicketDetail>(queryKeys.tickets.detail('t1'))?.unreadCount).toBe(0));
    expect(reads()).toHaveLength(1);
    expect(unreadOf(cache.getQueryData<TicketList>(LIST_KEY), 't1')).toBe(0);
    expect(unreadOf(cache.getQueryData<TicketList>(LIST_KEY), 't2')).toBe(1);
    expect(unreadOf(cache.getQueryData<InfiniteData<TicketList>>(BOARD_KEY)?.pages[0], 't1')).toBe(0);
    expect(cache.getQueryData<QueueViewCounts>(queryKeys.tickets.views())).toEqual({ ...viewCounts, unread: 3 });
    expect(listFetches()).toHaveLength(0);

    // A new message while the ticket is open: the detail shows it unread again, but this visit already read it.
    unread = 1;
    await cache.invalidateQueries({ queryKey: queryKeys.tickets.detail('t1') });
    await waitFor(() => expect(cache.getQueryData<TicketDetail>(queryKeys.tickets.detail('t1'))?.unreadCount).toBe(1));
    expect(reads()).toHaveLength(1);
  });

  it('sends nothing for a ticket without unread messages', async () => {
    const { reads } = renderDetail({
      'GET /api/v1/tickets/t1': () => json(200, ticketDetail({ unreadCount: 0 })),
      'POST /api/v1/tickets/t1/read': () => new Response(null, { status: 204 }),
    });

    await screen.findByRole('heading', { name: 'João Silva', level: 1 });
    await screen.findByText('Nenhuma mensagem nesta conversa ainda.');
    expect(reads()).toHaveLength(0);
  });

  it('fails quietly: no error on screen, the badges stay', async () => {
    const { cache, reads } = renderDetail({
      'POST /api/v1/tickets/t1/read': () => apiError(500, 'Internal Server Error', 'boom'),
    });

    await screen.findByRole('heading', { name: 'João Silva', level: 1 });
    await waitFor(() => expect(reads()).toHaveLength(1));
    await screen.findByText('Nenhuma mensagem nesta conversa ainda.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(cache.getQueryData<TicketDetail>(queryKeys.tickets.detail('t1'))?.unreadCount).toBe(3);
    expect(unreadOf(cache.getQueryData<TicketList>(LIST_KEY), 't1')).toBe(3);
    expect(cache.getQueryData<QueueViewCounts>(queryKeys.tickets.views())).toEqual(viewCounts);
  });
});
