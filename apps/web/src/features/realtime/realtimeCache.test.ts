import { QueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import type { Message, TicketDetail, TicketList } from '@whatrack/api-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replyMutationKey } from '../reply/replyMutationKey';
import { queryKeys } from '../../api/query-keys';
import { stageRefs, stages, ticketDetail, ticketItem, ticketList, users } from '../../test/fixtures';
import { createRealtimeCache, type RealtimeCache } from './realtimeCache';
import type { RealtimeEvent, RealtimeEventMap } from './realtimeEvents';

const updated = (overrides: Partial<RealtimeEventMap['ticket.updated']> = {}): RealtimeEvent => ({
  name: 'ticket.updated',
  id: '10',
  data: {
    ticketId: 't1',
    stageId: 's1',
    assigneeId: null,
    dealValue: 1500,
    status: 'open',
    unreadCount: 2,
    waitingSince: '2025-01-15T14:00:00.000Z',
    lastMessageAt: '2025-01-15T14:00:00.000Z',
    lastMessagePreview: 'Tem o 42?',
    lastMessageType: 'text',
    lastMessageDirection: 'in',
    updatedAt: '2025-01-15T14:00:00.000Z',
    ...overrides,
  },
});

const chat = (ids: string[]) => ({
  pages: [{ items: ids.map((id) => ({ id, ticketId: 't1' }) as Message), page: 1, pageSize: 50, total: ids.length }],
  pageParams: [1],
});

const other = ticketItem({ id: 't2', leadName: 'Outra', createdAt: '2025-01-14T10:00:00.000Z' });
const listKey = queryKeys.tickets.list({ page: 1, pageSize: 20 });
const queueKey = queryKeys.tickets.list({ page: 1, pageSize: 20, sort: '-lastMessageAt' });
const unreadKey = queryKeys.tickets.list({ unread: true });
const novoColumn = queryKeys.tickets.board({ stageId: 's1' });
const negociacaoColumn = queryKeys.tickets.board({ stageId: 's2' });
const detailKey = queryKeys.tickets.detail('t1');
const viewsKey = queryKeys.tickets.views();
const salesKey = ['get', '/api/v1/tickets/{ticketId}/sales', { params: { path: { ticketId: 't1' } } }] as const;
const otherSalesKey = ['get', '/api/v1/tickets/{ticketId}/sales', { params: { path: { ticketId: 't2' } } }] as const;

let queryClient: QueryClient;
let cache: RealtimeCache;

const column = (items = [ticketItem(), other]): InfiniteData<TicketList> => ({
  pages: [ticketList(items)],
  pageParams: [1],
});
const invalidated = (key: QueryKey) => queryClient.getQueryState(key)?.isInvalidated ?? false;
const apply = (event: RealtimeEvent) => {
  cache.apply(event);
  vi.advanceTimersByTime(50); // The batch window.
};

beforeEach(() => {
  vi.useFakeTimers();
  queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.stages(), { items: stages });
  queryClient.setQueryData(queryKeys.users(), { items: users });
  queryClient.setQueryData(listKey, ticketList([ticketItem(), other]));
  queryClient.setQueryData(queueKey, ticketList([other, ticketItem()]));
  queryClient.setQueryData(unreadKey, ticketList([]));
  queryClient.setQueryData(novoColumn, column());
  queryClient.setQueryData(negociacaoColumn, column([]));
  queryClient.setQueryData(detailKey, ticketDetail()); // In stage s1 (Novo), like the list rows.
  queryClient.setQueryData(viewsKey, { mine: 0, unassigned: 1, unread: 0, waiting: 0 });
  queryClient.setQueryData(salesKey, { items: [] });
  queryClient.setQueryData(otherSalesKey, { items: [] });
  queryClient.setQueryData(queryKeys.messages('c1'), chat(['m1']));
  cache = createRealtimeCache(queryClient);
});

afterEach(() => {
  cache.dispose();
  queryClient.clear();
  vi.useRealTimers();
});

describe('createRealtimeCache', () => {
  it('patches the ticket in every list page, Kanban column and the detail from ticket.updated', () => {
    apply(updated());
    const expected = { unreadCount: 2, lastMessagePreview: 'Tem o 42?', lastMessageDirection: 'in' };
    expect(queryClient.getQueryData<TicketList>(listKey)?.items[0]).toMatchObject(expected);
    expect(queryClient.getQueryData<TicketList>(listKey)?.items[1]).toEqual(other);
    expect(queryClient.getQueryData<InfiniteData<TicketList>>(novoColumn)?.pages[0]?.items[0]).toMatchObject(expected);
    expect(queryClient.getQueryData<TicketDetail>(detailKey)).toMatchObject(expected);
    // Same stage, assignee and status: nothing is read again but the lists ordered or filtered by what changed.
    expect(invalidated(listKey)).toBe(false);
    expect(invalidated(novoColumn)).toBe(false);
    expect(invalidated(detailKey)).toBe(false);
    expect(invalidated(queueKey)).toBe(true);
    expect(invalidated(unreadKey)).toBe(true);
    expect(invalidated(viewsKey)).toBe(true);
  });

  it('reads nothing again when a ticket.updated changes nothing a list depends on', () => {
    apply(updated({ unreadCount: 0, waitingSince: null, lastMessageAt: null, updatedAt: ticketItem().updatedAt }));
    for (const key of [listKey, queueKey, unreadKey, novoColumn, detailKey, viewsKey]) {
      expect(invalidated(key), JSON.stringify(key)).toBe(false);
    }
  });

  it('moves the card to its new column and refetches lists, views, detail and sales on a stage change', () => {
    apply(updated({ stageId: 's2', assigneeId: users[1].id }));
    const ids = (key: QueryKey) =>
      queryClient.getQueryData<InfiniteData<TicketList>>(key)?.pages[0]?.items.map((item) => item.id);
    expect(ids(novoColumn)).toEqual(['t2']);
    expect(ids(negociacaoColumn)).toEqual(['t1']);
    expect(queryClient.getQueryData<TicketList>(listKey)?.items[0]).toMatchObject({
      stage: stageRefs.negociacao,
      assigneeId: users[1].id,
      assigneeName: 'Ana Souza',
    });
    expect(queryClient.getQueryData<TicketDetail>(detailKey)?.stage.id).toBe('s2');
    for (const key of [listKey, novoColumn, negociacaoColumn, viewsKey, detailKey, salesKey]) {
      expect(invalidated(key), JSON.stringify(key)).toBe(true);
    }
    expect(invalidated(otherSalesKey)).toBe(false);
  });

  it("keeps this tab's optimistic change while its PATCH is on its way, and still shows the new message", async () => {
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: () => new Promise<never>(() => undefined),
    });
    void mutation.execute({ id: 't1' }).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    apply(updated({ stageId: 's2', dealValue: 9 }));
    expect(queryClient.getQueryData<TicketList>(listKey)?.items[0]).toMatchObject({
      stage: stageRefs.novo,
      dealValue: 1500,
      unreadCount: 2,
      lastMessagePreview: 'Tem o 42?',
    });
    expect(invalidated(listKey)).toBe(false);
  });

  it('refetches the lists for a ticket it has never seen', () => {
    apply(updated({ ticketId: 't9' }));
    expect(invalidated(listKey)).toBe(true);
    expect(queryClient.getQueryData(queryKeys.tickets.detail('t9'))).toBeUndefined();
  });

  it('invalidates the lists, board and views on ticket.created and sale events, not the chats', () => {
    cache.apply({
      name: 'ticket.created',
      id: '11',
      data: { ticketId: 't9', stageId: 's1', assigneeId: null, status: 'open', createdAt: '2025-01-15T14:00:00.000Z' },
    });
    expect(invalidated(listKey)).toBe(false); // Batched…
    vi.advanceTimersByTime(50);
    for (const key of [listKey, novoColumn, viewsKey]) expect(invalidated(key)).toBe(true);
    expect(invalidated(detailKey)).toBe(false);
    expect(invalidated(queryKeys.messages('c1'))).toBe(false);

    queryClient.setQueryData(listKey, ticketList([]));
    apply({ name: 'sale.created', id: '12', data: { ticketId: 't1', saleId: 'x', value: 10 } });
    for (const key of [listKey, detailKey, salesKey]) expect(invalidated(key)).toBe(true);
    expect(invalidated(otherSalesKey)).toBe(false);
  });

  it('refetches the chat of a message.created only when it is cached', () => {
    apply({
      name: 'message.created',
      id: '13',
      data: {
        ticketId: 't2',
        conversationId: 'c2',
        messageId: 'm9',
        direction: 'in',
        type: 'text',
        status: null,
        createdAt: '2025-01-15T14:00:00.000Z',
      },
    });
    expect(queryClient.getQueryState(queryKeys.messages('c2'))).toBeUndefined();
    expect(invalidated(queryKeys.messages('c1'))).toBe(false);

    apply({ name: 'message.updated', id: '14', data: { ticketId: 't1', messageId: 'm1', status: 'read' } });
    expect(invalidated(queryKeys.messages('c1'))).toBe(true);
  });

  it('waits for a reply being sent before reading its chat again', async () => {
    let finish!: () => void;
    const stored = new Promise<void>((done) => (finish = done));
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationKey: replyMutationKey('c1', 'send'),
      mutationFn: () => stored,
    });
    const sending = mutation.execute(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(queryClient.isMutating()).toBe(1);
    apply({ name: 'message.updated', id: '15', data: { ticketId: 't1', messageId: 'other', status: null } });
    expect(invalidated(queryKeys.messages('c1'))).toBe(false);
    finish();
    await sending;
    expect(invalidated(queryKeys.messages('c1'))).toBe(true);
  });

  it('refetches what was read before the stream was live on ready {resumed: false}, and everything on resync', () => {
    apply({ name: 'ready', id: '', data: { resumed: true } });
    expect(invalidated(listKey)).toBe(false);

    vi.advanceTimersByTime(1000);
    queryClient.setQueryData(queueKey, ticketList([])); // Read after the stream was live.
    apply({ name: 'ready', id: '', data: { resumed: false } });
    expect(invalidated(listKey)).toBe(true);
    expect(invalidated(queryKeys.messages('c1'))).toBe(true);

    queryClient.setQueryData(queueKey, ticketList([]));
    vi.setSystemTime(Date.now() - 5000);
    apply({ name: 'resync', id: '', data: {} });
    expect(invalidated(queueKey)).toBe(true);
  });
});
