import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/query-keys';
import { ticketItem, ticketList } from '../../test/fixtures';
import type { RealtimeEvent, RealtimeEventMap } from '../realtime/realtimeEvents';
import { createNotifier } from './createNotifier';
import type { NewNotification } from './notificationStore';

const ME = 'u-me';
const updated = (overrides: Partial<RealtimeEventMap['ticket.updated']>): RealtimeEvent => ({
  name: 'ticket.updated',
  id: '1',
  data: {
    ticketId: 't1',
    stageId: 's1',
    assigneeId: ME,
    dealValue: 0,
    status: 'open',
    unreadCount: 1,
    waitingSince: null,
    lastMessageAt: '2025-01-15T14:00:00.000Z',
    lastMessagePreview: 'Tem o 42?',
    lastMessageType: 'text',
    lastMessageDirection: 'in',
    updatedAt: '2025-01-15T14:00:00.000Z',
    ...overrides,
  },
});
const message = (ticketId: string, direction: 'in' | 'out' = 'in'): RealtimeEvent => ({
  name: 'message.created',
  id: '2',
  data: {
    ticketId,
    conversationId: 'c1',
    messageId: 'm1',
    direction,
    type: 'text',
    status: null,
    createdAt: '2025-01-15T14:00:00.000Z',
  },
});
const created = (ticketId: string, assigneeId: string | null = null): RealtimeEvent => ({
  name: 'ticket.created',
  id: '3',
  data: { ticketId, stageId: 's1', assigneeId, status: 'open', createdAt: '2025-01-15T14:00:00.000Z' },
});

let queryClient: QueryClient;
let notified: NewNotification[];
let viewing: string | null;
let notifier: ReturnType<typeof createNotifier>;

beforeEach(() => {
  vi.useFakeTimers();
  queryClient = new QueryClient();
  notified = [];
  viewing = null;
  queryClient.setQueryData(
    queryKeys.tickets.list({}),
    ticketList([
      ticketItem({ id: 't1', assigneeId: ME }),
      ticketItem({ id: 't2', leadName: 'Bia', assigneeId: 'u-x' }),
    ]),
  );
  notifier = createNotifier({
    queryClient,
    userId: ME,
    notify: (n) => notified.push(n),
    isViewing: (id) => id === viewing,
  });
});

afterEach(() => {
  notifier.dispose();
  vi.useRealTimers();
});

describe('createNotifier', () => {
  it('tells a new inbound message on my ticket, with its preview, whichever event comes first', () => {
    notifier.handle(message('t1'));
    notifier.handle(updated({ lastMessagePreview: 'Tem o 42?' }));
    expect(notified).toEqual([]); // It settles first.
    vi.advanceTimersByTime(1000);
    expect(notified).toEqual([{ kind: 'newMessage', ticketId: 't1', leadName: 'João Silva', preview: 'Tem o 42?' }]);
  });

  it("ignores outbound messages and messages on other people's tickets", () => {
    notifier.handle(message('t1', 'out'));
    notifier.handle(message('t2'));
    vi.advanceTimersByTime(1000);
    expect(notified).toEqual([]);
  });

  it('tells every new ticket, but not one this tab just created', async () => {
    notifier.handle(created('t9'));
    vi.advanceTimersByTime(1000);
    expect(notified).toEqual([{ kind: 'newTicket', ticketId: 't9', leadName: null, preview: null }]);

    const mutation = queryClient
      .getMutationCache()
      .build(queryClient, { mutationFn: () => Promise.resolve({ id: 't8' }) });
    void mutation.execute(undefined);
    notifier.handle(created('t8')); // The stream can beat the HTTP answer.
    await vi.advanceTimersByTimeAsync(1000);
    expect(notified).toHaveLength(1);
  });

  it('tells a ticket assigned to me by someone else, when who had it before is known', () => {
    notifier.handle(updated({ ticketId: 't2', assigneeId: ME }));
    notifier.handle(updated({ ticketId: 't7', assigneeId: ME })); // Never seen: an assignment cannot be told.
    notifier.handle(updated({ ticketId: 't1', assigneeId: ME })); // Already mine.
    vi.advanceTimersByTime(1000);
    expect(notified).toEqual([{ kind: 'assigned', ticketId: 't2', leadName: 'Bia', preview: null }]);

    notifier.handle(updated({ ticketId: 't7', assigneeId: null }));
    notifier.handle(updated({ ticketId: 't7', assigneeId: ME }));
    vi.advanceTimersByTime(1000);
    expect(notified.map((n) => n.ticketId)).toEqual(['t2', 't7']);
  });

  it('says nothing about the ticket the user is looking at', () => {
    viewing = 't1';
    notifier.handle(message('t1'));
    vi.advanceTimersByTime(1000);
    expect(notified).toEqual([]);
  });
});
